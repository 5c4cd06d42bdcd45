package org.retailrl.algorithms.rl;

/**
 * Value normalisation of the critic's targets, as HARL's {@code ValueNorm} (docs/model.md §8 HAPPO): an
 * exponentially weighted running mean and mean square of the returns, debiased like Adam's
 * moments, with decay {@code β = 0.99999}; the critic learns {@code (R − μ)/σ} and its outputs
 * are mapped back by {@code v·σ + μ}. {@code σ² = max(E[R²] − μ², 0.01)} as HARL clamps it.
 * Units: those of the returns; normalised values are dimensionless.
 */
public final class ValueNorm {
    /** HARL's default decay. */
    public static final double DEFAULT_BETA = 0.99999;
    private static final double EPSILON = 1e-5;
    private static final double MIN_VAR = 1e-2;
    private final double beta;
    private double runningMean;
    private double runningMeanSq;
    private double debias;

    /** A normaliser with decay {@code beta ∈ (0, 1)}. */
    public ValueNorm(double beta) {
        if (!(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in (0, 1), got " + beta);
        }
        this.beta = beta;
    }

    /** Folds the batch {@code x[0 .. n)} into the running moments. */
    public void update(float[] x, int n) {
        if (n < 1 || n > x.length) {
            throw new IllegalArgumentException("n must be in [1, " + x.length + "], got " + n);
        }
        double m = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            m += x[i];
            sq += (double) x[i] * x[i];
        }
        m /= n;
        sq /= n;
        if (!Double.isFinite(m) || !Double.isFinite(sq)) {
            throw new IllegalStateException("non-finite returns given to ValueNorm: mean " + m + ", mean square " + sq);
        }
        runningMean = beta * runningMean + (1 - beta) * m;
        runningMeanSq = beta * runningMeanSq + (1 - beta) * sq;
        debias = beta * debias + (1 - beta);
    }

    /** Debiased mean μ (0 before any update). */
    public double mean() {
        return runningMean / Math.max(debias, EPSILON);
    }

    /** Debiased standard deviation σ (√0.01 floor; 1 before any update, like an identity map). */
    public double std() {
        if (debias == 0) {
            return 1;
        }
        double mu = mean();
        double msq = runningMeanSq / Math.max(debias, EPSILON);
        return Math.sqrt(Math.max(msq - mu * mu, MIN_VAR));
    }

    /** {@code (x − μ)/σ}. */
    public float normalize(float x) {
        return (float) ((x - mean()) / std());
    }

    /** {@code x·σ + μ}. */
    public float denormalize(float x) {
        return (float) (x * std() + mean());
    }

    /**
     * The normaliser's complete mutable state (for checkpoints, docs/model.md §8.12).
     *
     * @param runningMean   exponentially weighted mean of the returns, not debiased
     * @param runningMeanSq exponentially weighted mean square, not debiased
     * @param debias        the debiasing weight {@code 1 − β^k}
     */
    public record State(double runningMean, double runningMeanSq, double debias) {
    }

    /** A snapshot of the running moments. */
    public State state() {
        return new State(runningMean, runningMeanSq, debias);
    }

    /** Restores a snapshot taken by {@link #state()}; a non-finite or out-of-range snapshot is refused. */
    public void restore(State s) {
        if (s == null || !Double.isFinite(s.runningMean()) || !Double.isFinite(s.runningMeanSq())
                || !(s.runningMeanSq() >= 0) || !(s.debias() >= 0 && s.debias() <= 1)) {
            throw new IllegalArgumentException("ValueNorm state needs finite moments, runningMeanSq >= 0 and debias in [0, 1], got " + s);
        }
        runningMean = s.runningMean();
        runningMeanSq = s.runningMeanSq();
        debias = s.debias();
    }
}
