package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;

/**
 * Bit-reproducibility of {@link Kernels#exp}, {@link Kernels#tanh} and {@link Kernels#sigmoid}
 * (the project rule that the same seed gives bit-identical results, for the activation kernels
 * under the networks of docs/model.md §8).
 *
 * <p>Two failure modes are checked: results that change once the JIT compiles the kernel (the
 * Vector API's EXP/TANH did: interpreter/C1 fallback and the C2 intrinsic differ in the last bits),
 * and results that depend on whether an element is processed in the vector body or the scalar
 * tail. NaN results are compared as NaN (payload bits are not part of the contract).
 */
class KernelsDeterminismTest {
    private static final int N = 4096;
    /** Enough calls for C2 to compile the kernels (its default invocation threshold is 5,000; the
     *  loops reach the back-edge threshold much sooner). With the Vector API EXP the first
     *  difference appeared at call 295. */
    private static final int CALLS = 5_000;
    private static final float[] SPECIALS = {
        0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
        -Float.MIN_VALUE, Float.MIN_NORMAL, 1e-7f, -1e-7f, 0.625f, -0.625f, 0.62499994f, 88.72f,
        88.73f, 89f, 100f, -87.3f, -103.9f, -104f, -200f, Float.MAX_VALUE, -Float.MAX_VALUE
    };

    private static float[] inputs() {
        Rng rng = new Rng(20261124L);
        float[] x = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = (float) (-20 + 40 * rng.nextDouble());
        }
        System.arraycopy(SPECIALS, 0, x, 0, SPECIALS.length);
        return x;
    }

    private static void apply(String op, float[] x, int xo, float[] out, int oo, int n) {
        switch (op) {
            case "exp" -> Kernels.exp(x, xo, out, oo, n);
            case "tanh" -> Kernels.tanh(x, xo, out, oo, n);
            case "sigmoid" -> Kernels.sigmoid(x, xo, out, oo, n);
            default -> throw new AssertionError(op);
        }
    }

    @Test
    void repeatedCallsAreBitIdenticalAcrossJitCompilation() {
        float[] x = inputs();
        String[] ops = {"exp", "tanh", "sigmoid"};
        float[][] first = new float[ops.length][N];
        for (int o = 0; o < ops.length; o++) {
            apply(ops[o], x, 0, first[o], 0, N);
        }
        float[] out = new float[N];
        for (int call = 1; call < CALLS; call++) {
            for (int o = 0; o < ops.length; o++) {
                apply(ops[o], x, 0, out, 0, N);
                for (int i = 0; i < N; i++) {
                    if (Float.floatToIntBits(out[i]) != Float.floatToIntBits(first[o][i])) {
                        fail(ops[o] + "(" + x[i] + ") changed on call " + call + ": " + first[o][i]
                                + " then " + out[i] + " (" + Kernels.implementation() + ")");
                    }
                }
            }
        }
    }

    @Test
    void vectorBodyAndScalarTailAgreeBitForBit() {
        float[] x = inputs();
        for (String op : new String[] {"exp", "tanh", "sigmoid"}) {
            float[] whole = new float[N];
            apply(op, x, 0, whole, 0, N);
            // Every element computed alone (length 1: always the scalar tail) and at every shift of
            // a short window (each element lands in different lanes and in the tail).
            float[] one = new float[1];
            for (int i = 0; i < N; i++) {
                apply(op, x, i, one, 0, 1);
                assertEquals(Float.floatToIntBits(whole[i]), Float.floatToIntBits(one[0]),
                        op + "(" + x[i] + ") alone vs in a vector of " + N);
            }
            for (int shift = 0; shift < 37; shift++) {
                int len = 100 - shift;
                float[] part = new float[len];
                apply(op, x, shift, part, 0, len);
                for (int i = 0; i < len; i++) {
                    assertEquals(Float.floatToIntBits(whole[shift + i]), Float.floatToIntBits(part[i]),
                            op + "(" + x[shift + i] + ") at offset " + shift + " length " + len);
                }
            }
        }
    }

    @Test
    void specialValues() {
        float[] x = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 89f, -104f};
        float[] e = new float[x.length], t = new float[x.length], s = new float[x.length];
        Kernels.exp(x, 0, e, 0, x.length);
        Kernels.tanh(x, 0, t, 0, x.length);
        Kernels.sigmoid(x, 0, s, 0, x.length);
        assertTrue(Float.isNaN(e[0]) && Float.isNaN(t[0]) && Float.isNaN(s[0]), "NaN in gives NaN out");
        assertEquals(Float.POSITIVE_INFINITY, e[1], "exp(+inf)");
        assertEquals(0f, e[2], "exp(-inf)");
        assertEquals(1f, e[3], "exp(0)");
        assertEquals(1f, e[4], "exp(-0)");
        assertEquals(Float.POSITIVE_INFINITY, e[5], "exp(89) overflows float");
        assertEquals(0f, e[6], "exp(-104) underflows to zero");
        assertEquals(1f, t[1], "tanh(+inf)");
        assertEquals(-1f, t[2], "tanh(-inf)");
        assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits(t[3]), "tanh(+0) = +0");
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(t[4]), "tanh(-0) = -0");
        assertEquals(1f, s[1], "sigmoid(+inf)");
        assertEquals(0f, s[2], "sigmoid(-inf)");
        assertEquals(0.5f, s[3], "sigmoid(0)");
    }
}
