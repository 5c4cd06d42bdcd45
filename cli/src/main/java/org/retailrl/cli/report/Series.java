package org.retailrl.cli.report;

import java.util.Arrays;

/**
 * One named line of an x–y chart: points {@code (x[i], y[i])} in the units of the chart's axes,
 * drawn in the given order, with an optional shaded band {@code [lower[i], upper[i]]} (e.g. the
 * mean ± 95% confidence interval over seeds of docs/model.md §8's evaluation protocol). A series may be
 * empty; it then only appears in the legend. Arrays are copied.
 *
 * @param name   legend label
 * @param x      abscissae
 * @param y      ordinates, same length as {@code x}
 * @param lower  lower edge of the band, or {@code null} for no band
 * @param upper  upper edge of the band, or {@code null} for no band
 */
public record Series(String name, double[] x, double[] y, double[] lower, double[] upper) {

    /**
     * @throws IllegalArgumentException if a value is NaN or infinite (the message names the series
     *     and the index), lengths differ, or only one band edge is given, or lower[i] > upper[i]
     */
    public Series {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        if (x == null || y == null) {
            throw new IllegalArgumentException("series '" + name + "': x and y must not be null");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': x and y must have the same length, got "
                    + x.length + " and " + y.length);
        }
        if ((lower == null) != (upper == null)) {
            throw new IllegalArgumentException("series '" + name + "': lower and upper must both be given or both be null");
        }
        if (lower != null && (lower.length != x.length || upper.length != x.length)) {
            throw new IllegalArgumentException("series '" + name + "': lower and upper must have length "
                    + x.length + ", got " + lower.length + " and " + upper.length);
        }
        x = x.clone();
        y = y.clone();
        lower = lower == null ? null : lower.clone();
        upper = upper == null ? null : upper.clone();
        finite(name, "x", x);
        finite(name, "y", y);
        if (lower != null) {
            finite(name, "lower", lower);
            finite(name, "upper", upper);
            for (int i = 0; i < lower.length; i++) {
                if (lower[i] > upper[i]) {
                    throw new IllegalArgumentException("series '" + name + "': lower[" + i + "] = " + lower[i]
                            + " exceeds upper[" + i + "] = " + upper[i] + "; need lower <= upper");
                }
            }
        }
    }

    /** A series without a band. */
    public static Series of(String name, double[] x, double[] y) {
        return new Series(name, x, y, null, null);
    }

    /** A series over x = 1, 2, ..., n (e.g. per-episode values). */
    public static Series indexed(String name, double[] y) {
        if (y == null) {
            throw new IllegalArgumentException("series '" + name + "': y must not be null");
        }
        double[] x = new double[y.length];
        Arrays.setAll(x, i -> i + 1);
        return new Series(name, x, y, null, null);
    }

    static void finite(String name, String field, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("series '" + name + "': " + field + "[" + i + "] = " + v[i]
                        + "; values must be finite");
            }
        }
    }

    /** Number of points. */
    public int size() {
        return x.length;
    }

    /** Whether a band is drawn. */
    public boolean hasBand() {
        return lower != null;
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] lower() {
        return lower == null ? null : lower.clone();
    }

    @Override
    public double[] upper() {
        return upper == null ? null : upper.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && name.equals(s.name) && Arrays.equals(x, s.x) && Arrays.equals(y, s.y)
                && Arrays.equals(lower, s.lower) && Arrays.equals(upper, s.upper);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Series[" + name + ", " + x.length + " points" + (lower != null ? ", band" : "") + "]";
    }
}
