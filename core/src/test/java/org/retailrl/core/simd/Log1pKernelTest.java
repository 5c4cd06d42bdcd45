package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;

/**
 * {@link Kernels#log1p} (docs/model.md §8.12) against {@link Math#log1p} bit for bit, on both
 * implementations: arguments across the lanes' range (both of FdLibm's paths, in-place and tails),
 * at every branch boundary of FdLibm's algorithm (the path switch at −0.2929 and 0.41422, the
 * normalisation switch of {@code 1 + x}'s mantissa at √2, the {@code |f| < 2^−20} shortcut, the
 * {@code 2^−29} and {@code 2^53} limits) and outside it (−1 and below, zeros, subnormals, ±∞,
 * NaN). Changing the order of any operation in the lanes changes bits for some of these arguments.
 */
class Log1pKernelTest {
    private static double withHigh(int hi, int lo) {
        return Double.longBitsToDouble(((long) hi << 32) | (lo & 0xffff_ffffL));
    }

    /** Arguments at and around FdLibm's branch boundaries, plus random ones over every range. */
    private static double[] arguments() {
        List<Double> a = new ArrayList<>();
        double[] fixed = {-1.0, Math.nextUp(-1.0), Math.nextDown(-1.0), -2.0, -0.5, Math.nextUp(-0.5),
            Math.nextDown(-0.5), -0.2929, 0.41422, 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
            Double.MIN_NORMAL, 0x1p-29, -0x1p-29, Math.nextDown(0x1p-29), Math.nextUp(-0x1p-29), 0x1p-54, 0x1p-20,
            -0x1p-20, 0x1p53, Math.nextDown(0x1p53), 0x1p60, 1.0, 3.0, 1e300, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Math.sqrt(2) - 1, 1 - Math.sqrt(0.5) - 1};
        for (double d : fixed) {
            a.add(d);
        }
        Rng gen = new Rng(20261205L);
        // The high-word switches: x's at 0x3FDA827A and 0xbfd2bec3, with random low words.
        for (int hi : new int[] {0x3FDA_8279, 0x3FDA_827A, 0x3FDA_827B, 0xbfd2_bec2, 0xbfd2_bec3, 0xbfd2_bec4,
            0x3e1f_ffff, 0x3e20_0000, 0xbe1f_ffff, 0xbe20_0000, 0x433f_ffff, 0x4340_0000}) {
            for (int r = 0; r < 40; r++) {
                a.add(withHigh(hi, (int) gen.nextLong()));
            }
        }
        // 1 + x with its mantissa's top 20 bits at the √2 switch (0x6a09e) and at zero (the shortcut),
        // for exponents −1 to 40: x = u − 1 for such u.
        for (int e = -1; e <= 40; e++) {
            for (int top : new int[] {0, 1, 0x6_a09d, 0x6_a09e, 0x6_a09f, 0xf_fffc, 0xf_fffd, 0xf_ffff}) {
                for (int r = 0; r < 6; r++) {
                    int lo = r < 2 ? r : (int) gen.nextLong();
                    double u = withHigh(((e + 1023) << 20) | top, lo);
                    a.add(u - 1.0);
                }
            }
        }
        for (int r = 0; r < 20_000; r++) {
            switch (r % 5) {
                case 0 -> a.add(gen.uniform(-1, 1));
                case 1 -> a.add(-gen.uniform(0, 0.5));
                case 2 -> a.add(gen.uniform(-1, 0.5));
                case 3 -> a.add(Math.scalb(gen.uniform(1, 2), gen.nextInt(120) - 60) * (gen.nextInt(2) == 0 ? 1 : -1));
                default -> a.add(Math.scalb(gen.uniform(1, 2), -gen.nextInt(40)) - 1.0);
            }
        }
        double[] x = new double[a.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = a.get(i);
        }
        return x;
    }

    private static void assertMatches(Simd impl, double[] x, double[] out, int n, String what) {
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(Math.log1p(x[i])), Double.doubleToRawLongBits(out[i]),
                    impl.name() + " " + what + ": log1p(" + x[i] + ") = " + out[i] + ", Math.log1p: " + Math.log1p(x[i]));
        }
    }

    @Test
    void lanesGiveMathLog1pBitForBit() {
        double[] x = arguments();
        for (Simd impl : SimdImpls.both()) {
            double[] out = new double[x.length];
            impl.log1p(x, out, x.length);
            assertMatches(impl, x, out, x.length, "all arguments");
            // Short calls: whole blocks and tails, and the result written over the argument, with
            // arguments the lanes leave to scalar code (the first ones) and arguments they keep.
            for (int from : new int[] {0, 100}) {
                for (int n : new int[] {1, 7, 8, 13, 16, 17, 33}) {
                    double[] y = java.util.Arrays.copyOfRange(x, from, from + n);
                    double[] in = y.clone();
                    impl.log1p(y, y, n);
                    assertMatches(impl, in, y, n, "in place from " + from + ", n=" + n);
                }
            }
        }
    }

    @Test
    void mostArgumentsOfTheBinomialSamplerRunInTheLanesPaths() {
        // The lanes' range must cover what the binomial sampler passes (−p for p in (0, 1/2]): a
        // guard that the vector code is exercised, not only its scalar fallback.
        Rng gen = new Rng(3);
        int inRange = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            double x = -gen.uniform(1e-6, 0.5);
            int hx = (int) (Double.doubleToRawLongBits(x) >> 32);
            if (x > -1 && (hx & 0x7fff_ffff) >= 0x3e20_0000) {
                inRange++;
            }
        }
        assertTrue(inRange == n, "all of (−1/2, −1e-6) lies in the lanes' range");
    }

    @Test
    void shortArraysAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.log1p(new double[3], new double[2], 3));
        assertTrue(e.getMessage().contains("log1p"), e.getMessage());
    }
}
