package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;

/**
 * {@link Kernels#categoricalIndex} (docs/model.md §8.5, §8.12) on both implementations against
 * {@link Rng#categorical} itself — the draw the learners took before the kernel existed, with the
 * same stream — over the widths the learners use (21 and 441 among them), logits from nearly equal
 * to far apart, masked ({@code −∞}) entries and ties; then uniforms placed on and a few ulp around
 * every running sum of a row, where the lanes must hand the draw to the reference and the result
 * must still be the reference's.
 */
class CategoricalIndexKernelTest {
    private static boolean lanes512() {
        return Kernels.vectorOrNull() != null && Kernels.vectorOrNull().name().equals("vector-512");
    }

    private static float[] row(Rng gen, int o, int n, double scale, boolean masked) {
        float[] z = new float[o + n + 3];
        double shift = gen.uniform(-50, 50);
        for (int k = 0; k < z.length; k++) {
            z[k] = (float) (shift + scale * gen.normal());
        }
        if (masked) {
            for (int k = 0; k < n; k++) {
                if (gen.nextInt(3) == 0) {
                    z[o + k] = Float.NEGATIVE_INFINITY;
                }
            }
            z[o + gen.nextInt(n)] = (float) shift;
        }
        return z;
    }

    @Test
    void drawsWhatRngCategoricalDrawsFromTheSameStream() {
        Rng gen = new Rng(20261206L);
        int[] widths = {1, 2, 7, 15, 16, 17, 21, 24, 31, 64, 100, 441, 443, 600};
        double[] scales = {0, 1e-6, 0.01, 1, 3, 10, 40, 200};
        for (Simd impl : SimdImpls.both()) {
            double[] w = new double[700];
            for (int n : widths) {
                for (double scale : scales) {
                    for (int rep = 0; rep < 60; rep++) {
                        int o = rep % 5;
                        float[] z = row(gen, o, n, scale, rep % 4 == 3);
                        long seed = gen.nextLong();
                        int want = new Rng(seed).categorical(z, o, n);
                        Rng stream = new Rng(seed);
                        int got = impl.categoricalIndex(z, o, n, stream.nextDouble(), w);
                        int r = rep;
                        assertEquals(want, got, () -> impl.name() + " n=" + n + " scale=" + scale + " rep " + r);
                        // One uniform per draw, as Rng.categorical takes.
                        Rng after = new Rng(seed);
                        after.categorical(z, o, n);
                        assertEquals(after.nextLong(), stream.nextLong(), "the stream moved differently");
                    }
                }
            }
        }
    }

    @Test
    void uniformsOnAndAroundEveryRunningSumGetTheReferenceIndex() {
        Rng gen = new Rng(7);
        int redone = 0;
        int decided = 0;
        for (int n : new int[] {16, 21, 33, 441}) {
            for (double scale : new double[] {0, 0.5, 5}) {
                float[] z = row(gen, 0, n, scale, false);
                double max = Rng.categoricalMax(z, 0, n);
                double[] e = new double[n];
                double total = 0;
                for (int k = 0; k < n; k++) {
                    e[k] = Math.exp(z[k] - max);
                    total += e[k];
                }
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    acc += e[i];
                    double center = Math.min(acc / total, Math.nextDown(1.0));
                    double u = center;
                    for (int step = 0; step < 6; step++) {
                        u = Math.nextDown(u);
                    }
                    for (int step = 0; step < 13 && u < 1; step++, u = Math.nextUp(u)) {
                        double[] w = new double[n];
                        int want = Rng.categoricalIndex(z, 0, n, max, u, new double[n]);
                        for (Simd impl : SimdImpls.both()) {
                            assertEquals(want, impl.categoricalIndex(z, 0, n, u, w),
                                    impl.name() + " n=" + n + " u=" + u);
                        }
                        if (lanes512()) {
                            int lanes = PanamaSimd.categoricalIndexLanes(z, 0, n, max, u, w);
                            if (lanes < 0) {
                                redone++;
                            } else {
                                decided++;
                                assertEquals(want, lanes, "the lanes decided a draw the reference takes otherwise");
                            }
                        }
                    }
                }
            }
        }
        Assumptions.assumeTrue(lanes512(), "the lanes path runs only on 512-bit vectors; the reference was checked");
        // Within a few ulp of a running sum the margin must send the draw to the reference.
        assertTrue(redone > 0 && decided == 0, "redone " + redone + ", decided by the lanes " + decided);
    }

    @Test
    void theLanesDecideAlmostEveryOrdinaryDraw() {
        Assumptions.assumeTrue(lanes512(), "the lanes path runs only on 512-bit vectors");
        Rng gen = new Rng(11);
        double[] w = new double[441];
        int redone = 0;
        int draws = 0;
        for (int rep = 0; rep < 2000; rep++) {
            float[] z = row(gen, 0, 441, rep % 2 == 0 ? 1 : 10, rep % 3 == 0);
            double u = gen.nextDouble();
            int lanes = PanamaSimd.categoricalIndexLanes(z, 0, 441, Rng.categoricalMax(z, 0, 441), u, w);
            draws++;
            if (lanes < 0) {
                redone++;
            }
        }
        // The margin is about 1800·2^-53 of the total: a uniform falls inside it about once in 10^12.
        assertTrue(redone == 0, redone + " of " + draws + " ordinary draws were redone");
    }

    @Test
    void aMaximumBelowSomeLogitOrANaNGoesToTheReference() {
        Assumptions.assumeTrue(lanes512(), "the lanes path runs only on 512-bit vectors");
        float[] z = new float[32];
        Arrays.fill(z, 1f);
        z[5] = 800f;
        double[] w = new double[32];
        assertEquals(-1, PanamaSimd.categoricalIndexLanes(z, 0, 32, 1.0, 0.5, w));
        z[5] = Float.NaN;
        assertEquals(-1, PanamaSimd.categoricalIndexLanes(z, 0, 32, 1.0, 0.5, w));
    }

    @Test
    void badArgumentsAreNamed() {
        float[] z = new float[32];
        double[] w = new double[32];
        assertThrows(IllegalArgumentException.class, () -> Kernels.categoricalIndex(z, 0, 0, 0.5, w));
        assertThrows(IllegalArgumentException.class, () -> Kernels.categoricalIndex(z, 4, 32, 0.5, w));
        assertThrows(IllegalArgumentException.class, () -> Kernels.categoricalIndex(z, 0, 32, 0.5, new double[4]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.categoricalIndex(z, 0, 32, 1.0, w));
        assertTrue(e.getMessage().contains("u must be in [0, 1)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Kernels.categoricalIndex(z, 0, 32, Double.NaN, w));
        for (Simd impl : SimdImpls.both()) {
            for (int n : new int[] {8, 32}) {
                float[] bad = new float[n];
                bad[n - 3] = Float.NaN;
                e = assertThrows(IllegalArgumentException.class, () -> impl.categoricalIndex(bad, 0, n, 0.5, w));
                assertTrue(e.getMessage().contains("logit " + (n - 3) + " must be finite"), impl.name() + ": " + e.getMessage());
                bad[n - 3] = Float.POSITIVE_INFINITY;
                e = assertThrows(IllegalArgumentException.class, () -> impl.categoricalIndex(bad, 0, n, 0.5, w));
                assertTrue(e.getMessage().contains("logit " + (n - 3) + " must be finite"), impl.name() + ": " + e.getMessage());
                Arrays.fill(bad, Float.NEGATIVE_INFINITY);
                e = assertThrows(IllegalArgumentException.class, () -> impl.categoricalIndex(bad, 0, n, 0.5, w));
                assertTrue(e.getMessage().contains("at least one logit must be finite"), impl.name() + ": " + e.getMessage());
            }
        }
    }
}
