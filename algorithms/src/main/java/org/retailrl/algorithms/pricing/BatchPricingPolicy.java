package org.retailrl.algorithms.pricing;

import org.retailrl.envs.pricing.PricingBatch;

/**
 * A policy acting on all copies of a {@link PricingBatch} at once (docs/model.md §1 decisions, one
 * price-grid index and one order quantity per copy), so batched learners and per-copy heuristics
 * share one rollout loop. {@link #act} writes {@code priceOut[i]} and {@code orderOut[i]} for every
 * copy {@code i} and allocates nothing.
 */
public interface BatchPricingPolicy {
    /** Short name used in tables and files. */
    String name();

    /** Called after every {@link PricingBatch#reset(long)}, before the first period. */
    void reset(PricingBatch batch);

    /** Decides the coming period for every copy of {@code batch}. */
    void act(PricingBatch batch, int[] priceOut, int[] orderOut);
}
