/**
 * The policy abstraction of MODEL.md §1 decisions (price-grid index and order quantity), shared by
 * heuristics, exact DP tables and learned policies: {@link org.retailrl.algorithms.policy.PricingPolicy}
 * over a reused {@link org.retailrl.algorithms.policy.PricingView}, and the batched face
 * {@link org.retailrl.algorithms.policy.BatchPricingPolicy} over the simulator's
 * {@code PricingBatch}.
 */
package org.retailrl.algorithms.policy;
