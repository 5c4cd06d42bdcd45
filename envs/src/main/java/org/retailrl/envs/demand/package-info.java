/**
 * Where a simulator's demand comes from (docs/model.md §1 and §5): the {@link
 * org.retailrl.envs.demand.DemandSource} contract, the logit-Poisson formula of docs/model.md §1
 * ({@link org.retailrl.envs.demand.LogitPoissonDemand}), a gradient-boosted tree model fitted to
 * market data ({@link org.retailrl.envs.demand.TreeDemand}), and the data-driven single-product
 * demand of docs/model.md §5.4 that the pricing simulator runs through its
 * {@link org.retailrl.envs.pricing.DemandModel} seam ({@link org.retailrl.envs.demand.ScannerTreeDemand},
 * with the feature formulas it shares with the fitting pipeline in
 * {@link org.retailrl.envs.demand.ScannerFormulas}).
 */
package org.retailrl.envs.demand;
