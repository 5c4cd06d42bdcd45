package org.retailrl.algorithms.heuristics;

import org.retailrl.core.random.SpecialFunctions;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * One-step lookahead pricing in the full observed state (docs/model.md §8.10, strong and oracle
 * variants): for stock {@code x} on sale, competitor's price {@code o}, reference price {@code r}
 * and a value {@code v} per unit carried into the next period, the expected one-period profit of
 * grid price {@code p_j} under a {@link MarketDemand} {@code λ}, {@code D ~ Poisson(λ(p_j, o, r))}:
 * <ul>
 *   <li>lost sales: {@code π = p E[min(D, x)] + (v − h) E[(x − D)^+] − b E[(D − x)^+]};</li>
 *   <li>backlog: {@code π = p E[D] + (v − h) E[(x − D)^+] − (b + v) E[(D − x)^+]} (a unit short is
 *       sold now and bought later at the carried value).</li>
 * </ul>
 * With {@code v = c} this is the faithful Myopic's objective ({@link MyopicPriceTable}); near the
 * end of the horizon, when carried stock will not be replaced, the caller passes less. The
 * expectations are exact: {@code E[min(D, x)] = Σ_{k<x} P(D > k)} summed until the tail is below
 * 1e-15, and the other two follow from it and {@code E[D] = λ}.
 *
 * <p>Stateless after construction and allocation-free, so one instance serves every batch copy.
 */
public final class OneStepPrice {
    private final double[] prices;
    private final double holding;
    private final double shortage;
    private final boolean backlog;
    private final MarketDemand demand;

    /** One-step pricing on {@code scenario}'s grid and costs under {@code demand}. */
    public OneStepPrice(PricingScenario scenario, MarketDemand demand) {
        if (demand == null) {
            throw new IllegalArgumentException("demand must not be null");
        }
        this.prices = scenario.prices();
        this.holding = scenario.holdingCost();
        this.shortage = scenario.shortageCost();
        this.backlog = scenario.mode() == ShortageMode.BACKLOG;
        this.demand = demand;
    }

    /** Number of grid prices. */
    public int priceCount() {
        return prices.length;
    }

    /** The demand law used. */
    public MarketDemand demand() {
        return demand;
    }

    /** Expected one-period profit of grid price {@code j} with {@code x} units on sale, currency. */
    public double expectedProfit(int j, int x, double o, double r, double carried) {
        double p = prices[j];
        double lambda = demand.mean(p, o, r);
        double sold = expectedMin(lambda, x);
        double short_ = lambda - sold;
        double left = x - sold;
        if (backlog) {
            return p * lambda + (carried - holding) * left - (shortage + carried) * short_;
        }
        return p * sold + (carried - holding) * left - shortage * short_;
    }

    /** The grid index in {@code lo..hi} maximising {@link #expectedProfit}; ties to the lowest index. */
    public int best(int x, double o, double r, double carried, int lo, int hi) {
        int bj = lo;
        double best = Double.NEGATIVE_INFINITY;
        for (int j = lo; j <= hi; j++) {
            double v = expectedProfit(j, x, o, r, carried);
            if (v > best) {
                best = v;
                bj = j;
            }
        }
        return bj;
    }

    /**
     * The grid index in {@code lo..hi} maximising the stock-free margin {@code (p_j − v) λ(p_j, o, r)}
     * (every unit demanded is served and costs {@code v}); ties to the lowest index.
     */
    public int riskless(double o, double r, double carried, int lo, int hi) {
        int bj = lo;
        double best = Double.NEGATIVE_INFINITY;
        for (int j = lo; j <= hi; j++) {
            double v = (prices[j] - carried) * demand.mean(prices[j], o, r);
            if (v > best) {
                best = v;
                bj = j;
            }
        }
        return bj;
    }

    /** {@code E[min(D, x)]} for {@code D ~ Poisson(λ)}; {@code x} when {@code x ≤ 0} (then {@code min(D, x) = x}). */
    static double expectedMin(double lambda, int x) {
        if (x <= 0) {
            return x;
        }
        if (lambda <= 0) {
            return 0;
        }
        double sum = 0;
        double cdf = 0;
        if (lambda <= 600) {
            double pmf = Math.exp(-lambda);
            for (int k = 0; k < x; k++) {
                if (k > 0) {
                    pmf *= lambda / k;
                }
                cdf += pmf;
                double tail = 1 - cdf;
                if (tail < 1e-15 && k > lambda) {
                    break;
                }
                sum += tail;
            }
        } else {
            // e^{−λ} underflows; start each term in log space instead.
            for (int k = 0; k < x; k++) {
                cdf += Math.exp(SpecialFunctions.logPoissonPmf(k, lambda));
                double tail = 1 - cdf;
                if (tail < 1e-15 && k > lambda) {
                    break;
                }
                sum += tail;
            }
        }
        return sum;
    }
}
