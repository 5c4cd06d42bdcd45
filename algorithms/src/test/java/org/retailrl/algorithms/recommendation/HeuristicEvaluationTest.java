package org.retailrl.algorithms.recommendation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.envs.pricing.ShortageMode;
import org.retailrl.envs.recommendation.Exposure;
import org.retailrl.envs.recommendation.RecommendationEnv;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationScenarios;

/**
 * Base-stock fitting and a test-sized evaluation on common random numbers of the heuristics of
 * docs/model.md §3 on the default scenario: levels fitted on seed 1, evaluated on seed 2.
 */
class HeuristicEvaluationTest {
    private static final int FIT_EPISODES = 8;
    private static final int EVAL_EPISODES = 24;

    @Test
    void fitterFindsTheHandDerivedLevelForDeterministicDemand() {
        // One product, demand exactly 5 per period, L = 2, p_out = 10 > p_in = 6, h = 0.5, b = 2,
        // I_0 = 7, T = 20. Order-up-to S on the inventory position leaves S − 15 units on hand in
        // steady state: S = 14 loses a unit a period (cost 10 − 6 + 2 = 6 > 0), S = 16 holds one
        // (cost 0.5), and the transient is the same for every S ≥ 15, so S = 15 is optimal; it
        // is on the grid (f = 1: 1.0 · (2 + 1) · 5).
        RecommendationScenario s = new RecommendationScenario(1, 2, 20, new double[] {10}, new double[] {6},
                new double[] {0.5}, new double[] {2}, new int[] {2}, new int[] {7}, 10, 5.0, 1.0,
                new double[] {1, 2}, new int[] {3, 2}, ShortageMode.LOST_SALES);
        int[] levels = BaseStockFitter.fit(s, new UniformExposure(2), BaseStockFitter.defaultGrid(), 1, 1);
        assertArrayEquals(new int[] {15}, levels);
    }

    @Test
    void policiesThatExposeAlikeSeeTheSameDemand() {
        RecommendationScenario s = RecommendationScenarios.small();
        int[] low = new int[s.products()];
        int[] high = new int[s.products()];
        java.util.Arrays.fill(high, s.maxOrder());
        double[] u = Exposure.uniform(s.products(), s.customers());
        RecommendationEnv a = new RecommendationEnv(s);
        RecommendationEnv b = new RecommendationEnv(s);
        a.reset(17, 3);
        b.reset(17, 3);
        for (int t = 0; t < s.horizon(); t++) {
            assertArrayEquals(a.step(low, u).info().demand(), b.step(high, u).info().demand(), "period " + t);
        }
    }

    @Test
    void fittedHeuristicsBeatRandomOrdersOnCommonRandomNumbers() {
        RecommendationScenario s = RecommendationScenarios.small();
        ExposureRule[] rules = {new UniformExposure(s.customers()), new RatingGreedyExposure(s, 1),
            new StockAwareExposure(s)};
        double[] random = CrnEvaluation.episodeRewards(s,
                RecommendationPolicy.of(new RandomReplenishment(s.maxOrder() / 3), rules[0]), 2, EVAL_EPISODES);
        for (ExposureRule rule : rules) {
            int[] levels = BaseStockFitter.fit(s, rule, BaseStockFitter.defaultGrid(), 1, FIT_EPISODES);
            RecommendationPolicy p = RecommendationPolicy.of(new BaseStockReplenishment(levels, s.maxOrder()), rule);
            double[] r = CrnEvaluation.episodeRewards(s, p, 2, EVAL_EPISODES);
            MeanInterval diff = MeanInterval.ofDifference(r, random);
            // 95 % paired interval of (heuristic − random orders) must lie above zero.
            assertTrue(diff.low() > 0, p + " vs random orders: " + diff);
            // same seeds, same rewards: the evaluation is deterministic
            assertArrayEquals(r, CrnEvaluation.episodeRewards(s, p, 2, EVAL_EPISODES), 0);
        }
    }

    @Test
    void fittedLevelsBeatScaledLevelsOutOfSample() {
        RecommendationScenario s = RecommendationScenarios.small();
        ExposureRule uniform = new UniformExposure(s.customers());
        int[] fitted = BaseStockFitter.fit(s, uniform, BaseStockFitter.defaultGrid(), 1, FIT_EPISODES);
        double[] best = CrnEvaluation.episodeRewards(s,
                RecommendationPolicy.of(new BaseStockReplenishment(fitted, s.maxOrder()), uniform), 2, EVAL_EPISODES);
        for (double scale : new double[] {0.6, 1.6}) {
            int[] other = new int[fitted.length];
            for (int i = 0; i < other.length; i++) {
                other[i] = (int) Math.round(scale * fitted[i]);
            }
            double[] r = CrnEvaluation.episodeRewards(s,
                    RecommendationPolicy.of(new BaseStockReplenishment(other, s.maxOrder()), uniform), 2,
                    EVAL_EPISODES);
            MeanInterval diff = MeanInterval.ofDifference(best, r);
            assertTrue(diff.low() > 0, "fitted " + java.util.Arrays.toString(fitted) + " vs ×" + scale + ": " + diff);
        }
        assertEquals(s.products(), fitted.length);
    }

    @Test
    void recommendationMattersInTheDefaultScenario() {
        // The scenario is meant to make exposure worth money: showing product N−1−j (margins rise
        // with the index) fully to customer j (counts fall with the index) — the highest margins to
        // the heaviest buyers — must beat uniform exposure, each with its own fitted base stock.
        RecommendationScenario s = RecommendationScenarios.small();
        int n = s.products();
        int m = s.customers();
        ExposureRule marginToHeavyBuyers = (state, out) -> {
            java.util.Arrays.fill(out, 0.0);
            for (int i = 0; i < n; i++) {
                out[i * m + (n - 1 - i)] = 1.0;
            }
        };
        ExposureRule uniform = new UniformExposure(m);
        double[][] rewards = new double[2][];
        ExposureRule[] rules = {marginToHeavyBuyers, uniform};
        for (int k = 0; k < 2; k++) {
            int[] levels = BaseStockFitter.fit(s, rules[k], BaseStockFitter.defaultGrid(), 1, FIT_EPISODES);
            rewards[k] = CrnEvaluation.episodeRewards(s,
                    RecommendationPolicy.of(new BaseStockReplenishment(levels, s.maxOrder()), rules[k]), 2,
                    EVAL_EPISODES);
        }
        MeanInterval diff = MeanInterval.ofDifference(rewards[0], rewards[1]);
        assertTrue(diff.low() > 0, "margin-to-heavy-buyers vs uniform: " + diff);
    }
}
