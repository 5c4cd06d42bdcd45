/**
 * Where a simulator's demand comes from (docs/model.md §1 and §5): the {@link
 * org.retailrl.envs.demand.DemandSource} contract, the logit-Poisson formula of docs/model.md §1
 * ({@link org.retailrl.envs.demand.LogitPoissonDemand}) and a gradient-boosted tree model fitted to
 * market data ({@link org.retailrl.envs.demand.TreeDemand}). The pricing simulator does not use
 * this contract yet; it is the seam for a data-driven scenario.
 */
package org.retailrl.envs.demand;
