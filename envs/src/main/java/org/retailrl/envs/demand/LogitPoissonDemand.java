package org.retailrl.envs.demand;

import org.retailrl.envs.pricing.Demand;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * The logit-Poisson demand of docs/model.md §1 as a {@link DemandSource}: the rate is
 * {@link Demand#rate(double, double, double)}, whatever the period. Immutable and thread-safe.
 */
public final class LogitPoissonDemand implements DemandSource {
    private final Demand demand;

    /** The demand of {@code scenario}. */
    public LogitPoissonDemand(PricingScenario scenario) {
        this.demand = new Demand(scenario);
    }

    @Override
    public double rate(double price, double competitorPrice, double referencePrice, int period) {
        return demand.rate(price, competitorPrice, referencePrice);
    }
}
