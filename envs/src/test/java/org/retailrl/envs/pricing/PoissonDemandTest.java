package org.retailrl.envs.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.core.random.PoissonSampler;
import org.retailrl.core.random.Rng;

/**
 * Statistical checks of the demand draws (docs/model.md §1: {@code d_t ~ Poisson(λ_t)}). Fixed seeds;
 * mean bands are ±4 standard errors (two-sided confidence 99.994%); the goodness-of-fit test uses
 * the 0.999 quantile of the χ² distribution.
 */
class PoissonDemandTest {
    private static final int N = 200_000;

    private static void meanAndVarianceMatch(double lambda, long seed) {
        Rng rng = new Rng(seed);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < N; i++) {
            int k = PoissonSampler.sample(rng, lambda);
            sum += k;
            sumSq += (double) k * k;
        }
        double mean = sum / N;
        double var = sumSq / N - mean * mean;
        double seMean = Math.sqrt(lambda / N);
        // Var of the sample variance of a Poisson: (λ + 2λ²)/N (fourth central moment λ + 3λ²).
        double seVar = Math.sqrt((lambda + 2 * lambda * lambda) / N);
        assertEquals(lambda, mean, 4 * seMean, "mean at lambda = " + lambda);
        assertEquals(lambda, var, 4 * seVar, "variance at lambda = " + lambda);
    }

    @Test
    void samplerMomentsMatchAcrossTheInversionAndRejectionRanges() {
        meanAndVarianceMatch(0.3, 1);
        meanAndVarianceMatch(3.07, 2);
        meanAndVarianceMatch(9.0, 3);
        meanAndVarianceMatch(29.5, 4);
        meanAndVarianceMatch(45.0, 5);
    }

    @Test
    void samplerPassesChiSquareAtTheDefaultMean() {
        double lambda = 3.0670;
        int bins = 12; // 0..10 and ">= 11"
        long[] count = new long[bins];
        Rng rng = new Rng(17);
        for (int i = 0; i < N; i++) {
            count[Math.min(PoissonSampler.sample(rng, lambda), bins - 1)]++;
        }
        double chi2 = 0;
        double p = Math.exp(-lambda);
        double cdf = 0;
        for (int k = 0; k < bins; k++) {
            double pk = k == bins - 1 ? 1 - cdf : p;
            double expected = N * pk;
            chi2 += (count[k] - expected) * (count[k] - expected) / expected;
            cdf += p;
            p *= lambda / (k + 1);
        }
        // 0.999 quantile of χ² with 11 degrees of freedom.
        assertTrue(chi2 < 31.264, "chi2 = " + chi2);
    }

    @Test
    void zeroMeanGivesZeroAndBadMeansAreRejected() {
        Rng rng = new Rng(3);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, PoissonSampler.sample(rng, 0));
        }
        assertThrows(IllegalArgumentException.class, () -> PoissonSampler.sample(rng, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> PoissonSampler.sample(rng, -1));
    }

    @Test
    void simulatedDemandAtFixedPricesHasMeanLambda() {
        // p = o = r = 30 throughout: fixed competitor at 30, w = 1, own price 30.
        PricingScenario s = PricingScenario.defaults().toBuilder().fixedCompetitor(30).fixedReference(30).build();
        double lambda = new Demand(s).rate(30, 30, 30);
        int copies = 2000;
        PricingBatch batch = new PricingBatch(s, copies);
        batch.reset(31);
        int[] pi = new int[copies];
        java.util.Arrays.fill(pi, 10);
        assertEquals(30.0, s.price(10));
        int[] q = new int[copies];
        java.util.Arrays.fill(q, 5);
        float[] r = new float[copies];
        double sum = 0;
        for (int t = 0; t < s.horizon(); t++) {
            batch.step(pi, q, r);
            for (int i = 0; i < copies; i++) {
                sum += batch.lastDemand(i);
            }
        }
        double n = (double) copies * s.horizon();
        assertEquals(lambda, sum / n, 4 * Math.sqrt(lambda / n));
    }
}
