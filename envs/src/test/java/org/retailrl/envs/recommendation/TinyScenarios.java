package org.retailrl.envs.recommendation;

import org.retailrl.envs.pricing.ShortageMode;

/** Small hand-checkable scenarios for the tests of this package. */
final class TinyScenarios {
    private TinyScenarios() {
    }

    /**
     * One product (so {@code γ = 1} and the demand is exactly {@code Σ_j c^j = 5} per period),
     * two customers with {@code c = {3, 2}}, lead time {@code lead}, {@code I_0 = 7},
     * {@code p_out = 10}, {@code p_in = 6}, {@code h = 0.5}, {@code b = 2}, {@code Q = 10}.
     */
    static RecommendationScenario oneProduct(int lead, ShortageMode mode, int horizon) {
        return new RecommendationScenario(1, 2, horizon, new double[] {10}, new double[] {6}, new double[] {0.5},
                new double[] {2}, new int[] {lead}, new int[] {7}, 10, 5.0, 1.0, new double[] {1, 2},
                new int[] {3, 2}, mode);
    }

    /**
     * Two products, two customers, {@code R_max = 1000}, {@code E = 1}; product 0 is rated -1000 by
     * both customers and product 1 is rated 0, so without exposure everybody buys product 1 with
     * probability exactly 1 ({@code exp(-1000)} underflows to 0). Full exposure of product 0 to a
     * customer lifts that rating to 1000, and that customer then buys product 0 with probability
     * exactly 1. {@code c = {4, 1}}, {@code L = {0, 1}}, {@code I_0 = {3, 10}}.
     */
    static RecommendationScenario switchable(ShortageMode mode) {
        return new RecommendationScenario(2, 2, 10, new double[] {10, 20}, new double[] {5, 12},
                new double[] {1, 0.5}, new double[] {3, 4}, new int[] {0, 1}, new int[] {3, 10}, 10, 1000.0, 1.0,
                new double[] {-1000, -1000, 0, 0}, new int[] {4, 1}, mode);
    }
}
