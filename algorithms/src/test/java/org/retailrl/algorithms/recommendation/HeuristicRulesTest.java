package org.retailrl.algorithms.recommendation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.retailrl.envs.pricing.ShortageMode;
import org.retailrl.envs.recommendation.Exposure;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationState;

/** Hand-computed checks of the heuristic rules for docs/model.md §3. */
class HeuristicRulesTest {
    private static final double LN3 = Math.log(3);

    /**
     * Two products, two customers with {@code c = {2, 1}}, {@code R_max = ln 3}, {@code E = 1},
     * ratings {@code R_{-1} = [[0, 0], [0, ln 3]]}, lead times {@code {0, 1}}.
     */
    static RecommendationScenario hand() {
        return new RecommendationScenario(2, 2, 5, new double[] {10, 10}, new double[] {5, 5}, new double[] {1, 1},
                new double[] {1, 1}, new int[] {0, 1}, new int[] {5, 5}, 10, LN3, 1.0,
                new double[] {0, 0, 0, LN3}, new int[] {2, 1}, ShortageMode.LOST_SALES);
    }

    private static RecommendationState state(int[] inv, int[] backlog, int[][] pipe) {
        return new RecommendationState(0, inv, backlog, pipe);
    }

    @Test
    void choiceBaselineByHand() {
        ChoiceBaseline b = new ChoiceBaseline(hand());
        // γ_{-1}: customer 0 rates both 0 → (1/2, 1/2); customer 1 rates (0, ln 3) → (1/4, 3/4).
        assertEquals(0.5, b.baseChoice(0, 0), 1e-15);
        assertEquals(0.25, b.baseChoice(0, 1), 1e-15);
        assertEquals(0.75, b.baseChoice(1, 1), 1e-15);
        // Lifts u = c^j·(γ' − γ): product 0 at customer 0: rating ln 3 → γ' = 3/4, u = 2·(1/4) = 0.5;
        // at customer 1: (ln 3, ln 3) → γ' = 1/2, u = 1·(1/4) = 0.25; product 1 at customer 0: 0.5;
        // at customer 1 it is already rated R_max: u = 0.
        assertEquals(0.5, b.lift(0, 0), 1e-15);
        assertEquals(0.25, b.lift(0, 1), 1e-15);
        assertEquals(0.5, b.lift(1, 0), 1e-15);
        assertEquals(0.0, b.lift(1, 1), 1e-15);
        // Uniform α = 1/2: customer 0 rates both ln3/2 → 1/2 each; customer 1 rates (ln3/2, ln3) →
        // (√3, 3)/(√3 + 3). μ^0 = 2·1/2 + √3/(√3+3), μ^1 = 1 + 3/(√3+3).
        double s3 = Math.sqrt(3);
        assertEquals(1 + s3 / (s3 + 3), b.uniformDemand(0), 1e-14);
        assertEquals(1 + 3 / (s3 + 3), b.uniformDemand(1), 1e-14);
    }

    @Test
    void ratingGreedyShowsEachProductToItsMostLikelyBuyers() {
        RecommendationScenario s = hand();
        double[] a = new double[4];
        new RatingGreedyExposure(s, 1).exposure(state(new int[2], new int[2], new int[][] {{}, {0}}), a);
        // product 0: γ = (1/2, 1/4) → customer 0; product 1: γ = (1/2, 3/4) → customer 1
        assertArrayEquals(new double[] {1, 0, 0, 1}, a, 0);
        new RatingGreedyExposure(s, 2).exposure(state(new int[2], new int[2], new int[][] {{}, {0}}), a);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, a, 0);
        assertThrows(IllegalArgumentException.class, () -> new RatingGreedyExposure(s, 3));
    }

    @Test
    void ratingGreedyBreaksTiesTowardsTheLowerCustomer() {
        RecommendationScenario s = new RecommendationScenario(1, 3, 5, new double[] {1}, new double[] {0},
                new double[] {0}, new double[] {0}, new int[] {0}, new int[] {0}, 1, 1, 1,
                new double[] {0.5, 0.5, 0.5}, new int[] {1, 1, 1}, ShortageMode.LOST_SALES);
        double[] a = new double[3];
        new RatingGreedyExposure(s, 2).exposure(state(new int[1], new int[1], new int[][] {{}}), a);
        assertArrayEquals(new double[] {0.5, 0.5, 0}, a, 0);
    }

    @Test
    void stockAwarePushesShieldsOrSpreadsByCover() {
        RecommendationScenario s = hand();
        StockAwareExposure rule = new StockAwareExposure(s);
        ChoiceBaseline b = new ChoiceBaseline(s);
        double[] a = new double[4];
        // product 0: cover 5/μ^0 ≈ 3.66 ≥ 2 → push to the largest lift (customer 0, u = 0.5);
        // product 1: (1 + 1)/μ^1 ≈ 1.22 in [1, 2) → uniform.
        RecommendationState st = state(new int[] {5, 1}, new int[2], new int[][] {{}, {1}});
        assertEquals(5 / b.uniformDemand(0), rule.cover(st, 0), 1e-12);
        assertEquals(2 / b.uniformDemand(1), rule.cover(st, 1), 1e-12);
        rule.exposure(st, a);
        assertArrayEquals(new double[] {1, 0, 0.5, 0.5}, a, 0);
        // product 0 backlogged (cover (0 − 2)/μ < 1) → shield at the smallest lift (customer 1, u = 0.25);
        // product 1: cover 1/μ^1 ≈ 0.61 < 1 → shield at customer 1 (u = 0).
        RecommendationState low = state(new int[] {0, 0}, new int[] {2, 0}, new int[][] {{}, {1}});
        rule.exposure(low, a);
        assertArrayEquals(new double[] {0, 1, 0, 1}, a, 0);
        Exposure.check(a, 0, 2, 2, "stock-aware");
        assertThrows(IllegalArgumentException.class, () -> new StockAwareExposure(s, 1, 2.0, 1.0));
    }

    @Test
    void baseStockOrdersUpToTheLevelOnTheInventoryPosition() {
        BaseStockReplenishment rule = new BaseStockReplenishment(new int[] {15, 4, 30}, 10);
        int[] q = new int[3];
        // IP^0 = 5 + 3 + 2 = 10 → 5; IP^1 = 6 → 0 (never negative); IP^2 = 0 − 4 = −4 → 34, capped at Q = 10.
        rule.orders(state(new int[] {5, 6, 0}, new int[] {0, 0, 4}, new int[][] {{3, 2}, {}, {0}}), q);
        assertArrayEquals(new int[] {5, 0, 10}, q);
        assertThrows(IllegalArgumentException.class, () -> new BaseStockReplenishment(new int[] {-1}, 10));
    }

    @Test
    void uniformAndRandomRules() {
        double[] a = new double[4];
        new UniformExposure(2).exposure(state(new int[2], new int[2], new int[][] {{}, {}}), a);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, a, 0);
        RandomReplenishment r = new RandomReplenishment(3);
        RecommendationState st = state(new int[2], new int[2], new int[][] {{}, {}});
        int[] first = new int[2];
        int[] again = new int[2];
        int[] seen = new int[4];
        r.beginEpisode(9, 4);
        for (int t = 0; t < 400; t++) {
            r.orders(st, first);
            seen[first[0]]++;
        }
        r.beginEpisode(9, 4);
        r.orders(st, again);
        r.beginEpisode(9, 4);
        r.orders(st, first);
        assertArrayEquals(first, again, "same (seed, episode), same orders");
        for (int v = 0; v <= 3; v++) {
            // 400 draws, each value has probability 1/4: count 100 ± 3.29·√75 at 99.9 %
            assertEquals(100, seen[v], 3.29 * Math.sqrt(75), "count of order " + v);
        }
    }
}
