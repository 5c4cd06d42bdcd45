package org.retailrl.algorithms.mtma;

/**
 * One learned agent of a MODEL.md §3 learner: what it decides, what it sees, and its timescale —
 * its Adam step size and how often it is updated (every {@code updateEvery}-th round, counting
 * from round 0), the two knobs of MTMA's multi-timescale design (seeds 000/001).
 *
 * @param name        names the agent's parameters and messages, non-blank
 * @param decision    the part of the decision it makes
 * @param view        its observation
 * @param lr          Adam step size, in (0, 1]
 * @param updateEvery update period in rounds, >= 1
 */
public record AgentSpec(String name, Decision decision, ObservationView view, double lr, int updateEvery) {
    /** Validates the fields. */
    public AgentSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be non-blank");
        }
        if (decision == null || view == null) {
            throw new IllegalArgumentException("decision and view must not be null");
        }
        if (!(lr > 0 && lr <= 1)) {
            throw new IllegalArgumentException("lr of agent '" + name + "' must be in (0, 1], got " + lr);
        }
        if (updateEvery < 1) {
            throw new IllegalArgumentException("updateEvery of agent '" + name + "' must be >= 1, got " + updateEvery);
        }
    }

    /** Whether the agent is updated in round {@code round}. */
    public boolean dueAt(int round) {
        return round % updateEvery == 0;
    }
}
