package org.retailrl.algorithms.recommendation;

import java.util.Arrays;
import org.retailrl.core.random.Rng;

/**
 * How concentrated a policy's episode rewards are (docs/model.md §3: Jiang et al. Fig. 2 reads
 * "more concentrated" off kernel densities; this makes it a number): the sample standard
 * deviation ({@code n − 1}) and the interquartile range (quantiles by linear interpolation,
 * numpy's default), both in currency per episode, and a paired percentile bootstrap of the ratio
 * of two policies' spreads over common-random-number episodes.
 */
public final class Spread {
    private Spread() {
    }

    /** Sample standard deviation of {@code x} ({@code n >= 2}). */
    public static double sd(double[] x) {
        if (x.length < 2) {
            throw new IllegalArgumentException("sample must have at least 2 values, got " + x.length);
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /** The {@code q}-quantile of {@code x}, {@code q ∈ [0, 1]}, by linear interpolation. */
    public static double quantile(double[] x, double q) {
        if (x.length == 0) {
            throw new IllegalArgumentException("sample must not be empty");
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in [0, 1], got " + q);
        }
        double[] s = x.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /** Interquartile range {@code Q(0.75) − Q(0.25)}. */
    public static double iqr(double[] x) {
        return quantile(x, 0.75) - quantile(x, 0.25);
    }

    /**
     * A ratio of spreads with its 95 % percentile-bootstrap interval.
     *
     * @param ratio estimate on the full sample
     * @param low   2.5 % bootstrap quantile
     * @param high  97.5 % bootstrap quantile
     */
    public record Ratio(double ratio, double low, double high) {
    }

    /**
     * {@code sd(a)/sd(b)} (or the IQR ratio when {@code useIqr}) with a paired bootstrap: the
     * columns of {@code a} and {@code b} ({@code [groups][episodes]}, the same episode index =
     * the same common random numbers) are resampled together, {@code resamples} times from a
     * stream seeded {@code seed}; every group (training seed) of a resampled column is kept.
     */
    public static Ratio ratio(double[][] a, double[][] b, boolean useIqr, int resamples, long seed) {
        int e = a[0].length;
        for (double[] r : a) {
            check(r.length, e);
        }
        for (double[] r : b) {
            check(r.length, e);
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        }
        double full = stat(flatten(a, null), useIqr) / stat(flatten(b, null), useIqr);
        Rng rng = Rng.stream(seed, 0);
        double[] boot = new double[resamples];
        int[] idx = new int[e];
        for (int r = 0; r < resamples; r++) {
            for (int k = 0; k < e; k++) {
                idx[k] = rng.nextInt(e);
            }
            boot[r] = stat(flatten(a, idx), useIqr) / stat(flatten(b, idx), useIqr);
        }
        return new Ratio(full, quantile(boot, 0.025), quantile(boot, 0.975));
    }

    private static void check(int got, int e) {
        if (got != e) {
            throw new IllegalArgumentException("every group must have the same number of episodes " + e + ", got " + got);
        }
    }

    private static double stat(double[] x, boolean useIqr) {
        return useIqr ? iqr(x) : sd(x);
    }

    private static double[] flatten(double[][] g, int[] idx) {
        int e = g[0].length;
        double[] out = new double[g.length * e];
        int at = 0;
        for (double[] row : g) {
            for (int k = 0; k < e; k++) {
                out[at++] = row[idx == null ? k : idx[k]];
            }
        }
        return out;
    }
}
