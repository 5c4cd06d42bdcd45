package org.retailrl.algorithms.heuristics;

/**
 * A demand law in the state the pricing policies observe (docs/model.md §1.2, §8.10): the Poisson
 * mean of one period's demand, units per period, at own price {@code p}, competitor's price
 * {@code o} and reference price {@code r} (currency per unit). The true law of the simulator
 * ({@code new Demand(scenario)::rate}) and the full-feature fit ({@link FeatureDemand}) both are one.
 */
@FunctionalInterface
public interface MarketDemand {
    /** Poisson mean at {@code (p, o, r)}, finite and {@code ≥ 0}. */
    double mean(double p, double o, double r);
}
