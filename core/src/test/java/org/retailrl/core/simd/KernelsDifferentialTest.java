package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.retailrl.core.random.Rng;

/**
 * Runs the Vector API implementation and {@link ScalarSimd} on the same inputs and compares them
 * within the tolerances stated in {@link PanamaSimd}'s Javadoc (u = 2⁻²⁴, γ_n = n·u/(1−n·u)):
 * bit-identical for add/sub/mul/scale; {@code 2u·(|y|+|αx|)} for axpy; {@code 2γ_n·Σ|terms|} for
 * dot and sum; {@code 4·ulp + Float.MIN_NORMAL} for exp, tanh, sigmoid. Every size is run at
 * nonzero, mutually different offsets so misaligned starts and scalar tails are exercised. The
 * reductions are also checked against a double-precision sum with the one-sided bound γ_n·Σ|terms|.
 */
class KernelsDifferentialTest {
    private static final double U = Math.scalb(1.0, -24);
    private static final int XO = 3;
    private static final int YO = 5;
    private static final int OO = 1;

    static int[] sizes() {
        return new int[] {1, 2, 3, 4, 5, 7, 8, 13, 16, 17, 25, 31, 32, 33, 64, 100, 127, 128, 207, 256, 300, 513, 1024};
    }

    private static Simd vector() {
        Simd v = Kernels.vectorOrNull();
        assertNotNull(v, "the test JVM runs with --add-modules jdk.incubator.vector, so the vector impl must load");
        return v;
    }

    private static float[] random(long seed, int len, double lo, double hi) {
        Rng rng = new Rng(seed);
        float[] x = new float[len];
        for (int i = 0; i < len; i++) {
            x[i] = (float) rng.uniform(lo, hi);
        }
        return x;
    }

    private static double gamma(int n) {
        return n * U / (1 - n * U);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void dotAgreesWithinSizeScaledBound(int n) {
        float[] a = random(n, n + XO + 2, -1, 1), b = random(n + 1000, n + YO + 2, -1, 1);
        float v = vector().dot(a, XO, b, YO, n), s = new ScalarSimd().dot(a, XO, b, YO, n);
        double exact = 0, mag = 0;
        for (int i = 0; i < n; i++) {
            exact += (double) a[XO + i] * b[YO + i];
            mag += Math.abs((double) a[XO + i] * b[YO + i]);
        }
        assertTrue(Math.abs(v - s) <= 2 * gamma(n) * mag, "dot n=" + n + ": vector " + v + " scalar " + s);
        assertTrue(Math.abs(v - exact) <= gamma(n) * mag, "dot n=" + n + ": vector " + v + " exact " + exact);
        assertTrue(Math.abs(s - exact) <= gamma(n) * mag, "dot n=" + n + ": scalar " + s + " exact " + exact);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void sumAgreesWithinSizeScaledBound(int n) {
        float[] a = random(n + 7, n + XO + 2, -1, 1);
        float v = vector().sum(a, XO, n), s = new ScalarSimd().sum(a, XO, n);
        double exact = 0, mag = 0;
        for (int i = 0; i < n; i++) {
            exact += a[XO + i];
            mag += Math.abs(a[XO + i]);
        }
        assertTrue(Math.abs(v - s) <= 2 * gamma(n) * mag, "sum n=" + n + ": vector " + v + " scalar " + s);
        assertTrue(Math.abs(v - exact) <= gamma(n) * mag, "sum n=" + n + ": vector " + v + " exact " + exact);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void axpyAgreesWithinTwoRoundings(int n) {
        float alpha = -0.37f;
        float[] x = random(n + 11, n + XO + 2, -2, 2), y0 = random(n + 12, n + YO + 2, -2, 2);
        float[] yv = y0.clone(), ys = y0.clone();
        vector().axpy(alpha, x, XO, yv, YO, n);
        new ScalarSimd().axpy(alpha, x, XO, ys, YO, n);
        for (int i = 0; i < yv.length; i++) {
            int k = i - YO;
            if (k < 0 || k >= n) {
                assertEquals(y0[i], yv[i], "axpy wrote outside its range at " + i);
                continue;
            }
            double bound = 2 * U * (Math.abs(y0[i]) + Math.abs(alpha * x[XO + k]));
            if (Math.abs(yv[i] - ys[i]) > bound) {
                fail("axpy n=" + n + " i=" + k + ": vector " + yv[i] + " scalar " + ys[i]);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void elementwiseArithmeticIsBitIdentical(int n) {
        float[] a = random(n + 21, n + XO + 2, -3, 3), b = random(n + 22, n + YO + 2, -3, 3);
        Simd v = vector(), s = new ScalarSimd();
        for (String op : new String[] {"add", "sub", "mul", "scale"}) {
            float[] ov = new float[n + OO + 2], os = new float[n + OO + 2];
            run(v, op, a, b, ov);
            run(s, op, a, b, os);
            assertArrayEquals(os, ov, op + " n=" + n);
        }
        // In place (out aliases the first input), as the interface allows.
        float[] inPlace = a.clone(), expected = new float[a.length];
        System.arraycopy(a, 0, expected, 0, a.length);
        s.add(a, XO, b, YO, expected, XO, n);
        v.add(inPlace, XO, b, YO, inPlace, XO, n);
        assertArrayEquals(expected, inPlace, "in-place add n=" + n);
    }

    private static void run(Simd impl, String op, float[] a, float[] b, float[] out) {
        int n = out.length - OO - 2;
        switch (op) {
            case "add" -> impl.add(a, XO, b, YO, out, OO, n);
            case "sub" -> impl.sub(a, XO, b, YO, out, OO, n);
            case "mul" -> impl.mul(a, XO, b, YO, out, OO, n);
            case "scale" -> impl.scale(1.7f, a, XO, out, OO, n);
            default -> throw new AssertionError(op);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void activationsAgreeWithinFourUlps(int n) {
        Simd v = vector(), s = new ScalarSimd();
        // Ranges cover saturation (tanh, sigmoid), float overflow/underflow of exp and σ's
        // subnormal tail; the first elements are the exact edge values.
        checkUnary("tanh", v, s, n, -20, 20, Math::tanh);
        checkUnary("sigmoid", v, s, n, -100, 100, x -> 1 / (1 + Math.exp(-x)));
        checkUnary("exp", v, s, n, -104, 89, Math::exp);
    }

    private static void checkUnary(String op, Simd v, Simd s, int n, double lo, double hi, DoubleUnaryOperator exact) {
        float[] x = random(n + op.hashCode(), n + XO + 2, lo, hi);
        float[] edges = {0f, -0f, 1e-7f, -1e-7f, (float) lo, (float) hi, 1f, -1f};
        for (int i = 0; i < Math.min(n, edges.length); i++) {
            x[XO + i] = edges[i];
        }
        float[] ov = new float[n + OO + 2], os = new float[n + OO + 2];
        apply(v, op, x, ov, n);
        apply(s, op, x, os, n);
        for (int i = 0; i < n; i++) {
            float sv = os[OO + i], vv = ov[OO + i];
            double tol = 4 * Math.ulp(sv) + Float.MIN_NORMAL;
            if (vv != sv && !(Math.abs(vv - sv) <= tol)) {
                fail(op + "(" + x[XO + i] + "): vector " + vv + " scalar " + sv + " tolerance " + tol);
            }
            // The scalar twin is a correctly rounded double result up to float range limits.
            double e = exact.applyAsDouble(x[XO + i]);
            assertTrue(Math.abs(sv - e) <= Math.ulp(sv) + Float.MIN_NORMAL
                    || (Double.isInfinite(sv) && e > Float.MAX_VALUE), op + "(" + x[XO + i] + ") scalar " + sv + " exact " + e);
        }
        assertEquals(0f, ov[0], op + " wrote before its range");
        assertEquals(0f, ov[OO + n], op + " wrote past its range");
    }

    private static void apply(Simd impl, String op, float[] x, float[] out, int n) {
        switch (op) {
            case "tanh" -> impl.tanh(x, XO, out, OO, n);
            case "sigmoid" -> impl.sigmoid(x, XO, out, OO, n);
            case "exp" -> impl.exp(x, XO, out, OO, n);
            default -> throw new AssertionError(op);
        }
    }
}
