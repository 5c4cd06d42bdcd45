package org.retailrl.algorithms.rl;

/**
 * The per-sample arithmetic of PPO's clipped surrogate (docs/model.md §8 PPO, clip ε; HAPPO's factor
 * {@code M} enters as the sample weight), accumulated over the {@code N} samples of one loss:
 * {@code L = −(1/N) Σ w·min(ρ·Â, clip(ρ, 1−ε, 1+ε)·Â)} with {@code ρ = exp(log π − log π_old)},
 * plus the diagnostics approximate KL {@code (1/N) Σ (ρ − 1) − log ρ} and the clip fraction.
 * Shared by the one-categorical loss {@link PolicyLoss} and the factorised loss of the docs/model.md §3
 * learners, which differ only in how {@code log π} and its gradient are formed.
 */
public final class ClippedSurrogate {
    private final double clip;
    private final double invN;
    private double pgSum;
    private double klSum;
    private int clipped;

    /** An empty accumulator for {@code n >= 1} samples with clip range {@code clip > 0}. */
    public ClippedSurrogate(double clip, int n) {
        if (!(clip > 0) || n < 1) {
            throw new IllegalArgumentException("clip must be > 0 and n >= 1, got " + clip + ", " + n);
        }
        this.clip = clip;
        this.invN = 1.0 / n;
    }

    /**
     * Adds one sample and returns {@code ∂L/∂log π} for it (already divided by {@code N}): where
     * the unclipped term is the minimum it is {@code −w·Â·ρ/N}, elsewhere 0, because the clipped
     * term is flat in {@code ρ} outside {@code [1−ε, 1+ε]}.
     */
    public float add(double logRatio, double advantage, double weight) {
        double ratio = Math.exp(logRatio);
        double s1 = ratio * advantage;
        double s2 = Math.min(Math.max(ratio, 1 - clip), 1 + clip) * advantage;
        double dRatio;
        if (s1 <= s2) {
            pgSum -= weight * s1;
            dRatio = -weight * advantage;
        } else {
            pgSum -= weight * s2;
            dRatio = 0;
        }
        klSum += (ratio - 1) - logRatio;
        if (Math.abs(ratio - 1) > clip) {
            clipped++;
        }
        return (float) (dRatio * ratio * invN);
    }

    /** The surrogate loss {@code L} of the samples added. */
    public double pgLoss() {
        return pgSum * invN;
    }

    /** Approximate KL of the samples added. */
    public double approxKl() {
        return klSum * invN;
    }

    /** Fraction of the samples whose ratio left {@code [1−ε, 1+ε]}. */
    public double clipFraction() {
        return clipped * invN;
    }
}
