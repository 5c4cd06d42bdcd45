package org.retailrl.envs.recommendation;

import java.util.Locale;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * The named scenarios of the inventory-with-recommendation problem (docs/model.md §3) and the stated
 * generators of their random ingredients.
 *
 * <p><b>Why these parameters.</b> Because {@code Σ_i γ^{i,j} = 1} (Eq. 10), recommendation cannot
 * create demand: it only moves each customer's {@code c^j} expected purchases between products.
 * It therefore pays only when products differ — so unit margins differ several-fold across
 * products, from 3 to 16–19 currency units (steering purchases to high-margin products is worth
 * money), and lead times differ (0 to 3 periods), so a product about to stock out cannot be
 * replenished in time and demand pushed to it is lost or backlogged at cost {@code b^i}. Exposure has leverage because the lift of Eq. 8
 * is concentrated: with {@code E = 1}, {@code R_max = 6} and initial ratings uniform on
 * {@code [0, 3)}, full exposure of a product to one customer lifts that customer's choice
 * probability from about {@code 1/N} to about 0.9 (small scenario, {@code 403/(403 + 4·6.4)} for
 * a typical customer) or 0.55 (large, {@code 403/(403 + 49·6.4)}); and purchase counts are
 * skewed (a few heavy buyers), so whom a product is shown to matters — in the small scenario the
 * five heaviest buyers make 35 of the 58 purchases per period. Replenishment matters because
 * holding costs (4 % of price per period) punish over-ordering, shortage costs (25 % of price)
 * punish under-ordering, and positive lead times require ordering ahead of demand. Both levers
 * are checked on common random numbers in the tests of the heuristic policies: fitted base-stock
 * orders beat random orders, and showing the highest-margin products to the heaviest buyers beats
 * uniform exposure.
 */
public final class RecommendationScenarios {
    /** Lower end of the generated initial ratings. */
    public static final double RATING_LOW = 0.0;
    /** Upper end (exclusive) of the generated initial ratings. */
    public static final double RATING_HIGH = 3.0;
    /** {@code R_max} of the named scenarios. */
    public static final double RATING_MAX = 6.0;
    /** Seed of the named scenarios' generated ratings and purchase counts. */
    public static final long SCENARIO_SEED = 20_260_301L;

    private RecommendationScenarios() {
    }

    /**
     * The scenario called {@code name}: {@code small} (the default; 5 products × 20 customers) or
     * {@code large} (50 × 1,000), each with an optional {@code -backlog} suffix, e.g.
     * {@code small-backlog}; case-insensitive.
     */
    public static RecommendationScenario named(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        ShortageMode mode = ShortageMode.LOST_SALES;
        if (n.endsWith("-backlog")) {
            mode = ShortageMode.BACKLOG;
            n = n.substring(0, n.length() - "-backlog".length());
        }
        return switch (n) {
            case "small", "default" -> small().withMode(mode);
            case "large" -> large().withMode(mode);
            default -> throw new IllegalArgumentException("scenario name must be small, large, small-backlog or"
                    + " large-backlog, got '" + name + "'");
        };
    }

    /**
     * The default scenario: {@code N = 5}, {@code M = 20}, {@code T = 50}, lost sales. Product
     * {@code i} has price {@code 10 + 5i}, cost {@code price·(0.70 − 0.08i)}, holding cost 4 % and
     * shortage cost 25 % of price, lead time {@code {0, 1, 1, 2, 3}}, initial stock
     * {@code (L^i + 1)·⌈Σ_j c^j / N⌉}; {@code Q = 60} (about five periods of one product's mean
     * demand); purchase counts are the fixed skewed list
     * {@code {12, 8, 6, 5, 4, 3, 3, 2, 2, 2, 2, 1, …, 1}} (58 purchases per period); ratings from
     * {@link #uniformRatings}.
     */
    public static RecommendationScenario small() {
        int n = 5;
        int m = 20;
        int[] counts = {12, 8, 6, 5, 4, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        int[] lead = {0, 1, 1, 2, 3};
        double[] pOut = new double[n];
        double[] pIn = new double[n];
        for (int i = 0; i < n; i++) {
            pOut[i] = 10 + 5 * i;
            pIn[i] = pOut[i] * (0.70 - 0.08 * i);
        }
        return build(n, m, 50, pOut, pIn, lead, counts, 60);
    }

    /**
     * The large scenario for scale: {@code N = 50}, {@code M = 1,000}, {@code T = 50}, lost sales.
     * Product {@code i} has price {@code 10 + 2·(i mod 10)}, cost
     * {@code price·(0.70 − 0.03·(i mod 10))}, holding 4 % and shortage 25 % of price, lead time
     * {@code i mod 4}, initial stock {@code (L^i + 1)·⌈Σ_j c^j / N⌉}; purchase counts from
     * {@link #skewedCounts}; {@code Q = 1,000}; ratings from {@link #uniformRatings}.
     */
    public static RecommendationScenario large() {
        int n = 50;
        int m = 1000;
        int[] counts = skewedCounts(m, 40, SCENARIO_SEED);
        int[] lead = new int[n];
        double[] pOut = new double[n];
        double[] pIn = new double[n];
        for (int i = 0; i < n; i++) {
            lead[i] = i % 4;
            pOut[i] = 10 + 2 * (i % 10);
            pIn[i] = pOut[i] * (0.70 - 0.03 * (i % 10));
        }
        return build(n, m, 50, pOut, pIn, lead, counts, 1000);
    }

    private static RecommendationScenario build(int n, int m, int horizon, double[] pOut, double[] pIn, int[] lead,
            int[] counts, int maxOrder) {
        double[] h = new double[n];
        double[] b = new double[n];
        int[] inv = new int[n];
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        int perProduct = (int) ((total + n - 1) / n);
        for (int i = 0; i < n; i++) {
            h[i] = 0.04 * pOut[i];
            b[i] = 0.25 * pOut[i];
            inv[i] = (lead[i] + 1) * perProduct;
        }
        return new RecommendationScenario(n, m, horizon, pOut, pIn, h, b, lead, inv, maxOrder, RATING_MAX, 1.0,
                uniformRatings(n, m, RATING_LOW, RATING_HIGH, SCENARIO_SEED), counts, ShortageMode.LOST_SALES);
    }

    /**
     * Initial ratings {@code R_{-1}^{i,j}} i.i.d. uniform on {@code [low, high)}, drawn from
     * {@code Rng.stream(seed, 0)} in row-major order ({@code i} outer, {@code j} inner).
     */
    public static double[] uniformRatings(int products, int customers, double low, double high, long seed) {
        if (products < 1 || customers < 1 || (long) products * customers > RecommendationScenario.MAX_CELLS) {
            throw new IllegalArgumentException("products and customers must be >= 1 with products × customers <= "
                    + RecommendationScenario.MAX_CELLS + ", got " + products + " × " + customers);
        }
        Rng rng = Rng.stream(seed, 0);
        double[] r = new double[products * customers];
        for (int k = 0; k < r.length; k++) {
            r[k] = rng.uniform(low, high);
        }
        return r;
    }

    /**
     * Skewed purchase counts {@code c^j = 1 + ⌊cMax · U_j^6⌋} with {@code U_j} i.i.d. uniform on
     * {@code [0, 1)} from {@code Rng.stream(seed, 1)}: mean {@code 1 + cMax/7}, most customers buy
     * once, a few heavy buyers up to {@code 1 + cMax}.
     */
    public static int[] skewedCounts(int customers, int cMax, long seed) {
        if (customers < 1 || customers > RecommendationScenario.MAX_CUSTOMERS) {
            throw new IllegalArgumentException("customers must be in [1, " + RecommendationScenario.MAX_CUSTOMERS
                    + "], got " + customers);
        }
        if (cMax < 0 || cMax >= RecommendationScenario.MAX_UNITS) {
            throw new IllegalArgumentException("cMax must be in [0, " + (RecommendationScenario.MAX_UNITS - 1)
                    + "], got " + cMax);
        }
        Rng rng = Rng.stream(seed, 1);
        int[] c = new int[customers];
        for (int j = 0; j < customers; j++) {
            double u = rng.nextDouble();
            c[j] = 1 + (int) Math.floor(cMax * Math.pow(u, 6));
        }
        return c;
    }
}
