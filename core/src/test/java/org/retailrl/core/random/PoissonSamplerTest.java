package org.retailrl.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rng.poisson against the exact Poisson law (docs/model.md §1 demand): mean and variance in their 99.9%
 * bands and a chi-square fit against the pmf computed from logGamma, over means that cover the
 * multiplication branch (&lt; 10), the PTRS branch (&ge; 10) and both sides of the switch. N = 200,000
 * per mean: a sampler whose mean is 2% off is then at least 6 standard errors away and fails (the
 * power checks below demonstrate it on a deliberately shifted sampler).
 */
class PoissonSamplerTest {
    private static final int N = 200_000;
    private static final long SEED = 0x5eed_2026L;

    /** Null if the sample fits Poisson(lambda) by moments and chi-square, else what failed. */
    private static String check(double lambda, int[] draws) {
        double[] x = new double[draws.length];
        int kmax = (int) Math.ceil(lambda + 12 * Math.sqrt(lambda) + 20);
        long[] counts = new long[kmax + 1];
        for (int i = 0; i < draws.length; i++) {
            x[i] = draws[i];
            counts[Math.min(draws[i], kmax)]++;
        }
        String moments = Stats.momentsReport(x, lambda, lambda, lambda + 3 * lambda * lambda);
        if (moments != null) {
            return moments;
        }
        double p = Stats.chiSquarePValue(counts, Stats.poissonPmf(lambda, kmax));
        return p < Stats.ALPHA ? "chi-square p-value " + p : null;
    }

    private static int[] draw(double lambda, DoubleToIntFunction sampler) {
        int[] d = new int[N];
        for (int i = 0; i < N; i++) {
            d[i] = sampler.applyAsInt(lambda);
        }
        return d;
    }

    @ParameterizedTest(name = "lambda = {0}")
    @ValueSource(doubles = {0.5, 3.07, 9.99, 10, 30, 200, 1e5})
    void matchesExactLaw(double lambda) {
        Rng rng = Rng.stream(SEED, Double.doubleToLongBits(lambda));
        String r = check(lambda, draw(lambda, rng::poisson));
        assertTrue(r == null, () -> "Poisson(" + lambda + "): " + r);
    }

    @ParameterizedTest(name = "lambda = {0}")
    @ValueSource(doubles = {0.5, 3.07, 9.99, 10, 30, 200, 1e5})
    void aMeanTwoPercentOffIsDetected(double lambda) {
        Rng rng = Rng.stream(SEED + 1, Double.doubleToLongBits(lambda));
        String r = check(lambda, draw(lambda, l -> rng.poisson(1.02 * l)));
        assertTrue(r != null, () -> "Poisson(1.02 * " + lambda + ") passed as Poisson(" + lambda + ")");
    }

    @ParameterizedTest(name = "lambda = {0}")
    @ValueSource(doubles = {3.07, 30})
    void aRoundedNormalWithTheRightMeanAndVarianceIsDetected(double lambda) {
        Rng rng = Rng.stream(SEED + 2, Double.doubleToLongBits(lambda));
        String r = check(lambda, draw(lambda,
                l -> (int) Math.max(0, Math.round(l + Math.sqrt(l) * rng.normal()))));
        assertTrue(r != null, () -> "rounded normal passed as Poisson(" + lambda + ")");
    }

    @Test
    void zeroMeanAndBadInput() {
        Rng rng = new Rng(1);
        assertEquals(0, rng.poisson(0));
        for (double bad : new double[] {-1e-9, Double.NaN, Double.POSITIVE_INFINITY, 1.0000001e9}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rng.poisson(bad));
            assertTrue(e.getMessage().contains("[0, 1e9]"), e.getMessage());
        }
    }

    @Test
    void largestAllowedMeanIsNearItsMean() {
        Rng rng = new Rng(2);
        int k = rng.poisson(1e9);
        // 1e9 ± 6 standard deviations (sd ≈ 31623).
        assertTrue(Math.abs(k - 1e9) < 6 * Math.sqrt(1e9), () -> "draw " + k);
    }
}
