package org.retailrl.algorithms.dp;

import java.util.Arrays;
import org.retailrl.envs.pricing.CompetitorKind;
import org.retailrl.envs.pricing.Demand;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * A small instance of docs/model.md §1 that exact dynamic programming can solve: lost sales, lead time
 * {@code L ∈ {0, 1}}, a fixed competitor price and a fixed reference price (so the demand mean
 * depends on the own price only), stock capped at {@code cap} on arrival (excess disposed at no
 * value, its purchase cost still paid), no salvage value at the end of the horizon.
 *
 * <p>Units: prices and costs in currency (per unit, per unit per period for {@code h, b}; per
 * order for {@code K}); stock and orders in units; {@code demandMeans[j]} in units per period at
 * {@code prices[j]}. Rewards per period are docs/model.md §1's lost-sales profit
 * {@code p S − h I − b O − c q − K·1{q > 0}}.
 *
 * @param prices price grid (non-empty, finite, ≥ 0)
 * @param demandMeans Poisson mean of demand at each grid price (finite, ≥ 0, same length)
 * @param maxOrder largest order {@code Q} (0..1000)
 * @param unitCost {@code c ≥ 0}
 * @param holding {@code h ≥ 0}
 * @param penalty lost-sales penalty {@code b ≥ 0}
 * @param fixedCost {@code K ≥ 0}
 * @param leadTime {@code L}, 0 or 1
 * @param cap stock cap on arrival {@code I_max} (1..10000)
 * @param startInventory start state {@code x_1}: {@code I_0} for {@code L = 0}, {@code min(I_0 + q_pipeline, cap)} for
 *                       {@code L = 1} (0..cap)
 */
public record DpInstance(double[] prices, double[] demandMeans, int maxOrder, double unitCost, double holding,
        double penalty, double fixedCost, int leadTime, int cap, int startInventory) {

    /** Validates every field; messages name the field and its allowed range. */
    public DpInstance {
        if (prices == null || prices.length == 0) {
            throw new IllegalArgumentException("prices must be a non-empty grid");
        }
        if (demandMeans == null || demandMeans.length != prices.length) {
            throw new IllegalArgumentException("demandMeans must have one entry per price (" + prices.length + ")");
        }
        for (int j = 0; j < prices.length; j++) {
            if (!(prices[j] >= 0) || !Double.isFinite(prices[j])) {
                throw new IllegalArgumentException("prices[" + j + "] must be finite and >= 0, got " + prices[j]);
            }
            if (!(demandMeans[j] >= 0) || !(demandMeans[j] <= 1e4)) {
                throw new IllegalArgumentException("demandMeans[" + j + "] must be in [0, 1e4], got " + demandMeans[j]);
            }
        }
        prices = prices.clone();
        demandMeans = demandMeans.clone();
        if (maxOrder < 0 || maxOrder > 1000) {
            throw new IllegalArgumentException("maxOrder must be in [0, 1000], got " + maxOrder);
        }
        requireCost("unitCost", unitCost);
        requireCost("holding", holding);
        requireCost("penalty", penalty);
        requireCost("fixedCost", fixedCost);
        if (leadTime != 0 && leadTime != 1) {
            throw new IllegalArgumentException("leadTime must be 0 or 1 for exact DP, got " + leadTime);
        }
        if (cap < 1 || cap > 10000) {
            throw new IllegalArgumentException("cap must be in [1, 10000], got " + cap);
        }
        if (startInventory < 0 || startInventory > cap) {
            throw new IllegalArgumentException("startInventory must be in [0, cap=" + cap + "], got " + startInventory);
        }
    }

    private static void requireCost(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
    }

    /**
     * Why {@code scenario} is not a small instance, or {@code null} when it is: exact DP needs lost
     * sales, {@code L ≤ 1}, the logit demand of §1.2, a fixed competitor, a fixed reference price
     * ({@code w = 1}) and a stock cap of at most 10000.
     */
    public static String whyNotSmall(PricingScenario s) {
        if (s.dataDriven()) {
            return "demand must be the logit rate of docs/model.md §1.2 for exact DP, got data-driven demand";
        }
        if (s.mode() != ShortageMode.LOST_SALES) {
            return "mode must be LOST_SALES for exact DP, got " + s.mode();
        }
        if (s.leadTime() > 1) {
            return "leadTime must be 0 or 1 for exact DP, got " + s.leadTime();
        }
        if (s.competitor() != CompetitorKind.FIXED) {
            return "competitor must be FIXED for exact DP, got " + s.competitor();
        }
        if (s.referenceWeight() != 1) {
            return "referenceWeight must be 1 (fixed reference price) for exact DP, got " + s.referenceWeight();
        }
        if (!s.capped() || s.inventoryCap() < 1 || s.inventoryCap() > 10000) {
            return "inventoryCap must be in [1, 10000] for exact DP, got "
                    + (s.capped() ? Integer.toString(s.inventoryCap()) : "none");
        }
        return null;
    }

    /**
     * The small instance of {@code scenario}: demand means {@code λ(p_j, o, r_0)} from the
     * scenario's {@link Demand} with the fixed competitor price {@code o}; start state as the
     * scenario's first period sees it ({@code L = 1}: {@code min(I_0 + q_pipeline, cap)}).
     *
     * @throws IllegalArgumentException naming the field when {@link #whyNotSmall} objects
     */
    public static DpInstance of(PricingScenario s) {
        String why = whyNotSmall(s);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        Demand demand = new Demand(s);
        double[] means = new double[s.priceCount()];
        for (int j = 0; j < means.length; j++) {
            means[j] = demand.rate(s.price(j), s.fixedCompetitorPrice(), s.initialReference());
        }
        int start = s.leadTime() == 1 ? Math.min(s.initialInventory() + s.initialPipeline()[0], s.inventoryCap())
                : s.initialInventory();
        return new DpInstance(s.prices(), means, s.maxOrder(), s.unitCost(), s.holdingCost(), s.shortageCost(),
                s.fixedCost(), s.leadTime(), s.inventoryCap(), start);
    }

    /**
     * The docs/model.md §1 defaults (scenario (b) with fixed cost {@code fixedCost}) turned into a small
     * instance: lead time {@code leadTime}, horizon {@code horizon}, competitor fixed at
     * {@code competitor}, reference fixed at {@code reference}, cap {@code cap}, start inventory
     * {@code start}, empty pipeline. Returned as a scenario so it can be simulated too.
     */
    public static PricingScenario smallScenario(int leadTime, int horizon, double fixedCost, int cap, int start,
            double competitor, double reference) {
        return PricingScenario.defaults().toBuilder().leadTime(leadTime).initialPipeline(new int[leadTime])
                .horizon(horizon).fixedCost(fixedCost).inventoryCap(cap).initialInventory(start)
                .fixedCompetitor(competitor).fixedReference(reference).build();
    }

    /** A copy with another start inventory. */
    public DpInstance withStartInventory(int start) {
        return new DpInstance(prices, demandMeans, maxOrder, unitCost, holding, penalty, fixedCost, leadTime, cap, start);
    }

    /** A copy with another fixed cost {@code K}. */
    public DpInstance withFixedCost(double k) {
        return new DpInstance(prices, demandMeans, maxOrder, unitCost, holding, penalty, k, leadTime, cap, startInventory);
    }

    @Override
    public double[] prices() {
        return prices.clone();
    }

    @Override
    public double[] demandMeans() {
        return demandMeans.clone();
    }

    /** Price at grid index {@code j}, without copying the grid. */
    public double price(int j) {
        return prices[j];
    }

    /** Demand mean at grid index {@code j}. */
    public double demandMean(int j) {
        return demandMeans[j];
    }

    /** Number of grid prices. */
    public int priceCount() {
        return prices.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DpInstance d && Arrays.equals(prices, d.prices) && Arrays.equals(demandMeans, d.demandMeans)
                && maxOrder == d.maxOrder && unitCost == d.unitCost && holding == d.holding && penalty == d.penalty
                && fixedCost == d.fixedCost && leadTime == d.leadTime && cap == d.cap && startInventory == d.startInventory;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(prices) * 31 + Arrays.hashCode(demandMeans) * 17 + Double.hashCode(fixedCost) + cap;
    }

    @Override
    public String toString() {
        return "DpInstance[L=" + leadTime + ", cap=" + cap + ", K=" + fixedCost + ", c=" + unitCost + ", h=" + holding
                + ", b=" + penalty + ", Q=" + maxOrder + ", x0=" + startInventory + ", prices=" + prices.length + "]";
    }
}
