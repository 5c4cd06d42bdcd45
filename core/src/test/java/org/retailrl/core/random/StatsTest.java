package org.retailrl.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The test statistics in Stats are checked against textbook values before the samplers rely on them. */
class StatsTest {

    @Test
    void chiSquareTailMatchesTables() {
        // Critical values at 0.001 for df = 1, 10, 100 (Abramowitz & Stegun Table 26.8).
        assertEquals(0.001, Stats.upperRegularizedGamma(0.5, 10.828 / 2), 2e-6);
        assertEquals(0.001, Stats.upperRegularizedGamma(5, 29.588 / 2), 2e-6);
        assertEquals(0.001, Stats.upperRegularizedGamma(50, 149.449 / 2), 2e-6);
        // Q(1, x) = exp(-x) exactly.
        assertEquals(Math.exp(-3.7), Stats.upperRegularizedGamma(1, 3.7), 1e-14);
        assertEquals(Math.exp(-0.2), Stats.upperRegularizedGamma(1, 0.2), 1e-14);
    }

    @Test
    void chiSquareRejectsAnObviousMisfitAndAcceptsAPerfectFit() {
        assertTrue(Stats.chiSquarePValue(new long[] {500, 500}, new double[] {0.5, 0.5}) > 0.99);
        assertTrue(Stats.chiSquarePValue(new long[] {560, 440}, new double[] {0.5, 0.5}) < Stats.ALPHA);
    }

    @Test
    void pmfsSumToOne() {
        double s = 0;
        for (double p : Stats.poissonPmf(3.07, 60)) {
            s += p;
        }
        assertEquals(1.0, s, 1e-12);
        s = 0;
        for (double p : Stats.binomialPmf(50, 0.2)) {
            s += p;
        }
        assertEquals(1.0, s, 1e-12);
    }
}
