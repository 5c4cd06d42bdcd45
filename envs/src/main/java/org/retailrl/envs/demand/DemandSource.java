package org.retailrl.envs.demand;

import org.retailrl.core.random.PoissonSampler;
import org.retailrl.core.random.Rng;

/**
 * A period's demand for the firm's product (docs/model.md §1, §5): a Poisson mean given the firm's
 * price {@code p}, the competitor's price {@code o}, the reference price {@code r} and the period
 * index, and a draw from it with the caller's stream. Implementations may keep scratch state:
 * use one instance per simulator copy or thread unless an implementation says otherwise.
 */
public interface DemandSource {
    /** The Poisson mean of units demanded in {@code period}; finite and {@code >= 0}. */
    double rate(double price, double competitorPrice, double referencePrice, int period);

    /** Units demanded: a Poisson draw with mean {@link #rate}, from {@code rng}. */
    default int sample(Rng rng, double price, double competitorPrice, double referencePrice, int period) {
        return PoissonSampler.sample(rng, rate(price, competitorPrice, referencePrice, period));
    }
}
