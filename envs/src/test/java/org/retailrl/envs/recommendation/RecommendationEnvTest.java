package org.retailrl.envs.recommendation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.Step;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * Hand-computed episodes of docs/model.md §3 with deterministic demand: lost sales (Eqs. 11–13),
 * backlog, lead-time arrival and profit (Eq. 14).
 */
class RecommendationEnvTest {
    private static final double[] ONE = {0.5, 0.5};

    @Test
    void lostSalesEpisodeWithLeadTimeTwo() {
        // d = 5 every period, I_0 = 7, L = 2, orders 4, 6, 0, 0.
        RecommendationEnv env = new RecommendationEnv(TinyScenarios.oneProduct(2, ShortageMode.LOST_SALES, 4));
        env.reset(1);
        // t1: nothing arrives; S = 5, O = 0, I = 2; F = 50 − 24 − 1 = 25
        Step<RecommendationInfo> s1 = env.step(new int[] {4}, ONE);
        check(s1.info(), 5, 5, 0, 0, 2, 25.0);
        assertArrayEquals(new float[] {2, 0, 0, 4}, s1.observation());
        // t2: nothing arrives; S = 2, O = 3, I = 0; F = 20 − 36 − 0 − 6 = −22
        Step<RecommendationInfo> s2 = env.step(new int[] {6}, ONE);
        check(s2.info(), 5, 2, 3, 0, 0, -22.0);
        assertArrayEquals(new float[] {0, 0, 4, 6}, s2.observation());
        // t3: the 4 ordered at t1 arrive; S = 4, O = 1, I = 0; F = 40 − 2 = 38
        check(env.step(new int[] {0}, ONE).info(), 5, 4, 1, 4, 0, 38.0);
        // t4: the 6 ordered at t2 arrive; S = 5, O = 0, I = 1; F = 50 − 0.5 = 49.5
        Step<RecommendationInfo> s4 = env.step(new int[] {0}, ONE);
        check(s4.info(), 5, 5, 0, 6, 1, 49.5);
        assertEquals(49.5, s4.reward(), 0);
        assertTrue(s4.truncated());
        assertFalse(s4.terminated());
        assertThrows(IllegalStateException.class, () -> env.step(new int[] {0}, ONE));
    }

    @Test
    void backlogEpisodeCarriesUnmetDemand() {
        RecommendationEnv env = new RecommendationEnv(TinyScenarios.oneProduct(2, ShortageMode.BACKLOG, 4));
        env.reset(1);
        check(env.step(new int[] {4}, ONE).info(), 5, 5, 0, 0, 2, 25.0);
        // t2: S = 2, backlog 3, F = 20 − 36 − 2·3 = −22
        Step<RecommendationInfo> s2 = env.step(new int[] {6}, ONE);
        check(s2.info(), 5, 2, 3, 0, 0, -22.0);
        assertArrayEquals(new float[] {0, 3, 4, 6}, s2.observation());
        // t3: serve 5 + 3 = 8 from 4; S = 4, backlog 4; F = 40 − 8 = 32
        check(env.step(new int[] {0}, ONE).info(), 5, 4, 4, 4, 0, 32.0);
        // t4: serve 5 + 4 = 9 from 6; S = 6, backlog 3; F = 60 − 6 = 54
        check(env.step(new int[] {0}, ONE).info(), 5, 6, 3, 6, 0, 54.0);
        assertEquals(3, env.state().backlog()[0]);
        assertEquals(-3, env.state().inventoryPosition(0));
    }

    @Test
    void zeroLeadTimeOrderArrivesBeforeTheSameSales() {
        RecommendationEnv env = new RecommendationEnv(TinyScenarios.oneProduct(0, ShortageMode.LOST_SALES, 3));
        env.reset(1);
        // I_0 = 7 + q = 3 → 10 available, S = 5, I = 5; F = 50 − 18 − 2.5 = 29.5
        Step<RecommendationInfo> s = env.step(new int[] {3}, ONE);
        check(s.info(), 5, 5, 0, 3, 5, 29.5);
        assertArrayEquals(new float[] {5, 0}, s.observation());
    }

    @Test
    void exposureMovesDemandBetweenProducts() {
        RecommendationEnv env = new RecommendationEnv(TinyScenarios.switchable(ShortageMode.LOST_SALES));
        env.reset(3);
        // Product 0 fully shown to customer 0 (c = 4): its rating there becomes −1000 + 2000 = 1000,
        // so customer 0 buys product 0 with probability 1; customer 1 (c = 1) still buys product 1.
        // Product 1's exposure goes to customer 1, where it only raises an already certain choice.
        double[] toCustomer0 = {1, 0, 0, 1};
        Step<RecommendationInfo> a = env.step(new int[] {0, 0}, toCustomer0);
        assertArrayEquals(new int[] {4, 1}, a.info().demand());
        // product 0: I_0 = 3, S = 3, O = 1: F = 30 − 0 − 0 − 3 = 27; product 1: S = 1, I = 9: F = 20 − 4.5 = 15.5
        assertArrayEquals(new int[] {3, 1}, a.info().sales());
        assertArrayEquals(new int[] {1, 0}, a.info().shortage());
        assertArrayEquals(new double[] {27, 15.5}, a.info().profit(), 1e-12);
        assertEquals(42.5, a.reward(), 1e-12);
        // Swapped: product 0 shown to customer 1 (c = 1) and product 1 to customer 0.
        Step<RecommendationInfo> b = env.step(new int[] {0, 0}, new double[] {0, 1, 1, 0});
        assertArrayEquals(new int[] {1, 4}, b.info().demand());
    }

    @Test
    void demandDrawsFollowTheDocumentedOrder() {
        // Replays period 1 by hand: Eq. 8, Eq. 10, then Binomial(c^j, γ^{i,j}) from Rng.stream(seed, 0),
        // customer-major (j outer, i inner).
        RecommendationScenario sc = RecommendationScenarios.small();
        int n = sc.products();
        int m = sc.customers();
        double[] alpha = Exposure.softmax(logits(n * m), n, m);
        RecommendationEnv env = new RecommendationEnv(sc);
        env.reset(77);
        int[] demand = env.step(new int[n], alpha).info().demand();
        double[] r = new double[n * m];
        double[] g = new double[n * m];
        RecommendationDynamics.ratings(sc.initialRatings(), sc.ratingMax(), sc.efficiency(), alpha, 0, r);
        RecommendationDynamics.choiceProbabilities(r, n, m, g);
        Rng rng = Rng.stream(77, 0);
        int[] expect = new int[n];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                expect[i] += rng.binomial(sc.purchaseCounts()[j], g[i * m + j]);
            }
        }
        assertArrayEquals(expect, demand);
    }

    private static double[] logits(int size) {
        Rng rng = new Rng(5);
        double[] z = new double[size];
        for (int k = 0; k < size; k++) {
            z[k] = 2 * rng.normal();
        }
        return z;
    }

    @Test
    void sameSeedSameEpisodeAndSeedsMatter() {
        RecommendationScenario sc = RecommendationScenarios.small();
        double[] u = Exposure.uniform(sc.products(), sc.customers());
        int[] q = {10, 10, 10, 10, 10};
        double[] r1 = episode(sc, 42, q, u);
        double[] r2 = episode(sc, 42, q, u);
        double[] r3 = episode(sc, 43, q, u);
        assertArrayEquals(r1, r2, 0);
        assertFalse(java.util.Arrays.equals(r1, r3));
    }

    private static double[] episode(RecommendationScenario sc, long seed, int[] q, double[] u) {
        RecommendationEnv env = new RecommendationEnv(sc);
        env.reset(seed);
        double[] r = new double[sc.horizon()];
        for (int t = 0; t < r.length; t++) {
            r[t] = env.step(q, u).reward();
        }
        return r;
    }

    @Test
    void badActionsAreRejectedWithTheFieldAndRange() {
        RecommendationEnv env = new RecommendationEnv(TinyScenarios.switchable(ShortageMode.LOST_SALES));
        assertThrows(IllegalStateException.class, () -> env.step(new int[] {0, 0}, new double[] {1, 0, 0, 1}));
        env.reset(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env.step(new int[] {0, 11}, new double[] {1, 0, 0, 1}));
        assertTrue(e.getMessage().contains("orders[1]") && e.getMessage().contains("[0, maxOrder = 10]"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.step(new int[] {-1, 0}, new double[] {1, 0, 0, 1}));
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> env.step(new int[] {0, 0}, new double[] {1, 0, 0.6, 0.6}));
        assertTrue(a.getMessage().contains("row 1"), a.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.step(new int[] {0, 0}, new double[] {1, 0}));
        assertEquals(0, env.period(), "a rejected action must not advance the episode");
    }

    @Test
    void observationSpecMatchesLayout() {
        RecommendationScenario sc = TinyScenarios.switchable(ShortageMode.LOST_SALES);
        RecommendationEnv env = new RecommendationEnv(sc);
        float[] obs = env.reset(1);
        assertEquals(env.observationSpec().dimension(), obs.length);
        assertEquals(2 * (2 + 1), obs.length);
        assertEquals(2, env.observationSpec().indexOf("backlog[0]"));
        assertEquals(5, env.observationSpec().indexOf("pipeline[1][0]"));
        assertTrue(env.observationSpec().contains(obs));
        assertArrayEquals(new float[] {3, 10, 0, 0, 0, 0}, obs);
    }

    private static void check(RecommendationInfo info, int demand, int sales, int shortage, int arrived,
            int inventory, double profit) {
        assertEquals(demand, info.demand()[0], "demand");
        assertEquals(sales, info.sales()[0], "sales");
        assertEquals(shortage, info.shortage()[0], "shortage");
        assertEquals(arrived, info.arrived()[0], "arrived");
        assertEquals(inventory, info.inventory()[0], "inventory");
        assertEquals(profit, info.profit()[0], 1e-12, "profit");
    }
}
