package org.retailrl.nn;

import org.retailrl.core.simd.Kernels;

/**
 * Row-wise pieces of the categorical policies of docs/model.md §8.5: per-minibatch advantage
 * statistics and a numerically stable log-softmax with the row's entropy, as the learners'
 * clipped-surrogate loss (plain, or HAPPO-weighted per docs/model.md §8.6) computes them.
 */
public final class CategoricalRows {
    private CategoricalRows() {
    }

    /**
     * {@code {mean, std + 1e-8}} of the advantages, {@code std} dividing by {@code N − 1} like
     * {@code torch.std} (0 for a single sample); {@code {0, 1}} when not normalising.
     */
    public static double[] advantageMeanStd(float[] advantages, boolean normalise) {
        if (!normalise) {
            return new double[] {0, 1};
        }
        int n = advantages.length;
        double mean = 0;
        for (float x : advantages) {
            mean += x;
        }
        mean /= n;
        double ss = 0;
        for (float x : advantages) {
            ss += (x - mean) * (x - mean);
        }
        return new double[] {mean, (n > 1 ? Math.sqrt(ss / (n - 1)) : 0) + 1e-8};
    }

    /**
     * Writes {@code log softmax(z[o .. o+a))} into {@code logp} (max-subtracted, so large logits do
     * not overflow) and, when {@code probs} is not null, {@code (float) e^{logp}} into it; returns
     * the row's entropy in nats. {@code logp} must not alias {@code z}. The floats are the
     * reference arithmetic's on every kernel path, and so is the entropy's float
     * ({@link Kernels#logSoftmaxRow}).
     */
    public static double logSoftmaxRow(float[] z, int o, int a, float[] logp, float[] probs) {
        return Kernels.logSoftmaxRow(z, o, a, logp, probs);
    }
}
