package org.retailrl.cli.report;

import java.util.Arrays;

/**
 * Gaussian kernel-density estimate of a univariate sample (used for the distribution of episode
 * rewards per policy in the recommendation scenarios of docs/model.md §3, as in Jiang et al. Fig. 2):
 * <pre>  f̂(x) = 1/(n h) · Σ_i φ((x − x_i) / h),   φ(u) = exp(−u²/2) / √(2π)</pre>
 * in units of 1/(unit of x). The default bandwidth is Silverman's rule of thumb (Silverman 1986,
 * eq. 3.31): {@code h = 0.9 · min(s, IQR / 1.34) · n^(−1/5)}, with {@code s} the sample standard
 * deviation (divisor n − 1) and IQR the interquartile range (linear interpolation between order
 * statistics). If one of s and IQR/1.34 is zero the other is used; if both are (n = 1 or all values
 * equal) the rule has no answer and {@code h = 0.1 · max(|x̄|, 1)} is used so the estimate is still
 * a proper density.
 *
 * <p>{@link StrictMath} is used so that a chart is byte-identical whichever way the JIT compiles
 * the loop ({@code Math.exp} may differ by an ulp between intrinsic and interpreted code).
 */
public final class KernelDensity {
    private static final double INV_SQRT_2PI = 1 / StrictMath.sqrt(2 * Math.PI);

    private final double[] sample;
    private final double bandwidth;

    /**
     * @param sample    the observations, at least one, all finite (copied)
     * @param bandwidth kernel standard deviation h > 0, in the units of the sample
     */
    public KernelDensity(double[] sample, double bandwidth) {
        this.sample = checked(sample);
        if (!(bandwidth > 0) || !Double.isFinite(bandwidth)) {
            throw new IllegalArgumentException("bandwidth must be finite and > 0, got " + bandwidth);
        }
        this.bandwidth = bandwidth;
    }

    /** The estimate with Silverman's bandwidth. */
    public static KernelDensity silverman(double[] sample) {
        return new KernelDensity(sample, silvermanBandwidth(sample));
    }

    /** Silverman's rule-of-thumb bandwidth, with the fall-backs described in the class comment. */
    public static double silvermanBandwidth(double[] sample) {
        double[] x = checked(sample);
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = n > 1 ? StrictMath.sqrt(ss / (n - 1)) : 0;
        Arrays.sort(x);
        double iqr = (quantile(x, 0.75) - quantile(x, 0.25)) / 1.34;
        double spread = sd > 0 && iqr > 0 ? Math.min(sd, iqr) : Math.max(sd, iqr);
        if (spread > 0) {
            return 0.9 * spread * StrictMath.pow(n, -0.2);
        }
        return 0.1 * Math.max(Math.abs(mean), 1);
    }

    /** Quantile of sorted data by linear interpolation between order statistics (Hyndman–Fan type 7). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double[] checked(double[] sample) {
        if (sample == null || sample.length == 0) {
            throw new IllegalArgumentException("sample must contain at least one value");
        }
        for (int i = 0; i < sample.length; i++) {
            if (!Double.isFinite(sample[i])) {
                throw new IllegalArgumentException("sample[" + i + "] = " + sample[i] + "; values must be finite");
            }
        }
        return sample.clone();
    }

    /** Kernel standard deviation h, in the units of the sample. */
    public double bandwidth() {
        return bandwidth;
    }

    /** Smallest observation. */
    public double min() {
        return Arrays.stream(sample).min().orElseThrow();
    }

    /** Largest observation. */
    public double max() {
        return Arrays.stream(sample).max().orElseThrow();
    }

    /** The estimated density at {@code x}, in 1/(unit of x). */
    public double density(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x must be finite, got " + x);
        }
        double sum = 0;
        for (double v : sample) {
            double u = (x - v) / bandwidth;
            sum += StrictMath.exp(-0.5 * u * u);
        }
        return sum * INV_SQRT_2PI / (sample.length * bandwidth);
    }

    /** The density at each of {@code xs}. */
    public double[] density(double[] xs) {
        double[] f = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            f[i] = density(xs[i]);
        }
        return f;
    }
}
