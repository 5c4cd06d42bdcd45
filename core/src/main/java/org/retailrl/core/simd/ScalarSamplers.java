package org.retailrl.core.simd;

import org.retailrl.core.random.PoissonSampler;
import org.retailrl.core.random.RawStreams;
import org.retailrl.core.random.Rng;

/**
 * The scalar twin of the batched samplers of {@link Kernels} (docs/model.md §1 Poisson demand, §3 Eq. 9
 * binomial demand, §8 categorical policies): element {@code i} is drawn from raw stream {@code i}
 * ({@link RawStreams}) exactly as the documented scalar sampler would draw it from
 * {@code Rng.fromState} of that stream. {@code PanamaSimd} repeats the same IEEE operations in
 * lanes and finishes here the lanes it cannot (rare rejections, long searches, vector tails), so
 * both implementations give the same bits.
 */
final class ScalarSamplers {
    // Per-thread weight row of the categorical sampler, so a batch call allocates nothing.
    private static final ThreadLocal<double[][]> WEIGHTS = ThreadLocal.withInitial(() -> new double[1][0]);

    private ScalarSamplers() {
    }

    /** This thread's weight scratch, at least {@code width} long. */
    static double[] weights(int width) {
        double[][] h = WEIGHTS.get();
        if (h[0].length < width) {
            h[0] = new double[width];
        }
        return h[0];
    }

    /** {@code out[i] = PoissonSampler.sample(seed, gamma, i, lambda[i])} for {@code i < n}. */
    static void poisson(double[] lambda, long[] seed, long[] gamma, double[] out, int from, int n) {
        // Three passes, as the pricing kernel always ran them: the exponentials are long dependency
        // chains that overlap across copies in a branch-free pass, while the search's data-dependent
        // exit would flush that overlap.
        boolean ok = true;
        for (int i = from; i < n; i++) {
            double l = lambda[i];
            ok &= l >= 0 && l <= 1e9;
            out[i] = FastExp.exp(-l);
        }
        if (!ok) {
            checkMeans(lambda, from, n);
        }
        for (int i = from; i < n; i++) {
            double u = RawStreams.nextDouble(seed, gamma, i);
            double l = lambda[i];
            int k = l < PoissonSampler.INVERSION_LIMIT ? PoissonSampler.search(u, l, out[i]) : -1;
            out[i] = k >= 0 ? k : PoissonSampler.finish(seed, gamma, i, u, l);
        }
    }

    /** Throws naming the first mean in {@code [from, n)} outside {@code [0, 1e9]} (NaN included). */
    static void checkMeans(double[] lambda, int from, int n) {
        for (int i = from; i < n; i++) {
            if (!(lambda[i] >= 0 && lambda[i] <= 1e9)) {
                throw new IllegalArgumentException("poisson: lambda[" + i + "] must be in [0, 1e9], got " + lambda[i]);
            }
        }
    }

    /** {@code out[i] = Binomial(trials[i], p[i])} as {@link Rng#binomial} on raw stream {@code i}. */
    static void binomial(int[] trials, double[] p, long[] seed, long[] gamma, int[] out, int from, int n) {
        for (int i = from; i < n; i++) {
            out[i] = binomial(seed, gamma, i, trials[i], p[i]);
        }
    }

    /** One draw of {@link Rng#binomial}{@code (n, p)} from raw stream {@code i}. */
    static int binomial(long[] seed, long[] gamma, int i, int n, double p) {
        if (n == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        if (p > 0.5) {
            return n - binomial(seed, gamma, i, n, 1 - p);
        }
        if (n * p < 10) {
            return inversionFrom(seed, gamma, i, n, p, RawStreams.nextDouble(seed, gamma, i), 0, Rng.binomialP0(n, p));
        }
        return btrs(seed, gamma, i, n, p, RawStreams.nextDouble(seed, gamma, i) - 0.5,
                RawStreams.nextDouble(seed, gamma, i));
    }

    /** BTRS on raw stream {@code i} whose first trial's uniforms {@code u}, {@code v} are drawn. */
    static int btrs(long[] seed, long[] gamma, int i, int n, double p, double u, double v) {
        while (true) {
            long k = Rng.btrsTrial(n, p, u, v);
            if (k >= 0) {
                return (int) k;
            }
            u = RawStreams.nextDouble(seed, gamma, i) - 0.5;
            v = RawStreams.nextDouble(seed, gamma, i);
        }
    }

    /**
     * Finishes an inversion search stopped at {@code (u, x, r)} on stream {@code i}, redrawing
     * from the start if rounding left mass past {@code n} (as {@link Rng#binomial}).
     */
    static int inversionFrom(long[] seed, long[] gamma, int i, int n, double p, double u, int x, double r) {
        double q = 1 - p;
        double s = p / q;
        double a = (n + 1.0) * s;
        int k = Rng.inversionSearch(u, x, r, n, a, s);
        double r0 = Rng.binomialP0(n, p);
        while (k < 0) {
            k = Rng.inversionSearch(RawStreams.nextDouble(seed, gamma, i), 0, r0, n, a, s);
        }
        return k;
    }

    /** {@link Kernels#categorical} row by row. */
    static void categorical(float[] logits, int off, int ld, int width, long[] seed, long[] gamma, int[] out,
                            int rows) {
        double[] w = weights(width);
        for (int r = 0; r < rows; r++) {
            out[r] = categoricalRow(logits, off + r * ld, width, seed, gamma, r, w);
        }
    }

    /**
     * Row {@code r}'s draw of {@link Kernels#categorical}: validates the logits, writes the
     * weights {@code w[j] = e^{z_j − max}} (0 for {@code −∞}) into {@code w[0 .. width)} and
     * returns the index.
     */
    static int categoricalRow(float[] logits, int o, int width, long[] seed, long[] gamma, int r, double[] w) {
        float max = rowMax(logits, o, width, r);
        for (int j = 0; j < width; j++) {
            w[j] = weight(logits[o + j], max);
        }
        return pick(w, width, seed, gamma, r);
    }

    /** The row's largest logit, after checking that none is NaN or +∞ and one is finite. */
    static float rowMax(float[] logits, int o, int width, int r) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < width; j++) {
            float l = logits[o + j];
            if (Float.isNaN(l) || l == Float.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("categorical: logit " + j + " of row " + r
                        + " must be finite or -Infinity, got " + l);
            }
            max = Math.max(max, l);
        }
        if (max == Float.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("categorical: row " + r + " needs a finite logit, all are -Infinity");
        }
        return max;
    }

    /**
     * {@code e^{z − max}} by {@link FastExp}, in double; 0 below {@code −FastExp.CLAMP}, where the
     * true weight is under {@code 1e-304} and a 53-bit uniform cannot select it (this also gives
     * {@code −∞} logits weight 0 instead of the clamp's {@code e^{−700}}).
     */
    static double weight(float z, float max) {
        double x = (double) z - max;
        return x < -FastExp.CLAMP ? 0 : FastExp.exp(x);
    }

    /** Inversion over the weights: one uniform times their sum, then the running sum, in order. */
    static int pick(double[] w, int width, long[] seed, long[] gamma, int r) {
        double total = 0;
        for (int j = 0; j < width; j++) {
            total += w[j];
        }
        return Rng.invertWeights(w, width, RawStreams.nextDouble(seed, gamma, r) * total);
    }

    /** {@code x[i] = scale / (1 + e^{−x[i]})} with {@link FastExp}, for {@code from <= i < n}. */
    static void scaledLogistic(double scale, double[] x, int from, int n) {
        for (int i = from; i < n; i++) {
            x[i] = scale / (1 + FastExp.exp(-x[i]));
        }
    }
}
