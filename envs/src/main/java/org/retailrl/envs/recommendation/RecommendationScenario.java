package org.retailrl.envs.recommendation;

import java.util.Arrays;
import java.util.Objects;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * Every parameter of the inventory-with-recommendation problem of docs/model.md §3 (Jiang et al. §VI.A), as
 * one immutable value. Money is in currency units, stock and demand in units of product, time in
 * periods, ratings on the paper's dimensionless rating scale (they enter Eq. 10 as logits).
 *
 * <p>The compact constructor validates each field and names it, with its allowed range, in the
 * {@link IllegalArgumentException} it throws. {@link RecommendationScenarios} gives the named
 * scenarios; {@link RecommendationScenarioJson} reads and writes JSON. No order is outstanding at
 * the start of an episode.
 *
 * @param products         {@code N}, number of products
 * @param customers        {@code M}, number of customers
 * @param horizon          {@code T}, periods per episode
 * @param priceOut         {@code p_out^i}, selling price per unit sold (length {@code N})
 * @param priceIn          {@code p_in^i}, purchase cost per unit ordered, charged when ordered
 * @param holdingCost      {@code h^i}, per unit on hand at the end of a period
 * @param shortageCost     {@code b^i}, per unit lost (lost sales) or per unit backlogged at the end of a
 *                         period (backlog)
 * @param leadTime         {@code L^i}: an order placed in period {@code t} is on hand before the sales of
 *                         period {@code t + L^i} ({@code 0}: the same period)
 * @param initialInventory {@code I_0^i}, units on hand at the start
 * @param maxOrder         {@code Q}: order sizes are {@code 0..Q} units per product and period
 * @param ratingMax        {@code R_max} of Eq. 8
 * @param efficiency       {@code E}, the rating-lift factor of Eq. 8; with {@code E ≤ 1} every lifted
 *                         rating stays at or below {@code R_max}
 * @param initialRatings   {@code R_{-1}^{i,j}}, row-major {@code [i·M + j]}, each {@code ≤ R_max}
 * @param purchaseCounts   {@code c^j}, the number of trials of customer {@code j}'s binomial demand
 *                         per product and period (Eq. 9), length {@code M}
 * @param mode             lost sales (Eqs. 11–13) or backlog
 */
public record RecommendationScenario(
        int products, int customers, int horizon,
        double[] priceOut, double[] priceIn, double[] holdingCost, double[] shortageCost,
        int[] leadTime, int[] initialInventory, int maxOrder,
        double ratingMax, double efficiency, double[] initialRatings, int[] purchaseCounts,
        ShortageMode mode) {

    /** Largest accepted {@code N}. */
    public static final int MAX_PRODUCTS = 10_000;
    /** Largest accepted {@code M}. */
    public static final int MAX_CUSTOMERS = 10_000_000;
    /** Largest accepted {@code N·M} (the size of a rating matrix). */
    public static final long MAX_CELLS = 50_000_000L;
    /** Largest accepted lead time, periods. */
    public static final int MAX_LEAD_TIME = 1_000;
    /** Largest accepted {@code Q}, {@code I_0^i} and {@code c^j}, units. */
    public static final int MAX_UNITS = 1_000_000;
    /** Largest accepted {@code |R|} and {@code E}: keeps {@code exp} of rating differences meaningful. */
    public static final double MAX_RATING = 1e6;
    /**
     * Bound on stock and backlog counters: {@code I_0 + T·Q} and {@code T·Σ_j c^j} must not exceed
     * it, so 32-bit counters cannot overflow.
     */
    public static final long MAX_COUNTER = Integer.MAX_VALUE;

    /** Validates every field; see the class description for the allowed ranges. */
    public RecommendationScenario {
        checkRange("products", products, 1, MAX_PRODUCTS);
        checkRange("customers", customers, 1, MAX_CUSTOMERS);
        if ((long) products * customers > MAX_CELLS) {
            throw new IllegalArgumentException("products × customers must be <= " + MAX_CELLS + ", got "
                    + products + " × " + customers);
        }
        checkRange("horizon", horizon, 1, 100_000_000);
        priceOut = money("priceOut", priceOut, products);
        priceIn = money("priceIn", priceIn, products);
        holdingCost = money("holdingCost", holdingCost, products);
        shortageCost = money("shortageCost", shortageCost, products);
        leadTime = ints("leadTime", leadTime, products, MAX_LEAD_TIME);
        initialInventory = ints("initialInventory", initialInventory, products, MAX_UNITS);
        checkRange("maxOrder", maxOrder, 0, MAX_UNITS);
        if (!Double.isFinite(ratingMax) || Math.abs(ratingMax) > MAX_RATING) {
            throw new IllegalArgumentException("ratingMax must be finite in [-" + MAX_RATING + ", " + MAX_RATING
                    + "], got " + ratingMax);
        }
        if (!(efficiency >= 0 && efficiency <= MAX_RATING)) {
            throw new IllegalArgumentException("efficiency must be in [0, " + MAX_RATING + "], got " + efficiency);
        }
        if (initialRatings == null || initialRatings.length != products * customers) {
            throw new IllegalArgumentException("initialRatings must have products × customers = "
                    + (long) products * customers + " entries, got "
                    + (initialRatings == null ? "null" : initialRatings.length));
        }
        initialRatings = initialRatings.clone();
        for (int k = 0; k < initialRatings.length; k++) {
            double r = initialRatings[k];
            if (!(r >= -MAX_RATING && r <= ratingMax)) {
                throw new IllegalArgumentException("initialRatings[" + k / customers + "][" + k % customers
                        + "] must be in [-" + MAX_RATING + ", ratingMax = " + ratingMax + "], got " + r);
            }
        }
        purchaseCounts = ints("purchaseCounts", purchaseCounts, customers, MAX_UNITS);
        if (mode == null) {
            throw new IllegalArgumentException("mode must be lost_sales or backlog, got null");
        }
        long demandCap = 0;
        for (int c : purchaseCounts) {
            demandCap += c;
        }
        if ((long) horizon * demandCap > MAX_COUNTER) {
            throw new IllegalArgumentException("horizon × sum(purchaseCounts) must be <= " + MAX_COUNTER + ", got "
                    + horizon + " × " + demandCap);
        }
        for (int i = 0; i < products; i++) {
            if (initialInventory[i] + (long) horizon * maxOrder > MAX_COUNTER) {
                throw new IllegalArgumentException("initialInventory[" + i + "] + horizon × maxOrder must be <= "
                        + MAX_COUNTER + ", got " + initialInventory[i] + " + " + horizon + " × " + maxOrder);
            }
        }
    }

    private static void checkRange(String field, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(field + " must be in [" + lo + ", " + hi + "], got " + value);
        }
    }

    private static double[] money(String field, double[] a, int n) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(field + " must have one entry per product (" + n + "), got "
                    + (a == null ? "null" : a.length));
        }
        for (int i = 0; i < n; i++) {
            if (!(a[i] >= 0 && a[i] <= 1e12)) {
                throw new IllegalArgumentException(field + "[" + i + "] must be in [0, 1e12], got " + a[i]);
            }
        }
        return a.clone();
    }

    private static int[] ints(String field, int[] a, int n, int hi) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(field + " must have " + n + " entries, got "
                    + (a == null ? "null" : a.length));
        }
        for (int i = 0; i < n; i++) {
            if (a[i] < 0 || a[i] > hi) {
                throw new IllegalArgumentException(field + "[" + i + "] must be in [0, " + hi + "], got " + a[i]);
            }
        }
        return a.clone();
    }

    /** The largest lead time {@code max_i L^i}: the pipeline length of the observation. */
    public int maxLeadTime() {
        int l = 0;
        for (int x : leadTime) {
            l = Math.max(l, x);
        }
        return l;
    }

    /** {@code R_{-1}^{i,j}}. */
    public double initialRating(int product, int customer) {
        return initialRatings[product * customers + customer];
    }

    /** {@code Σ_j c^j}: the expected total purchases per period over all products (Σ_i γ^{i,j} = 1). */
    public long totalPurchaseCount() {
        long s = 0;
        for (int c : purchaseCounts) {
            s += c;
        }
        return s;
    }

    /** A copy with {@code mode} replaced. */
    public RecommendationScenario withMode(ShortageMode newMode) {
        return new RecommendationScenario(products, customers, horizon, priceOut, priceIn, holdingCost, shortageCost,
                leadTime, initialInventory, maxOrder, ratingMax, efficiency, initialRatings, purchaseCounts, newMode);
    }

    /** A copy with {@code horizon} replaced. */
    public RecommendationScenario withHorizon(int newHorizon) {
        return new RecommendationScenario(products, customers, newHorizon, priceOut, priceIn, holdingCost,
                shortageCost, leadTime, initialInventory, maxOrder, ratingMax, efficiency, initialRatings,
                purchaseCounts, mode);
    }

    // Arrays are copied on the way out so the record stays immutable.
    @Override public double[] priceOut() { return priceOut.clone(); }
    @Override public double[] priceIn() { return priceIn.clone(); }
    @Override public double[] holdingCost() { return holdingCost.clone(); }
    @Override public double[] shortageCost() { return shortageCost.clone(); }
    @Override public int[] leadTime() { return leadTime.clone(); }
    @Override public int[] initialInventory() { return initialInventory.clone(); }
    @Override public double[] initialRatings() { return initialRatings.clone(); }
    @Override public int[] purchaseCounts() { return purchaseCounts.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecommendationScenario s && products == s.products && customers == s.customers
                && horizon == s.horizon && maxOrder == s.maxOrder
                && Double.compare(ratingMax, s.ratingMax) == 0 && Double.compare(efficiency, s.efficiency) == 0
                && mode == s.mode && Arrays.equals(priceOut, s.priceOut) && Arrays.equals(priceIn, s.priceIn)
                && Arrays.equals(holdingCost, s.holdingCost) && Arrays.equals(shortageCost, s.shortageCost)
                && Arrays.equals(leadTime, s.leadTime) && Arrays.equals(initialInventory, s.initialInventory)
                && Arrays.equals(initialRatings, s.initialRatings) && Arrays.equals(purchaseCounts, s.purchaseCounts);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(products, customers, horizon, maxOrder, ratingMax, efficiency, mode);
        h = 31 * h + Arrays.hashCode(priceOut);
        h = 31 * h + Arrays.hashCode(priceIn);
        h = 31 * h + Arrays.hashCode(holdingCost);
        h = 31 * h + Arrays.hashCode(shortageCost);
        h = 31 * h + Arrays.hashCode(leadTime);
        h = 31 * h + Arrays.hashCode(initialInventory);
        h = 31 * h + Arrays.hashCode(initialRatings);
        return 31 * h + Arrays.hashCode(purchaseCounts);
    }

    @Override
    public String toString() {
        return "RecommendationScenario[N=" + products + ", M=" + customers + ", T=" + horizon + ", Q=" + maxOrder
                + ", R_max=" + ratingMax + ", E=" + efficiency + ", mode=" + mode + "]";
    }
}
