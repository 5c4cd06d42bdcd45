package org.retailrl.algorithms.rl;

/**
 * A round of independent multi-agent PPO against a centralised critic (docs/model.md §8.13; MAPPO,
 * and MTMA's multi-timescale learner of §8.9): every agent due in the round ({@link UpdatePeriod}) runs
 * its own epochs of the clipped surrogate on the shared advantages, at its own step size, in agent
 * order; then the critic is trained.
 */
final class MappoRound {
    private MappoRound() {
    }

    static Trainer.RoundStats run(Trainer t, double explainedVariance, double meanEpisodeReward) {
        int n = t.agents();
        Trainer.AgentStats[] stats = new Trainer.AgentStats[n];
        int[] order = new int[n];
        for (int a = 0; a < n; a++) {
            order[a] = a;
            stats[a] = t.due(a, t.rounds()) ? t.actorUpdate(a, a, null) : Trainer.AgentStats.skipped(a);
        }
        double valueLoss = t.criticUpdate();
        return new Trainer.RoundStats(t.rounds(), order, stats, valueLoss, explainedVariance, meanEpisodeReward);
    }
}
