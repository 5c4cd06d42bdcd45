package org.retailrl.envs.pricing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.envs.Step;

/** Hand-computed examples pinning the period dynamics of docs/model.md §1. */
class PricingDynamicsTest {
    /** Demand of about 4e-12 units per period: zero in every test run with overwhelming probability. */
    private static final double NO_DEMAND_ETA = 1e-9;
    /** Demand of about 3,800 units per period: far beyond any stock these tests hold. */
    private static final double FLOOD_ETA = 1e6;

    private static int idx(PricingScenario s, double price) {
        for (int i = 0; i < s.priceCount(); i++) {
            if (s.price(i) == price) {
                return i;
            }
        }
        throw new AssertionError("price not on grid: " + price);
    }

    @Test
    void pipelineArrivesAfterExactlyThreePeriods() {
        PricingScenario s = PricingScenario.defaults().toBuilder().marketSize(NO_DEMAND_ETA)
                .initialInventory(10).leadTime(3).initialPipeline(5, 0, 2).build();
        PricingEnv env = new PricingEnv(s);
        env.reset(1);
        int p = idx(s, 30);
        // q_t for t = 1..6; arrivals are the initial pipeline, then q_1, q_2, q_3.
        int[] orders = {4, 0, 7, 1, 3, 0};
        int[] expectArrived = {5, 0, 2, 4, 0, 7};
        int[] expectInv = {15, 15, 17, 21, 21, 28};
        for (int t = 0; t < orders.length; t++) {
            Step<PricingInfo> st = env.step(p, orders[t]);
            assertEquals(0, st.info().demand());
            assertEquals(expectArrived[t], st.info().arrived(), "arrival in period " + (t + 1));
            assertEquals(expectInv[t], st.info().inventory(), "inventory after period " + (t + 1));
            // r = -h I - c q - K 1{q>0} with h = 1, c = 10, K = 0.
            assertEquals(-expectInv[t] - 10.0 * orders[t], st.reward(), 0.0);
        }
        assertArrayEquals(new int[] {1, 3, 0}, env.state().pipeline());
        float[] obs = env.observation();
        assertEquals(28f, obs[PricingObservation.INVENTORY]);
        assertEquals(1f, obs[PricingObservation.PIPELINE]);
        assertEquals(3f, obs[PricingObservation.PIPELINE + 1]);
        assertEquals(0f, obs[PricingObservation.PIPELINE + 2]);
    }

    @Test
    void leadTimeZeroOrderArrivesAtOnceAndIsSoldTheSamePeriod() {
        PricingScenario s = PricingScenario.defaults().toBuilder().marketSize(FLOOD_ETA)
                .initialInventory(0).leadTime(0).build();
        PricingEnv env = new PricingEnv(s);
        env.reset(2);
        Step<PricingInfo> st = env.step(idx(s, 20), 6);
        PricingInfo in = st.info();
        assertEquals(6, in.arrived());
        assertEquals(6, in.sales());
        assertEquals(in.demand() - 6, in.lost());
        assertEquals(0, in.inventory());
        // r = p S - h I - b O - c q = 20*6 - 0 - 5*(d-6) - 10*6
        assertEquals(20.0 * 6 - 5.0 * (in.demand() - 6) - 60, st.reward(), 1e-9);
        assertEquals(0, env.observation().length - PricingObservation.PIPELINE);
    }

    @Test
    void lostSalesAccountingOverSeveralPeriods() {
        PricingScenario s = PricingScenario.named("d").toBuilder().leadTime(1).initialPipeline(3)
                .initialInventory(4).build();
        PricingEnv env = new PricingEnv(s);
        env.reset(42);
        int[] prices = {idx(s, 30), idx(s, 20), idx(s, 10), idx(s, 44), idx(s, 30), idx(s, 16)};
        int[] orders = {2, 0, 5, 0, 0, 9};
        int inv = 4;
        int pipe = 3;
        for (int t = 0; t < prices.length; t++) {
            Step<PricingInfo> st = env.step(prices[t], orders[t]);
            PricingInfo in = st.info();
            int avail = inv + pipe;
            pipe = orders[t];
            int d = in.demand();
            int sales = Math.min(d, avail);
            int lost = d - sales;
            inv = avail - sales;
            double p = s.price(prices[t]);
            double r = p * sales - 1.0 * inv - 5.0 * lost - 10.0 * orders[t] - (orders[t] > 0 ? 20 : 0);
            assertEquals(sales, in.sales());
            assertEquals(lost, in.lost());
            assertEquals(0, in.backlog());
            assertEquals(inv, in.inventory());
            assertEquals(r, st.reward(), 0.0);
            float[] obs = st.observation();
            assertEquals(inv, obs[PricingObservation.INVENTORY]);
            assertEquals(lost, obs[PricingObservation.LOST]);
            assertEquals(d, obs[PricingObservation.DEMAND]);
            assertEquals((float) p, obs[PricingObservation.PRICE]);
        }
    }

    @Test
    void lostSalesWithFloodDemandSellsOutExactly() {
        PricingScenario s = PricingScenario.defaults().toBuilder().marketSize(FLOOD_ETA).leadTime(0)
                .initialInventory(7).build();
        PricingEnv env = new PricingEnv(s);
        env.reset(3);
        Step<PricingInfo> st = env.step(idx(s, 50), 0);
        assertEquals(7, st.info().sales());
        assertEquals(0, st.info().inventory());
        assertTrue(st.info().lost() > 1000);
        assertEquals(50.0 * 7 - 5.0 * st.info().lost(), st.reward(), 0.0);
    }

    @Test
    void backlogAccountingOverSeveralPeriods() {
        PricingScenario s = PricingScenario.named("c").toBuilder().leadTime(2).initialPipeline(0, 4)
                .initialInventory(2).build();
        PricingEnv env = new PricingEnv(s);
        env.reset(7);
        int[] prices = {idx(s, 10), idx(s, 12), idx(s, 30), idx(s, 50), idx(s, 30)};
        int[] orders = {0, 3, 0, 20, 1};
        int net = 2;
        int[] pipe = {0, 4};
        for (int t = 0; t < prices.length; t++) {
            Step<PricingInfo> st = env.step(prices[t], orders[t]);
            PricingInfo in = st.info();
            int arrived = pipe[0];
            pipe = new int[] {pipe[1], orders[t]};
            int d = in.demand();
            net = net + arrived - d;
            double p = s.price(prices[t]);
            double r = p * d - 1.0 * Math.max(net, 0) - 5.0 * Math.max(-net, 0) - 10.0 * orders[t]
                    - (orders[t] > 0 ? 20 : 0);
            assertEquals(arrived, in.arrived());
            assertEquals(d, in.sales());
            assertEquals(0, in.lost());
            assertEquals(Math.max(-net, 0), in.backlog());
            assertEquals(net, in.inventory());
            assertEquals(r, st.reward(), 0.0);
            assertEquals(net, st.observation()[PricingObservation.INVENTORY]);
            assertEquals(Math.max(-net, 0), st.observation()[PricingObservation.LOST]);
        }
    }

    @Test
    void backlogGoesNegativeAndIsServedByLaterArrivals() {
        PricingScenario s = PricingScenario.named("a").toBuilder().marketSize(FLOOD_ETA).leadTime(0)
                .initialInventory(0).build();
        PricingEnv env = new PricingEnv(s);
        env.reset(4);
        Step<PricingInfo> st = env.step(idx(s, 40), 20);
        int d = st.info().demand();
        assertEquals(20 - d, st.info().inventory());
        assertEquals(d - 20, st.info().backlog());
        assertEquals(40.0 * d - 5.0 * (d - 20) - 200, st.reward(), 0.0);
    }

    @Test
    void fixedCostIsChargedOnlyInPeriodsWithAnOrder() {
        PricingScenario s = PricingScenario.named("d").toBuilder().marketSize(NO_DEMAND_ETA).initialInventory(0)
                .build();
        PricingEnv env = new PricingEnv(s);
        env.reset(5);
        int p = idx(s, 30);
        assertEquals(0.0, env.step(p, 0).reward(), 0.0);
        assertEquals(-20.0 - 10.0, env.step(p, 1).reward(), 0.0);
        assertEquals(0.0, env.step(p, 0).reward(), 0.0);
        assertEquals(-20.0 - 150.0, env.step(p, 15).reward(), 0.0);
    }

    @Test
    void inventoryCapDisposesExcessOnArrival() {
        PricingScenario s = PricingScenario.defaults().toBuilder().marketSize(NO_DEMAND_ETA).leadTime(1)
                .initialPipeline(0).initialInventory(10).inventoryCap(12).build();
        PricingEnv env = new PricingEnv(s);
        env.reset(6);
        int p = idx(s, 30);
        Step<PricingInfo> a = env.step(p, 5);
        assertEquals(0, a.info().disposed());
        assertEquals(10, a.info().inventory());
        Step<PricingInfo> b = env.step(p, 0);
        assertEquals(5, b.info().arrived());
        assertEquals(3, b.info().disposed());
        assertEquals(12, b.info().inventory());
        assertEquals(-12.0, b.reward(), 0.0);
    }

    @Test
    void undercutCompetitorStepsBelowOurLastPriceAndResetsToTheTop() {
        PricingScenario s = PricingScenario.defaults();
        PricingEnv env = new PricingEnv(s);
        float[] obs = env.reset(8);
        assertEquals(30f, obs[PricingObservation.COMPETITOR_PRICE]);
        double[] ours = {40, 12, 10, 50, 20};
        double[] expectNext = {39, 11, 50, 49, 19};
        for (int t = 0; t < ours.length; t++) {
            Step<PricingInfo> st = env.step(idx(s, ours[t]), 0);
            double used = t == 0 ? 30 : expectNext[t - 1];
            assertEquals(used, st.info().competitorPrice(), 0.0);
            assertEquals((float) expectNext[t], st.observation()[PricingObservation.COMPETITOR_PRICE]);
        }
    }

    @Test
    void fixedCompetitorNeverMoves() {
        PricingScenario s = PricingScenario.defaults().toBuilder().fixedCompetitor(27.5).build();
        PricingEnv env = new PricingEnv(s);
        env.reset(9);
        for (int t = 0; t < 20; t++) {
            assertEquals(27.5, env.step(t % s.priceCount(), 0).info().competitorPrice(), 0.0);
        }
    }

    @Test
    void uniformCompetitorStaysOnTheGridAndVisitsEveryPrice() {
        PricingScenario s = PricingScenario.defaults().toBuilder().competitor(CompetitorKind.UNIFORM)
                .horizon(2000).build();
        PricingEnv env = new PricingEnv(s);
        env.reset(10);
        int[] seen = new int[s.priceCount()];
        for (int t = 0; t < 2000; t++) {
            double o = env.step(idx(s, 30), 0).info().competitorPrice();
            int k = java.util.Arrays.binarySearch(s.prices(), o);
            assertTrue(k >= 0, "competitor price off the grid: " + o);
            seen[k]++;
        }
        // Each price has probability 1/21: P(never seen in 2000 draws) = (20/21)^2000 < 1e-42.
        for (int k = 0; k < seen.length; k++) {
            assertTrue(seen[k] > 0, "price " + s.price(k) + " never drawn");
        }
    }

    @Test
    void referencePriceFollowsTheTwoStageUpdate() {
        PricingScenario s = PricingScenario.defaults();
        PricingEnv env = new PricingEnv(s);
        env.reset(11);
        // r1 = 0.9 (0.9*30 + 0.1*40) + 0.1*30 = 30.9; o2 = 39.
        Step<PricingInfo> a = env.step(idx(s, 40), 0);
        assertEquals(30.0, a.info().referencePrice(), 0.0);
        assertEquals(30.9, env.state().referencePrice(), 1e-12);
        // r2 = 0.9 (0.9*30.9 + 0.1*20) + 0.1*39 = 30.729.
        Step<PricingInfo> b = env.step(idx(s, 20), 0);
        assertEquals(30.9, b.info().referencePrice(), 1e-12);
        assertEquals(30.729, env.state().referencePrice(), 1e-12);
        assertEquals(30.729f, b.observation()[PricingObservation.REFERENCE_PRICE], 1e-5f);
    }

    @Test
    void weightOneHoldsTheReferencePrice() {
        PricingScenario s = PricingScenario.defaults().toBuilder().fixedReference(33).build();
        PricingEnv env = new PricingEnv(s);
        env.reset(12);
        for (int t = 0; t < 10; t++) {
            assertEquals(33.0, env.step(t, 0).info().referencePrice(), 0.0);
        }
    }

    @Test
    void episodeIsTruncatedAfterTPeriods() {
        PricingScenario s = PricingScenario.defaults().toBuilder().horizon(3).build();
        PricingEnv env = new PricingEnv(s);
        env.reset(13);
        assertTrue(!env.step(0, 0).truncated());
        assertTrue(!env.step(0, 0).truncated());
        Step<PricingInfo> last = env.step(0, 0);
        assertTrue(last.truncated() && !last.terminated());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> env.step(0, 0));
        assertTrue(e.getMessage().contains("reset"));
    }

    @Test
    void pureFunctionsMatchHandComputedPeriods() {
        PricingDynamics lost = new PricingDynamics(PricingScenario.named("d").toBuilder().inventoryCap(30).build());
        assertEquals(30, lost.stockAfterArrival(25, 9));
        assertEquals(0, lost.endInventory(6, 9));
        assertEquals(3, lost.shortage(6, 9));
        // p S - h I - b O - c q - K = 40*6 - 0 - 5*3 - 10*4 - 20
        assertEquals(165.0, lost.reward(40, 4, 6, 9), 0.0);
        assertEquals(2, lost.endInventory(6, 4));
        assertEquals(0, lost.shortage(6, 4));
        assertEquals(40.0 * 4 - 2 - 0 - 0, lost.reward(40, 0, 6, 4), 0.0);
        PricingDynamics back = new PricingDynamics(PricingScenario.named("a"));
        assertEquals(-3, back.endInventory(6, 9));
        assertEquals(3, back.shortage(6, 9));
        assertEquals(5, back.shortage(-2, 3));
        // p d - h[N]+ - b[N]- - c q = 40*9 - 0 - 5*3 - 10*4
        assertEquals(305.0, back.reward(40, 4, 6, 9), 0.0);
        assertEquals(30.9, back.nextReference(30, 40, 30), 1e-12);
        assertEquals(11.0, back.undercut(12), 0.0);
        assertEquals(50.0, back.undercut(10.5), 0.0);
    }
}
