/**
 * Simulators: state, dynamics and reward, no learning. {@link org.retailrl.envs.Env} is the contract
 * every simulator offers a learner (reset from a seed, multi-discrete step, observation and action
 * specs); {@code org.retailrl.envs.pricing} holds the pricing-and-replenishment problem of docs/model.md §1.
 */
package org.retailrl.envs;
