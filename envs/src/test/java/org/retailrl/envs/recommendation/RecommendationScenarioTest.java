package org.retailrl.envs.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.retailrl.envs.pricing.ShortageMode;

/** Validation of {@link RecommendationScenario} and the named scenarios. */
class RecommendationScenarioTest {

    /** Mutable copy of the constructor arguments, so one test can break one field. */
    private static final class Args {
        int n = 2;
        int m = 3;
        int horizon = 10;
        double[] pOut = {10, 20};
        double[] pIn = {5, 12};
        double[] h = {1, 1};
        double[] b = {2, 2};
        int[] lead = {0, 2};
        int[] inv = {5, 5};
        int q = 20;
        double rMax = 5;
        double e = 1;
        double[] r0 = {1, 2, 3, 4, 5, 0};
        int[] c = {1, 2, 3};
        ShortageMode mode = ShortageMode.LOST_SALES;

        RecommendationScenario build() {
            return new RecommendationScenario(n, m, horizon, pOut, pIn, h, b, lead, inv, q, rMax, e, r0, c, mode);
        }
    }

    private static void rejects(Consumer<Args> change, String... fragments) {
        Args a = new Args();
        change.accept(a);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, a::build);
        for (String f : fragments) {
            assertTrue(ex.getMessage().contains(f), "message '" + ex.getMessage() + "' lacks '" + f + "'");
        }
    }

    @Test
    void validArgumentsBuild() {
        RecommendationScenario s = new Args().build();
        assertEquals(2, s.maxLeadTime());
        assertEquals(6, s.totalPurchaseCount());
        assertEquals(4.0, s.initialRating(1, 0), 0);
    }

    @Test
    void eachFieldIsValidatedByName() {
        rejects(a -> a.n = 0, "products", "[1, ");
        rejects(a -> a.m = 0, "customers", "[1, ");
        rejects(a -> a.horizon = 0, "horizon", "[1, ");
        rejects(a -> a.pOut = new double[] {10}, "priceOut", "one entry per product (2)");
        rejects(a -> a.pOut = new double[] {10, Double.NaN}, "priceOut[1]", "[0, 1e12]");
        rejects(a -> a.pIn = new double[] {-1, 1}, "priceIn[0]");
        rejects(a -> a.h = new double[] {1, Double.POSITIVE_INFINITY}, "holdingCost[1]");
        rejects(a -> a.b = new double[] {-2, 0}, "shortageCost[0]");
        rejects(a -> a.lead = new int[] {0, -1}, "leadTime[1]", "[0, 1000]");
        rejects(a -> a.inv = new int[] {-1, 0}, "initialInventory[0]");
        rejects(a -> a.q = -1, "maxOrder", "[0, ");
        rejects(a -> a.rMax = Double.NaN, "ratingMax");
        rejects(a -> a.e = -0.1, "efficiency", "[0, ");
        rejects(a -> a.r0 = new double[] {1, 2, 3}, "initialRatings", "products × customers = 6");
        rejects(a -> a.r0 = new double[] {1, 2, 3, 4, 5.5, 0}, "initialRatings[1][1]", "ratingMax = 5.0");
        rejects(a -> a.c = new int[] {1, -2, 3}, "purchaseCounts[1]");
        rejects(a -> a.c = new int[] {1, 2}, "purchaseCounts", "3 entries");
        rejects(a -> a.mode = null, "mode");
        rejects(a -> {
            a.horizon = 100_000_000;
            a.q = 100;
        }, "horizon × maxOrder");
    }

    @Test
    void arraysAreCopiedInAndOut() {
        Args a = new Args();
        RecommendationScenario s = a.build();
        a.pOut[0] = 99;
        s.priceOut()[1] = 99;
        assertEquals(10, s.priceOut()[0], 0);
        assertEquals(20, s.priceOut()[1], 0);
        assertEquals(s, new Args().build());
        assertNotEquals(s, s.withMode(ShortageMode.BACKLOG));
    }

    @Test
    void namedScenariosHaveTheDocumentedShape() {
        RecommendationScenario small = RecommendationScenarios.named("small");
        assertEquals(5, small.products());
        assertEquals(20, small.customers());
        assertEquals(58, small.totalPurchaseCount());
        assertEquals(ShortageMode.LOST_SALES, small.mode());
        assertEquals(small, RecommendationScenarios.named("default"));
        RecommendationScenario large = RecommendationScenarios.named("LARGE-backlog");
        assertEquals(50, large.products());
        assertEquals(1000, large.customers());
        assertEquals(ShortageMode.BACKLOG, large.mode());
        // the stated generators are deterministic: same call, same scenario
        assertEquals(large, RecommendationScenarios.named("large-backlog"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecommendationScenarios.named("medium"));
        assertTrue(e.getMessage().contains("small, large"), e.getMessage());
    }

    @Test
    void generatorsFollowTheirStatedDistributions() {
        double[] r = RecommendationScenarios.uniformRatings(10, 1000, 0, 3, 1);
        double sum = 0;
        for (double x : r) {
            assertTrue(x >= 0 && x < 3);
            sum += x;
        }
        // mean of 10,000 U[0,3): 1.5 ± 3.29·(3/√12)/100 at 99.9 %
        assertEquals(1.5, sum / r.length, 3.29 * 3 / Math.sqrt(12) / 100);
        int[] c = RecommendationScenarios.skewedCounts(20_000, 40, 1);
        double mean = 0;
        for (int x : c) {
            assertTrue(x >= 1 && x <= 41);
            mean += x;
        }
        mean /= c.length;
        // E[1 + ⌊40 U^6⌋] = 1 + Σ_{k=1}^{40} P(U^6 ≥ k/40) = 1 + Σ (1 − (k/40)^{1/6})
        double expect = 1;
        for (int k = 1; k <= 40; k++) {
            expect += 1 - Math.pow(k / 40.0, 1.0 / 6);
        }
        // sd of one draw ≤ 20 (range 40), so the 99.9 % band is 3.29·20/√20000
        assertEquals(expect, mean, 3.29 * 20 / Math.sqrt(c.length));
    }
}
