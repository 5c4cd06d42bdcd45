/**
 * Building blocks shared by the learners of docs/model.md §8: the {@link org.retailrl.algorithms.rl.BatchEnv}
 * view of lockstep environment copies (and its adapter to the pricing simulator of docs/model.md §1),
 * the recurrent networks (MLP → GRU → GRU → head), the recurrent rollout buffer and collector,
 * GAE(λ), reward scaling, value normalisation, the fused clipped policy and value losses, and the
 * non-finite guard that stops training.
 */
package org.retailrl.algorithms.rl;
