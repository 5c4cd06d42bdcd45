/**
 * The production-method environment of docs/model.md §6.1: per product a production method (its
 * unit cost and lead time), a quantity, a price and a recommendation level, with logit demand whose
 * ratings the recommendation lifts ({@link org.retailrl.envs.production.ProductionScenario},
 * batched in {@link org.retailrl.envs.production.ProductionBatch}).
 */
package org.retailrl.envs.production;
