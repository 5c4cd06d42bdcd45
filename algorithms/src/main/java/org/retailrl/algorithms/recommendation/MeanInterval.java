package org.retailrl.algorithms.recommendation;

/**
 * A sample mean with its two-sided 95 % Student-t confidence interval {@code mean ± halfWidth}
 * (in the sample's units, here currency per episode), as used to report docs/model.md §3 evaluations.
 *
 * @param mean      sample mean
 * @param halfWidth {@code t_{0.975, n−1}·s/√n}; {@code NaN} when {@code n = 1}
 * @param n         sample size
 */
public record MeanInterval(double mean, double halfWidth, int n) {
    // t_{0.975, ν} for ν = 1..30 (scipy.stats.t.ppf, 6 decimals).
    private static final double[] T975 = {12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624,
        2.306004, 2.262157, 2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816,
        2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831,
        2.048407, 2.045230, 2.042272};
    private static final double Z975 = 1.959963984540054;

    /** The mean and 95 % interval of {@code x} ({@code n ≥ 1}, finite values). */
    public static MeanInterval of(double[] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("sample must have at least one value, got "
                    + (x == null ? "null" : "0"));
        }
        double mean = 0;
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k])) {
                throw new IllegalArgumentException("sample[" + k + "] must be finite, got " + x[k]);
            }
            mean += x[k];
        }
        mean /= x.length;
        if (x.length == 1) {
            return new MeanInterval(mean, Double.NaN, 1);
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (x.length - 1));
        return new MeanInterval(mean, t975(x.length - 1) * sd / Math.sqrt(x.length), x.length);
    }

    /** The interval of the paired differences {@code a[k] − b[k]} (common random numbers). */
    public static MeanInterval ofDifference(double[] a, double[] b) {
        if (a == null || b == null || a.length != b.length) {
            throw new IllegalArgumentException("paired samples must have equal lengths");
        }
        double[] d = new double[a.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = a[k] - b[k];
        }
        return of(d);
    }

    /**
     * The 0.975 quantile of Student's t with {@code nu ≥ 1} degrees of freedom: a table up to 30,
     * beyond it the Cornish–Fisher expansion to {@code ν^{-3}} (error below {@code 2·10^{-6}}).
     */
    public static double t975(int nu) {
        if (nu < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + nu);
        }
        if (nu <= T975.length) {
            return T975[nu - 1];
        }
        double z = Z975;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        return z + (z3 + z) / (4.0 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * nu * nu)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384.0 * nu * nu * nu);
    }

    /** Lower end of the interval. */
    public double low() {
        return mean - halfWidth;
    }

    /** Upper end of the interval. */
    public double high() {
        return mean + halfWidth;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.2f ± %.2f (n=%d, 95%%)", mean, halfWidth, n);
    }
}
