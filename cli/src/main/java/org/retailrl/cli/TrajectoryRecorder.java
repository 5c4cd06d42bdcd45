package org.retailrl.cli;

import org.retailrl.algorithms.pricing.BatchPricingPolicy;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * Plays one evaluation episode of a docs/model.md §1 scenario with a policy and records, per period,
 * the posted price and the competitor's price (currency), the order quantity, the ending inventory
 * (units; net inventory under backlog) and the profit — the data of Zheng, Li, Jiang and Peng Fig. 5b. Episode
 * {@code 0} of {@code seed} is the same stream the evaluator uses for its first episode, so every
 * policy faces the same demand draws.
 */
final class TrajectoryRecorder {
    /**
     * One episode, arrays indexed by period {@code 0..T−1}.
     *
     * @param price      the firm's price
     * @param competitor the competitor's price
     * @param order      the order quantity placed
     * @param inventory  the ending (net) inventory
     * @param profit     the period's profit
     */
    record Trajectory(double[] price, double[] competitor, double[] order, double[] inventory, double[] profit) {
    }

    private TrajectoryRecorder() {
    }

    static Trajectory record(PricingScenario scenario, BatchPricingPolicy policy, long seed) {
        int t = scenario.horizon();
        PricingBatch batch = new PricingBatch(scenario, 1);
        batch.reset(seed);
        policy.reset(batch);
        int[] price = new int[1];
        int[] order = new int[1];
        double[] reward = new double[1];
        Trajectory tr = new Trajectory(new double[t], new double[t], new double[t], new double[t], new double[t]);
        for (int k = 0; k < t; k++) {
            tr.competitor()[k] = batch.competitorPrice(0);
            policy.act(batch, price, order);
            batch.step(price, order, reward);
            tr.price()[k] = scenario.price(price[0]);
            tr.order()[k] = order[0];
            tr.inventory()[k] = batch.inventory(0);
            tr.profit()[k] = reward[0];
        }
        return tr;
    }
}
