package org.retailrl.envs;

/**
 * The contract every simulator of this module offers to a learner, in the habits of Gymnasium:
 * {@link #reset(long)} starts an episode from a seed and returns the first observation;
 * {@link #step(int[])} applies one multi-discrete action and returns the next observation, the
 * reward (currency units per period), the end-of-episode flags and a typed info record.
 *
 * <p>Implemented by the pricing-and-replenishment simulator of docs/model.md §1 and meant for the
 * recommendation simulator of docs/model.md §3. Equal seeds give bit-identical episodes.
 *
 * @param <I> the per-step diagnostics record (sales, lost demand, ...)
 */
public interface Env<I> {
    /** Names and bounds of the observation vector. */
    ObservationSpec observationSpec();

    /** Names and sizes of the action's discrete components. */
    ActionSpec actionSpec();

    /** Starts a new episode whose randomness depends on {@code seed} alone; returns the first observation. */
    float[] reset(long seed);

    /**
     * Advances one period. {@code action[k]} must lie in {@code [0, actionSpec().sizes()[k])}.
     *
     * @throws IllegalArgumentException when the action has the wrong length or a component is out of range
     * @throws IllegalStateException when called before {@link #reset(long)} or after the episode ended
     */
    Step<I> step(int[] action);
}
