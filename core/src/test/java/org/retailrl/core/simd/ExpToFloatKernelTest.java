package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;

/**
 * {@link Kernels#expToFloat} (docs/model.md §8.12) against {@code (float) Math.exp(x)} bit for bit
 * on both implementations: random arguments over the lanes' range and beyond it, an even sweep
 * of about a million floats across it, the edges of the range (where float results turn
 * subnormal or infinite), special values, arguments whose FastExp double lies within the redo
 * margin of a float rounding boundary (found by scanning, so the redo path is exercised), in place
 * and in short calls. (Every float of the lanes' range was compared once with the
 * {@code ExpToFloatCheck} tool of the bench module: docs/performance.md.)
 */
class ExpToFloatKernelTest {
    private static final int LOW29 = (1 << 29) - 1;

    /** Whether FastExp's double for {@code x} lies within the redo margin of a float rounding boundary. */
    private static boolean nearBoundary(float x) {
        long low = Double.doubleToRawLongBits(FastExp.exp(x)) & LOW29;
        return Math.abs(low - (1L << 28)) <= PanamaSimd.EXP_TO_FLOAT_MARGIN;
    }

    /** Arguments in the lanes' range whose FastExp double needs the redo (consecutive floats scanned). */
    private static List<Float> nearBoundaryArguments() {
        List<Float> found = new ArrayList<>();
        for (float start : new float[] {-3.1f, -17.5f, 0.4f, 41.0f}) {
            int bits = Float.floatToRawIntBits(start);
            for (int i = 0; i < 3_000_000 && found.size() < 40; i++) {
                float x = Float.intBitsToFloat(bits + i);
                if (nearBoundary(x)) {
                    found.add(x);
                }
            }
        }
        return found;
    }

    private static float[] arguments() {
        List<Float> a = new ArrayList<>();
        float lo = (float) PanamaSimd.EXP_TO_FLOAT_LO;
        float hi = (float) PanamaSimd.EXP_TO_FLOAT_HI;
        float[] fixed = {0f, -0f, 1f, -1f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 1e-8f, -1e-8f,
            lo, Math.nextUp(lo), Math.nextDown(lo), hi, Math.nextUp(hi), Math.nextDown(hi),
            -87.33654f, -87.33655f, -103.97208f, -103.97209f, -104f, -200f, 88.72283f, 88.72284f, 89f, 700f, 710f,
            -745.2f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        for (float f : fixed) {
            a.add(f);
        }
        a.addAll(nearBoundaryArguments());
        Rng gen = new Rng(20261205L);
        for (int r = 0; r < 20_000; r++) {
            switch (r % 4) {
                case 0 -> a.add((float) gen.uniform(-30, 0));
                case 1 -> a.add((float) gen.uniform(-100, 100));
                case 2 -> a.add((float) -Math.scalb(gen.uniform(1, 2), gen.nextInt(60) - 50));
                default -> a.add((float) gen.uniform(lo, hi));
            }
        }
        // An even sweep of the lanes' range, every 2,000th float (about 1.1 million arguments).
        for (int b = Float.floatToRawIntBits(-0f); b <= Float.floatToRawIntBits(lo); b += 2_000) {
            a.add(Float.intBitsToFloat(b));
        }
        for (int b = 0; b <= Float.floatToRawIntBits(hi); b += 2_000) {
            a.add(Float.intBitsToFloat(b));
        }
        float[] x = new float[a.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = a.get(i);
        }
        return x;
    }

    private static void assertMatches(Simd impl, float[] x, int xo, float[] out, int oo, int n, String what) {
        for (int i = 0; i < n; i++) {
            float ref = (float) Math.exp(x[xo + i]);
            assertEquals(Float.floatToRawIntBits(ref), Float.floatToRawIntBits(out[oo + i]),
                    impl.name() + " " + what + ": exp(" + x[xo + i] + ") = " + out[oo + i] + ", (float) Math.exp: " + ref);
        }
    }

    @Test
    void lanesGiveMathExpRoundedToFloatBitForBit() {
        float[] x = arguments();
        for (Simd impl : SimdImpls.both()) {
            float[] out = new float[x.length + 5];
            impl.expToFloat(x, 0, out, 5, x.length);
            assertMatches(impl, x, 0, out, 5, x.length, "all arguments");
            // Short calls at odd offsets (whole blocks and tails) and in place, starting with the
            // fixed and near-boundary arguments, which the lanes leave to Math.exp.
            for (int from : new int[] {0, 3, 31, 60}) {
                for (int n : new int[] {1, 7, 8, 9, 16, 17, 33}) {
                    float[] y = Arrays.copyOfRange(x, from, from + n);
                    float[] in = y.clone();
                    impl.expToFloat(y, 0, y, 0, n);
                    assertMatches(impl, in, 0, y, 0, n, "in place from " + from + ", n=" + n);
                }
            }
        }
    }

    @Test
    void theRedoPathIsExercised() {
        // A guard that the scan above finds arguments in the redo margin, so the lanes' fallback is
        // tested and not only their direct rounding.
        List<Float> near = nearBoundaryArguments();
        assertTrue(near.size() >= 4, "found " + near.size() + " arguments within the margin");
        float[] x = new float[near.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = near.get(i);
        }
        for (Simd impl : SimdImpls.both()) {
            float[] out = new float[x.length];
            impl.expToFloat(x, 0, out, 0, x.length);
            assertMatches(impl, x, 0, out, 0, x.length, "near a rounding boundary");
        }
    }

    @Test
    void softmaxGradientRowsMatchTheScalarExpression() {
        // Rows of log-probabilities as the policy loss has them (21 and 441 wide, and odd widths for
        // the tails), with random coefficients; plus the near-boundary arguments, which the lanes redo.
        Rng gen = new Rng(7);
        List<Float> near = nearBoundaryArguments();
        for (Simd impl : SimdImpls.both()) {
            for (int n : new int[] {1, 5, 8, 13, 21, 64, 441}) {
                for (int rep = 0; rep < 20; rep++) {
                    int o = rep % 3;
                    float[] logp = new float[o + n];
                    for (int k = 0; k < n; k++) {
                        logp[o + k] = rep == 0 && k < near.size() ? near.get(k) : (float) -gen.uniform(0, 40);
                    }
                    float c = (float) gen.uniform(-3, 3);
                    float entScale = (float) gen.uniform(0, 0.01);
                    float h = (float) gen.uniform(0, 6);
                    float up = rep == 1 ? 1f : (float) gen.uniform(0.5, 2);
                    float[] dz = new float[n + 2];
                    float[] ref = new float[n + 2];
                    for (int k = 0; k < n + 2; k++) {
                        dz[k] = ref[k] = (float) gen.uniform(-1, 1);
                    }
                    impl.softmaxGradRow(logp, o, n, c, entScale, h, up, dz, 2);
                    for (int k = 0; k < n; k++) {
                        float l = logp[o + k];
                        float p = (float) Math.exp(l);
                        ref[2 + k] += up * (-c * p + entScale * p * (l + h));
                    }
                    for (int k = 0; k < n + 2; k++) {
                        assertEquals(Float.floatToRawIntBits(ref[k]), Float.floatToRawIntBits(dz[k]),
                                impl.name() + " n=" + n + " rep " + rep + " entry " + k);
                    }
                }
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> Kernels.softmaxGradRow(new float[4], 1, 4, 1f, 0f, 0f, 1f, new float[4], 0));
    }

    @Test
    void badRangesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.expToFloat(new float[3], 1, new float[3], 0, 3));
        assertTrue(e.getMessage().contains("expToFloat"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Kernels.expToFloat(new float[3], 0, new float[3], 1, 3));
        assertThrows(IllegalArgumentException.class, () -> Kernels.expToFloat(new float[3], 0, new float[3], 0, -1));
    }
}
