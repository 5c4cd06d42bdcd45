package org.retailrl.algorithms.multiproduct;

import org.retailrl.envs.multiproduct.MultiProductBatch;

/**
 * A policy for the multi-product problem of docs/model.md §4, acting on every copy of a batch at
 * once: it reads the batch's state at the start of a period and writes product {@code i} of copy
 * {@code c}'s price-grid index and order to {@code priceOut[c·N + i]}, {@code orderOut[c·N + i]}.
 * Heuristics, the exact DP's table and trained actors share it, so all are scored by one protocol.
 */
public interface MultiProductPolicy {
    /** Short name for tables and files. */
    String name();

    /** Called before every batch of episodes. */
    default void reset(MultiProductBatch batch) {
    }

    /** This period's decisions for every copy and product. */
    void act(MultiProductBatch batch, int[] priceOut, int[] orderOut);
}
