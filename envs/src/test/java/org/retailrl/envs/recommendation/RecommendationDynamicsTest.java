package org.retailrl.envs.recommendation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Hand-computed checks of Eqs. 8, 10, 11 and 14 of docs/model.md §3. */
class RecommendationDynamicsTest {

    @Test
    void ratingFollowsEq8() {
        // 2 + (6 - 2)·0.5·1 = 4
        assertEquals(4.0, RecommendationDynamics.rating(2, 6, 0.5, 1), 0);
        // 1 + (6 - 1)·0.25·0.5 = 1.625
        assertEquals(1.625, RecommendationDynamics.rating(1, 6, 0.25, 0.5), 0);
        // no exposure leaves the initial rating
        assertEquals(-3.5, RecommendationDynamics.rating(-3.5, 6, 0, 1), 0);
        // full exposure with E = 1 reaches R_max
        assertEquals(6.0, RecommendationDynamics.rating(-3.5, 6, 1, 1), 0);
    }

    @Test
    void ratingsMatrixUsesExposureOffset() {
        double[] r0 = {1, 2, 3, 4};
        double[] exposure = {9, 9, 0.5, 0.5, 1, 0};
        double[] out = new double[4];
        RecommendationDynamics.ratings(r0, 5, 1, exposure, 2, out);
        assertArrayEquals(new double[] {3, 3.5, 5, 4}, out, 0);
    }

    @Test
    void choiceProbabilitiesAreAColumnSoftmax() {
        // 2 products × 2 customers, row-major [i·M + j]. Customer 0: ratings (0, ln 3) → (1/4, 3/4).
        // Customer 1: ratings (1, 1) → (1/2, 1/2).
        double[] r = {0, 1, Math.log(3), 1};
        double[] g = new double[4];
        RecommendationDynamics.choiceProbabilities(r, 2, 2, g);
        assertEquals(0.25, g[0], 1e-15);
        assertEquals(0.75, g[2], 1e-15);
        assertEquals(0.5, g[1], 1e-15);
        assertEquals(0.5, g[3], 1e-15);
    }

    @Test
    void choiceProbabilitiesDoNotOverflow() {
        // exp(1000) overflows a double; subtracting the column maximum must give the softmax of
        // (0, 0.5, 1) (the shifts are exact in binary, so the expected values are exact too).
        double[] r = {1000, 1000.5, 1001};
        double[] g = new double[3];
        RecommendationDynamics.choiceProbabilities(r, 3, 1, g);
        double z = 1 + Math.exp(0.5) + Math.exp(1);
        assertEquals(1 / z, g[0], 1e-15);
        assertEquals(Math.exp(0.5) / z, g[1], 1e-15);
        assertEquals(Math.exp(1) / z, g[2], 1e-15);
    }

    @Test
    void salesAreTheMinimumOfDemandAndAvailableStock() {
        assertEquals(5, RecommendationDynamics.sales(5, 7));
        assertEquals(2, RecommendationDynamics.sales(5, 2));
        assertEquals(0, RecommendationDynamics.sales(0, 3));
        assertEquals(0, RecommendationDynamics.sales(4, 0));
    }

    @Test
    void profitFollowsEq14() {
        // 10·7 − 6·5 − 0.5·3 − 2·1 = 36.5
        assertEquals(36.5, RecommendationDynamics.profit(10, 6, 0.5, 2, 7, 5, 3, 1), 1e-12);
        assertEquals(-60.0, RecommendationDynamics.profit(10, 6, 0.5, 2, 0, 10, 0, 0), 1e-12);
    }
}
