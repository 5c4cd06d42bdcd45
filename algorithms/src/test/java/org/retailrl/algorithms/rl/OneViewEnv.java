package org.retailrl.algorithms.rl;

/**
 * The small test environments of the learner core (docs/model.md §8.13) as an {@link AgentEnv}:
 * the one observation view of {@link AgentEnv}'s defaults, shared by every agent and the critic,
 * and one categorical factor per agent.
 */
public interface OneViewEnv extends AgentEnv {
    /** Floats per copy in the one observation view. */
    int observationSize();

    /** Choices of agent {@code agent}'s one categorical factor. */
    int actionCount(int agent);

    /** Writes copy {@code i}'s observation to {@code out[i·observationSize() ..]}. */
    void observe(float[] out);

    @Override
    default int viewSize(int view) {
        if (view != 0) {
            throw new IllegalArgumentException("view must be 0, got " + view);
        }
        return observationSize();
    }

    @Override
    default FactorLayout actionLayout(int agent) {
        return new FactorLayout(actionCount(agent));
    }

    @Override
    default void observe(int view, float[] out) {
        viewSize(view);
        observe(out);
    }
}
