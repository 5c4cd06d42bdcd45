package org.retailrl.algorithms.rl;

/**
 * A round of single-agent PPO (docs/model.md §8.5; CleanRL's {@code ppo.py}): after the rollout,
 * epochs of minibatches of the combined loss {@code pg − entCoef·H + coef·vLoss} with one Adam over
 * actor and critic and one global gradient-norm clip.
 */
final class PpoRound {
    private PpoRound() {
    }

    static Trainer.RoundStats run(Trainer t, double explainedVariance, double meanEpisodeReward) {
        double[] valueLoss = new double[1];
        Trainer.AgentStats s = t.ppoUpdate(valueLoss);
        return new Trainer.RoundStats(t.rounds(), new int[] {0}, new Trainer.AgentStats[] {s}, valueLoss[0],
                explainedVariance, meanEpisodeReward);
    }
}
