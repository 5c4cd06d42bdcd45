package org.retailrl.envs;

/**
 * The outcome of one {@link Env#step(int[])}: the next observation, the period's reward (currency
 * units), Gymnasium's two end flags and the simulator's diagnostics.
 *
 * <p>{@code terminated} means the environment reached a terminal state of its MDP;
 * {@code truncated} means the episode was cut by its horizon while the dynamics could go on. The
 * finite-horizon simulators of docs/model.md §1 and §3 have no terminal states and report the end of
 * period {@code T} as truncation (the observation does not contain the period index).
 *
 * @param observation next observation, laid out as the environment's {@link ObservationSpec}
 * @param reward      reward earned in the period, currency units
 * @param terminated  a terminal state was reached
 * @param truncated   the horizon was reached
 * @param info        per-step diagnostics
 * @param <I>         the diagnostics type
 */
public record Step<I>(float[] observation, double reward, boolean terminated, boolean truncated, I info) {
    /** Checks that the observation and info are present. */
    public Step {
        if (observation == null) {
            throw new IllegalArgumentException("observation must not be null");
        }
        if (info == null) {
            throw new IllegalArgumentException("info must not be null");
        }
    }

    /** True when the episode is over for either reason. */
    public boolean done() {
        return terminated || truncated;
    }
}
