package org.retailrl.algorithms.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;

/** Spread statistics against hand values, and the bootstrap on cases whose answer is known. */
class SpreadTest {
    @Test
    void sdAndQuantilesByHand() {
        double[] x = {2, 4, 4, 4, 5, 5, 7, 9};
        assertEquals(Math.sqrt(32.0 / 7), Spread.sd(x), 1e-12);
        // numpy.quantile([2,4,4,4,5,5,7,9], [0.25, 0.75]) = [4.0, 5.5]
        assertEquals(4.0, Spread.quantile(x, 0.25), 1e-12);
        assertEquals(5.5, Spread.quantile(x, 0.75), 1e-12);
        assertEquals(1.5, Spread.iqr(x), 1e-12);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spread.quantile(x, 1.5)).getMessage()
                .contains("q"));
    }

    @Test
    void ratioOfAnExactlyScaledSampleIsThatScaleInEveryResample() {
        Rng rng = new Rng(4);
        double[][] a = new double[2][30];
        double[][] b = new double[2][30];
        for (int g = 0; g < 2; g++) {
            for (int e = 0; e < 30; e++) {
                a[g][e] = rng.normal();
                b[g][e] = 100 + 2 * a[g][e];
            }
        }
        Spread.Ratio r = Spread.ratio(a, b, false, 200, 1);
        assertEquals(0.5, r.ratio(), 1e-12);
        assertEquals(0.5, r.low(), 1e-12);
        assertEquals(0.5, r.high(), 1e-12);
    }

    /** Samples of SD 1 and 3 (n = 300, fixed seed): the 95 % interval of the SD ratio must exclude 1. */
    @Test
    void bootstrapSeparatesClearlyDifferentSpreads() {
        Rng rng = new Rng(8);
        double[][] a = new double[1][300];
        double[][] b = new double[1][300];
        for (int e = 0; e < 300; e++) {
            a[0][e] = rng.normal();
            b[0][e] = 3 * rng.normal();
        }
        Spread.Ratio r = Spread.ratio(a, b, false, 1000, 2);
        assertTrue(r.high() < 1 && r.low() > 0.2, r.toString());
        assertTrue(r.low() <= r.ratio() && r.ratio() <= r.high(), r.toString());
    }
}
