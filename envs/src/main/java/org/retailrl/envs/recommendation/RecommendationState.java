package org.retailrl.envs.recommendation;

import java.util.Arrays;

/**
 * The state of one copy of the docs/model.md §3 simulator at the start of the coming period, the
 * {@code s_t = {I_{t-1}^i, q_{t-t'}^i}} of Jiang et al. §VI.A plus the backlog: stock in units.
 *
 * @param period    periods completed in this episode ({@code 0..T})
 * @param inventory {@code I_{t-1}^i}, units on hand
 * @param backlog   units of unmet demand waiting (always 0 under lost sales)
 * @param pipeline  {@code pipeline[i][s]}: units of product {@code i} ordered earlier that arrive
 *                  {@code s + 1} periods from now, before that period's sales; length {@code L^i}
 */
public record RecommendationState(int period, int[] inventory, int[] backlog, int[][] pipeline) {
    /** Checks that the arrays are present with one entry per product, and copies them. */
    public RecommendationState {
        if (inventory == null || backlog == null || pipeline == null || backlog.length != inventory.length
                || pipeline.length != inventory.length) {
            throw new IllegalArgumentException("inventory, backlog and pipeline must have one entry per product");
        }
        inventory = inventory.clone();
        backlog = backlog.clone();
        int[][] p = new int[pipeline.length][];
        for (int i = 0; i < p.length; i++) {
            p[i] = pipeline[i].clone();
        }
        pipeline = p;
    }

    /** Number of products. */
    public int products() {
        return inventory.length;
    }

    /** Inventory position of product {@code i}: on hand − backlog + everything in transit. */
    public long inventoryPosition(int i) {
        long ip = (long) inventory[i] - backlog[i];
        for (int q : pipeline[i]) {
            ip += q;
        }
        return ip;
    }

    /** Units of product {@code i} arriving before the next period's sales ({@code 0} when {@code L^i = 0}). */
    public int nextArrival(int i) {
        return pipeline[i].length == 0 ? 0 : pipeline[i][0];
    }

    @Override public int[] inventory() { return inventory.clone(); }
    @Override public int[] backlog() { return backlog.clone(); }

    @Override
    public int[][] pipeline() {
        int[][] p = new int[pipeline.length][];
        for (int i = 0; i < p.length; i++) {
            p[i] = pipeline[i].clone();
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecommendationState s && period == s.period && Arrays.equals(inventory, s.inventory)
                && Arrays.equals(backlog, s.backlog) && Arrays.deepEquals(pipeline, s.pipeline);
    }

    @Override
    public int hashCode() {
        return ((31 * period + Arrays.hashCode(inventory)) * 31 + Arrays.hashCode(backlog)) * 31
                + Arrays.deepHashCode(pipeline);
    }

    @Override
    public String toString() {
        return "RecommendationState[t=" + period + ", I=" + Arrays.toString(inventory) + ", B="
                + Arrays.toString(backlog) + ", pipeline=" + Arrays.deepToString(pipeline) + "]";
    }
}
