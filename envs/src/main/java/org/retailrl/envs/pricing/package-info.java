/**
 * The pricing-and-replenishment simulator of docs/model.md §1. {@link org.retailrl.envs.pricing.PricingScenario}
 * holds every parameter (JSON via {@link org.retailrl.envs.pricing.PricingScenarioJson});
 * {@link org.retailrl.envs.pricing.Demand} is the logit-Poisson rate, replaced in a data-driven
 * scenario by a {@link org.retailrl.envs.pricing.DemandModel} (docs/model.md §5.4), and
 * {@link org.retailrl.envs.pricing.PricingDynamics} the deterministic part of a period;
 * {@link org.retailrl.envs.pricing.PricingBatch} steps N copies held as struct-of-arrays and
 * {@link org.retailrl.envs.pricing.PricingEnv} is one copy behind the {@link org.retailrl.envs.Env}
 * contract, running the same kernel.
 */
package org.retailrl.envs.pricing;
