package org.retailrl.cli.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * "Nice" axis ticks: equally spaced values whose step is 1, 2 or 5 times a power of ten, and their
 * labels in plain decimal notation without trailing zeros (scientific notation such as
 * {@code 2.5e12} only for magnitudes of 10<sup>9</sup> and more or steps below 10<sup>-6</sup>).
 * Values are in the units of the data; {@link #lo()} and {@link #hi()} are the axis domain.
 * Presentation only: it implements no equation of docs/model.md.
 */
public final class Ticks {
    private static final int MAX_TICKS = 1000;
    /** Relative slack so that e.g. 0.3 / 0.1 = 2.9999999999999996 still counts as 3 steps. */
    private static final double SLACK = 1e-9;

    private final double lo;
    private final double hi;
    private final double step;
    private final double[] values;

    private Ticks(double lo, double hi, double step, double[] values) {
        this.lo = lo;
        this.hi = hi;
        this.step = step;
        this.values = values;
    }

    /**
     * Ticks inside {@code [min, max]} with about {@code target} intervals; the domain is
     * {@code [min, max]} itself. Example: {@code within(0, 87, 5)} gives 0, 20, 40, 60, 80.
     */
    public static Ticks within(double min, double max, int target) {
        check(min, max, target);
        double[] r = widen(min, max);
        double step = niceStep(r[0], r[1], target);
        long first = (long) Math.ceil(r[0] / step - SLACK);
        long last = (long) Math.floor(r[1] / step + SLACK);
        return new Ticks(r[0], r[1], step, values(first, last, step));
    }

    /**
     * Ticks whose first and last value enclose {@code [min, max]}; the domain is extended to them,
     * which is what a chart axis wants. Example: {@code covering(0, 87, 5)} gives 0, 20, ..., 100.
     */
    public static Ticks covering(double min, double max, int target) {
        check(min, max, target);
        double[] r = widen(min, max);
        double step = niceStep(r[0], r[1], target);
        long first = (long) Math.floor(r[0] / step + SLACK);
        long last = (long) Math.ceil(r[1] / step - SLACK);
        double[] v = values(first, last, step);
        return new Ticks(Math.min(r[0], v[0]), Math.max(r[1], v[v.length - 1]), step, v);
    }

    private static void check(double min, double max, int target) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("min and max must be finite with min <= max, got ["
                    + min + ", " + max + "]");
        }
        if (target < 1 || target > 100) {
            throw new IllegalArgumentException("target must be in [1, 100], got " + target);
        }
    }

    /**
     * A constant range gets a width (±10% of its magnitude, or ±1 at zero), so a constant series
     * still has an axis; a span below 10<sup>-12</sup> of the magnitude is widened to that, because
     * finer ticks could not be told apart in double precision.
     */
    private static double[] widen(double min, double max) {
        double mag = Math.max(Math.abs(min), Math.abs(max));
        double mid = min / 2 + max / 2;
        if (max == min) {
            double half = mag == 0 ? 1 : Math.max(mag * 0.1, Double.MIN_NORMAL);
            return new double[] {mid - half, mid + half};
        }
        double minSpan = Math.max(mag * 1e-12, Double.MIN_NORMAL);
        if (max - min < minSpan) {
            return new double[] {mid - minSpan / 2, mid + minSpan / 2};
        }
        return new double[] {min, max};
    }

    private static double niceStep(double min, double max, int target) {
        // Halves first so that a span like [-1e308, 1e308] does not overflow to infinity.
        double raw = (max / 2 - min / 2) / target * 2;
        double exp = Math.floor(StrictMath.log10(raw));
        double unit = StrictMath.pow(10, exp);
        double f = raw / unit;
        double nice = f <= 1 + SLACK ? 1 : f <= 2 + SLACK ? 2 : f <= 5 + SLACK ? 5 : 10;
        return nice * unit;
    }

    private static double[] values(long first, long last, double step) {
        if (last - first + 1 > MAX_TICKS) {
            throw new IllegalStateException("tick count " + (last - first + 1) + " exceeds " + MAX_TICKS);
        }
        double[] v = new double[(int) (last - first + 1)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (first + i) * step;
        }
        return v;
    }

    /** Lower end of the axis domain. */
    public double lo() {
        return lo;
    }

    /** Upper end of the axis domain. */
    public double hi() {
        return hi;
    }

    /** Distance between neighbouring ticks. */
    public double step() {
        return step;
    }

    /** The tick values, ascending (a copy). */
    public double[] values() {
        return values.clone();
    }

    /**
     * The tick labels, formatted with the precision the step needs; one notation for the whole
     * axis, so that 9e8 and 1e9 are not written differently side by side.
     */
    public String[] labels() {
        double mag = 0;
        for (double v : values) {
            mag = Math.max(mag, Math.abs(v));
        }
        boolean sci = scientific(mag, step);
        String[] s = new String[values.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = format(values[i], step, sci);
        }
        return s;
    }

    /** Maps {@code v} from the domain to {@code [a, b]} (a at {@code lo}, b at {@code hi}). */
    double map(double v, double a, double b) {
        double t = (v / 2 - lo / 2) / (hi / 2 - lo / 2);
        return a + t * (b - a);
    }

    /**
     * Formats {@code v} with as many decimals as {@code step} needs and no trailing zeros:
     * {@code format(0.30000000000000004, 0.1)} is {@code "0.3"}, {@code format(100, 20)} is
     * {@code "100"}.
     */
    public static String format(double v, double step) {
        if (!Double.isFinite(v) || !(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("v and step must be finite with step > 0, got v=" + v
                    + ", step=" + step);
        }
        return format(v, step, scientific(Math.abs(v), step));
    }

    private static boolean scientific(double magnitude, double step) {
        return magnitude >= 1e9 || Math.floor(StrictMath.log10(step) + SLACK) < -6;
    }

    private static String format(double v, double step, boolean sci) {
        int stepExp = (int) Math.floor(StrictMath.log10(step) + SLACK);
        if (Math.abs(v) < step * 1e-6) {
            return "0";
        }
        if (sci) {
            int vExp = (int) Math.floor(StrictMath.log10(Math.abs(v)));
            return scientific(v, Math.max(1, vExp - stepExp + 1));
        }
        BigDecimal bd = new BigDecimal(v).setScale(Math.max(0, -stepExp), RoundingMode.HALF_EVEN);
        return plain(bd);
    }

    /** Formats {@code v} to {@code digits} significant digits, same notation rules as above. */
    public static String significant(double v, int digits) {
        if (!Double.isFinite(v) || digits < 1 || digits > 17) {
            throw new IllegalArgumentException("v must be finite and digits in [1, 17], got v=" + v
                    + ", digits=" + digits);
        }
        if (v == 0) {
            return "0";
        }
        int vExp = (int) Math.floor(StrictMath.log10(Math.abs(v)));
        if (Math.abs(v) >= 1e9 || vExp < -6) {
            return scientific(v, digits);
        }
        return plain(new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)));
    }

    private static String plain(BigDecimal bd) {
        if (bd.signum() == 0) {
            return "0";
        }
        return bd.stripTrailingZeros().toPlainString();
    }

    private static String scientific(double v, int digits) {
        BigDecimal bd = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
        String u = bd.unscaledValue().abs().toString();
        int exp = u.length() - 1 - bd.scale();
        String mant = u.length() == 1 ? u : u.charAt(0) + "." + u.substring(1);
        return (bd.signum() < 0 ? "-" : "") + mant + "e" + exp;
    }

    @Override
    public String toString() {
        return "Ticks[" + lo + ", " + hi + ", step " + step + ": " + Arrays.toString(labels()) + "]";
    }
}
