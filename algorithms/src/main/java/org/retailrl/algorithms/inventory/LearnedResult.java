package org.retailrl.algorithms.inventory;

import org.retailrl.algorithms.eval.PairedComparison;
import org.retailrl.algorithms.eval.Summary;

/**
 * A learned policy scored on an inventory instance of docs/model.md §7 by {@link InventoryEvaluation}:
 * its simulated long-run average cost per period, acting greedily and sampling as in training, each
 * with its gap to the optimal policy simulated on the same demands (common random numbers; the gap
 * is {@code 100·mean(learned − optimal)/mean(optimal)}, percent, with its 95 % interval).
 *
 * @param name         the learner, e.g. {@code "ppo"}
 * @param rounds       training rounds
 * @param copies       environment copies per round
 * @param horizon      periods per training episode {@code T}
 * @param trainSeconds wall time of training
 * @param optimal      the optimal policy's simulated cost (the gaps' denominator)
 * @param greedy       the greedy policy's simulated cost
 * @param greedyGap    greedy minus optimal, paired by copy
 * @param sampled      the sampling policy's simulated cost
 * @param sampledGap   sampled minus optimal, paired by copy
 */
public record LearnedResult(String name, int rounds, int copies, int horizon, double trainSeconds, Summary optimal,
        Summary greedy, PairedComparison greedyGap, Summary sampled, PairedComparison sampledGap) {
}
