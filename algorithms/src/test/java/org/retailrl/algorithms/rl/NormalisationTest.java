package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormalisationTest {
    @Test
    void runningMeanStdMatchesTwoPassStatisticsOfAllBatches() {
        double[] a = {1, 2, 3, 4};
        double[] b = {10, -2, 7};
        RunningMeanStd r = new RunningMeanStd();
        r.update(a, 0, a.length);
        r.update(b, 0, b.length);
        double[] all = {1, 2, 3, 4, 10, -2, 7};
        double m = 0;
        for (double x : all) {
            m += x;
        }
        m /= all.length;
        double v = 0;
        for (double x : all) {
            v += (x - m) * (x - m);
        }
        v /= all.length;
        // The 1e-4 prior count (mean 0, var 1) shifts the result by O(1e-4) relative.
        assertEquals(m, r.mean(), 1e-3);
        assertEquals(v, r.var(), 1e-3 * v);
        assertEquals(7 + 1e-4, r.count(), 1e-12);
    }

    @Test
    void rewardScalerDividesByTheStdOfDiscountedReturnsAndResetsAtEpisodeEnd() {
        RewardScaler s = new RewardScaler(2, 0.5, 1e-8);
        float[] r = {2, 4};
        s.scale(r, false);
        // Returns G = (2, 4): merged into the prior (count 1e-4, var 1) the variance is ≈ 1.
        double var1 = s.stats().var();
        assertEquals(1.0, var1, 1e-3);
        assertEquals(2 / Math.sqrt(var1 + 1e-8), r[0], 1e-5);
        float[] r2 = {2, 4};
        s.scale(r2, true);
        // Now G = (2·0.5 + 2, 4·0.5 + 4) = (3, 6): after the episode end the returns restart at 0.
        float[] r3 = {1, 1};
        s.scale(r3, false);
        RunningMeanStd ref = new RunningMeanStd();
        ref.update(new double[] {2, 4}, 0, 2);
        ref.update(new double[] {3, 6}, 0, 2);
        ref.update(new double[] {1, 1}, 0, 2);
        assertEquals(ref.var(), s.stats().var(), 1e-12);
        assertEquals(1 / Math.sqrt(ref.var() + 1e-8), r3[0], 1e-6);
    }

    @Test
    void valueNormAfterOneBatchIsThatBatchsMeanAndStd() {
        ValueNorm n = new ValueNorm(ValueNorm.DEFAULT_BETA);
        assertEquals(3.5f, n.normalize(3.5f), 0f);
        float[] x = {10, 20, 30, 40};
        n.update(x, 4);
        assertEquals(25.0, n.mean(), 1e-6);
        assertEquals(Math.sqrt(125.0), n.std(), 1e-6);
        assertEquals((40 - 25) / Math.sqrt(125.0), n.normalize(40), 1e-5);
        assertEquals(40f, n.denormalize(n.normalize(40)), 1e-4);
    }

    @Test
    void valueNormFloorsTheVariance() {
        ValueNorm n = new ValueNorm(0.9);
        n.update(new float[] {5, 5, 5}, 3);
        assertEquals(0.1, n.std(), 1e-9);
    }

    @Test
    void badInputIsRejectedWithTheFieldName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RewardScaler(1, 1.5, 1e-8));
        assertEquals(true, e.getMessage().contains("gamma"));
        e = assertThrows(IllegalArgumentException.class, () -> new ValueNorm(1.0));
        assertEquals(true, e.getMessage().contains("beta"));
        assertThrows(IllegalStateException.class,
                () -> new ValueNorm(0.9).update(new float[] {Float.NaN}, 1));
    }
}
