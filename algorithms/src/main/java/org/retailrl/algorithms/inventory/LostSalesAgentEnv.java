package org.retailrl.algorithms.inventory;

import org.retailrl.algorithms.rl.FactorLayout;
import org.retailrl.envs.inventory.LostSalesBatch;
import org.retailrl.envs.inventory.LostSalesScenario;

/**
 * The lost-sales simulator of docs/model.md §7 ({@link LostSalesBatch}) as an environment of the
 * learner core: one agent choosing the order {@code q ∈ 0..cap}.
 *
 * <p><b>Order cap</b>: {@code cap = min(Q, S̄)} with {@code S̄} the backorder base-stock level
 * ({@link LostSalesSolver#standardBaseStock}); by Morton's (1969) bound the optimal policy never
 * raises the inventory position above {@code S̄}, so it never orders more than {@code S̄} and the cap
 * loses nothing — while Zipkin's geometric instances would otherwise offer orders up to the largest
 * tabulated demand (about 190).
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
        super(batch, Math.max(LostSalesSolver.standardBaseStock(batch.scenario()), 1));
        this.batch = batch;
        this.layout = layout(batch.scenario());
    }

    /** The largest order the learner may choose: {@code min(Q, max(S̄, 1))}. */
    public static int orderCap(LostSalesScenario s) {
        return Math.min(s.maxOrder(), Math.max(LostSalesSolver.standardBaseStock(s), 1));
    }

    /** The learner's actions on {@code s}: one factor of {@code cap + 1} order quantities. */
    public static FactorLayout layout(LostSalesScenario s) {
        return new FactorLayout(orderCap(s) + 1);
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

    @Override
    protected void readState(int i, int[] out) {
        batch.state(i, out);
    }
}
