package org.retailrl.algorithms.inventory;

import org.retailrl.algorithms.rl.FactorLayout;
import org.retailrl.envs.inventory.LostSalesBatch;
import org.retailrl.envs.inventory.LostSalesScenario;

/**
 * The lost-sales simulator of docs/model.md §7 ({@link LostSalesBatch}) as an environment of the
 * learner core: one agent choosing the inventory position to order up to.
 *
 * <p><b>Action</b>: a target {@code k ∈ 0..S̄}, {@code S̄} the backorder base-stock level
 * ({@link LostSalesSolver#standardBaseStock}); the order is {@code min(Q, (k − position)^+)}. By
 * Morton's (1969) bound the optimal policy never raises the position above {@code S̄}, so every
 * order it places is some target's and nothing is lost. A learner choosing the order quantity
 * directly instead, as this adapter first did, has a fixed choice mean "order that much whatever
 * the stock": a policy whose most likely choice does not move with the state orders a constant,
 * which in a lost-sales system lets the stock drift without bound — in long evaluations the greedy
 * policies of 5 of Zipkin's 32 instances did exactly that (docs/inventory.md). With targets a
 * state-blind choice is a base-stock policy, which is stable, and the learner improves on it by
 * moving the target with the pipeline's composition.
 *
 * <p><b>Observation</b> ({@code max(L, 1) + 1} floats): on hand, the orders in transit oldest first,
 * and the inventory position, in units of {@code S̄} (see {@link InventoryAgentEnv}).
 */
public final class LostSalesAgentEnv extends InventoryAgentEnv {
    private final LostSalesBatch batch;
    private final FactorLayout layout;

    /** {@code copies} copies of {@code scenario}, episodes of the scenario's horizon. */
    public LostSalesAgentEnv(LostSalesScenario scenario, int copies) {
        this(new LostSalesBatch(scenario, copies));
    }

    private LostSalesAgentEnv(LostSalesBatch batch) {
        super(batch, targetCap(batch.scenario()));
        this.batch = batch;
        this.layout = layout(batch.scenario());
    }

    /** The highest target position the learner may choose: {@code max(S̄, 1)}. */
    public static int targetCap(LostSalesScenario s) {
        return Math.max(LostSalesSolver.standardBaseStock(s), 1);
    }

    /** The learner's actions on {@code s}: one factor of {@code targetCap + 1} target positions. */
    public static FactorLayout layout(LostSalesScenario s) {
        return new FactorLayout(targetCap(s) + 1);
    }

    /** Floats per copy in the learner's observation of {@code s}: {@code max(L, 1) + 1}. */
    public static int observationSize(LostSalesScenario s) {
        return Math.max(s.leadTime(), 1) + 1;
    }

    @Override
    public LostSalesBatch batch() {
        return batch;
    }

    @Override
    public FactorLayout layout() {
        return layout;
    }

    /** Copy {@code i}'s order: up to target {@code choices[i]} from the current position, cut to {@code Q}. */
    @Override
    public void decode(int[] choices, int[] actions) {
        int q = batch.scenario().maxOrder();
        for (int i = 0; i < batch.copies(); i++) {
            actions[i] = Math.min(q, Math.max(0, choices[i] - batch.position(i)));
        }
    }
}
