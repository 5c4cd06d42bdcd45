package org.retailrl.algorithms.eval;

/**
 * Mean of a sample with its two-sided Student-t confidence interval (docs/model.md §8 evaluation
 * protocol): {@code mean ± t_{(1+level)/2, n−1} · sd/√n}. Units are those of the sample
 * (currency per episode for profits). With {@code n = 1} the half-width is infinite.
 *
 * @param n sample size
 * @param mean sample mean
 * @param sd sample standard deviation (divisor {@code n − 1}; 0 when {@code n = 1})
 * @param level confidence level, e.g. 0.95
 * @param halfWidth half-width of the interval
 */
public record Summary(int n, double mean, double sd, double level, double halfWidth) {

    /** Summarises {@code xs} at confidence {@code level ∈ (0, 1)}. */
    public static Summary of(double[] xs, double level) {
        if (xs == null || xs.length == 0) {
            throw new IllegalArgumentException("sample must hold at least one value");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        int n = xs.length;
        double mean = 0;
        for (double x : xs) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("sample values must be finite, got " + x);
            }
            mean += x;
        }
        mean /= n;
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        double hw = n > 1 ? StudentT.twoSided(level, n - 1) * sd / Math.sqrt(n) : Double.POSITIVE_INFINITY;
        return new Summary(n, mean, sd, level, hw);
    }

    /** Lower end of the interval. */
    public double lower() {
        return mean - halfWidth;
    }

    /** Upper end of the interval. */
    public double upper() {
        return mean + halfWidth;
    }

    /** Standard error of the mean, {@code sd/√n}. */
    public double standardError() {
        return sd / Math.sqrt(n);
    }

    /** True when {@code x} lies in the closed interval. */
    public boolean covers(double x) {
        return x >= lower() && x <= upper();
    }
}
