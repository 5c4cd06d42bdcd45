/**
 * The inventory-with-recommendation simulator of docs/model.md §3 (Jiang et al. §VI.A; Jiang, Han, Peng and Zhang).
 * {@link org.retailrl.envs.recommendation.RecommendationScenario} holds every parameter (named
 * scenarios in {@link org.retailrl.envs.recommendation.RecommendationScenarios}, JSON via
 * {@link org.retailrl.envs.recommendation.RecommendationScenarioJson});
 * {@link org.retailrl.envs.recommendation.RecommendationDynamics} has the equations of one period
 * and the order of events; {@link org.retailrl.envs.recommendation.Exposure} the recommendation
 * action; {@link org.retailrl.envs.recommendation.RecommendationBatch} steps K copies held as
 * struct-of-arrays and {@link org.retailrl.envs.recommendation.RecommendationEnv} is one copy with
 * a reset/step API, written independently so that the two check each other.
 */
package org.retailrl.envs.recommendation;
