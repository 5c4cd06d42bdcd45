package org.retailrl.nn;

/**
 * Row-wise pieces shared by the clipped-surrogate losses of MODEL.md §8 (PPO's {@link PpoLoss}
 * and the HAPPO-weighted policy loss of the learners): per-minibatch advantage statistics and a
 * numerically stable log-softmax with the row's entropy. One implementation so both losses round
 * identically.
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
     * the row's entropy in nats.
     */
    public static double logSoftmaxRow(float[] z, int o, int a, float[] logp, float[] probs) {
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < a; k++) {
            max = Math.max(max, z[o + k]);
        }
        double se = 0;
        for (int k = 0; k < a; k++) {
            se += Math.exp(z[o + k] - max);
        }
        float lse = (float) (max + Math.log(se));
        double ent = 0;
        for (int k = 0; k < a; k++) {
            float lp = z[o + k] - lse;
            logp[o + k] = lp;
            double p = Math.exp(lp);
            if (probs != null) {
                probs[o + k] = (float) p;
            }
            ent -= p * lp;
        }
        return ent;
    }
}
