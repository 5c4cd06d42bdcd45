package org.retailrl.algorithms.rl;

/**
 * Reward scaling by a running standard deviation of discounted returns, as gym's
 * {@code NormalizeReward} wrapper that CleanRL's {@code ppo.py} applies (docs/model.md §8 PPO). Each
 * environment copy keeps {@code G ← γ·G + r}, reset to 0 when its episode ends; the returns of all
 * copies at a step are merged into a {@link RunningMeanStd}, and the reward handed to the learner
 * is {@code r / √(var(G) + ε)}. Scaled rewards are dimensionless.
 *
 * <p>As in gym, the statistics are updated <em>before</em> the step's reward is scaled, and the
 * mean is not subtracted (that would change the optimal policy).
 */
public final class RewardScaler {
    private final double gamma;
    private final double epsilon;
    private final double[] returns;
    private final RunningMeanStd stats = new RunningMeanStd();

    /**
     * @param copies  number of environment copies, >= 1
     * @param gamma   discount of the returns, in [0, 1]
     * @param epsilon added to the variance, > 0 (gym: 1e-8)
     */
    public RewardScaler(int copies, double gamma, double epsilon) {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be >= 1, got " + copies);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
        }
        this.gamma = gamma;
        this.epsilon = epsilon;
        this.returns = new double[copies];
    }

    /**
     * Scales one step of rewards in place: {@code rewards[i]} of copy {@code i};
     * {@code episodeEnds} says whether that step was the last of the copy's episode.
     */
    public void scale(float[] rewards, boolean episodeEnds) {
        if (rewards.length != returns.length) {
            throw new IllegalArgumentException("rewards length " + rewards.length + " must equal copies " + returns.length);
        }
        for (int i = 0; i < returns.length; i++) {
            returns[i] = returns[i] * gamma + rewards[i];
        }
        stats.update(returns, 0, returns.length);
        double inv = 1.0 / Math.sqrt(stats.var() + epsilon);
        for (int i = 0; i < rewards.length; i++) {
            rewards[i] = (float) (rewards[i] * inv);
        }
        if (episodeEnds) {
            java.util.Arrays.fill(returns, 0);
        }
    }

    /** The running statistics of the discounted returns. */
    public RunningMeanStd stats() {
        return stats;
    }

    /**
     * The scaler's complete mutable state (for checkpoints, docs/model.md §8.12).
     *
     * @param returns per copy, the discounted return {@code G} accumulated so far (reward units)
     * @param mean    running mean of the returns
     * @param var     running variance of the returns
     * @param count   effective number of returns merged
     */
    public record State(double[] returns, double mean, double var, double count) {
    }

    /** A snapshot of the running returns and their statistics. */
    public State state() {
        return new State(returns.clone(), stats.mean(), stats.var(), stats.count());
    }

    /** Restores a snapshot taken by {@link #state()} from a scaler over as many copies. */
    public void restore(State s) {
        if (s == null || s.returns() == null || s.returns().length != returns.length) {
            throw new IllegalArgumentException("RewardScaler state must hold " + returns.length + " returns, got "
                    + (s == null || s.returns() == null ? "none" : Integer.toString(s.returns().length)));
        }
        for (double g : s.returns()) {
            if (!Double.isFinite(g)) {
                throw new IllegalArgumentException("RewardScaler state returns must be finite, got " + g);
            }
        }
        stats.set(s.mean(), s.var(), s.count());
        System.arraycopy(s.returns(), 0, returns, 0, returns.length);
    }
}
