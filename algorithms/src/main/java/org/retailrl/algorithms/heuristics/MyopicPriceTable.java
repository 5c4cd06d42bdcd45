package org.retailrl.algorithms.heuristics;

import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * The myopic price as a function of the stock available at the start of a period, under a
 * {@link FittedDemand}: the grid price maximising the one-period profit in which leftover stock is
 * worth its replacement cost {@code c} (it saves a purchase next period; Bernstein, Li &amp; Shang
 * 2016 §3 value inventory the same way), i.e. for stock {@code x}
 * <ul>
 *   <li>lost sales: {@code π(p,x) = p E[min(D,x)] + (c − h) E[(x − D)^+] − b E[(D − x)^+]};</li>
 *   <li>backlog: {@code π(p,x) = p E[D] + (c − h) E[(x − D)^+] − (b + c) E[(D − x)^+]} (a
 *       backordered unit is sold now and bought later at {@code c});</li>
 * </ul>
 * with {@code D ~ Poisson(λ̂(p))}, summed until the remaining tail mass is below 1e-12. The table
 * is then made non-increasing in {@code x} (each entry the minimum of itself and the entries
 * below), as Zheng, Li, Jiang and Peng §3.8 requires of the heuristics' price functions (docs/model.md §8). Stock outside
 * the tabulated range uses the nearest end. Units: stock in units; entries are price-grid indices.
 */
public final class MyopicPriceTable {
    private final int lo;
    private final int[] index;
    private final int[] direct;

    /** Tabulates stock levels {@code lo..hi} for {@code scenario}'s grid and costs. */
    public MyopicPriceTable(PricingScenario scenario, FittedDemand demand, int lo, int hi) {
        if (hi < lo || hi - lo > 1_000_000) {
            throw new IllegalArgumentException("stock range must satisfy lo <= hi <= lo + 1000000, got [" + lo + ", "
                    + hi + "]");
        }
        this.lo = lo;
        this.index = new int[hi - lo + 1];
        boolean backlog = scenario.mode() == ShortageMode.BACKLOG;
        double c = scenario.unitCost(), h = scenario.holdingCost(), b = scenario.shortageCost();
        int np = scenario.priceCount();
        double[][] pmf = new double[np][];
        for (int j = 0; j < np; j++) {
            double mean = demand.mean(scenario.price(j));
            if (!(mean >= 0 && mean <= 700)) {
                // e^{-λ} underflows beyond ~745; such a fit is far outside the docs/model.md §1 range anyway.
                throw new IllegalArgumentException("fitted demand mean at price " + scenario.price(j)
                        + " must be in [0, 700], got " + mean);
            }
            pmf[j] = poisson(mean);
        }
        for (int x = lo; x <= hi; x++) {
            double best = Double.NEGATIVE_INFINITY;
            int bj = 0;
            for (int j = 0; j < np; j++) {
                double p = scenario.price(j);
                double v = 0;
                double[] f = pmf[j];
                for (int d = 0; d < f.length; d++) {
                    double over = Math.max(x - d, 0);
                    double under = Math.max(d - x, 0);
                    double r = backlog ? p * d + (c - h) * over - (b + c) * under
                            : p * Math.min(d, Math.max(x, 0)) + (c - h) * over - b * under;
                    v += f[d] * r;
                }
                if (v > best) {
                    best = v;
                    bj = j;
                }
            }
            index[x - lo] = bj;
        }
        direct = index.clone();
        for (int k = 1; k < index.length; k++) {
            index[k] = Math.min(index[k], index[k - 1]);
        }
    }

    static double[] poisson(double lambda) {
        int cap = (int) Math.ceil(lambda + 20 * Math.sqrt(lambda + 1) + 20);
        double[] f = new double[cap + 1];
        double p = Math.exp(-lambda);
        double cum = 0;
        int k = 0;
        for (; k <= cap; k++) {
            f[k] = p;
            cum += p;
            if (1 - cum < 1e-12 && k > lambda) {
                break;
            }
            p *= lambda / (k + 1);
        }
        return java.util.Arrays.copyOf(f, Math.min(k + 1, cap + 1));
    }

    /** Price-grid index for available stock {@code x}. */
    public int priceIndex(int x) {
        int k = x - lo;
        return index[k < 0 ? 0 : Math.min(k, index.length - 1)];
    }

    /**
     * The direct one-period optimum at stock {@code x}, before the table is made non-increasing
     * (lowest grid index on ties); package-private so tests can check the optimiser itself.
     */
    int directPriceIndex(int x) {
        int k = x - lo;
        return direct[k < 0 ? 0 : Math.min(k, direct.length - 1)];
    }

    /** Lowest tabulated stock level. */
    public int lowest() {
        return lo;
    }

    /** Highest tabulated stock level. */
    public int highest() {
        return lo + index.length - 1;
    }
}
