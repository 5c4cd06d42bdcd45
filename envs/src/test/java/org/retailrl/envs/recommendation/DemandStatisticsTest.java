package org.retailrl.envs.recommendation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * Eq. 9 statistically: with one customer of {@code c = 50} purchases and ratings {@code (0, ln 3)},
 * Eq. 10 gives {@code γ = (1/4, 3/4)}, so {@code d^0 ~ Binomial(50, 1/4)} (mean 12.5, variance
 * 9.375) and {@code d^1 ~ Binomial(50, 3/4)} independently. 4,000 periods from a fixed seed; every
 * check is a two-sided z-test at the 99.9 % level (|z| ≤ 3.29), a normal approximation that is
 * accurate at this sample size.
 */
class DemandStatisticsTest {
    private static final int PERIODS = 4000;
    private static final double Z = 3.29;

    @Test
    void demandIsBinomialWithSoftmaxProbabilities() {
        RecommendationScenario sc = new RecommendationScenario(2, 1, PERIODS, new double[] {1, 1},
                new double[] {0, 0}, new double[] {0, 0}, new double[] {0, 0}, new int[] {0, 0},
                new int[] {0, 0}, 0, 5.0, 0.0, new double[] {0, Math.log(3)}, new int[] {50},
                ShortageMode.LOST_SALES);
        RecommendationEnv env = new RecommendationEnv(sc);
        env.reset(123456789L);
        double[] sum = new double[2];
        double[] sumSq = new double[2];
        double sumProd = 0;
        for (int t = 0; t < PERIODS; t++) {
            int[] d = env.step(new int[] {0, 0}, new double[] {1, 1}).info().demand();
            for (int i = 0; i < 2; i++) {
                sum[i] += d[i];
                sumSq[i] += (double) d[i] * d[i];
            }
            sumProd += (double) d[0] * d[1];
        }
        double[] p = {0.25, 0.75};
        double[] mean = new double[2];
        for (int i = 0; i < 2; i++) {
            double mu = 50 * p[i];
            double var = 50 * p[i] * (1 - p[i]);
            mean[i] = sum[i] / PERIODS;
            double s2 = (sumSq[i] - PERIODS * mean[i] * mean[i]) / (PERIODS - 1);
            double zMean = (mean[i] - mu) / Math.sqrt(var / PERIODS);
            assertTrue(Math.abs(zMean) <= Z, "mean of d^" + i + ": " + mean[i] + " vs " + mu + ", z = " + zMean);
            // Var(s²) ≈ (μ4 − σ⁴(n−3)/(n−1))/n with the binomial μ4 = npq(1 + 3(n−2)pq), n = 50 trials.
            double pq = p[i] * (1 - p[i]);
            double mu4 = 50 * pq * (1 + 3 * 48 * pq);
            double sdS2 = Math.sqrt((mu4 - var * var * (PERIODS - 3.0) / (PERIODS - 1)) / PERIODS);
            double zVar = (s2 - var) / sdS2;
            assertTrue(Math.abs(zVar) <= Z, "variance of d^" + i + ": " + s2 + " vs " + var + ", z = " + zVar);
        }
        // Independent binomials (not a multinomial split): covariance 0, sd of the sample covariance
        // ≈ σ0·σ1/√n.
        double cov = sumProd / PERIODS - mean[0] * mean[1];
        double zCov = cov / (9.375 / Math.sqrt(PERIODS));
        assertTrue(Math.abs(zCov) <= Z, "covariance " + cov + ", z = " + zCov);
    }
}
