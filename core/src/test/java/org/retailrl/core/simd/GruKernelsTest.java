package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.retailrl.core.random.Rng;

/**
 * The fused GRU kernels against the unfused sequence of operations they replace: on both
 * implementations, {@code gruForwardTail} must equal the elementwise formula followed by that
 * implementation's own {@code tanh}, {@code addSigmoid} must equal its adds then sigmoid bit for bit,
 * and {@code gruBackwardRow} (arithmetic only) must equal the
 * scalar formula bit for bit. Sizes cover full vectors and scalar tails; offsets are nonzero.
 */
class GruKernelsTest {
    private static final int GO = 5;
    private static final int RO = 3;
    private static final int BO = 2;
    private static final int DO = 7;

    static int[] sizes() {
        return new int[] {1, 3, 4, 8, 13, 16, 17, 32, 33, 64, 100};
    }

    private static Simd[] impls() {
        Simd v = Kernels.vectorOrNull();
        assertNotNull(v, "the test JVM runs with --add-modules jdk.incubator.vector, so the vector impl must load");
        return new Simd[] {v, new ScalarSimd()};
    }

    private static float[] random(long seed, int len, double lo, double hi) {
        Rng rng = new Rng(seed);
        float[] x = new float[len];
        for (int i = 0; i < len; i++) {
            x[i] = (float) rng.uniform(lo, hi);
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void forwardTailEqualsUnfusedSequence(int h) {
        for (Simd impl : impls()) {
            float[] g = random(h, GO + 3 * h + 4, 0, 1);
            // n pre-activations over a range that reaches tanh's saturated region.
            float[] pre = random(h + 7, h, -6, 6);
            System.arraycopy(pre, 0, g, GO + 2 * h, h);
            float[] bIn = random(h + 11, 2 * h + 1, -1, 1);
            float[] hn = random(h + 13, RO + h + 1, -2, 2);
            float[] hPrev = random(h + 17, RO + h + 1, -1, 1);
            float[] expectN = new float[h];
            for (int j = 0; j < h; j++) {
                expectN[j] = g[GO + 2 * h + j] + (bIn[h + j] + g[GO + j] * hn[RO + j]);
            }
            impl.tanh(expectN, 0, expectN, 0, h);
            float[] expectY = new float[RO + h];
            for (int j = 0; j < h; j++) {
                expectY[RO + j] = expectN[j] + g[GO + h + j] * (hPrev[RO + j] - expectN[j]);
            }
            float[] y = new float[RO + h];
            impl.gruForwardTail(g, GO, bIn, h, hn, hPrev, RO, y, RO, h);
            float[] gotN = java.util.Arrays.copyOfRange(g, GO + 2 * h, GO + 3 * h);
            assertArrayEquals(expectN, gotN, 0f, impl.name() + ": n, h=" + h);
            assertArrayEquals(expectY, y, 0f, impl.name() + ": h', h=" + h);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void addSigmoidEqualsAddsThenSigmoidBitForBit(int n) {
        for (Simd impl : impls()) {
            // Wide enough to saturate σ at both ends.
            float[] a = random(n + 41, GO + n + 2, -30, 30);
            float[] b = random(n + 43, DO + n + 1, -5, 5);
            float[] c = random(n + 47, BO + n, -1, 1);
            float[] expected = new float[RO + n + 1];
            impl.add(b, DO, c, BO, expected, RO, n);
            impl.add(a, GO, expected, RO, expected, RO, n);
            impl.sigmoid(expected, RO, expected, RO, n);
            float[] got = new float[RO + n + 1];
            impl.addSigmoid(a, GO, b, DO, c, BO, got, RO, n);
            assertArrayEquals(bits(expected), bits(got), impl.name() + " separate output, n=" + n);
            float[] inPlace = a.clone();
            impl.addSigmoid(inPlace, GO, b, DO, c, BO, inPlace, GO, n);
            assertArrayEquals(bits(java.util.Arrays.copyOfRange(expected, RO, RO + n)),
                    bits(java.util.Arrays.copyOfRange(inPlace, GO, GO + n)), impl.name() + " in place, n=" + n);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void columnSumsAreBitIdenticalToRowOrderSums(int cols) {
        int rows = 37;
        int lda = cols + 3;
        float[] a = random(cols + 59, GO + rows * lda, -1, 1);
        float[] expected = new float[RO + cols + 1];
        for (int j = 0; j < cols; j++) {
            float s = 0f;
            for (int r = 0; r < rows; r++) {
                s += a[GO + r * lda + j];
            }
            expected[RO + j] = s;
        }
        for (Simd impl : impls()) {
            float[] got = new float[RO + cols + 1];
            impl.columnSums(a, GO, rows, cols, lda, got, RO);
            assertArrayEquals(bits(expected), bits(got), impl.name() + " cols=" + cols);
        }
    }

    private static int[] bits(float[] x) {
        int[] b = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = Float.floatToRawIntBits(x[i]);
        }
        return b;
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void backwardRowIsBitIdenticalToTheFormula(int h) {
        for (Simd impl : impls()) {
            float[] g = random(h + 19, GO + 3 * h, 0, 1);
            for (int j = 0; j < h; j++) {
                g[GO + 2 * h + j] = 2 * g[GO + 2 * h + j] - 1;
            }
            float[] hn = random(h + 23, RO + h, -2, 2);
            float[] hPrev = random(h + 29, RO + h, -1, 1);
            float[] dy = random(h + 31, RO + h, -1, 1);
            float[] dh = random(h + 37, BO + h, -1, 1);
            float[] eDgi = new float[DO + 3 * h];
            float[] eDgh = new float[DO + 3 * h];
            float[] eDhp = new float[BO + h];
            for (int j = 0; j < h; j++) {
                float d = dh[BO + j] + dy[RO + j];
                float r = g[GO + j];
                float z = g[GO + h + j];
                float n = g[GO + 2 * h + j];
                float dpn = d * (1f - z) * (1f - n * n);
                float dpr = dpn * hn[RO + j] * r * (1f - r);
                float dpz = d * (hPrev[RO + j] - n) * z * (1f - z);
                eDgi[DO + j] = dpr;
                eDgi[DO + h + j] = dpz;
                eDgi[DO + 2 * h + j] = dpn;
                eDgh[DO + j] = dpr;
                eDgh[DO + h + j] = dpz;
                eDgh[DO + 2 * h + j] = dpn * r;
                eDhp[BO + j] = d * z;
            }
            float[] dgi = new float[DO + 3 * h];
            float[] dgh = new float[DO + 3 * h];
            float[] dhp = new float[BO + h];
            impl.gruBackwardRow(g, GO, hn, hPrev, dy, RO, dh, dhp, BO, dgi, dgh, DO, h);
            assertArrayEquals(eDgi, dgi, 0f, impl.name() + ": dgi, h=" + h);
            assertArrayEquals(eDgh, dgh, 0f, impl.name() + ": dgh, h=" + h);
            assertArrayEquals(eDhp, dhp, 0f, impl.name() + ": dhPrev, h=" + h);
        }
    }
}
