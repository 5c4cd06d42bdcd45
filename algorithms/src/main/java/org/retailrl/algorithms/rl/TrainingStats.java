package org.retailrl.algorithms.rl;

/**
 * What one training update of MODEL.md §8 reports (averages over its minibatch steps unless said
 * otherwise), as CleanRL logs them.
 *
 * @param update            0-based update index
 * @param lr                learning rate used
 * @param meanEpisodeReward mean undiscounted raw episode reward of the rollout (currency for the pricing problem)
 * @param pgLoss            clipped-surrogate loss
 * @param valueLoss         value loss (before its coefficient)
 * @param entropy           mean policy entropy, nats
 * @param approxKl          approximate KL {@code mean((ρ − 1) − log ρ)} of the last epoch
 * @param clipFraction      fraction of samples with {@code |ρ − 1| > ε}
 * @param explainedVariance of the rollout values for the returns (NaN when returns are constant)
 */
public record TrainingStats(int update, double lr, double meanEpisodeReward, double pgLoss, double valueLoss,
                            double entropy, double approxKl, double clipFraction, double explainedVariance) {
}
