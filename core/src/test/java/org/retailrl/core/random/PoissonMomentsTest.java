package org.retailrl.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link PoissonMoments#expectedMin} against sums written out independently, in both of its branches. */
class PoissonMomentsTest {
    @Test
    void expectedMinIsTheSumOfTailProbabilities() {
        for (double lambda : new double[] {0.01, 0.7, 3.07, 8.12, 29.5, 120}) {
            for (int x : new int[] {1, 2, 5, 13, 40, 300}) {
                double direct = 0;
                double cdf = 0;
                for (int k = 0; k < x; k++) {
                    cdf += Math.exp(SpecialFunctions.logPoissonPmf(k, lambda));
                    direct += Math.max(0, 1 - cdf);
                }
                assertEquals(direct, PoissonMoments.expectedMin(lambda, x), 1e-9 * x, "lambda=" + lambda + " x=" + x);
            }
        }
    }

    @Test
    void expectedMinIsExactForLargeMeansToo() {
        // The log-space branch (λ > 600) against the product formula's complement: E[min(D, x)] = Σ_{k<x} P(D > k).
        double lambda = 650;
        int x = 640;
        double direct = 0;
        double cdf = 0;
        for (int k = 0; k < x; k++) {
            cdf += Math.exp(SpecialFunctions.logPoissonPmf(k, lambda));
            direct += 1 - cdf;
        }
        assertEquals(direct, PoissonMoments.expectedMin(lambda, x), 1e-9 * x);
        assertEquals(3.0, PoissonMoments.expectedMin(40, 3), 1e-9);
        assertEquals(-2.0, PoissonMoments.expectedMin(5, -2), 0);
        assertEquals(0.0, PoissonMoments.expectedMin(0, 5), 0);
        assertThrows(IllegalArgumentException.class, () -> PoissonMoments.expectedMin(Double.NaN, 5));
    }
}
