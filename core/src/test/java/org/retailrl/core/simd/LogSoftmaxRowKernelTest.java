package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;

/**
 * {@link Kernels#logSoftmaxRow} and {@link Kernels#logSumExp} (docs/model.md §8.5, §8.12) on both
 * implementations against the reference arithmetic {@link ScalarSimd#logSoftmaxRowExact}: every
 * float written bit for bit, the normaliser's float bit for bit (and {@code z − lse} the reference's
 * log-probabilities), the
 * entropy's float bit for bit and its double within the stated bound, over rows of the widths the
 * learners use (21 and 441 among them), logits from nearly equal to far apart, rows with
 * {@code −∞} entries (masked actions), ties for the maximum, a non-finite maximum, and the
 * boundary test that sends a row back to the reference.
 */
class LogSoftmaxRowKernelTest {
    private static final double U = 0x1p-53;

    private static void assertRow(Simd impl, float[] z, int o, int n, float[] probs, String what) {
        float[] ref = new float[z.length];
        float[] refProbs = probs == null ? null : new float[z.length];
        double refEnt = ScalarSimd.logSoftmaxRowExact(z, o, n, ref, refProbs);
        float[] got = new float[z.length];
        double ent = impl.logSoftmaxRow(z, o, n, got, probs);
        for (int k = 0; k < n; k++) {
            assertEquals(Float.floatToRawIntBits(ref[o + k]), Float.floatToRawIntBits(got[o + k]),
                    () -> impl.name() + " " + what + ": logp differs");
            if (probs != null) {
                assertEquals(Float.floatToRawIntBits(refProbs[o + k]), Float.floatToRawIntBits(probs[o + k]),
                        () -> impl.name() + " " + what + ": probs differ");
            }
        }
        float lse = impl.logSumExp(z, o, n);
        assertEquals(Float.floatToRawIntBits(ScalarSimd.logSumExpExact(z, o, n)), Float.floatToRawIntBits(lse),
                () -> impl.name() + " " + what + ": logSumExp differs");
        for (int k = 0; k < n; k++) {
            assertEquals(Float.floatToRawIntBits(ref[o + k]), Float.floatToRawIntBits(z[o + k] - lse),
                    () -> impl.name() + " " + what + ": z − logSumExp is not the log-softmax");
        }
        assertEquals(Float.floatToRawIntBits((float) refEnt), Float.floatToRawIntBits((float) ent),
                () -> impl.name() + " " + what + ": entropy " + ent + " against " + refEnt);
        if (Double.isFinite(refEnt)) {
            assertTrue(Math.abs(ent - refEnt) <= (4.0 * n + 16) * U * Math.abs(refEnt),
                    () -> impl.name() + " " + what + ": entropy " + ent + " against " + refEnt + " beyond the bound");
        } else {
            assertEquals(Double.doubleToRawLongBits(refEnt), Double.doubleToRawLongBits(ent), what);
        }
    }

    @Test
    void matchesTheReferenceOnRandomRows() {
        Rng gen = new Rng(20261206L);
        int[] widths = {1, 2, 7, 15, 16, 17, 21, 24, 31, 64, 100, 441, 443, 600};
        double[] scales = {1e-6, 0.01, 1, 3, 10, 40, 200};
        for (Simd impl : SimdImpls.both()) {
            for (int n : widths) {
                for (double scale : scales) {
                    for (int rep = 0; rep < 40; rep++) {
                        int o = rep % 5;
                        float[] z = new float[o + n + 3];
                        double shift = gen.uniform(-50, 50);
                        for (int k = 0; k < z.length; k++) {
                            z[k] = (float) (shift + scale * gen.normal());
                        }
                        String what = "n=" + n + " scale=" + scale + " rep " + rep;
                        assertRow(impl, z, o, n, null, what);
                        if (rep == 0) {
                            assertRow(impl, z, o, n, new float[z.length], what + " with probs");
                        }
                    }
                }
            }
        }
    }

    /** Many rows of the joint-action learner's width, as its loss sees them. */
    @Test
    void matchesTheReferenceOnManyWideRows() {
        Rng gen = new Rng(7L);
        int n = 441;
        float[] z = new float[n];
        for (Simd impl : SimdImpls.both()) {
            for (int rep = 0; rep < 20_000; rep++) {
                double scale = Math.scalb(1.0, gen.nextInt(8) - 3);
                for (int k = 0; k < n; k++) {
                    z[k] = (float) (scale * gen.normal());
                }
                assertRow(impl, z, 0, n, null, "441 rep " + rep);
            }
        }
    }

    @Test
    void edgeRows() {
        for (Simd impl : SimdImpls.both()) {
            for (int n : new int[] {16, 21, 441}) {
                float[] equal = new float[n];
                java.util.Arrays.fill(equal, 3.25f);
                assertRow(impl, equal, 0, n, null, "equal n=" + n);
                float[] masked = new float[n];
                for (int k = 0; k < n; k++) {
                    masked[k] = k % 3 == 0 ? Float.NEGATIVE_INFINITY : (float) Math.sin(k);
                }
                assertRow(impl, masked, 0, n, null, "masked n=" + n);
                float[] farApart = new float[n];
                for (int k = 0; k < n; k++) {
                    farApart[k] = k == n / 2 ? 0f : -90f - 5f * k;
                }
                assertRow(impl, farApart, 0, n, null, "far apart n=" + n);
                float[] ties = new float[n];
                for (int k = 0; k < n; k++) {
                    ties[k] = k % 4 == 0 ? 1e30f : (float) k;
                }
                assertRow(impl, ties, 0, n, null, "huge ties n=" + n);
                float[] zeros = new float[n];
                zeros[0] = -0f;
                assertRow(impl, zeros, 0, n, null, "signed zeros n=" + n);
                for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
                    float[] b = new float[n];
                    b[n - 1] = bad;
                    float[] ref = new float[n];
                    float[] got = new float[n];
                    double re = ScalarSimd.logSoftmaxRowExact(b, 0, n, ref, null);
                    double ge = impl.logSoftmaxRow(b, 0, n, got, null);
                    assertEquals(Double.doubleToRawLongBits(re), Double.doubleToRawLongBits(ge), impl.name() + " " + bad);
                    assertEquals(Float.floatToRawIntBits(ScalarSimd.logSumExpExact(b, 0, n)),
                            Float.floatToRawIntBits(impl.logSumExp(b, 0, n)), impl.name() + " logSumExp " + bad);
                    for (int k = 0; k < n; k++) {
                        assertEquals(Float.floatToRawIntBits(ref[k]), Float.floatToRawIntBits(got[k]), impl.name() + " " + bad);
                    }
                }
            }
        }
    }

    /** The test that decides whether a lane value's float is certain. */
    @Test
    void farFromFloatBoundaryRejectsValuesNearAMidpoint() {
        float f = 2.5f;
        double up = ((double) f + Math.nextUp(f)) * 0.5;
        double down = ((double) f + Math.nextDown(f)) * 0.5;
        assertTrue(PanamaSimd.farFromFloatBoundary(f, 1e-12));
        assertFalse(PanamaSimd.farFromFloatBoundary(up, 1e-12), "at the midpoint");
        assertFalse(PanamaSimd.farFromFloatBoundary(Math.nextDown(up), 1e-12), "just below the midpoint");
        assertFalse(PanamaSimd.farFromFloatBoundary(up - 0.5e-12, 1e-12), "within the margin below");
        assertTrue(PanamaSimd.farFromFloatBoundary(up - 2e-12, 1e-12), "beyond the margin below");
        assertFalse(PanamaSimd.farFromFloatBoundary(down + 0.5e-12, 1e-12), "within the margin above");
        // A power of two: the float below is half as far as the one above.
        float p = 4f;
        double below = ((double) p + Math.nextDown(p)) * 0.5;
        assertFalse(PanamaSimd.farFromFloatBoundary(below + 1e-13, 1e-12));
        assertTrue(PanamaSimd.farFromFloatBoundary(below + 1e-11, 1e-12));
        assertFalse(PanamaSimd.farFromFloatBoundary(3.5e38, 1e-12), "rounds to infinity");
        assertFalse(PanamaSimd.farFromFloatBoundary(Double.NaN, 1e-12));
        // The rounding claimed: anything within the margin of an accepted value has its float.
        Rng gen = new Rng(3L);
        for (int i = 0; i < 100_000; i++) {
            double v = gen.uniform(-20, 20);
            double m = Math.abs(v) * 1e-12;
            if (PanamaSimd.farFromFloatBoundary(v, m)) {
                assertEquals((float) v, (float) (v + m * 0.999));
                assertEquals((float) v, (float) (v - m * 0.999));
            }
        }
    }

    @Test
    void refusesBadArguments() {
        float[] z = new float[8];
        assertThrows(IllegalArgumentException.class, () -> Kernels.logSoftmaxRow(z, 4, 5, new float[8], null));
        assertThrows(IllegalArgumentException.class, () -> Kernels.logSoftmaxRow(z, 0, 8, new float[7], null));
        assertThrows(IllegalArgumentException.class, () -> Kernels.logSoftmaxRow(z, 0, 8, z, null));
        assertThrows(IllegalArgumentException.class, () -> Kernels.logSoftmaxRow(z, 0, 8, new float[8], new float[2]));
        assertThrows(IllegalArgumentException.class, () -> Kernels.logSumExp(z, 2, 7));
        assertThrows(IllegalArgumentException.class, () -> Kernels.logSumExp(z, -1, 2));
    }
}
