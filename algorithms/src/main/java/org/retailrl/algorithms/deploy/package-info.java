/**
 * Trained pricing-and-replenishment policies (docs/model.md §1 problem, §8 actors) outside the
 * training code: a self-contained policy file ({@link org.retailrl.algorithms.deploy.PolicyFile})
 * and an embeddable, thread-safe, allocation-free greedy policy loaded from it
 * ({@link org.retailrl.algorithms.deploy.Policy}).
 */
package org.retailrl.algorithms.deploy;
