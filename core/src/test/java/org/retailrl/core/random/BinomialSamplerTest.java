package org.retailrl.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rng.binomial against the exact binomial law (docs/model.md §3 Eq. 9): mean and variance in 99.9%
 * bands and a chi-square fit (p-value &ge; 0.001) against the pmf from logGamma, with N = 100,000
 * draws per case. Cases cover inversion (n·p &lt; 10), BTRS (n·p &ge; 10, including exactly 10)
 * and p &gt; 0.5 through the symmetry n − Binomial(n, 1 − p) into both branches.
 */
class BinomialSamplerTest {
    private static final int N = 100_000;
    private static final long SEED = 0xb1_2026L;

    private static String check(int n, double p, IntSupplier sampler) {
        double q = 1 - p;
        double var = n * p * q;
        double mu4 = var * (1 + 3 * (n - 2) * p * q);
        double[] x = new double[N];
        long[] counts = new long[n + 1];
        for (int i = 0; i < N; i++) {
            int k = sampler.getAsInt();
            if (k < 0 || k > n) {
                return "draw " + k + " outside [0, " + n + "]";
            }
            x[i] = k;
            counts[k]++;
        }
        String m = Stats.momentsReport(x, n * p, var, mu4);
        if (m != null) {
            return m;
        }
        double pv = Stats.chiSquarePValue(counts, Stats.binomialPmf(n, p));
        return pv < Stats.ALPHA ? "chi-square p-value " + pv : null;
    }

    @ParameterizedTest(name = "n = {0}, p = {1} ({2})")
    @CsvSource({
        "1, 0.3, inversion",
        "20, 0.3, inversion",
        "1000, 0.005, inversion",
        "100000, 0.0000999, inversion",
        "50, 0.2, BTRS at n·p = 10",
        "100, 0.3, BTRS",
        "10000, 0.01, BTRS",
        "5000, 0.5, BTRS",
        "1, 0.9, symmetry into inversion",
        "20, 0.7, symmetry into inversion",
        "100, 0.8, symmetry into BTRS",
        "4000, 0.75, symmetry into BTRS",
    })
    void matchesExactLaw(int n, double p, String branch) {
        Rng rng = Rng.stream(SEED, 31L * n + Double.doubleToLongBits(p));
        String r = check(n, p, () -> rng.binomial(n, p));
        assertTrue(r == null, () -> "Binomial(" + n + ", " + p + ") [" + branch + "]: " + r);
    }

    @ParameterizedTest(name = "n = {0}, p = {1}")
    @CsvSource({"20, 0.3", "1000, 0.005", "100, 0.3", "10000, 0.01", "100, 0.8"})
    void aProbabilityTwoPercentOffIsDetected(int n, double p) {
        Rng rng = Rng.stream(SEED + 1, 31L * n + Double.doubleToLongBits(p));
        String r = check(n, p, () -> rng.binomial(n, 1.02 * p));
        assertTrue(r != null, () -> "Binomial(" + n + ", 1.02 * " + p + ") passed");
    }

    @Test
    void degenerateCasesAndBadInput() {
        Rng rng = new Rng(3);
        assertEquals(0, rng.binomial(0, 0.5));
        assertEquals(0, rng.binomial(10, 0));
        assertEquals(10, rng.binomial(10, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rng.binomial(-1, 0.5));
        assertEquals("binomial: n must be >= 0, got -1", e.getMessage());
        for (double bad : new double[] {-0.1, 1.1, Double.NaN}) {
            IllegalArgumentException pe = assertThrows(IllegalArgumentException.class, () -> rng.binomial(5, bad));
            assertTrue(pe.getMessage().contains("p must be in [0, 1]"), pe.getMessage());
        }
    }

    @Test
    void hugeNStaysInRange() {
        Rng rng = new Rng(4);
        for (int i = 0; i < 1000; i++) {
            int k = rng.binomial(Integer.MAX_VALUE, 0.5);
            assertTrue(Math.abs(k - Integer.MAX_VALUE * 0.5) < 6 * Math.sqrt(Integer.MAX_VALUE * 0.25), () -> "draw " + k);
            int t = rng.binomial(Integer.MAX_VALUE, 1e-12);
            assertTrue(t >= 0 && t < 10, () -> "draw " + t);
        }
    }
}
