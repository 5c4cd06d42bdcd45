package org.retailrl.algorithms.recommendation;

import java.util.Arrays;
import org.retailrl.envs.recommendation.RecommendationState;

/**
 * Base-stock (order-up-to) replenishment for docs/model.md §3: each period order
 * {@code q^i = min(Q, [S^i − IP^i]^+)} where the inventory position {@code IP^i} is stock on hand
 * minus backlog plus every unit in transit, and {@code S^i} is the product's base-stock level in
 * units. Levels are fitted by simulation in {@link BaseStockFitter}.
 */
public final class BaseStockReplenishment implements ReplenishmentRule {
    private final int[] levels;
    private final int maxOrder;

    /**
     * @param levels   {@code S^i ≥ 0} per product, units
     * @param maxOrder {@code Q ≥ 0}, the scenario's largest order
     */
    public BaseStockReplenishment(int[] levels, int maxOrder) {
        if (levels == null || levels.length == 0) {
            throw new IllegalArgumentException("levels must have one entry per product, got "
                    + (levels == null ? "null" : "[]"));
        }
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] < 0) {
                throw new IllegalArgumentException("levels[" + i + "] must be >= 0, got " + levels[i]);
            }
        }
        if (maxOrder < 0) {
            throw new IllegalArgumentException("maxOrder must be >= 0, got " + maxOrder);
        }
        this.levels = levels.clone();
        this.maxOrder = maxOrder;
    }

    @Override
    public void orders(RecommendationState state, int[] out) {
        if (state.products() != levels.length) {
            throw new IllegalArgumentException("state has " + state.products() + " products, levels has "
                    + levels.length);
        }
        for (int i = 0; i < levels.length; i++) {
            long gap = levels[i] - state.inventoryPosition(i);
            out[i] = (int) Math.max(0, Math.min(maxOrder, gap));
        }
    }

    /** The levels {@code S^i}. */
    public int[] levels() {
        return levels.clone();
    }

    @Override
    public String toString() {
        return "base-stock" + Arrays.toString(levels);
    }
}
