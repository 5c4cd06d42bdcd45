package org.retailrl.envs.production;

import java.util.Arrays;

/**
 * The production-method environment of docs/model.md §6.1: per product {@code i} and period, a
 * production method {@code u_i} (each method with its unit cost and lead time), a production
 * quantity {@code q_i}, a price from a grid and a recommendation level {@code k_i}. Demand is a
 * multinomial logit over the products and a no-purchase option (the price effect of docs/model.md
 * §4.2 without cross terms) in which the recommendation level lifts a product's rating towards a
 * ceiling in the manner of docs/model.md §3.2 (Jiang et al. Eq. 8):
 * <pre>
 *   R_i(k)  = R0_i + (R_max − R0_i) · E · k / (K − 1)
 *   u_i     = α_i − β_i (p_i − p̄) + ω R_i(k_i)
 *   λ_i     = η e^{u_i} / (1 + Σ_k e^{u_k}),     d_i ~ Poisson(λ_i)
 * </pre>
 * Units: money in currency, stock in units, time in periods.
 *
 * @param attraction     {@code α_i}, one per product (1..{@link #MAX_PRODUCTS} products), finite
 * @param sensitivity    {@code β_i > 0}, per product, per currency unit
 * @param pivotPrice     {@code p̄}, the price at which {@code β} is centred, {@code > 0}
 * @param marketSize     {@code η}, potential customers per period, in {@code (0, 10^6]}
 * @param prices         the price grid, ascending, each {@code > 0}, 1..{@link #MAX_CHOICES} entries
 * @param methodCost     {@code c_prod,j >= 0}, per unit produced with method {@code j}, 1..{@link #MAX_METHODS} methods
 * @param methodLead     {@code L_j}: periods until method {@code j}'s output is available, in
 *                       {@code [0, }{@link #MAX_LEAD}{@code ]} (0: before this period's sales)
 * @param orderCost      {@code c_order >= 0}, per unit ordered whatever the method
 * @param maxOrder       {@code Q}: quantities {@code 0..Q}, in {@code [1, }{@link #MAX_CHOICES}{@code ]}
 * @param levels         {@code K}: recommendation levels {@code 0..K−1}, in {@code [1, }{@link #MAX_CHOICES}{@code ]}
 * @param initialRating  {@code R0_i}, per product, in {@code [0, ratingMax]}
 * @param ratingMax      {@code R_max}, finite, {@code >= 0}
 * @param efficiency     {@code E}, in {@code [0, 1]}
 * @param ratingWeight   {@code ω >= 0}, utility per rating unit
 * @param levelCost      {@code c_rec >= 0}, per recommendation level and product and period
 * @param holdingCost    {@code h >= 0}, per unit left at the end of a period
 * @param shortageCost   {@code b >= 0}, per unit of demand lost (unmet demand is lost)
 * @param horizon        {@code T}, periods per episode, in {@code [1, 10^6]}
 * @param initialStock   units on hand per product at the start, in {@code [0, 10^6]}
 */
public record ProductionScenario(double[] attraction, double[] sensitivity, double pivotPrice, double marketSize,
        double[] prices, double[] methodCost, int[] methodLead, double orderCost, int maxOrder, int levels,
        double[] initialRating, double ratingMax, double efficiency, double ratingWeight, double levelCost,
        double holdingCost, double shortageCost, int horizon, int initialStock) {
    /** Most products. */
    public static final int MAX_PRODUCTS = 64;
    /** Most production methods. */
    public static final int MAX_METHODS = 8;
    /** Longest production lead time. */
    public static final int MAX_LEAD = 8;
    /** Most prices, quantities or levels of one decision. */
    public static final int MAX_CHOICES = 1000;

    /** Validates every field; see the parameter descriptions for the ranges. */
    public ProductionScenario {
        int n = attraction == null ? 0 : attraction.length;
        if (n < 1 || n > MAX_PRODUCTS) {
            throw new IllegalArgumentException("attraction must hold 1.." + MAX_PRODUCTS + " products, got " + n);
        }
        attraction = finite("attraction", attraction, n, Double.NEGATIVE_INFINITY);
        sensitivity = finite("sensitivity", sensitivity, n, 0);
        for (double x : sensitivity) {
            if (x <= 0) {
                throw new IllegalArgumentException("sensitivity entries must be > 0, got " + x);
            }
        }
        positive("pivotPrice", pivotPrice, Double.MAX_VALUE);
        positive("marketSize", marketSize, 1e6);
        if (prices == null || prices.length < 1 || prices.length > MAX_CHOICES) {
            throw new IllegalArgumentException("prices must hold 1.." + MAX_CHOICES + " entries, got "
                    + (prices == null ? 0 : prices.length));
        }
        prices = finite("prices", prices, prices.length, 0);
        for (int j = 0; j < prices.length; j++) {
            if (prices[j] <= 0 || (j > 0 && prices[j] <= prices[j - 1])) {
                throw new IllegalArgumentException("prices must be > 0 and ascending, got " + Arrays.toString(prices));
            }
        }
        int m = methodCost == null ? 0 : methodCost.length;
        if (m < 1 || m > MAX_METHODS) {
            throw new IllegalArgumentException("methodCost must hold 1.." + MAX_METHODS + " methods, got " + m);
        }
        methodCost = finite("methodCost", methodCost, m, 0);
        if (methodLead == null || methodLead.length != m) {
            throw new IllegalArgumentException("methodLead must hold one lead time per method (" + m + "), got "
                    + (methodLead == null ? 0 : methodLead.length));
        }
        methodLead = methodLead.clone();
        for (int l : methodLead) {
            if (l < 0 || l > MAX_LEAD) {
                throw new IllegalArgumentException("methodLead entries must be in [0, " + MAX_LEAD + "], got " + l);
            }
        }
        nonNegative("orderCost", orderCost);
        range("maxOrder", maxOrder, 1, MAX_CHOICES);
        range("levels", levels, 1, MAX_CHOICES);
        nonNegative("ratingMax", ratingMax);
        initialRating = finite("initialRating", initialRating, n, 0);
        for (double r : initialRating) {
            if (r > ratingMax) {
                throw new IllegalArgumentException("initialRating entries must be in [0, ratingMax = " + ratingMax
                        + "], got " + r);
            }
        }
        if (!(efficiency >= 0 && efficiency <= 1)) {
            throw new IllegalArgumentException("efficiency must be in [0, 1], got " + efficiency);
        }
        nonNegative("ratingWeight", ratingWeight);
        nonNegative("levelCost", levelCost);
        nonNegative("holdingCost", holdingCost);
        nonNegative("shortageCost", shortageCost);
        range("horizon", horizon, 1, 1_000_000);
        range("initialStock", initialStock, 0, 1_000_000);
    }

    private static double[] finite(String field, double[] v, int length, double lo) {
        if (v == null || v.length != length) {
            throw new IllegalArgumentException(field + " must hold " + length + " entries, got " + (v == null ? 0 : v.length));
        }
        for (double x : v) {
            if (!Double.isFinite(x) || x < lo) {
                throw new IllegalArgumentException(field + " entries must be finite and >= " + lo + ", got " + x);
            }
        }
        return v.clone();
    }

    private static void positive(String field, double v, double hi) {
        if (!(v > 0 && v <= hi)) {
            throw new IllegalArgumentException(field + " must be in (0, " + hi + "], got " + v);
        }
    }

    private static void nonNegative(String field, double v) {
        if (!(v >= 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(field + " must be finite and >= 0, got " + v);
        }
    }

    private static void range(String field, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(field + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }

    /**
     * A single-product instance on the price grid 10, 12, .., 50 with quantities {@code 0..20} and
     * three recommendation levels: a cheap slow method (unit cost {@code slowCost}, lead time
     * {@code slowLead}) and a dear fast one (unit cost {@code fastCost}, lead time 0), market
     * {@code marketSize}, 50 periods, empty at the start. At {@code p = 30} about 4 % of the market
     * buys at the lowest level and 9 % at the highest.
     */
    public static ProductionScenario single(double slowCost, int slowLead, double fastCost, double holding, double shortage,
                                            double levelCost, double marketSize) {
        double[] grid = new double[21];
        for (int j = 0; j < grid.length; j++) {
            grid[j] = 10 + 2 * j;
        }
        return new ProductionScenario(new double[] {-3.5}, new double[] {0.1}, 30, marketSize, grid,
                new double[] {slowCost, fastCost}, new int[] {slowLead, 0}, 0, 20, 3, new double[] {1}, 3, 1, 0.4,
                levelCost, holding, shortage, 50, 0);
    }

    /** Number of products. */
    public int products() {
        return attraction.length;
    }

    /** Number of production methods. */
    public int methods() {
        return methodCost.length;
    }

    /** The longest lead time of any method: pipeline slots per product. */
    public int maxLead() {
        int l = 0;
        for (int x : methodLead) {
            l = Math.max(l, x);
        }
        return l;
    }

    /** The rating of product {@code i} at recommendation level {@code k}. */
    public double rating(int i, int k) {
        double frac = levels == 1 ? 0 : (double) k / (levels - 1);
        return initialRating[i] + (ratingMax - initialRating[i]) * efficiency * frac;
    }

    /**
     * Writes the demand rates {@code λ_i} at price indices {@code price[off..off+N)} and levels
     * {@code level[off..off+N)} to {@code out[0..N)}. {@link StrictMath#exp} keeps them
     * bit-identical on every platform; the largest utility is subtracted so no exponential overflows.
     */
    public void rates(int[] price, int[] level, int off, double[] out) {
        int n = products();
        double top = 0;
        for (int i = 0; i < n; i++) {
            out[i] = attraction[i] - sensitivity[i] * (prices[price[off + i]] - pivotPrice)
                    + ratingWeight * rating(i, level[off + i]);
            top = Math.max(top, out[i]);
        }
        double denom = StrictMath.exp(-top);
        for (int i = 0; i < n; i++) {
            out[i] = StrictMath.exp(out[i] - top);
            denom += out[i];
        }
        for (int i = 0; i < n; i++) {
            out[i] = marketSize * out[i] / denom;
        }
    }

    @Override
    public double[] attraction() {
        return attraction.clone();
    }

    @Override
    public double[] sensitivity() {
        return sensitivity.clone();
    }

    @Override
    public double[] prices() {
        return prices.clone();
    }

    @Override
    public double[] methodCost() {
        return methodCost.clone();
    }

    @Override
    public int[] methodLead() {
        return methodLead.clone();
    }

    @Override
    public double[] initialRating() {
        return initialRating.clone();
    }

    /** Price {@code j} of the grid. */
    public double price(int j) {
        return prices[j];
    }

    /** Unit cost of method {@code j}. */
    public double methodCost(int j) {
        return methodCost[j];
    }

    /** Lead time of method {@code j}. */
    public int methodLead(int j) {
        return methodLead[j];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProductionScenario s && Arrays.equals(attraction, s.attraction)
                && Arrays.equals(sensitivity, s.sensitivity) && Double.compare(pivotPrice, s.pivotPrice) == 0
                && Double.compare(marketSize, s.marketSize) == 0 && Arrays.equals(prices, s.prices)
                && Arrays.equals(methodCost, s.methodCost) && Arrays.equals(methodLead, s.methodLead)
                && Double.compare(orderCost, s.orderCost) == 0 && maxOrder == s.maxOrder && levels == s.levels
                && Arrays.equals(initialRating, s.initialRating) && Double.compare(ratingMax, s.ratingMax) == 0
                && Double.compare(efficiency, s.efficiency) == 0 && Double.compare(ratingWeight, s.ratingWeight) == 0
                && Double.compare(levelCost, s.levelCost) == 0 && Double.compare(holdingCost, s.holdingCost) == 0
                && Double.compare(shortageCost, s.shortageCost) == 0 && horizon == s.horizon
                && initialStock == s.initialStock;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(attraction) * 31 + Arrays.hashCode(methodCost) * 17 + Arrays.hashCode(prices) + horizon;
    }

    @Override
    public String toString() {
        return "ProductionScenario[products=" + products() + ", methodCost=" + Arrays.toString(methodCost) + ", methodLead="
                + Arrays.toString(methodLead) + ", marketSize=" + marketSize + ", horizon=" + horizon + "]";
    }
}
