package org.retailrl.algorithms.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;

/** The 95 % Student-t interval of {@link MeanInterval}. */
class MeanIntervalTest {

    @Test
    void handComputedInterval() {
        // mean 3, s = √2.5, half-width t_{0.975,4}·s/√5 = 2.776445·1.5811388/2.2360680
        MeanInterval ci = MeanInterval.of(new double[] {1, 2, 3, 4, 5});
        assertEquals(3.0, ci.mean(), 1e-15);
        assertEquals(2.776445 * Math.sqrt(2.5) / Math.sqrt(5), ci.halfWidth(), 1e-12);
        assertEquals(5, ci.n());
        MeanInterval d = MeanInterval.ofDifference(new double[] {3, 5}, new double[] {1, 1});
        assertEquals(3.0, d.mean(), 0);
        assertEquals(12.706205 * Math.sqrt(2) / Math.sqrt(2), d.halfWidth(), 1e-12);
        assertTrue(Double.isNaN(MeanInterval.of(new double[] {1}).halfWidth()));
    }

    @Test
    void quantilesMatchReferenceValues() {
        // scipy.stats.t.ppf(0.975, ν) for ν = 31, 40, 100, 1000
        assertEquals(2.039513, MeanInterval.t975(31), 3e-6);
        assertEquals(2.021075, MeanInterval.t975(40), 2e-6);
        assertEquals(1.983972, MeanInterval.t975(100), 1e-6);
        assertEquals(1.962339, MeanInterval.t975(1000), 1e-6);
        assertEquals(2.042272, MeanInterval.t975(30), 0);
        assertThrows(IllegalArgumentException.class, () -> MeanInterval.t975(0));
    }

    @Test
    void coverageIsNearNinetyFivePercent() {
        // 2,000 samples of 10 standard normals: the number of intervals covering 0 is Binomial(2000, 0.95):
        // 1900 ± 3.29·√95 at 99.9 %.
        Rng rng = new Rng(31);
        int covered = 0;
        for (int rep = 0; rep < 2000; rep++) {
            double[] x = new double[10];
            for (int k = 0; k < x.length; k++) {
                x[k] = rng.normal();
            }
            MeanInterval ci = MeanInterval.of(x);
            if (ci.low() <= 0 && 0 <= ci.high()) {
                covered++;
            }
        }
        assertEquals(1900, covered, 3.29 * Math.sqrt(2000 * 0.95 * 0.05));
    }

    @Test
    void rejectsBadSamples() {
        assertThrows(IllegalArgumentException.class, () -> MeanInterval.of(new double[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeanInterval.of(new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("sample[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MeanInterval.ofDifference(new double[] {1}, new double[] {1, 2}));
    }
}
