package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.retailrl.core.random.PoissonSampler;
import org.retailrl.core.random.RawStreams;
import org.retailrl.core.random.Rng;

/**
 * The batched samplers of the kernel layer (docs/model.md §1, §3 Eq. 9, §8): vector lanes against the
 * scalar twin bit for bit (draws and stream positions), both against the documented one-draw
 * samplers ({@link PoissonSampler}, {@link Rng#binomial}), and the same draws for any split of a
 * batch into calls. Sizes cover full blocks and tails; parameters cover every branch (inversion,
 * PTRS/BTRS, flips, certain results, long searches).
 */
class SamplerKernelsTest {
    private static final int[] SIZES = {1, 7, 8, 13, 16, 64, 100, 257};

    private static long[][] streams(long seed, int n) {
        long[] s = new long[n];
        long[] g = new long[n];
        for (int i = 0; i < n; i++) {
            RawStreams.load(s, g, i, seed, i);
        }
        return new long[][] {s, g};
    }

    private static double[] means(Rng gen, int n) {
        double[] pick = {0, 1e-9, 0.3, 3.07, 9.99, 25, 29.999, 30, 45.5, 200, 1e5, 1e9};
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = gen.nextInt(3) == 0 ? pick[gen.nextInt(pick.length)] : gen.uniform(0, 12);
        }
        return l;
    }

    @Test
    void poissonExpectedMinLanesMatchTheScalarReferenceBitForBit() {
        // Means in and out of the lanes' range (0, 600], stocks from none to past every tail cut-off,
        // blocks and tails; a mutation of the lane recurrence or of its stopping rule changes bits.
        double[] pick = {0, -1, 1e-300, 0.3, 1.1539, 8.12, 29.999, 150, 599.99, 600, 600.5, 650};
        Rng gen = new Rng(17);
        for (Simd impl : SimdImpls.both()) {
            for (int n : SIZES) {
                for (int x : new int[] {-3, 0, 1, 2, 7, 25, 80, 700}) {
                    double[] lam = new double[n];
                    for (int i = 0; i < n; i++) {
                        lam[i] = gen.nextInt(3) == 0 ? pick[gen.nextInt(pick.length)] : gen.uniform(0, 40);
                    }
                    double[] out = new double[n];
                    impl.poissonExpectedMin(lam, x, out, n);
                    for (int i = 0; i < n; i++) {
                        double want = org.retailrl.core.random.PoissonMoments.expectedMin(lam[i], x);
                        assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(out[i]),
                                impl.name() + " n=" + n + " x=" + x + " i=" + i + " lambda=" + lam[i]);
                    }
                }
            }
        }
        double[] nan = {1, 2, Double.NaN, 4, 5, 6, 7, 8, 9};
        assertThrows(IllegalArgumentException.class, () -> Kernels.poissonExpectedMin(nan, 3, new double[9], 9));
        assertThrows(IllegalArgumentException.class, () -> Kernels.poissonExpectedMin(new double[2], 3, new double[1], 2));
    }

    @Test
    void poissonLanesMatchTheScalarTwinAndTheOneDrawSampler() {
        Rng gen = new Rng(11);
        for (Simd impl : SimdImpls.both()) {
            for (int n : SIZES) {
                double[] lam = means(gen.copy(), n);
                long[][] st = streams(5, n);
                long[][] ref = streams(5, n);
                double[] out = new double[n];
                for (int rep = 0; rep < 30; rep++) {
                    impl.poisson(lam, st[0], st[1], out, n);
                    for (int i = 0; i < n; i++) {
                        double want = PoissonSampler.sample(ref[0], ref[1], i, lam[i]);
                        assertEquals(want, out[i], impl.name() + " n=" + n + " i=" + i + " lambda=" + lam[i]);
                    }
                    assertArrayEquals(ref[0], st[0], impl.name() + ": stream positions");
                }
            }
            gen = new Rng(11);
        }
    }

    @Test
    void binomialLanesMatchTheScalarTwinAndRng() {
        int[] ns = {0, 1, 3, 20, 40, 100, 1000, 100_000};
        double[] ps = {0, 1e-12, 0.01, 0.2, 0.5, 0.7, 0.99, 1};
        for (Simd impl : SimdImpls.both()) {
            Rng gen = new Rng(12);
            for (int n : SIZES) {
                int[] trials = new int[n];
                double[] p = new double[n];
                for (int i = 0; i < n; i++) {
                    trials[i] = gen.nextInt(2) == 0 ? ns[gen.nextInt(ns.length)] : gen.nextInt(30);
                    p[i] = gen.nextInt(2) == 0 ? ps[gen.nextInt(ps.length)] : gen.nextDouble();
                }
                long[][] st = streams(6, n);
                Rng[] ref = new Rng[n];
                for (int i = 0; i < n; i++) {
                    ref[i] = Rng.stream(6, i);
                }
                int[] out = new int[n];
                for (int rep = 0; rep < 30; rep++) {
                    impl.binomial(trials, p, st[0], st[1], out, n);
                    for (int i = 0; i < n; i++) {
                        assertEquals(ref[i].binomial(trials[i], p[i]), out[i],
                                impl.name() + " n=" + n + " i=" + i + " B(" + trials[i] + ", " + p[i] + ")");
                        assertEquals(ref[i].state()[0], st[0][i], impl.name() + ": stream position of " + i);
                    }
                }
            }
        }
    }

    @Test
    void categoricalLanesMatchTheScalarTwin() {
        Simd scalar = new ScalarSimd();
        Simd vector = SimdImpls.both().get(0);
        Rng gen = new Rng(13);
        for (int width : new int[] {1, 2, 7, 8, 9, 21, 33, 441}) {
            int rows = 37;
            int ld = width + 3;
            float[] z = new float[2 + rows * ld];
            for (int k = 0; k < z.length; k++) {
                int c = gen.nextInt(20);
                z[k] = c == 0 ? Float.NEGATIVE_INFINITY : c == 1 ? (float) gen.uniform(-2000, 0) : (float) gen.uniform(-8, 8);
            }
            for (int r = 0; r < rows; r++) {
                z[2 + r * ld] = 0.5f; // every row keeps a finite logit
            }
            long[][] a = streams(7, rows);
            long[][] b = streams(7, rows);
            int[] outA = new int[rows];
            int[] outB = new int[rows];
            for (int rep = 0; rep < 50; rep++) {
                vector.categorical(z, 2, ld, width, a[0], a[1], outA, rows);
                scalar.categorical(z, 2, ld, width, b[0], b[1], outB, rows);
                assertArrayEquals(outB, outA, "width " + width);
                assertArrayEquals(b[0], a[0], "stream positions, width " + width);
                for (int r = 0; r < rows; r++) {
                    assertEquals(false, z[2 + r * ld + outA[r]] == Float.NEGATIVE_INFINITY, "never a -Infinity logit");
                }
            }
        }
    }

    @Test
    void scaledLogisticLanesMatchTheScalarTwin() {
        Rng gen = new Rng(14);
        for (int n : SIZES) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = gen.uniform(-800, 800) / (1 + gen.nextInt(100));
            }
            double[] y = x.clone();
            SimdImpls.both().get(0).scaledLogistic(7.5, x, n);
            new ScalarSimd().scaledLogistic(7.5, y, n);
            assertArrayEquals(y, x, "n = " + n);
        }
    }

    /** Element i's draws depend on its own stream and parameter only: one call or two give the same. */
    @Test
    void anySplitOfABatchGivesTheSameDraws() {
        int n = 203;
        double[] lam = means(new Rng(15), n);
        long[][] whole = streams(8, n);
        double[] all = new double[n];
        Kernels.poisson(lam, whole[0], whole[1], all, n);
        for (int cut : new int[] {1, 8, 100, 202}) {
            long[][] st = streams(8, n);
            double[] part = new double[n];
            double[] hi = new double[n - cut];
            long[] s2 = Arrays.copyOfRange(st[0], cut, n);
            long[] g2 = Arrays.copyOfRange(st[1], cut, n);
            Kernels.poisson(lam, st[0], st[1], part, cut);
            Kernels.poisson(Arrays.copyOfRange(lam, cut, n), s2, g2, hi, n - cut);
            System.arraycopy(hi, 0, part, cut, n - cut);
            assertArrayEquals(all, part, "split at " + cut);
        }
    }

    @Test
    void badArgumentsAreRejectedWithTheirIndex() {
        long[][] st = streams(9, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.poisson(new double[] {1, Double.NaN, 2}, st[0], st[1], new double[3], 3));
        assertEquals(true, e.getMessage().contains("lambda[1]"), e.getMessage());
        for (Simd impl : SimdImpls.both()) {
            for (int bad : new int[] {0, 9, 20}) {
                double[] lam = new double[21];
                java.util.Arrays.fill(lam, 2);
                lam[bad] = bad == 9 ? -1 : 2e9;
                long[][] fresh = streams(9, 21);
                long[] before = fresh[0].clone();
                IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                        () -> impl.poisson(lam, fresh[0], fresh[1], new double[21], 21));
                assertEquals(true, f.getMessage().contains("lambda[" + bad + "]"), f.getMessage());
                assertArrayEquals(before, fresh[0], impl.name() + ": no stream moved");
            }
        }
        e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.binomial(new int[] {1, 2, 3}, new double[] {0.5, 0.5, 1.5}, st[0], st[1], new int[3], 3));
        assertEquals(true, e.getMessage().contains("p[2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Kernels.categorical(
                new float[] {0, Float.NaN}, 0, 2, 2, st[0], st[1], new int[1], 1));
        assertEquals(true, e.getMessage().contains("logit 1 of row 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Kernels.categorical(
                new float[] {0, 1, 2}, 0, 2, 2, st[0], st[1], new int[2], 2));
    }
}
