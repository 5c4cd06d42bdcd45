package org.retailrl.envs.inventory;

import org.retailrl.envs.ActionSpec;

/**
 * {@code N} copies of one classic inventory simulator of docs/model.md §7 stepped in lockstep, held as
 * structure-of-arrays: the contract a learner (or a heuristic, or an exact policy) drives.
 *
 * <p><b>Encoding.</b> A copy's action is a multi-discrete vector laid out as {@link #actionSpec()}
 * (order quantities in units); {@link #step(int[], double[])} reads copy {@code i}'s action from
 * {@code actions[i·d .. i·d + d)}, {@code d = actionSpec().dimension()}. A copy's observation is
 * {@link #observationSize()} floats in units of stock (no scaling: normalisation is the learner's
 * business), written by {@link #observe(float[], int)} at {@code out[off + i·observationSize()]}.
 * The period's cost (currency, {@code >= 0} unless a cost rate is negative) goes to
 * {@code costOut[i]}; a learner's reward is its negative.
 *
 * <p><b>Randomness.</b> Copy {@code i} draws from {@code Rng.stream(seed, firstStream + i)} only,
 * so a copy's trajectory depends neither on {@code N} nor on the other copies' actions.
 *
 * <p>Not thread-safe; one batch per thread.
 */
public interface InventoryBatch {
    /** Number of copies {@code N}. */
    int copies();

    /** Names and sizes of one copy's action components. */
    ActionSpec actionSpec();

    /** Floats per copy in an observation. */
    int observationSize();

    /** Periods per episode ({@code T}); the problems are stationary, {@code T} only cuts episodes for learners. */
    int horizon();

    /** Resets every copy to the scenario's start state; copy {@code i} draws from {@code Rng.stream(seed, firstStream + i)}. */
    void reset(long seed, long firstStream);

    /** Writes every copy's observation, copy {@code i} at {@code out[off + i·observationSize()]}. */
    void observe(float[] out, int off);

    /** Copy {@code i}'s state in the observation layout ({@link #observationSize()} integers), into {@code out}. */
    void state(int i, int[] out);

    /**
     * Plays one period in every copy.
     *
     * @throws IllegalArgumentException when a buffer is too short or an action is out of range
     *                                  (nothing is changed then)
     * @throws IllegalStateException    before {@link #reset(long, long)}
     */
    void step(int[] actions, double[] costOut);

    /** Periods played since the last reset. */
    int period();

    /** True once {@link #horizon()} periods have been played (stepping on is allowed: the dynamics are stationary). */
    default boolean done() {
        return period() >= horizon();
    }
}
