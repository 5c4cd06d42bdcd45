package org.retailrl.algorithms.heuristics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.core.linalg.Cholesky;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.pricing.Demand;
import org.retailrl.envs.pricing.PricingScenario;

class FeatureDemandTest {
    private static double[] features(double p, double o, double r) {
        return new double[] {1, p, o, r, Demand.rank(p, o)};
    }

    @Test
    void maximumLikelihoodRecoversKnownCoefficients() {
        double[] truth = {2.4, -0.035, -0.006, 0.012, -0.55};
        int n = 20_000;
        Rng rng = new Rng(5);
        double[] p = new double[n];
        double[] o = new double[n];
        double[] r = new double[n];
        int[] d = new int[n];
        double[] info = new double[25];
        for (int i = 0; i < n; i++) {
            p[i] = 10 + 2 * rng.nextInt(21);
            o[i] = 9 + 2 * rng.nextInt(21);
            r[i] = rng.uniform(22, 38);
            double[] x = features(p[i], o[i], r[i]);
            double eta = 0;
            for (int k = 0; k < 5; k++) {
                eta += truth[k] * x[k];
            }
            double mu = Math.exp(eta);
            d[i] = rng.poisson(mu);
            for (int a = 0; a < 5; a++) {
                for (int b = 0; b < 5; b++) {
                    info[a * 5 + b] += mu * x[a] * x[b];
                }
            }
        }
        FeatureDemand f = FeatureDemand.fit(p, o, r, d);
        // Standard errors from the inverse Fisher information at the truth; |error| < 3.89 se is a
        // 99.99% two-sided region per coefficient (five coefficients: a false alarm below 0.05%).
        for (int k = 0; k < 5; k++) {
            double[] e = new double[5];
            e[k] = 1;
            double var = Cholesky.solve(info.clone(), e, 5, 1e-300)[k];
            double se = Math.sqrt(var);
            assertTrue(Math.abs(f.coefficient(k) - truth[k]) < 3.89 * se,
                    FeatureDemand.FEATURES.get(k) + ": " + f.coefficient(k) + " vs " + truth[k] + ", se " + se);
            if (k > 0) {
                // The check has power: each slope is pinned far more tightly than its size.
                assertTrue(se < Math.abs(truth[k]) / 3, FeatureDemand.FEATURES.get(k) + " se " + se);
            }
            assertTrue(f.identified(k));
        }
        // The maximum is a stationary point of the likelihood in every identified direction.
        double[] g = new double[5];
        for (int i = 0; i < n; i++) {
            double[] x = features(p[i], o[i], r[i]);
            double res = d[i] - f.mean(p[i], o[i], r[i]);
            for (int k = 0; k < 5; k++) {
                g[k] += res * x[k];
            }
        }
        for (int k = 0; k < 5; k++) {
            assertEquals(0, g[k], 1e-5 * n, "score " + FeatureDemand.FEATURES.get(k));
        }
    }

    @Test
    void aConstantFeatureIsNotIdentifiedAndGetsZero() {
        Rng rng = new Rng(9);
        int n = 3000;
        double[] p = new double[n];
        double[] o = new double[n];
        double[] r = new double[n];
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = 10 + 2 * rng.nextInt(21);
            o[i] = 9 + 2 * rng.nextInt(21);
            r[i] = 30;
            d[i] = rng.poisson(Math.exp(2 - 0.04 * p[i] - 0.5 * Demand.rank(p[i], o[i])));
        }
        FeatureDemand f = FeatureDemand.fit(p, o, r, d);
        assertFalse(f.identified(3));
        assertEquals(0, f.coefficient(3));
        assertEquals(-0.04, f.coefficient(1), 0.01);
    }

    @Test
    void fitOnTheScenarioIsCloseToTheTrueLawAtTypicalStates() {
        // The true rate is ηΔσ(z) ≈ e^z at these shares, so the GLM fitted to the paper's 10,000
        // simulated rows should reproduce the simulator's mean within a few percent.
        PricingScenario b = PricingScenario.named("b");
        FeatureDemand f = FeatureDemand.simulateAndFit(b, 10_000, 3L);
        Demand truth = new Demand(b);
        for (double[] s : new double[][] {{30, 31, 30}, {28, 29, 31}, {40, 27, 30}, {20, 41, 29}}) {
            double t = truth.rate(s[0], s[1], s[2]);
            assertEquals(t, f.mean(s[0], s[1], s[2]), 0.08 * t, "at " + java.util.Arrays.toString(s));
        }
        // The own-price-only fit of the paper misses the rank effect entirely.
        assertTrue(f.coefficient(4) < -0.4, "rank coefficient " + f.coefficient(4));
    }

    @Test
    void refusesBadInput() {
        double[] z = new double[6];
        assertThrows(IllegalArgumentException.class, () -> FeatureDemand.fit(z, z, z, new int[6]));
        assertThrows(IllegalArgumentException.class, () -> FeatureDemand.fit(z, z, new double[5], new int[6]));
        assertThrows(IllegalArgumentException.class, () -> FeatureDemand.of(1, Double.NaN, 0, 0, 0));
    }
}
