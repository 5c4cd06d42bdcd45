/**
 * The multi-product problem of docs/model.md §4 on the learner core: the simulator as an agent
 * environment ({@link org.retailrl.algorithms.multiproduct.MultiProductAgentEnv}), the learners as
 * configurations ({@link org.retailrl.algorithms.multiproduct.MultiProductLearners}), the
 * per-product heuristics and Subs (§4.4), the exact two-product DP (§4.6) and the rollouts that
 * score every policy on common random numbers.
 */
package org.retailrl.algorithms.multiproduct;
