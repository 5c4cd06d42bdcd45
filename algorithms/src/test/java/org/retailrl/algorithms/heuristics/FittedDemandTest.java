package org.retailrl.algorithms.heuristics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.pricing.PricingScenario;

class FittedDemandTest {
    @Test
    void maximumLikelihoodRecoversKnownLogLinearPoisson() {
        double a = 2.2, b = -0.05;
        int n = 10_000;
        Rng rng = new Rng(42);
        double[] p = new double[n];
        int[] d = new int[n];
        double i00 = 0, i01 = 0, i11 = 0;
        for (int i = 0; i < n; i++) {
            p[i] = 10 + 2 * rng.nextInt(21);
            double mu = Math.exp(a + b * p[i]);
            d[i] = rng.poisson(mu);
            i00 += mu;
            i01 += mu * p[i];
            i11 += mu * p[i] * p[i];
        }
        FittedDemand f = FittedDemand.fit(p, d);
        // Standard errors from the Fisher information at the truth; |error| < 3.29 se is a 99.9%
        // two-sided acceptance region for each coefficient.
        double det = i00 * i11 - i01 * i01;
        double seA = Math.sqrt(i11 / det);
        double seB = Math.sqrt(i00 / det);
        assertTrue(Math.abs(f.intercept() - a) < 3.29 * seA, "intercept " + f.intercept() + " se " + seA);
        assertTrue(Math.abs(f.slope() - b) < 3.29 * seB, "slope " + f.slope() + " se " + seB);
        assertTrue(seB < 0.005, "the check has power: se of the slope " + seB);
    }

    @Test
    void fitIsAStationaryPointOfTheLikelihood() {
        Rng rng = new Rng(7);
        int n = 500;
        double[] p = new double[n];
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = 10 + 40 * rng.nextDouble();
            d[i] = rng.poisson(4 * Math.exp(-0.03 * (p[i] - 10)));
        }
        FittedDemand f = FittedDemand.fit(p, d);
        double g0 = 0, g1 = 0;
        for (int i = 0; i < n; i++) {
            double r = d[i] - f.mean(p[i]);
            g0 += r;
            g1 += r * p[i];
        }
        assertEquals(0, g0, 1e-6);
        assertEquals(0, g1, 1e-4);
    }

    @Test
    void scenarioDemandFallsWithPrice() {
        FittedDemand f = FittedDemand.simulateAndFit(PricingScenario.named("b"), 10_000, 3);
        assertEquals(10_000, f.samples());
        assertTrue(f.slope() < 0, "slope " + f.slope());
        // At p = 30 the fitted mean is in the range the logit model produces around there (λ(30,30,30) ≈ 3.07).
        assertTrue(f.mean(30) > 1 && f.mean(30) < 6, "mean at 30: " + f.mean(30));
    }

    @Test
    void degenerateDataIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> FittedDemand.fit(new double[] {10, 10, 10}, new int[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> FittedDemand.fit(new double[] {10, 20}, new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> FittedDemand.fit(new double[] {10, 20}, new int[] {1, -1}));
    }
}
