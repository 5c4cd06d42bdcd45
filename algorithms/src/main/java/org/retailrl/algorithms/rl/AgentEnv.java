package org.retailrl.algorithms.rl;

import org.retailrl.core.random.Rng;

/**
 * The one environment interface of the learner core (docs/model.md §8.13): {@code N} copies of an
 * episodic environment stepped in lockstep, seen by {@link #agents()} agents. Every copy starts
 * its episode together and every episode lasts {@link #horizon()} steps; the copies share one
 * reward per step (the firm's profit). The single-agent case is {@code agents() == 1}, not a
 * separate path.
 *
 * <p><b>Views.</b> What a network sees is one of {@link #views()} observation views (already
 * scaled, dimensionless): agent {@code a} sees view {@link #agentView(int)}, the centralised
 * critic sees {@link #criticView()}. Agents that see the same thing share a view, so the rollout
 * stores it once.
 *
 * <p><b>Actions.</b> Agent {@code a} picks, per copy and step, one choice for each categorical
 * factor of {@link #actionLayout(int)} (a plain categorical is one factor) and, when the layout has
 * a continuous part, one float per Gaussian coordinate ({@link #step(int[][], float[][], Rng[],
 * double[])}; environments without continuous actions need not override it). Parts of the decision
 * that no agent makes are the environment's business: {@link #step} receives each copy's policy
 * stream so it can draw them after the agents' choices (uniformly, for the siloed baselines of
 * docs/model.md §3).
 */
public interface AgentEnv {
    /** Number of copies {@code N}. */
    int copies();

    /** Steps per episode. */
    int horizon();

    /** Number of agents. */
    int agents();

    /** Number of observation views (1: every network sees the same observation). */
    default int views() {
        return 1;
    }

    /** Floats per copy in view {@code view}. */
    int viewSize(int view);

    /** The view agent {@code agent} acts on (view 0 unless overridden). */
    default int agentView(int agent) {
        return 0;
    }

    /** The view of the centralised critic (view 0 unless overridden). */
    default int criticView() {
        return 0;
    }

    /** Agent {@code agent}'s action factors. */
    FactorLayout actionLayout(int agent);

    /**
     * Starts a new episode in every copy. Copy {@code i} of episode batch {@code episode} must
     * draw its randomness from a stream determined by {@code (seed, episode, i)} only.
     */
    void reset(long seed, long episode);

    /** Writes every copy's view {@code view} to {@code out[i·viewSize(view) ..]}. */
    void observe(int view, float[] out);

    /**
     * Plays one step: {@code choices[a][i·F_a + f]} is agent {@code a}'s choice for factor
     * {@code f} in copy {@code i}; {@code streams[i]} is copy {@code i}'s policy stream (for parts
     * no agent makes); copy {@code i}'s reward goes to {@code rewardOut[i]}.
     */
    void step(int[][] choices, Rng[] streams, double[] rewardOut);

    /**
     * Plays one step with continuous actions: as {@link #step(int[][], Rng[], double[])}, and
     * {@code continuous[a][i·D_a + d]} is agent {@code a}'s Gaussian coordinate {@code d} in copy
     * {@code i} ({@link FactorLayout#continuous()}). The learner core always calls this method;
     * by default it ignores {@code continuous} and plays the categorical choices, which is all an
     * environment without continuous actions has.
     */
    default void step(int[][] choices, float[][] continuous, Rng[] streams, double[] rewardOut) {
        step(choices, streams, rewardOut);
    }
}
