package org.retailrl.envs.inventory;

import java.util.Arrays;
import java.util.Locale;
import org.retailrl.core.random.SpecialFunctions;

/**
 * A discrete demand law on {@code 0, 1, 2, …} units per period for the classic inventory problems of
 * docs/model.md §7: Poisson, geometric (on {@code 0, 1, …}, {@code P(D = k) = (1−β)β^k}, mean
 * {@code β/(1−β)}), or empirical (given probabilities).
 *
 * <p><b>Truncation.</b> The law is held as a table {@code P(D = 0..K)} where {@code K} is the smallest
 * value with {@code P(D > K) < }{@link #TAIL}; the mass beyond {@code K} is added to {@code P(D = K)}.
 * Every simulator and every exact solver of §7 uses this same table, so they solve the same
 * problem; the truncated mean differs from the nominal one by less than {@code 1e-12} for the laws
 * of the test beds (reported by {@link #mean()}).
 *
 * <p><b>Sampling</b> is by inversion: one uniform {@code u ∈ [0, 1)}, the draw is the smallest
 * {@code k} with {@code u < P(D ≤ k)}, found by a sequential search that starts from a guide table of
 * {@value #GUIDE} buckets (Chen & Asau 1974): the same draw as a search from 0, usually in one or two steps.
 * A fixed {@code u} gives a draw that is monotone in the law's stochastic order, which is what
 * common random numbers need.
 */
public final class DemandLaw {
    /** Tail mass below which the table stops: {@code P(D > K) < TAIL}. */
    public static final double TAIL = 1e-15;
    /** Buckets of the sampling guide table. */
    static final int GUIDE = 256;
    /** Largest table length accepted. */
    public static final int MAX_SUPPORT = 100_000;

    /** The family of a law. */
    public enum Kind {
        /** Poisson with the given mean. */
        POISSON,
        /** Geometric on {0, 1, …} with the given mean. */
        GEOMETRIC,
        /** Probabilities given explicitly. */
        EMPIRICAL
    }

    private final Kind kind;
    private final double nominalMean;
    private final double[] given;
    private final double[] pmf;
    private final double[] cdf;
    // Guide table (Chen & Asau 1974): guide[j] is the smallest k with P(D <= k) > j/GUIDE, where the
    // search for u in [j/GUIDE, (j+1)/GUIDE) may start; same draws as a search from 0, fewer steps.
    private final int[] guide;
    private final double mean;
    private final double variance;

    private DemandLaw(Kind kind, double nominalMean, double[] given, double[] pmf) {
        this.kind = kind;
        this.nominalMean = nominalMean;
        this.given = given;
        this.pmf = pmf;
        this.cdf = new double[pmf.length];
        double c = 0;
        double m = 0;
        double m2 = 0;
        for (int k = 0; k < pmf.length; k++) {
            c += pmf[k];
            cdf[k] = c;
            m += k * pmf[k];
            m2 += (double) k * k * pmf[k];
        }
        // The last entry closes the law exactly, so a uniform below 1 always finds a value.
        cdf[pmf.length - 1] = 1.0;
        this.guide = new int[GUIDE];
        int g = 0;
        for (int j = 0; j < GUIDE; j++) {
            while (cdf[g] <= (double) j / GUIDE) {
                g++;
            }
            guide[j] = g;
        }
        this.mean = m;
        this.variance = Math.max(0, m2 - m * m);
    }

    /** Poisson demand with mean {@code mean ∈ (0, 1000]}. */
    public static DemandLaw poisson(double mean) {
        checkMean(mean);
        double[] p = new double[16];
        int k = 0;
        while (true) {
            double pk = Math.exp(-mean + k * Math.log(mean) - SpecialFunctions.logFactorial(k));
            if (k == p.length) {
                p = Arrays.copyOf(p, 2 * k);
            }
            p[k] = pk;
            // Past the mean the ratio P(k+1)/P(k) = mean/(k+1) < 1, so the tail beyond k is at most
            // pk·ρ/(1 − ρ) with ρ = mean/(k+1): a bound, not a rounded 1 − cumulative sum.
            double rho = mean / (k + 1);
            if (rho < 1 && pk * rho / (1 - rho) < TAIL) {
                break;
            }
            k++;
            checkSupport(k, "poisson");
        }
        return new DemandLaw(Kind.POISSON, mean, null, close(Arrays.copyOf(p, k + 1)));
    }

    /** Geometric demand on {@code {0, 1, …}} with mean {@code mean ∈ (0, 1000]}: {@code β = mean/(1+mean)}. */
    public static DemandLaw geometric(double mean) {
        checkMean(mean);
        double beta = mean / (1 + mean);
        // P(D > K) = β^{K+1} < TAIL.
        int last = (int) Math.ceil(Math.log(TAIL) / Math.log(beta));
        checkSupport(last, "geometric");
        double[] p = new double[last + 1];
        for (int k = 0; k <= last; k++) {
            p[k] = (1 - beta) * Math.pow(beta, k);
        }
        return new DemandLaw(Kind.GEOMETRIC, mean, null, close(p));
    }

    /**
     * Demand {@code k} with probability {@code probabilities[k] / Σ probabilities}; entries finite and
     * {@code >= 0}, at least one positive, at most {@link #MAX_SUPPORT}.
     */
    public static DemandLaw empirical(double[] probabilities) {
        if (probabilities == null || probabilities.length == 0 || probabilities.length > MAX_SUPPORT) {
            throw new IllegalArgumentException("demand probabilities must hold 1.." + MAX_SUPPORT + " entries, got "
                    + (probabilities == null ? "null" : probabilities.length));
        }
        double sum = 0;
        for (int k = 0; k < probabilities.length; k++) {
            double v = probabilities[k];
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("demand probabilities[" + k + "] must be finite and >= 0, got " + v);
            }
            sum += v;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("demand probabilities must have a positive sum, got " + sum);
        }
        int last = probabilities.length - 1;
        while (last > 0 && probabilities[last] == 0) {
            last--;
        }
        double[] p = new double[last + 1];
        for (int k = 0; k <= last; k++) {
            p[k] = probabilities[k] / sum;
        }
        return new DemandLaw(Kind.EMPIRICAL, Double.NaN, probabilities.clone(), close(p));
    }

    /** A law of the given kind: {@code parameter} is the mean (Poisson, geometric). */
    public static DemandLaw of(Kind kind, double mean) {
        if (kind == null) {
            throw new IllegalArgumentException("demand kind must be poisson or geometric, got null");
        }
        return switch (kind) {
            case POISSON -> poisson(mean);
            case GEOMETRIC -> geometric(mean);
            case EMPIRICAL -> throw new IllegalArgumentException("an empirical demand law needs its probabilities");
        };
    }

    private static double[] close(double[] p) {
        double head = 0;
        for (int k = 0; k < p.length - 1; k++) {
            head += p[k];
        }
        p[p.length - 1] = Math.max(0, 1 - head);
        return p;
    }

    private static void checkMean(double mean) {
        if (!(mean > 0 && mean <= 1000)) {
            throw new IllegalArgumentException("demand mean must be in (0, 1000], got " + mean);
        }
    }

    private static void checkSupport(int k, String what) {
        if (k >= MAX_SUPPORT) {
            throw new IllegalArgumentException(what + " demand needs more than " + MAX_SUPPORT
                    + " table entries; use a smaller mean");
        }
    }

    /** The family. */
    public Kind kind() {
        return kind;
    }

    /** The mean asked for (Poisson, geometric), NaN for an empirical law. */
    public double nominalMean() {
        return nominalMean;
    }

    /** The probabilities an empirical law was built from (a copy), null otherwise. */
    public double[] givenProbabilities() {
        return given == null ? null : given.clone();
    }

    /** {@code P(D = k)} of the table; 0 outside {@code 0..K}. */
    public double pmf(int k) {
        return k < 0 || k >= pmf.length ? 0 : pmf[k];
    }

    /** {@code P(D >= k)}. */
    public double tail(int k) {
        if (k <= 0) {
            return 1;
        }
        return k > pmf.length - 1 ? 0 : Math.max(0, 1 - cdf[k - 1]);
    }

    /** The whole table {@code P(D = 0..K)} (a copy). */
    public double[] table() {
        return pmf.clone();
    }

    /** {@code K}, the largest demand with positive table probability. */
    public int max() {
        return pmf.length - 1;
    }

    /** Mean of the table, units per period. */
    public double mean() {
        return mean;
    }

    /** Variance of the table. */
    public double variance() {
        return variance;
    }

    /** The draw for uniform {@code u ∈ [0, 1)}: the smallest {@code k} with {@code u < P(D ≤ k)}. */
    public int sample(double u) {
        int k = guide[(int) (u * GUIDE)];
        while (u >= cdf[k]) {
            k++;
        }
        return k;
    }

    /** The law of the sum of {@code n >= 1} independent copies (table of length {@code n·K + 1}). */
    public double[] convolutionPower(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("convolution power n must be >= 1, got " + n);
        }
        double[] acc = pmf.clone();
        for (int r = 1; r < n; r++) {
            acc = convolve(acc, pmf);
        }
        return acc;
    }

    /** The law of the sum of two independent integer variables on {@code 0..}, given as probability tables. */
    public static double[] convolve(double[] a, double[] b) {
        double[] next = new double[a.length + b.length - 1];
        for (int x = 0; x < a.length; x++) {
            if (a[x] == 0) {
                continue;
            }
            for (int y = 0; y < b.length; y++) {
                next[x + y] += a[x] * b[y];
            }
        }
        return next;
    }

    /** Short label, e.g. {@code poisson(5)}, {@code geometric(5)}, {@code empirical[0.2, 0.2, …]}. */
    public String label() {
        return switch (kind) {
            case POISSON -> "poisson(" + num(nominalMean) + ")";
            case GEOMETRIC -> "geometric(" + num(nominalMean) + ")";
            case EMPIRICAL -> "empirical" + Arrays.toString(given);
        };
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DemandLaw d && kind == d.kind && Double.compare(nominalMean, d.nominalMean) == 0
                && Arrays.equals(given, d.given);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + Double.hashCode(nominalMean)) + Arrays.hashCode(given);
    }

    @Override
    public String toString() {
        return label();
    }
}
