package org.retailrl.algorithms.inventory;

import org.retailrl.algorithms.pricing.PricingBatchEnv;
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
 * <p><b>Observation</b> ({@code max(L, 1) + 1} floats): the simulator's state (on hand, then the
 * orders in transit oldest first) and the inventory position, each divided by {@code S̄} and
 * compressed beyond 1 logarithmically ({@link PricingBatchEnv#squash}), so the stock an untrained
 * policy piles up stays within a few units.
 */
public final class LostSalesAgentEnv extends InventoryAgentEnv {
    private final LostSalesBatch batch;
    private final int cap;
    private final float scale;
    private final int[] state;

    /** {@code copies} copies of {@code scenario}, episodes of the scenario's horizon. */
    public LostSalesAgentEnv(LostSalesScenario scenario, int copies) {
        this(new LostSalesBatch(scenario, copies));
    }

    private LostSalesAgentEnv(LostSalesBatch batch) {
        super(batch);
        this.batch = batch;
        int level = LostSalesSolver.standardBaseStock(batch.scenario());
        this.cap = orderCap(batch.scenario());
        this.scale = 1f / Math.max(level, 1);
        this.state = new int[batch.observationSize()];
    }

    /** The largest order the learner may choose: {@code min(Q, max(S̄, 1))}. */
    public static int orderCap(LostSalesScenario s) {
        return Math.min(s.maxOrder(), Math.max(LostSalesSolver.standardBaseStock(s), 1));
    }

    /** The learner's actions: one factor of {@code cap + 1} order quantities. */
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
    public int observationSize() {
        return state.length + 1;
    }

    @Override
    public FactorLayout actionLayout(int agent) {
        if (agent != 0) {
            throw new IllegalArgumentException("agent must be 0, got " + agent);
        }
        return new FactorLayout(cap + 1);
    }

    @Override
    public void encode(float[] out) {
        int d = state.length + 1;
        for (int i = 0; i < batch.copies(); i++) {
            batch.state(i, state);
            int position = 0;
            for (int k = 0; k < state.length; k++) {
                out[i * d + k] = PricingBatchEnv.squash(state[k] * scale);
                position += state[k];
            }
            out[i * d + state.length] = PricingBatchEnv.squash(position * scale);
        }
    }

    @Override
    public void decode(int[] choices, int[] actions) {
        System.arraycopy(choices, 0, actions, 0, batch.copies());
    }
}
