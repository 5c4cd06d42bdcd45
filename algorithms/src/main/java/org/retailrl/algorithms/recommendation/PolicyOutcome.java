package org.retailrl.algorithms.recommendation;

import org.retailrl.algorithms.recommendation.MeanInterval;

/**
 * The evaluation of one policy in a {@link RecommendationComparison} (docs/model.md §3, §8 protocol):
 * undiscounted episode profits, currency, {@code rewards[g][e]} for training seed {@code g}
 * (a single row for a heuristic, which has no training seed) and common-random-number evaluation
 * episode {@code e} — the same {@code e} is the same demand stream for every policy.
 *
 * @param name    label in tables and plots
 * @param learned whether it was trained (one row per seed) or is a heuristic (one row)
 * @param rewards {@code [groups][episodes]}
 */
public record PolicyOutcome(String name, boolean learned, double[][] rewards) {
    /** Validates and copies. */
    public PolicyOutcome {
        if (rewards == null || rewards.length == 0 || rewards[0].length < 2) {
            throw new IllegalArgumentException("rewards must have at least one group of at least 2 episodes");
        }
        double[][] c = new double[rewards.length][];
        for (int g = 0; g < c.length; g++) {
            if (rewards[g].length != rewards[0].length) {
                throw new IllegalArgumentException("rewards: every group must have " + rewards[0].length + " episodes");
            }
            c[g] = rewards[g].clone();
        }
        rewards = c;
    }

    @Override
    public double[][] rewards() {
        double[][] c = new double[rewards.length][];
        for (int g = 0; g < c.length; g++) {
            c[g] = rewards[g].clone();
        }
        return c;
    }

    /** Evaluation episodes {@code E}. */
    public int episodes() {
        return rewards[0].length;
    }

    /** Per evaluation episode, the mean over groups (the paired sample of the table). */
    public double[] episodeMeans() {
        double[] out = new double[episodes()];
        for (double[] row : rewards) {
            for (int e = 0; e < out.length; e++) {
                out[e] += row[e];
            }
        }
        for (int e = 0; e < out.length; e++) {
            out[e] /= rewards.length;
        }
        return out;
    }

    /** Every (group, episode) reward, group-major: the sample of the density plot. */
    public double[] pooled() {
        double[] out = new double[rewards.length * episodes()];
        for (int g = 0; g < rewards.length; g++) {
            System.arraycopy(rewards[g], 0, out, g * episodes(), episodes());
        }
        return out;
    }

    /** Mean of each group (training seed). */
    public double[] groupMeans() {
        double[] out = new double[rewards.length];
        for (int g = 0; g < out.length; g++) {
            for (double v : rewards[g]) {
                out[g] += v;
            }
            out[g] /= episodes();
        }
        return out;
    }

    /** Mean episode profit with its 95 % interval over the {@code E} episode means. */
    public MeanInterval summary() {
        return MeanInterval.of(episodeMeans());
    }

    /** The paired difference {@code this − other} over the episode means (95 % interval). */
    public MeanInterval minus(PolicyOutcome other) {
        return MeanInterval.ofDifference(episodeMeans(), other.episodeMeans());
    }

    /** The rewards with a heuristic's single row repeated to {@code groups} rows (for pairing). */
    public double[][] asGroups(int groups) {
        if (rewards.length == groups) {
            return rewards();
        }
        if (rewards.length != 1) {
            throw new IllegalArgumentException("cannot spread " + rewards.length + " groups over " + groups);
        }
        double[][] out = new double[groups][];
        for (int g = 0; g < groups; g++) {
            out[g] = rewards[0].clone();
        }
        return out;
    }
}
