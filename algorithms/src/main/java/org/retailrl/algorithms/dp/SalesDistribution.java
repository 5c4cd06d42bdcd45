package org.retailrl.algorithms.dp;

import org.retailrl.core.random.SpecialFunctions;

/**
 * The exact one-period law of sales {@code S = min(D, A)} for Poisson demand {@code D} with mean
 * {@code λ_j} and available stock {@code A ∈ 0..cap}, with the expected one-period lost-sales profit
 * (docs/model.md §1) {@code R(j, A) = p_j E[S] − h (A − E[S]) − b (λ_j − E[S])} before ordering costs.
 *
 * <p>Why no truncation is needed: in the lost-sales model the next state depends on demand only
 * through {@code S}, whose support is {@code 0..A}; the last atom collects the whole tail
 * {@code P(D ≥ A) = 1 − Σ_{k<A} P(D = k)}, and lost sales enter the reward linearly, so
 * {@code E[O] = λ − E[S]} is exact. The expectation is therefore exact up to floating-point
 * rounding (about 1e-15 relative), tighter than any truncation bound.
 */
public final class SalesDistribution {
    private final int cap;
    private final int prices;
    // pmf[j][a] has a + 1 entries: P(S = s | price j, available a).
    private final double[][][] pmf;
    private final double[][] reward;

    /** Tabulates the laws for every grid price and every available stock {@code 0..cap}. */
    public SalesDistribution(DpInstance inst) {
        this.cap = inst.cap();
        this.prices = inst.priceCount();
        this.pmf = new double[prices][cap + 1][];
        this.reward = new double[prices][cap + 1];
        double[] poisson = new double[cap + 1];
        for (int j = 0; j < prices; j++) {
            double lambda = inst.demandMean(j);
            for (int k = 0; k <= cap; k++) {
                poisson[k] = poissonPmf(k, lambda);
            }
            for (int a = 0; a <= cap; a++) {
                double[] p = new double[a + 1];
                double head = 0;
                double mean = 0;
                for (int s = 0; s < a; s++) {
                    p[s] = poisson[s];
                    head += p[s];
                    mean += s * p[s];
                }
                p[a] = Math.max(0, 1 - head);
                mean += a * p[a];
                pmf[j][a] = p;
                reward[j][a] = inst.price(j) * mean - inst.holding() * (a - mean) - inst.penalty() * (lambda - mean);
            }
        }
    }

    /** {@code P(D = k)} for Poisson mean {@code lambda}, in log space so large means do not underflow. */
    static double poissonPmf(int k, double lambda) {
        if (lambda == 0) {
            return k == 0 ? 1 : 0;
        }
        return Math.exp(-lambda + k * Math.log(lambda) - SpecialFunctions.logFactorial(k));
    }

    /** {@code P(S = s)} at grid price {@code j} with {@code a} units available; {@code s ∈ 0..a}. */
    public double pmf(int j, int a, int s) {
        return pmf[j][a][s];
    }

    /** The law of {@code S} at price {@code j} and stock {@code a} (shared array: do not modify). */
    double[] law(int j, int a) {
        return pmf[j][a];
    }

    /** Expected one-period profit before ordering costs, currency. */
    public double expectedReward(int j, int a) {
        return reward[j][a];
    }

    /** Stock cap. */
    public int cap() {
        return cap;
    }

    /** Number of grid prices. */
    public int priceCount() {
        return prices;
    }
}
