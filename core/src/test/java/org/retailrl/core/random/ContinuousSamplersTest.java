package org.retailrl.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Uniform, normal, exponential and Gumbel deviates: mean and variance within their 99.9% bands
 * (N = 200,000), and a chi-square fit (p-value &ge; 0.001) of binned draws against the exact CDF.
 */
class ContinuousSamplersTest {
    private static final int N = 200_000;
    /** Euler–Mascheroni constant: the mean of a standard Gumbel. */
    private static final double EULER_GAMMA = 0.5772156649015329;

    private static double[] draw(DoubleSupplier s) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = s.getAsDouble();
        }
        return x;
    }

    /** Chi-square of {@code x} binned at the ascending {@code edges} (plus both open tails) against {@code cdf}. */
    private static void assertFitsCdf(double[] x, double[] edges, DoubleUnaryOperator cdf, String what) {
        long[] counts = new long[edges.length + 1];
        for (double v : x) {
            int b = 0;
            while (b < edges.length && v >= edges[b]) {
                b++;
            }
            counts[b]++;
        }
        double[] probs = new double[edges.length + 1];
        double prev = 0;
        for (int i = 0; i < edges.length; i++) {
            double c = cdf.applyAsDouble(edges[i]);
            probs[i] = c - prev;
            prev = c;
        }
        probs[edges.length] = 1 - prev;
        Stats.assertChiSquare(counts, probs, what);
    }

    private static double[] grid(double from, double to, int cells) {
        double[] e = new double[cells - 1];
        for (int i = 1; i < cells; i++) {
            e[i - 1] = from + (to - from) * i / cells;
        }
        return e;
    }

    @Test
    void nextDoubleIsUniform() {
        Rng rng = new Rng(21);
        double[] x = draw(rng::nextDouble);
        Stats.assertMoments(x, 0.5, 1.0 / 12, 1.0 / 80, "nextDouble");
        assertFitsCdf(x, grid(0, 1, 50), u -> u, "nextDouble");
        double[] y = draw(rng::nextOpenDouble);
        for (double v : y) {
            assertTrue(v > 0 && v < 1, () -> "nextOpenDouble gave " + v);
        }
        assertFitsCdf(y, grid(0, 1, 50), u -> u, "nextOpenDouble");
        double[] f = draw(rng::nextFloat);
        Stats.assertMoments(f, 0.5, 1.0 / 12, 1.0 / 80, "nextFloat");
    }

    @Test
    void uniformRangeStaysHalfOpen() {
        Rng rng = new Rng(22);
        double[] x = draw(() -> rng.uniform(-3, 5));
        Stats.assertMoments(x, 1, 64.0 / 12, 8 * 8 * 8 * 8 / 80.0, "uniform(-3, 5)");
        for (double v : x) {
            assertTrue(v >= -3 && v < 5, () -> "uniform gave " + v);
        }
        double lo = 1.0;
        double hi = Math.nextUp(1.0);
        for (int i = 0; i < 1000; i++) {
            assertEquals(lo, rng.uniform(lo, hi), "the only double in [1, nextUp(1))");
        }
        double wide = rng.uniform(-Double.MAX_VALUE, Double.MAX_VALUE);
        assertTrue(Double.isFinite(wide), () -> "uniform over all doubles gave " + wide);
        assertThrows(IllegalArgumentException.class, () -> rng.uniform(2, 1));
        assertThrows(IllegalArgumentException.class, () -> rng.uniform(0, Double.NaN));
    }

    @Test
    void nextIntIsUnbiasedForAwkwardBounds() {
        Rng rng = new Rng(23);
        long[] c7 = new long[7];
        for (int i = 0; i < N; i++) {
            c7[rng.nextInt(7)]++;
        }
        double[] p7 = new double[7];
        java.util.Arrays.fill(p7, 1.0 / 7);
        Stats.assertChiSquare(c7, p7, "nextInt(7)");
        // 3·2^29: plain modulo or multiply-shift without rejection makes the lowest third ~50% likelier.
        int bound = 3 << 29;
        long[] thirds = new long[3];
        for (int i = 0; i < N; i++) {
            thirds[rng.nextInt(bound) / (1 << 29)]++;
        }
        Stats.assertChiSquare(thirds, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, "nextInt(3·2^29)");
        assertEquals(0, rng.nextInt(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rng.nextInt(0));
        assertEquals("bound must be > 0, got 0", e.getMessage());
    }

    @Test
    void normalHasStandardMomentsAndShape() {
        Rng rng = new Rng(24);
        double[] x = draw(rng::normal);
        Stats.assertMoments(x, 0, 1, 3, "normal");
        // Φ⁻¹ at 0.025, 0.1, 0.2, 0.3, 0.4, 0.5 and mirror: cells of 2.5%, 7.5% and 10%.
        double[] q = {1.959963984540054, 1.2815515655446004, 0.8416212335729143, 0.5244005127080407, 0.2533471031357997};
        double[] edges = {-q[0], -q[1], -q[2], -q[3], -q[4], 0, q[4], q[3], q[2], q[1], q[0]};
        double[] cdf = {0.025, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.975};
        assertFitsCdf(x, edges, z -> {
            for (int i = 0; i < edges.length; i++) {
                if (z == edges[i]) {
                    return cdf[i];
                }
            }
            throw new AssertionError();
        }, "normal");
        double[] y = draw(() -> rng.normal(10, 2));
        Stats.assertMoments(y, 10, 4, 3 * 16, "normal(10, 2)");
        assertThrows(IllegalArgumentException.class, () -> rng.normal(0, -1));
    }

    @Test
    void exponentialMatchesItsLaw() {
        Rng rng = new Rng(25);
        double rate = 2.5;
        double[] x = draw(() -> rng.exponential(rate));
        Stats.assertMoments(x, 1 / rate, 1 / (rate * rate), 9 / Math.pow(rate, 4), "exponential");
        assertFitsCdf(x, grid(0, 3, 30), t -> 1 - Math.exp(-rate * t), "exponential");
        assertThrows(IllegalArgumentException.class, () -> rng.exponential(0));
    }

    @Test
    void gumbelHasEulerMeanAndPiSquaredOverSixVariance() {
        Rng rng = new Rng(26);
        double[] x = draw(rng::gumbel);
        double var = Math.PI * Math.PI / 6;
        // Excess kurtosis of the Gumbel is 12/5, so μ₄ = 5.4 σ⁴.
        Stats.assertMoments(x, EULER_GAMMA, var, 5.4 * var * var, "gumbel");
        assertFitsCdf(x, grid(-2.5, 6, 40), t -> Math.exp(-Math.exp(-t)), "gumbel");
    }

    @Test
    void aShiftedGumbelIsDetected() {
        Rng rng = new Rng(27);
        double[] x = draw(() -> rng.gumbel() + 0.02);
        double var = Math.PI * Math.PI / 6;
        assertTrue(!Stats.momentsMatch(x, EULER_GAMMA, var, 5.4 * var * var), "mean 2% of an sd off must fail");
    }

    @Test
    void bernoulliAndShuffle() {
        Rng rng = new Rng(28);
        double[] b = draw(() -> rng.bernoulli(0.3) ? 1 : 0);
        Stats.assertMoments(b, 0.3, 0.21, 0.21 * (1 - 3 * 0.21), "bernoulli(0.3)");
        assertThrows(IllegalArgumentException.class, () -> rng.bernoulli(1.5));
        // All 24 permutations of 4 items equally likely.
        long[] c = new long[24];
        for (int i = 0; i < 48_000; i++) {
            int[] p = rng.permutation(4);
            int code = 0;
            boolean[] used = new boolean[4];
            for (int j = 0; j < 4; j++) {
                int rank = 0;
                for (int v = 0; v < p[j]; v++) {
                    if (!used[v]) {
                        rank++;
                    }
                }
                used[p[j]] = true;
                code = code * (4 - j) + rank;
            }
            c[code]++;
        }
        double[] probs = new double[24];
        java.util.Arrays.fill(probs, 1.0 / 24);
        Stats.assertChiSquare(c, probs, "permutation(4)");
    }
}
