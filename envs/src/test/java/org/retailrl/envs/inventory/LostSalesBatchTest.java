package org.retailrl.envs.inventory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The lost-sales simulator against hand-computed periods, and its stream discipline. */
class LostSalesBatchTest {
    /** Demand is 3 every period: the whole trajectory is arithmetic. */
    private static LostSalesScenario deterministic(int lead, int initial, int... pipeline) {
        return new LostSalesScenario(DemandLaw.empirical(new double[] {0, 0, 0, 1}), lead, 2, 7, 0.5, 10, 5, initial,
                pipeline);
    }

    @Test
    void leadTwoHandComputed() {
        // I = 4, in transit x1 = 1. Order 5, demand 3: sell 3, hold 1 -> cost 2*1 + 0.5*5 = 4.5;
        // then x1 = 1 arrives: I = 2, transit (5).
        LostSalesBatch b = new LostSalesBatch(deterministic(2, 4, 1), 1);
        b.reset(7, 0);
        double[] cost = new double[1];
        float[] obs = new float[2];
        b.observe(obs, 0);
        assertArrayEquals(new float[] {4, 1}, obs);
        b.step(new int[] {5}, cost);
        assertEquals(4.5, cost[0], 0);
        b.observe(obs, 0);
        assertArrayEquals(new float[] {2, 5}, obs);
        // Order 0, demand 3 with 2 on hand: 1 lost -> 7*1; then 5 arrives.
        b.step(new int[] {0}, cost);
        assertEquals(7, cost[0], 0);
        assertEquals(1, b.lastLost(0));
        b.observe(obs, 0);
        assertArrayEquals(new float[] {5, 0}, obs);
        assertEquals(5, b.position(0));
        assertEquals(2, b.period());
    }

    @Test
    void leadZeroAndOneHandComputed() {
        LostSalesBatch zero = new LostSalesBatch(deterministic(0, 1), 1);
        zero.reset(1, 0);
        double[] cost = new double[1];
        zero.step(new int[] {4}, cost); // 1 + 4 on hand, sell 3, hold 2: 4 + 0.5*4 = 6
        assertEquals(6, cost[0], 0);
        assertEquals(2, zero.onHand(0));
        LostSalesBatch one = new LostSalesBatch(deterministic(1, 1), 1);
        one.reset(1, 0);
        one.step(new int[] {4}, cost); // 1 on hand, sell 1, lose 2: 14 + 2 = 16; then 4 arrives
        assertEquals(16, cost[0], 0);
        assertEquals(4, one.onHand(0));
    }

    @Test
    void copiesOwnTheirStreams() {
        LostSalesScenario s = LostSalesScenario.zipkin(DemandLaw.Kind.POISSON, 9, 3);
        LostSalesBatch big = new LostSalesBatch(s, 8);
        LostSalesBatch single = new LostSalesBatch(s, 1);
        big.reset(42, 0);
        single.reset(42, 5);
        int[] orders = new int[8];
        double[] costBig = new double[8];
        double[] costOne = new double[1];
        for (int t = 0; t < 50; t++) {
            for (int i = 0; i < 8; i++) {
                orders[i] = (t * 7 + i) % 9;
            }
            big.step(orders, costBig);
            single.step(new int[] {orders[5]}, costOne);
            assertEquals(costBig[5], costOne[0], 0);
            assertEquals(big.lastDemand(5), single.lastDemand(0));
        }
    }

    @Test
    void badActionsAreRefusedWithoutChange() {
        LostSalesBatch b = new LostSalesBatch(deterministic(2, 4, 1), 2);
        b.reset(1, 0);
        double[] cost = new double[2];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.step(new int[] {1, 11}, cost));
        assertTrue(e.getMessage().contains("actions[1]") && e.getMessage().contains("[0, 10]"), e.getMessage());
        assertEquals(0, b.period());
        assertEquals(4, b.onHand(0));
    }

    @Test
    void demandLawsHaveTheirMeansAndSampleByInversion() {
        DemandLaw p = DemandLaw.poisson(5);
        DemandLaw g = DemandLaw.geometric(5);
        assertEquals(5, p.mean(), 1e-12);
        assertEquals(5, g.mean(), 1e-12);
        assertEquals(30, g.variance(), 1e-9);
        assertEquals(Math.exp(-5), p.pmf(0), 1e-15);
        assertEquals(1.0 / 6, g.pmf(0), 1e-15);
        assertEquals(Math.pow(5.0 / 6, 3), g.tail(3), 1e-12);
        // Inversion: u just below P(D <= k) gives k, just above gives k + 1.
        double cdf2 = p.pmf(0) + p.pmf(1) + p.pmf(2);
        assertEquals(2, p.sample(Math.nextDown(cdf2)));
        assertEquals(3, p.sample(cdf2));
        DemandLaw e = DemandLaw.empirical(new double[] {1, 0, 3});
        assertEquals(0.25, e.pmf(0), 0);
        assertEquals(1.5, e.mean(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> DemandLaw.empirical(new double[] {0, -1}));
    }
}
