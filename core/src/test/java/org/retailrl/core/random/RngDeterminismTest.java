package org.retailrl.core.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Reproducibility of Rng streams: equal seeds give bit-identical sequences, indexed streams do not
 * depend on other draws, split and state round trips are deterministic, and distinct streams are
 * uncorrelated (sample correlation inside a band with family-wise confidence 99.9%).
 */
class RngDeterminismTest {

    /** A mixed draw sequence touching every sampler, as raw bits so comparisons are exact. */
    private static long[] mixed(Rng r, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (i % 9) {
                case 0 -> r.nextLong();
                case 1 -> Double.doubleToRawLongBits(r.normal()); // odd count leaves a spare pending
                case 2 -> r.poisson(i % 2 == 0 ? 4.5 : 57.0);
                case 3 -> r.binomial(200, 0.3);
                case 4 -> r.binomial(20, 0.1);
                case 5 -> r.categorical(new float[] {0.1f, 2f, -1f});
                case 6 -> Double.doubleToRawLongBits(r.gumbel());
                case 7 -> r.nextInt(1000);
                default -> Double.doubleToRawLongBits(r.uniform(-1, 3));
            };
        }
        return out;
    }

    @Test
    void matchesTheSplitMix64Reference() {
        // Rng(seed) starts SplitMix64 at state mix64(seed) with the golden gamma, which is exactly
        // what java.util.SplittableRandom(mix64(seed)) does: an independent reference implementation.
        for (long seed : new long[] {0, 1, -1, 42, 0x123456789abcdefL}) {
            Rng r = new Rng(seed);
            SplittableRandom ref = new SplittableRandom(Rng.mix64(seed));
            for (int i = 0; i < 1000; i++) {
                assertEquals(ref.nextLong(), r.nextLong(), "seed " + seed + " draw " + i);
            }
        }
        // Published first output of splitmix64.c from state 0.
        assertEquals(0xe220a8397b1dcdafL, new Rng(0).nextLong());
    }

    @Test
    void sameSeedSameSequence() {
        assertArrayEquals(mixed(new Rng(7), 5000), mixed(new Rng(7), 5000));
        assertArrayEquals(mixed(Rng.stream(7, 3), 5000), mixed(Rng.stream(7, 3), 5000));
        assertNotEquals(mixed(new Rng(7), 50)[0], mixed(new Rng(8), 50)[0]);
    }

    @Test
    void indexedStreamIgnoresWhatElseWasDrawn() {
        long[] alone = mixed(Rng.stream(99, 5), 2000);
        Rng other = new Rng(99);
        mixed(other, 777);
        for (int i = 0; i < 10; i++) {
            mixed(Rng.stream(99, i), 100);
        }
        other.split();
        assertArrayEquals(alone, mixed(Rng.stream(99, 5), 2000));
    }

    @Test
    void splitIsDeterministic() {
        Rng a = new Rng(5);
        Rng b = new Rng(5);
        mixed(a, 11);
        mixed(b, 11);
        Rng ca = a.split();
        Rng cb = b.split();
        assertArrayEquals(mixed(ca, 1000), mixed(cb, 1000));
        assertArrayEquals(mixed(a, 1000), mixed(b, 1000), "the parent continues identically too");
        assertNotEquals(new Rng(5).split().nextLong(), new Rng(5).nextLong());
    }

    @Test
    void stateRoundTripAndCopyContinueIdentically() {
        Rng r = new Rng(17);
        mixed(r, 10); // leaves a spare normal pending (one normal drawn so far)
        assertEquals(1, r.state()[3], "this test must cover the pending-spare state");
        long[] st = r.state();
        Rng restored = Rng.fromState(st);
        Rng copy = r.copy();
        long[] expected = mixed(r, 3000);
        assertArrayEquals(expected, mixed(restored, 3000));
        assertArrayEquals(expected, mixed(copy, 3000));
        assertArrayEquals(restored.state(), Rng.fromState(restored.state()).state());
    }

    @Test
    void fromStateRejectsMalformedArrays() {
        long[][] bad = {null, {1, 3, 0}, {1, 2, 0, 0}, {1, 3, 0, 2}};
        for (long[] b : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rng.fromState(b));
            assertTrue(e.getMessage().contains("4 longs"), e.getMessage());
        }
    }

    private static double correlation(Rng a, Rng b, int n) {
        return correlation(a::nextDouble, b::nextDouble, n);
    }

    private static double correlation(DoubleSupplier a, DoubleSupplier b, int n) {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        for (int i = 0; i < n; i++) {
            double x = a.getAsDouble();
            double y = b.getAsDouble();
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
        }
        double cov = sab / n - (sa / n) * (sb / n);
        return cov / Math.sqrt((saa / n - (sa / n) * (sa / n)) * (sbb / n - (sb / n) * (sb / n)));
    }

    @Test
    void distinctStreamsAreUncorrelated() {
        int n = 20_000;
        int streams = 12;
        int pairs = streams * (streams - 1) / 2 + 3 * streams;
        // Bonferroni over all pairs for family-wise 99.9%: two-sided z at 0.001 / pairs. Under
        // independence √n·r is approximately standard normal.
        double z = inverseNormalUpper(0.0005 / pairs);
        double band = z / Math.sqrt(n);
        Function<Integer, Rng> indexed = i -> Rng.stream(2026, i);
        for (int i = 0; i < streams; i++) {
            for (int j = i + 1; j < streams; j++) {
                double r = correlation(indexed.apply(i), indexed.apply(j), n);
                int fi = i, fj = j;
                assertTrue(Math.abs(r) <= band, () -> "streams " + fi + "," + fj + ": r = " + r + ", band " + band);
            }
            // Adjacent seeds, same index in adjacent seeds, and a parent against its child.
            double r1 = correlation(new Rng(i), new Rng(i + 1), n);
            double r2 = correlation(Rng.stream(i, 0), Rng.stream(i + 1, 0), n);
            Rng parent = new Rng(1000 + i);
            Rng child = parent.split();
            double r3 = correlation(parent, child, n);
            for (double r : new double[] {r1, r2, r3}) {
                int fi = i;
                assertTrue(Math.abs(r) <= band, () -> "seed/split pair " + fi + ": r = " + r + " outside band " + band);
            }
        }
    }

    @Test
    void correlationBandDetectsWeaklyCorrelatedStreams() {
        // y = 0.05·x + 0.95·u has correlation 0.05/√(0.05² + 0.95²) ≈ 0.053 with x: several times
        // the band, so a check this loose would still catch streams that leak into each other.
        int n = 20_000;
        Rng a = new Rng(1);
        Rng b = new Rng(2);
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = a.nextDouble();
            ys[i] = 0.05 * xs[i] + 0.95 * b.nextDouble();
        }
        int[] k = {0, 0};
        double r = correlation(() -> xs[k[0]++], () -> ys[k[1]++], n);
        double band = inverseNormalUpper(0.0005 / 100) / Math.sqrt(n);
        assertTrue(Math.abs(r) > band, () -> "r = " + r + " inside band " + band);
        assertEquals(1.0, correlation(new Rng(3)::nextDouble, new Rng(3)::nextDouble, n), 1e-9,
                "equal streams are perfectly correlated");
    }

    /** Upper-tail standard normal quantile, by bisection on the exact tail. */
    private static double inverseNormalUpper(double tail) {
        double lo = 0;
        double hi = 40;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (normalUpperTail(mid) > tail) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** P(Z > z) = Q(1/2, z²/2)/2 for z ≥ 0. */
    private static double normalUpperTail(double z) {
        return 0.5 * Stats.upperRegularizedGamma(0.5, z * z / 2);
    }
}
