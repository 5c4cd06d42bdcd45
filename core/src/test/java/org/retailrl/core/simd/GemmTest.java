package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;

/**
 * GEMM of both implementations against a naive double-precision reference.
 *
 * <p>Tolerance per output element (standard forward error bound of a float dot product whose
 * chain has one rounding per term, one per 256-deep block added into C and one for the accumulate
 * add, u = 2⁻²⁴): {@code |C − ref| ≤ γ_{k+⌈k/256⌉+1}·(Σ_p|a_ip·b_pj| + |c0_ij|)} with
 * {@code γ_n = n·u/(1−n·u)}. The reference itself is computed in double, whose error is
 * negligible at this scale.
 */
class GemmTest {
    private static final double U = Math.scalb(1.0, -24);

    /** One GEMM problem stored with padding: offsets and leading dimensions larger than needed. */
    private record Problem(boolean ta, boolean tb, int m, int n, int k, float[] a, int aOff, int lda,
                           float[] b, int bOff, int ldb, float[] c0, int cOff, int ldc) {
        static Problem random(Rng rng, boolean ta, boolean tb, int m, int n, int k, int pad) {
            int aRows = ta ? k : m, aCols = ta ? m : k;
            int bRows = tb ? n : k, bCols = tb ? k : n;
            int lda = aCols + pad, ldb = bCols + 2 * pad, ldc = n + pad;
            int aOff = 3, bOff = 5, cOff = 7;
            float[] a = SimdImpls.fill(rng, aOff + aRows * lda + pad);
            float[] b = SimdImpls.fill(rng, bOff + bRows * ldb + pad);
            float[] c = SimdImpls.fill(rng, cOff + m * ldc + pad);
            return new Problem(ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        }

        double av(int i, int p) {
            return ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        }

        double bv(int p, int j) {
            return tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
        }
    }

    private static void check(Simd impl, Problem pr, boolean accumulate) {
        float[] c = pr.c0.clone();
        impl.gemm(pr.ta, pr.tb, pr.m, pr.n, pr.k, pr.a, pr.aOff, pr.lda, pr.b, pr.bOff, pr.ldb,
                c, pr.cOff, pr.ldc, accumulate);
        int roundings = pr.k + (pr.k + 255) / 256 + 1;
        double gamma = roundings * U / (1 - roundings * U);
        for (int i = 0; i < pr.m; i++) {
            for (int j = 0; j < pr.n; j++) {
                int ci = pr.cOff + i * pr.ldc + j;
                double ref = accumulate ? pr.c0[ci] : 0, mag = accumulate ? Math.abs(pr.c0[ci]) : 0;
                for (int p = 0; p < pr.k; p++) {
                    double t = pr.av(i, p) * pr.bv(p, j);
                    ref += t;
                    mag += Math.abs(t);
                }
                if (Math.abs(c[ci] - ref) > gamma * mag) {
                    fail(impl.name() + " " + shape(pr, accumulate) + " C[" + i + "," + j + "] = " + c[ci]
                            + ", reference " + ref + ", bound " + gamma * mag);
                }
            }
        }
        // Everything outside the m×n window (padding, offsets) must be untouched.
        for (int idx = 0; idx < c.length; idx++) {
            int rel = idx - pr.cOff;
            boolean inside = rel >= 0 && rel / pr.ldc < pr.m && rel % pr.ldc < pr.n;
            if (!inside && c[idx] != pr.c0[idx]) {
                fail(impl.name() + " " + shape(pr, accumulate) + " wrote outside C at index " + idx);
            }
        }
    }

    private static String shape(Problem pr, boolean acc) {
        return (pr.ta ? "T" : "N") + (pr.tb ? "T" : "N") + " " + pr.m + "x" + pr.n + "x" + pr.k + (acc ? " acc" : "");
    }

    @Test
    void allTinyShapesAllVariantsMatchDoubleReference() {
        Rng rng = new Rng(20261124L);
        int checked = 0;
        for (Simd impl : SimdImpls.both()) {
            for (int m = 1; m <= 9; m++) {
                for (int n = 1; n <= 9; n++) {
                    for (int k = 1; k <= 9; k++) {
                        for (int v = 0; v < 4; v++) {
                            Problem pr = Problem.random(rng, (v & 1) != 0, (v & 2) != 0, m, n, k, 2);
                            check(impl, pr, false);
                            check(impl, pr, true);
                            checked += 2;
                        }
                    }
                }
            }
        }
        assertEquals(2 * 9 * 9 * 9 * 4 * 2, checked);
    }

    @Test
    void largerOddShapesMatchDoubleReference() {
        Rng rng = new Rng(7L);
        int[][] shapes = {{64, 64, 192}, {100, 37, 129}, {257, 255, 3}, {13, 1100, 300}, {130, 33, 520}, {515, 40, 70}, {300, 1, 700}, {70, 4, 33}, {33, 5, 600}};
        for (Simd impl : SimdImpls.both()) {
            for (int[] s : shapes) {
                for (int v = 0; v < 4; v++) {
                    Problem pr = Problem.random(rng, (v & 1) != 0, (v & 2) != 0, s[0], s[1], s[2], 1);
                    check(impl, pr, v % 2 == 0);
                }
            }
        }
    }

    @Test
    void zeroDepthClearsOrKeepsC() {
        for (Simd impl : SimdImpls.both()) {
            float[] c = {1, 2, 3, 4, 5};
            impl.gemm(false, false, 2, 2, 0, new float[0], 0, 1, new float[0], 0, 2, c, 0, 2, true);
            assertEquals(List.of(1f, 2f, 3f, 4f, 5f), boxed(c), impl.name());
            impl.gemm(false, false, 2, 2, 0, new float[0], 0, 1, new float[0], 0, 2, c, 0, 2, false);
            assertEquals(List.of(0f, 0f, 0f, 0f, 5f), boxed(c), impl.name());
        }
    }

    @Test
    void concurrentCallsGiveTheSameBitsAsSequentialOnes() throws InterruptedException {
        Simd impl = SimdImpls.both().get(0);
        Problem pr = Problem.random(new Rng(3L), false, true, 70, 90, 300, 0);
        float[] expected = pr.c0.clone();
        impl.gemm(false, true, 70, 90, 300, pr.a, pr.aOff, pr.lda, pr.b, pr.bOff, pr.ldb, expected, pr.cOff, pr.ldc, false);
        float[][] out = new float[4][];
        Thread[] ts = new Thread[4];
        for (int t = 0; t < 4; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                float[] c = pr.c0.clone();
                for (int rep = 0; rep < 20; rep++) {
                    impl.gemm(false, true, 70, 90, 300, pr.a, pr.aOff, pr.lda, pr.b, pr.bOff, pr.ldb, c, pr.cOff, pr.ldc, false);
                }
                out[id] = c;
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        for (float[] c : out) {
            assertTrue(java.util.Arrays.equals(expected, c), "thread result differs from sequential result");
        }
    }

    @Test
    void badArgumentsAreRejectedWithNamedMessages() {
        float[] a = new float[12], b = new float[12], c = new float[12];
        IllegalArgumentException e;
        e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.gemm(false, false, -1, 2, 2, a, 0, 2, b, 0, 2, c, 0, 2, false));
        assertTrue(e.getMessage().contains("m=-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.gemm(false, false, 2, 3, 4, a, 0, 3, b, 0, 3, c, 0, 3, false));
        assertTrue(e.getMessage().contains("leading dimension of A"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.gemm(false, false, 3, 4, 4, a, 0, 4, b, 0, 4, c, 0, 4, false));
        assertTrue(e.getMessage().contains("B (4x4") && e.getMessage().contains("array has 12"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.gemm(false, false, 2, 2, 2, a, 0, 2, b, 0, 2, a, 4, 2, false));
        assertTrue(e.getMessage().contains("alias"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.gemm(true, false, 2, 2, 2, a, -1, 2, b, 0, 2, c, 0, 2, false));
        assertTrue(e.getMessage().contains("offset -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.gemm(false, true, 2, 2, 2, a, 0, 2, b, 0, 2, c, 0, 1, false));
        assertTrue(e.getMessage().contains("leading dimension of C"), e.getMessage());
    }

    private static List<Float> boxed(float[] x) {
        Float[] r = new Float[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[i];
        }
        return List.of(r);
    }
}
