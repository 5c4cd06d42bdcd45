/**
 * The multi-product pricing-and-replenishment simulator of docs/model.md §4: {@link
 * org.retailrl.envs.multiproduct.MultiProductScenario} (JSON via {@link
 * org.retailrl.envs.multiproduct.MultiProductScenarioJson}), the logit demand with cross-price terms
 * {@link org.retailrl.envs.multiproduct.MnlDemand}, and {@link
 * org.retailrl.envs.multiproduct.MultiProductBatch}, copies held as struct-of-arrays with stock-out
 * substitution.
 */
package org.retailrl.envs.multiproduct;
