package org.retailrl.algorithms.rl;

/**
 * {@code N} copies of an episodic environment stepped in lockstep, as the learners of MODEL.md §8
 * see it: every copy starts its episode together and every episode lasts {@link #horizon()} steps;
 * each of the {@link #agents()} agents picks one discrete action per copy and step, and the copies
 * share one reward per step (the firm's profit, for the pricing problem of MODEL.md §1).
 * Observations are already scaled for a network (dimensionless).
 */
public interface BatchEnv {
    /** Number of copies {@code N}. */
    int copies();

    /** Floats per copy in an observation. */
    int observationSize();

    /** Number of agents. */
    int agents();

    /** Number of discrete actions of agent {@code agent}. */
    int actionCount(int agent);

    /** Steps per episode. */
    int horizon();

    /**
     * Starts a new episode in every copy. Copy {@code i} of episode batch {@code episode} must
     * draw its randomness from a stream determined by {@code (seed, episode, i)} only.
     */
    void reset(long seed, long episode);

    /** Writes copy {@code i}'s observation to {@code out[i·observationSize() ..]}. */
    void observe(float[] out);

    /**
     * Plays one step: {@code actions[agent][i]} is agent's action in copy {@code i}; copy
     * {@code i}'s reward goes to {@code rewardOut[i]}.
     */
    void step(int[][] actions, float[] rewardOut);
}
