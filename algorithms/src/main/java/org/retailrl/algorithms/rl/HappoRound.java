package org.retailrl.algorithms.rl;

import org.retailrl.core.random.Rng;

/**
 * A round of HAPPO (docs/model.md §8.6; PKU-MARL/HARL {@code on_policy_ha_runner.py},
 * {@code actors/happo.py}), and of FSDA when an agent's {@link UpdatePeriod} makes it slow: draw a
 * random order of the agents; with the factor {@code M ≡ 1}, each agent in that order that is due
 * runs its epochs of the clipped surrogate weighted by {@code M}, then {@code M} is multiplied by
 * its new/old policy ratio on every sample ({@code M ← M·exp(logp_new − logp_old)}, unclipped and
 * detached); an agent not due keeps its policy, so its ratio is 1. Then the critic is trained.
 *
 * <p>Where this differs from HARL, deliberately: advantages are normalised per minibatch rather
 * than over the whole buffer; the value normaliser is updated once per round with all returns
 * rather than once per critic minibatch (see {@link Trainer#criticUpdate()}).
 */
final class HappoRound {
    private HappoRound() {
    }

    static Trainer.RoundStats run(Trainer t, Rng orderRng, double explainedVariance, double meanEpisodeReward) {
        int n = t.agents();
        long round = t.rounds();
        int[] order = orderRng.permutation(n);
        Trainer.AgentStats[] stats = new Trainer.AgentStats[n];
        float[] factor = Trainer.ones(t.buffer().steps() * t.buffer().copies());
        for (int pos = 0; pos < n; pos++) {
            int a = order[pos];
            if (!t.due(a, round)) {
                stats[a] = Trainer.AgentStats.skipped(pos);
                continue;
            }
            stats[a] = t.actorUpdate(a, pos, factor);
            if (!laterUpdate(t, order, pos, round)) {
                continue; // no agent after this one reads M, so its ratio need not be replayed
            }
            float[] newLogp = t.replayLogProbs(a);
            float[] oldLogp = t.buffer().logProbs(a);
            for (int i = 0; i < factor.length; i++) {
                factor[i] = (float) (factor[i] * Math.exp((double) newLogp[i] - oldLogp[i]));
            }
            FiniteCheck.array("HAPPO factor after agent '" + t.name(a) + "'", factor);
        }
        double valueLoss = t.criticUpdate();
        return new Trainer.RoundStats(t.rounds(), order, stats, valueLoss, explainedVariance, meanEpisodeReward);
    }

    private static boolean laterUpdate(Trainer t, int[] order, int pos, long round) {
        for (int q = pos + 1; q < order.length; q++) {
            if (t.due(order[q], round)) {
                return true;
            }
        }
        return false;
    }
}
