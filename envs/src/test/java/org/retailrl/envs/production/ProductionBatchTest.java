package org.retailrl.envs.production;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The production-method environment of docs/model.md §6.1: timing, accounting, demand and input checks. */
class ProductionBatchTest {
    private static final ProductionScenario ONE = ProductionScenario.single(6, 2, 9, 0.5, 3, 1, 200);

    /** Two products, a slow and a fast method, to check the per-product routing and the shared logit. */
    private static ProductionScenario two() {
        return new ProductionScenario(new double[] {-3, -2.5}, new double[] {0.1, 0.12}, 30, 300,
                new double[] {20, 30, 40}, new double[] {5, 8, 11}, new int[] {3, 1, 0}, 0.5, 15, 4,
                new double[] {0.5, 2}, 4, 0.8, 0.5, 0.7, 0.4, 2.5, 30, 5);
    }

    @Test
    void outputArrivesAfterItsMethodsLeadTimeAndUnitsAreConserved() {
        ProductionScenario s = two();
        ProductionBatch b = new ProductionBatch(s, 3);
        b.reset(11, 0);
        int[] method = new int[6];
        int[] order = new int[6];
        int[] price = new int[6];
        int[] level = new int[6];
        double[] r = new double[3];
        long[] produced = new long[6];
        long[] sold = new long[6];
        for (int t = 0; t < s.horizon(); t++) {
            for (int k = 0; k < 6; k++) {
                method[k] = (t + k) % 3;
                order[k] = (t * 7 + k * 3) % 16;
                price[k] = (t + 2 * k) % 3;
                level[k] = (t + k) % 4;
            }
            int[] before = {b.pipeline(0, 0, 0), b.pipeline(0, 0, 1), b.pipeline(0, 0, 2)};
            b.step(method, order, price, level, r);
            // Copy 0, product 0: the pipeline moved one slot on and this period's output sits L − 1 slots ahead.
            int l = s.methodLead(method[0]);
            int[] want = {before[1], before[2], 0};
            if (l > 0) {
                want[l - 1] += order[0];
            }
            assertArrayEquals(want, new int[] {b.pipeline(0, 0, 0), b.pipeline(0, 0, 1), b.pipeline(0, 0, 2)}, "period " + t);
            double expect = 0;
            for (int i = 0; i < 2; i++) {
                int k = i;
                int d = b.lastDemand(0, i);
                int sales = b.lastSales(0, i);
                assertTrue(sales <= d);
                expect += s.price(price[k]) * sales - (s.methodCost(method[k]) + s.orderCost()) * order[k]
                        - s.levelCost() * level[k] - s.holdingCost() * b.stock(0, i) - s.shortageCost() * (d - sales);
            }
            assertEquals(expect, r[0], 1e-9, "period " + t);
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < 2; i++) {
                    produced[c * 2 + i] += order[c * 2 + i];
                    sold[c * 2 + i] += b.lastSales(c, i);
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 2; i++) {
                long inTransit = b.pipeline(c, i, 0) + b.pipeline(c, i, 1) + b.pipeline(c, i, 2);
                assertEquals(s.initialStock() + produced[c * 2 + i], sold[c * 2 + i] + b.stock(c, i) + inTransit);
            }
        }
        assertThrows(IllegalStateException.class, () -> b.step(method, order, price, level, r));
    }

    @Test
    void theSameSeedReplaysAndEachCopyHasItsOwnStream() {
        ProductionBatch a = new ProductionBatch(ONE, 4);
        ProductionBatch b = new ProductionBatch(ONE, 2);
        a.reset(5, 0);
        b.reset(5, 2);
        int[] z = new int[4];
        int[] q = {10, 10, 10, 10};
        int[] p = {10, 10, 10, 10};
        double[] ra = new double[4];
        double[] rb = new double[2];
        float[] oa = new float[a.observationSize()];
        float[] ob = new float[b.observationSize()];
        for (int t = 0; t < 20; t++) {
            a.step(z, q, p, z, ra);
            b.step(z, q, p, z, rb);
            assertEquals(ra[2], rb[0]);
            assertEquals(ra[3], rb[1]);
            a.observe(3, oa, 0);
            b.observe(1, ob, 0);
            assertArrayEquals(oa, ob);
        }
        assertEquals(1 * (3 + 2) + 1, a.observationSize());
    }

    @Test
    void recommendationLiftsAndPriceLowersTheDemandRate() {
        ProductionScenario s = two();
        double[] lo = new double[2];
        double[] hi = new double[2];
        s.rates(new int[] {1, 1}, new int[] {0, 0}, 0, lo);
        s.rates(new int[] {1, 1}, new int[] {3, 0}, 0, hi);
        assertTrue(hi[0] > lo[0] && hi[1] < lo[1], "recommending product 0 takes share from product 1");
        s.rates(new int[] {2, 1}, new int[] {0, 0}, 0, hi);
        assertTrue(hi[0] < lo[0] && hi[1] > lo[1]);
        double u = -3 + 0.5 * 0.5;
        double v = -2.5 + 0.5 * 2;
        assertEquals(300 * Math.exp(u) / (1 + Math.exp(u) + Math.exp(v)), lo[0], 1e-9);
        assertEquals(2 + (4 - 2) * 0.8 * 2 / 3.0, s.rating(1, 2), 1e-12);
    }

    @Test
    void badInputNamesTheFieldAndItsRange() {
        String m = assertThrows(IllegalArgumentException.class, () -> ProductionScenario.single(6, 9, 9, 0.5, 3, 1, 200))
                .getMessage();
        assertTrue(m.contains("methodLead entries must be in [0, 8]"), m);
        m = assertThrows(IllegalArgumentException.class, () -> ProductionScenario.single(6, 2, 9, -1, 3, 1, 200)).getMessage();
        assertTrue(m.contains("holdingCost must be finite and >= 0"), m);
        ProductionBatch b = new ProductionBatch(ONE, 1);
        b.reset(1, 0);
        m = assertThrows(IllegalArgumentException.class,
                () -> b.step(new int[] {2}, new int[] {0}, new int[] {0}, new int[] {0}, new double[1])).getMessage();
        assertTrue(m.contains("method must be in [0, 1], got 2"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> b.step(new int[] {0}, new int[] {0}, new int[] {0}, new int[] {3}, new double[1])).getMessage();
        assertTrue(m.contains("level must be in [0, 2], got 3"), m);
        assertThrows(IllegalArgumentException.class, () -> new ProductionBatch(ONE, 0));
    }
}
