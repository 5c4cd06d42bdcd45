package org.retailrl.algorithms.heuristics;

import java.util.List;
import org.retailrl.core.linalg.Cholesky;
import org.retailrl.envs.pricing.Demand;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * The demand fit of the strong heuristics (docs/model.md §8.10): a Poisson GLM with log link in
 * every feature the policies observe,
 * {@code log E[D] = θ₀ + θ₁ p + θ₂ o + θ₃ r + θ₄ rank(p, o)}, with own price {@code p},
 * competitor's price {@code o}, reference price {@code r} (currency per unit) and the price rank of
 * docs/model.md §1.2 (1 cheaper, 1.5 tie, 2 dearer), fitted by maximum likelihood to the same
 * simulated rows as the paper's own-price fit ({@link FittedDemand}).
 *
 * <p>Why this form: the true rate is {@code ηΔ σ(z)} with {@code z} linear in exactly these
 * features; at the scenarios' prices {@code σ(z) ≈ e^z} (the share {@code λ/(ηΔ)} is below 2%), so
 * the log-linear GLM is nearly the true law, while a fit in the own price alone averages the
 * competitor and reference effects away.
 *
 * <p>Fitting: Newton's method (for the canonical log link the same iterates as iteratively
 * reweighted least squares) on the concave log-likelihood, features centred and scaled for
 * conditioning, a step halved until the likelihood does not fall, until every step is below
 * 1e-10 in the scaled coordinates. A feature that does not vary in the data (the reference price
 * when it is frozen, the competitor's price when it is fixed) is not identified: its coefficient is
 * 0 and {@link #identified(int)} is false. Deterministic: no randomness beyond the data.
 */
public final class FeatureDemand implements MarketDemand {
    /** Feature names, in coefficient order. */
    public static final List<String> FEATURES = List.of("intercept", "price", "competitor", "reference", "rank");
    private static final int P = 5;
    private final double[] theta;
    private final boolean[] identified;
    private final int samples;
    private final double logLikelihood;
    private final int iterations;

    private FeatureDemand(double[] theta, boolean[] identified, int samples, double logLikelihood, int iterations) {
        this.theta = theta;
        this.identified = identified;
        this.samples = samples;
        this.logLikelihood = logLikelihood;
        this.iterations = iterations;
    }

    /** Simulates {@code samples} rows as {@link FittedDemand#simulateAndFit} does (same streams) and fits them. */
    public static FeatureDemand simulateAndFit(PricingScenario scenario, int samples, long seed) {
        DemandSamples rows = DemandSamples.simulate(scenario, samples, seed);
        return fit(rows.prices(), rows.competitor(), rows.reference(), rows.demands());
    }

    /** Maximum-likelihood fit to rows {@code (p_i, o_i, r_i, d_i)}. */
    public static FeatureDemand fit(double[] prices, double[] competitor, double[] reference, int[] demands) {
        if (prices == null || competitor == null || reference == null || demands == null
                || competitor.length != prices.length || reference.length != prices.length
                || demands.length != prices.length || prices.length < P) {
            throw new IllegalArgumentException("prices, competitor, reference and demands must have the same length >= "
                    + P);
        }
        int n = prices.length;
        double[][] x = new double[P][n];
        long dSum = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(prices[i]) || !Double.isFinite(competitor[i]) || !Double.isFinite(reference[i])
                    || demands[i] < 0) {
                throw new IllegalArgumentException("row " + i + " must have finite prices and demand >= 0");
            }
            x[0][i] = 1;
            x[1][i] = prices[i];
            x[2][i] = competitor[i];
            x[3][i] = reference[i];
            x[4][i] = Demand.rank(prices[i], competitor[i]);
            dSum += demands[i];
        }
        if (dSum == 0) {
            throw new IllegalArgumentException("demands are all zero: the log-linear mean has no finite MLE");
        }
        // Centre and scale each feature; a constant one is left out (coefficient 0).
        double[] centre = new double[P];
        double[] scale = new double[P];
        boolean[] used = new boolean[P];
        used[0] = true;
        scale[0] = 1;
        for (int k = 1; k < P; k++) {
            double m = 0;
            for (int i = 0; i < n; i++) {
                m += x[k][i];
            }
            m /= n;
            double v = 0;
            for (int i = 0; i < n; i++) {
                v += (x[k][i] - m) * (x[k][i] - m);
            }
            double sd = Math.sqrt(v / n);
            centre[k] = m;
            scale[k] = sd;
            used[k] = sd > 1e-9 * (1 + Math.abs(m));
            for (int i = 0; i < n; i++) {
                x[k][i] = used[k] ? (x[k][i] - m) / sd : 0;
            }
        }
        double[] beta = new double[P];
        beta[0] = Math.log((double) dSum / n);
        double ll = logLik(x, demands, beta);
        double[] g = new double[P];
        double[] h = new double[P * P];
        double[] trial = new double[P];
        int it = 0;
        while (it < 200) {
            it++;
            java.util.Arrays.fill(g, 0);
            java.util.Arrays.fill(h, 0);
            for (int i = 0; i < n; i++) {
                double mu = Math.exp(eta(x, beta, i));
                double r = demands[i] - mu;
                for (int a = 0; a < P; a++) {
                    if (!used[a]) {
                        continue;
                    }
                    g[a] += r * x[a][i];
                    for (int b = 0; b <= a; b++) {
                        h[a * P + b] += mu * x[a][i] * x[b][i];
                    }
                }
            }
            for (int a = 0; a < P; a++) {
                if (!used[a]) {
                    h[a * P + a] = 1;
                }
            }
            double[] step = Cholesky.solve(h, g, P, 1e-12 * n);
            double t = 1;
            double next;
            while (true) {
                for (int a = 0; a < P; a++) {
                    trial[a] = beta[a] + t * step[a];
                }
                next = logLik(x, demands, trial);
                if (next >= ll || t < 1e-10) {
                    break;
                }
                t /= 2;
            }
            double largest = 0;
            for (int a = 0; a < P; a++) {
                largest = Math.max(largest, Math.abs(t * step[a]));
            }
            if (next >= ll) {
                System.arraycopy(trial, 0, beta, 0, P);
                ll = next;
            }
            if (largest < 1e-10 || t < 1e-10) {
                break;
            }
        }
        if (!Double.isFinite(ll)) {
            throw new IllegalArgumentException("the Poisson fit diverged: the rows do not identify the coefficients");
        }
        // Back to the original units.
        double[] theta = new double[P];
        theta[0] = beta[0];
        for (int k = 1; k < P; k++) {
            if (used[k]) {
                theta[k] = beta[k] / scale[k];
                theta[0] -= theta[k] * centre[k];
            }
        }
        return new FeatureDemand(theta, used, n, ll, it);
    }

    /** A fit with given coefficients (in {@link #FEATURES} order), e.g. for tests. */
    public static FeatureDemand of(double intercept, double price, double competitor, double reference, double rank) {
        double[] t = {intercept, price, competitor, reference, rank};
        for (int k = 0; k < P; k++) {
            if (!Double.isFinite(t[k])) {
                throw new IllegalArgumentException(FEATURES.get(k) + " coefficient must be finite, got " + t[k]);
            }
        }
        return new FeatureDemand(t, new boolean[] {true, true, true, true, true}, 0, Double.NaN, 0);
    }

    private static double eta(double[][] x, double[] beta, int i) {
        double e = 0;
        for (int a = 0; a < P; a++) {
            e += beta[a] * x[a][i];
        }
        return e;
    }

    private static double logLik(double[][] x, int[] d, double[] beta) {
        double s = 0;
        for (int i = 0; i < d.length; i++) {
            double e = eta(x, beta, i);
            s += d[i] * e - Math.exp(e);
        }
        return s;
    }

    @Override
    public double mean(double p, double o, double r) {
        return Math.exp(theta[0] + theta[1] * p + theta[2] * o + theta[3] * r + theta[4] * Demand.rank(p, o));
    }

    /** Coefficient {@code k} in {@link #FEATURES} order, per currency unit for the prices. */
    public double coefficient(int k) {
        return theta[k];
    }

    /** False when feature {@code k} did not vary in the data (its coefficient is then 0). */
    public boolean identified(int k) {
        return identified[k];
    }

    /** Rows fitted (0 for {@link #of}). */
    public int samples() {
        return samples;
    }

    /** Maximised Poisson log-likelihood without the {@code −log d!} terms. */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** Newton iterations used. */
    public int iterations() {
        return iterations;
    }
}
