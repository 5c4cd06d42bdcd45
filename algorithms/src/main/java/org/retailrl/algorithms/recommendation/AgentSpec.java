package org.retailrl.algorithms.recommendation;

/**
 * One learned agent of a docs/model.md §3 learner: what it decides and what it sees. Its
 * timescale — step sizes and update period — is part of the run's
 * {@link org.retailrl.algorithms.rl.LearnerConfig}, in the same agent order.
 *
 * @param name     names the agent's parameters and messages, non-blank
 * @param decision the part of the decision it makes
 * @param view     its observation
 */
public record AgentSpec(String name, Decision decision, ObservationView view) {
    /** Validates the fields. */
    public AgentSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be non-blank");
        }
        if (decision == null || view == null) {
            throw new IllegalArgumentException("decision and view must not be null");
        }
    }
}
