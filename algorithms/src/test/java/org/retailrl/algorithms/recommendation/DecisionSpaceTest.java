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
        ObservationView.GLOBAL.write(s, st, g, 0);
        assertEquals(1 / u, g[0], 1e-6);
        assertEquals(0f, g[5]);
        assertEquals(6 / u, g[10 + 3], 1e-6);
        assertEquals(0f, g[10 + 4]);
        assertEquals(12 / u, g[10 + 4 * 3 + 2], 1e-6);
        assertEquals(0.2f, g[25], 1e-7);
        float[] r = new float[ObservationView.RECOMMENDATION.size(s)];
        assertEquals(11, r.length);
        ObservationView.RECOMMENDATION.write(s, st, r, 0);
        assertEquals(12 / u, r[3], 1e-6);
        assertEquals(21 / u, r[5 + 3], 1e-6);
        assertEquals(1 / u, r[0], 1e-6);
        assertEquals(0.2f, r[10], 1e-7);
    }
}
