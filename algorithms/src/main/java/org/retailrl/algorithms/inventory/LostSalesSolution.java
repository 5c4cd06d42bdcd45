package org.retailrl.algorithms.inventory;

import org.retailrl.envs.inventory.LostSalesScenario;

/**
 * The exact optimum of a lost-sales instance (docs/model.md §7) by {@link LostSalesSolver}: the
 * optimal long-run average cost per period with its certified bracket, the optimal policy, and what
 * it took (state bound, states, sweeps, seconds).
 *
 * @param scenario     the instance
 * @param lower        lower bound on the optimal average cost (currency per period)
 * @param upper        upper bound on it
 * @param bound        the state bound {@code B} on the inventory position finally used
 * @param standardLevel the backorder base-stock level (the initial bound, by Morton's bound)
 * @param states       states of the space
 * @param sweeps       relative value iteration sweeps (of the final bound)
 * @param seconds      wall time of the whole solve, seconds
 * @param policy       the optimal stationary policy (greedy in the last sweep)
 */
public record LostSalesSolution(LostSalesScenario scenario, double lower, double upper, int bound, int standardLevel,
        int states, int sweeps, double seconds, PolicyTable policy) {
    /** The optimal average cost per period: the bracket's midpoint. */
    public double cost() {
        return 0.5 * (lower + upper);
    }
}
