package org.retailrl.algorithms.heuristics;

import org.retailrl.envs.pricing.PricingScenario;

/**
 * The stationary demand pattern the heuristics of docs/model.md §8 assume, fitted as Zheng, Li, Jiang and Peng §3.8
 * prescribes: Poisson demand with a log-linear mean in the own price,
 * {@code D ~ Poisson(exp(a + b·p))} ({@code p} in currency per unit, mean in units per period),
 * fitted by maximum likelihood to simulated (price, demand) pairs.
 *
 * <p>The pairs come from the scenario's own simulator with prices drawn uniformly from the grid
 * and no orders (demand is recorded before stock limits sales), so the competitor and the
 * reference price follow the scenario's dynamics in response to those random prices.
 *
 * @param intercept {@code a}
 * @param slope {@code b} (per currency unit; negative when demand falls with price)
 * @param samples number of pairs used
 * @param logLikelihood maximised Poisson log-likelihood (without the {@code −log d!} terms)
 */
public record FittedDemand(double intercept, double slope, int samples, double logLikelihood) {
    /** Number of (price, demand) pairs of Zheng, Li, Jiang and Peng §3.8. */
    public static final int DEFAULT_SAMPLES = 10_000;

    /** The fitted mean demand at price {@code p}, units per period. */
    public double mean(double p) {
        return Math.exp(intercept + slope * p);
    }

    /**
     * Simulates {@code samples} pairs from {@code scenario} ({@code m = ⌈samples/T⌉} episodes of its
     * horizon on simulator streams {@code Rng.stream(seed, e)}, {@code e < m}; random grid prices
     * from {@code Rng.stream(seed, m)}, a stream no episode uses) and fits them.
     */
    public static FittedDemand simulateAndFit(PricingScenario scenario, int samples, long seed) {
        DemandSamples pairs = DemandSamples.simulate(scenario, samples, seed);
        return fit(pairs.prices(), pairs.demands());
    }

    /**
     * Maximum-likelihood fit of {@code log E[D] = a + b p} by Newton's method on the concave
     * log-likelihood (prices centred for conditioning), to a step below 1e-12.
     */
    public static FittedDemand fit(double[] prices, int[] demands) {
        if (prices == null || demands == null || prices.length != demands.length || prices.length < 2) {
            throw new IllegalArgumentException("prices and demands must have the same length >= 2");
        }
        int n = prices.length;
        double pBar = 0;
        double dSum = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(prices[i]) || demands[i] < 0) {
                throw new IllegalArgumentException("pair " + i + " must have a finite price and demand >= 0");
            }
            pBar += prices[i];
            dSum += demands[i];
        }
        pBar /= n;
        if (dSum == 0) {
            throw new IllegalArgumentException("demands are all zero: the log-linear mean has no finite MLE");
        }
        double a = Math.log(dSum / n);
        double b = 0;
        double ll = logLik(prices, demands, pBar, a, b);
        for (int it = 0; it < 200; it++) {
            double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
            for (int i = 0; i < n; i++) {
                double x = prices[i] - pBar;
                double mu = Math.exp(a + b * x);
                double r = demands[i] - mu;
                g0 += r;
                g1 += r * x;
                h00 += mu;
                h01 += mu * x;
                h11 += mu * x * x;
            }
            double det = h00 * h11 - h01 * h01;
            if (!(det > 0)) {
                throw new IllegalArgumentException("prices must vary for the slope to be identified");
            }
            double da = (h11 * g0 - h01 * g1) / det;
            double db = (h00 * g1 - h01 * g0) / det;
            double step = 1;
            double na = a + da, nb = b + db, nll = logLik(prices, demands, pBar, na, nb);
            while (nll < ll && step > 1e-8) {
                step /= 2;
                na = a + step * da;
                nb = b + step * db;
                nll = logLik(prices, demands, pBar, na, nb);
            }
            a = na;
            b = nb;
            ll = Math.max(ll, nll);
            if (Math.abs(step * da) < 1e-12 && Math.abs(step * db) < 1e-12) {
                break;
            }
        }
        return new FittedDemand(a - b * pBar, b, n, ll);
    }

    private static double logLik(double[] p, int[] d, double pBar, double a, double b) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double eta = a + b * (p[i] - pBar);
            s += d[i] * eta - Math.exp(eta);
        }
        return s;
    }
}
