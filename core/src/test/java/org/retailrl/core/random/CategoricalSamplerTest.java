package org.retailrl.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Rng.categorical against the softmax of its logits (docs/model.md §8 policies): chi-square fit with
 * p-value &ge; 0.001 over N = 100,000 draws, computed in double precision on the test side.
 */
class CategoricalSamplerTest {
    private static final int N = 100_000;

    private static double[] softmax(float[] logits, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[off + i]);
        }
        double[] p = new double[n];
        double z = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp(logits[off + i] - max);
            z += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= z;
        }
        return p;
    }

    private static long[] counts(Rng rng, float[] logits, int off, int n) {
        long[] c = new long[n];
        for (int i = 0; i < N; i++) {
            c[rng.categorical(logits, off, n)]++;
        }
        return c;
    }

    @Test
    void matchesSoftmax() {
        float[] logits = {0f, 1f, -2f, 3.5f, 0.25f, -0.5f, 2f};
        Stats.assertChiSquare(counts(new Rng(11), logits, 0, logits.length), softmax(logits, 0, logits.length),
                "categorical");
    }

    @Test
    void largeLogitsDoNotOverflowAndNegativeInfinityIsNeverDrawn() {
        float[] logits = {9, 1000f, 1001f, Float.NEGATIVE_INFINITY, 999.5f, 7};
        long[] c = counts(new Rng(12), logits, 1, 4);
        assertEquals(0, c[2], "a -infinity logit has probability 0");
        Stats.assertChiSquare(new long[] {c[0], c[1], c[3]}, new double[] {
            softmax(logits, 1, 4)[0], softmax(logits, 1, 4)[1], softmax(logits, 1, 4)[3]}, "shifted logits");
    }

    @Test
    void aSlightlyWrongDistributionIsDetected() {
        float[] logits = {0f, 1f, -2f, 3.5f, 0.25f, -0.5f, 2f};
        float[] off = logits.clone();
        off[1] += 0.1f; // about 10% more mass on action 1 (an 8-sigma shift of its count)
        double p = Stats.chiSquarePValue(counts(new Rng(13), off, 0, off.length), softmax(logits, 0, logits.length));
        assertTrue(p < Stats.ALPHA, () -> "p-value " + p);
    }

    @Test
    void singleLogitAndBadInput() {
        Rng rng = new Rng(14);
        assertEquals(0, rng.categorical(new float[] {-5f}));
        assertThrows(IllegalArgumentException.class, () -> rng.categorical(new float[0]));
        assertThrows(IllegalArgumentException.class, () -> rng.categorical(new float[] {0f, Float.NaN}));
        assertThrows(IllegalArgumentException.class, () -> rng.categorical(new float[] {0f, Float.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class,
                () -> rng.categorical(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rng.categorical(new float[3], 2, 2));
        assertEquals("categorical: need 0 <= off and off + n <= 3, got off=2, n=2", e.getMessage());
    }
}
