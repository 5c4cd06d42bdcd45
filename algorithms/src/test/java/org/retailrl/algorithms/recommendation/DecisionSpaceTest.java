package org.retailrl.algorithms.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.envs.recommendation.Exposure;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationScenarios;
import org.retailrl.envs.recommendation.RecommendationState;

/** Action decoding and the observation views, against hand-computed values on the small scenario. */
class DecisionSpaceTest {
    private final RecommendationScenario s = RecommendationScenarios.small();
    private final DecisionSpace space = new DecisionSpace(s);

    @Test
    void orderLevelsSpanZeroToMaxOrderInEqualSteps() {
        assertEquals(13, space.orderLevels());
        assertEquals(0, space.orderUnits(0));
        assertEquals(5, space.orderUnits(1));
        assertEquals(60, space.orderUnits(12));
        assertEquals(s.products(), space.orderLayout().factors());
    }

    @Test
    void favouredSegmentGetsExactlyTheFavouredShareAndRowsSumToOne() {
        int m = s.customers();
        assertEquals(m, space.segments());
        double[] alpha = new double[s.products() * m];
        // Segment 0 is the heaviest buyer: customer 0 (c = 12) in the small scenario.
        space.writeExposure(2, 0, alpha, 0);
        assertEquals(0.9, alpha[2 * m], 1e-12);
        assertEquals(0.1 / (m - 1), alpha[2 * m + 5], 1e-12);
        // Segment 19 is the last of the customers with c = 1 in index order: customer 19.
        space.writeExposure(3, 19, alpha, 0);
        assertEquals(0.9, alpha[3 * m + 19], 1e-12);
        // "No favourite" is uniform.
        space.writeExposure(4, m, alpha, 0);
        assertEquals(1.0 / m, alpha[4 * m + 7], 1e-15);
        space.writeExposure(0, 3, alpha, 0);
        space.writeExposure(1, 3, alpha, 0);
        Exposure.check(alpha, 0, s.products(), m, "decoded exposure");
    }

    @Test
    void segmentsGroupCustomersByPurchaseCount() {
        DecisionSpace four = new DecisionSpace(s, 13, 4, 0.8);
        assertEquals(4, four.segments());
        double[] alpha = new double[s.products() * s.customers()];
        four.writeExposure(0, 0, alpha, 0);
        // Segment 0 = the five heaviest buyers, customers 0..4, sharing 0.8 equally.
        for (int j = 0; j < 5; j++) {
            assertEquals(0.16, alpha[j], 1e-12);
        }
        assertEquals(0.2 / 15, alpha[5], 1e-12);
    }

    @Test
    void badSettingsNameTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DecisionSpace(s, 1, 4, 0.9)).getMessage()
                .contains("orderLevels"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DecisionSpace(s, 13, 0, 0.9)).getMessage()
                .contains("maxSegments"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DecisionSpace(s, 13, 4, 1.0)).getMessage()
                .contains("favouredShare"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> space.orderUnits(13)).getMessage()
                .contains("order level"));
    }

    @Test
    void viewsAreTheHandComputedFeatures() {
        RecommendationState st = new RecommendationState(10, new int[] {1, 2, 3, 4, 5}, new int[5],
                new int[][] {{}, {6}, {7}, {8, 9}, {10, 11, 12}});
        double u = 58.0 / 5;
        float[] g = new float[ObservationView.GLOBAL.size(s)];
        assertEquals(26, g.length);
        int[] demand = {7, 0, 0, 14, 0};
        int[] sales = {5, 0, 0, 9, 0};
        ObservationView.GLOBAL.write(s, st, demand, sales, 0, g, 0);
        assertEquals(1 / u, g[0], 1e-6);
        assertEquals(0f, g[5]);
        assertEquals(6 / u, g[10 + 3], 1e-6);
        assertEquals(0f, g[10 + 4]);
        assertEquals(12 / u, g[10 + 4 * 3 + 2], 1e-6);
        assertEquals(0.2f, g[25], 1e-7);
        float[] p = new float[ObservationView.REPLENISHMENT.size(s)];
        assertEquals(36, p.length);
        ObservationView.REPLENISHMENT.write(s, st, demand, sales, 0, p, 0);
        for (int k = 0; k < 25; k++) {
            assertEquals(g[k], p[k], "the ledger part equals the global state at " + k);
        }
        assertEquals(5 / u, p[25], 1e-6);
        assertEquals(9 / u, p[25 + 3], 1e-6);
        assertEquals(7 / u, p[30], 1e-6);
        assertEquals(14 / u, p[30 + 3], 1e-6);
        assertEquals(0.2f, p[35], 1e-7);
        float[] r = new float[ObservationView.RECOMMENDATION.size(s)];
        assertEquals(16, r.length);
        ObservationView.RECOMMENDATION.write(s, st, demand, sales, 0, r, 0);
        assertEquals(12 / u, r[3], 1e-6);
        assertEquals(21 / u, r[5 + 3], 1e-6);
        assertEquals(1 / u, r[0], 1e-6);
        assertEquals(7 / u, r[10], 1e-6);
        assertEquals(14 / u, r[10 + 3], 1e-6);
        assertEquals(0.2f, r[15], 1e-7);
    }

    @Test
    void simplexExposureIsASoftmaxOfTheSegmentLogits() {
        assertEquals(DecisionSpace.ExposureActions.SIMPLEX, space.exposureActions());
        int n = s.products();
        int m = s.customers();
        assertEquals(m, space.segments(), "one segment per customer in the small scenario");
        assertEquals(2 * n * m, space.exposureLayout().width());
        assertEquals(0, space.exposureLayout().factors());
        float[] x = new float[n * m];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) Math.sin(k);
        }
        double[] alpha = new double[n * m];
        space.writeSimplexExposure(x, 0, new double[n * m], new double[n * m], alpha, 0);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double norm = 0;
            for (int j = 0; j < m; j++) {
                norm += Math.exp(x[i * m + space.segmentOf(j)]);
            }
            for (int j = 0; j < m; j++) {
                sum += alpha[i * m + j];
                assertEquals(Math.exp(x[i * m + space.segmentOf(j)]) / norm, alpha[i * m + j], 1e-12);
            }
            assertEquals(1.0, sum, 1e-12);
        }
        // The largest buyer is segment 0.
        int top = 0;
        for (int j = 1; j < m; j++) {
            if (s.purchaseCounts()[j] > s.purchaseCounts()[top]) {
                top = j;
            }
        }
        assertEquals(0, space.segmentOf(top));
        DecisionSpace discrete = DecisionSpace.segments(s);
        assertEquals(DecisionSpace.ExposureActions.SEGMENTS, discrete.exposureActions());
        assertEquals(n * (m + 1), discrete.exposureLayout().width());
    }

    @Test
    void segmentsPoolCustomersAtALargerSize() {
        RecommendationScenario large = org.retailrl.envs.recommendation.RecommendationScenarios.named("large");
        DecisionSpace big = new DecisionSpace(large);
        assertEquals(DecisionSpace.DEFAULT_MAX_SEGMENTS, big.segments());
        assertEquals(2 * large.products() * big.segments(), big.exposureLayout().width());
        int[] members = new int[big.segments()];
        for (int j = 0; j < large.customers(); j++) {
            members[big.segmentOf(j)]++;
        }
        for (int g = 0; g < members.length; g++) {
            assertTrue(members[g] == 31 || members[g] == 32, "segment " + g + " has " + members[g] + " customers");
        }
    }
}
