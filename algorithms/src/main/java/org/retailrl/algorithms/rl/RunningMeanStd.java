package org.retailrl.algorithms.rl;

/**
 * Running mean and (population) variance of a stream of scalars, merged batch by batch with the
 * parallel algorithm of Chan, Golub and LeVeque, as gym's {@code RunningMeanStd} used by
 * {@code NormalizeReward} (docs/model.md §8 PPO: reward scaling by a running std of discounted
 * returns). The count starts at {@code 1e-4} (gym's {@code epsilon}) so the first batch dominates
 * without a division by zero. Units: those of the observed quantity (variance in units²).
 * Accumulated in double; deterministic for a given sequence of batches.
 */
public final class RunningMeanStd {
    private double mean;
    private double var = 1.0;
    private double count = 1e-4;

    /** Merges the {@code n} values {@code x[off .. off+n)}. */
    public void update(double[] x, int off, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (off < 0 || off + n > x.length) {
            throw new IllegalArgumentException("range [" + off + ", " + (off + n) + ") must lie in [0, " + x.length + "]");
        }
        double bm = 0;
        for (int i = 0; i < n; i++) {
            bm += x[off + i];
        }
        bm /= n;
        double bv = 0;
        for (int i = 0; i < n; i++) {
            double d = x[off + i] - bm;
            bv += d * d;
        }
        bv /= n;
        merge(bm, bv, n);
    }

    /** Merges a batch summarised by its mean, population variance and size {@code n >= 1}. */
    public void merge(double batchMean, double batchVar, double n) {
        if (!(n >= 1)) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (!Double.isFinite(batchMean) || !(batchVar >= 0) || !Double.isFinite(batchVar)) {
            throw new IllegalStateException("non-finite statistics merged into RunningMeanStd: mean "
                    + batchMean + ", var " + batchVar);
        }
        double delta = batchMean - mean;
        double tot = count + n;
        double newMean = mean + delta * n / tot;
        double m2 = var * count + batchVar * n + delta * delta * count * n / tot;
        mean = newMean;
        var = m2 / tot;
        count = tot;
    }

    /** Current mean. */
    public double mean() {
        return mean;
    }

    /** Current population variance. */
    public double var() {
        return var;
    }

    /** Effective number of samples merged (starts at 1e-4). */
    public double count() {
        return count;
    }

    /** Restores a saved state (for checkpoints). */
    public void set(double mean, double var, double count) {
        if (!(count > 0) || !(var >= 0) || !Double.isFinite(mean) || !Double.isFinite(var)) {
            throw new IllegalArgumentException("need finite mean, var >= 0 and count > 0, got " + mean + ", " + var + ", " + count);
        }
        this.mean = mean;
        this.var = var;
        this.count = count;
    }
}
