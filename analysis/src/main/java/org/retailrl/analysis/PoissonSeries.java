package org.retailrl.analysis;

import java.util.function.IntToDoubleFunction;

/**
 * Poisson probabilities and truncated expectations {@code E[g(D)]}, {@code D ~ Poisson(λ)}, with
 * a proved bound on the truncation error (THEORY.md §5). Used where no finite closed form exists:
 * the exact second moments (variances) of the LR and IPA estimators of docs/model.md §2, and as an
 * independent oracle for {@link ExactProfit}.
 *
 * <p>Truncation rule: if {@code |g(k)| ≤ Σ_{j≤4} a_j k^j} with {@code a_j ≥ 0}, write
 * {@code k^j} in falling factorials {@code k^(i)} (Stirling numbers) and use
 * {@code E[D^(i) 1{D ≥ K}] = λ^i P(D ≥ K − i)}; each tail is bounded by Chernoff's
 * {@code P(D ≥ m) ≤ e^{−λ}(eλ/m)^m} for {@code m > λ} (1 otherwise). The sum stops at the first
 * {@code K} whose bound is at most the requested tolerance.
 */
public final class PoissonSeries {
    /** Truncated sums never go past this many terms beyond the mean. */
    private static final int MAX_TERMS = 10_000_000;

    private PoissonSeries() {
    }

    /** A truncated expectation: the partial sum over {@code k < terms} and its error bound. */
    public record Truncated(double value, int terms, double errorBound) {
    }

    /** {@code P(D = k)}, computed in log space so it neither underflows early nor overflows. */
    public static double pmf(double lambda, int k) {
        checkLambda(lambda);
        if (k < 0) {
            return 0;
        }
        if (lambda == 0) {
            return k == 0 ? 1 : 0;
        }
        return Math.exp(-lambda + k * Math.log(lambda) - org.retailrl.core.random.SpecialFunctions.logGamma(k + 1.0));
    }

    /** {@code P(D > n) = 1 − F_n}; 1 for {@code n < 0}. */
    public static double upperTail(double lambda, int n) {
        checkLambda(lambda);
        if (n < 0) {
            return 1;
        }
        double logLam = Math.log(lambda);
        double logf = -lambda;
        double cdf = 0;
        for (int k = 0; k <= n; k++) {
            cdf += Math.exp(logf);
            logf += logLam - Math.log(k + 1);
        }
        return Math.max(0.0, 1.0 - cdf);
    }

    /** Chernoff bound on {@code P(D ≥ m)}: {@code e^{−λ}(eλ/m)^m} when {@code m > λ}, else 1. */
    public static double chernoffTail(double lambda, double m) {
        checkLambda(lambda);
        if (m <= lambda) {
            return 1;
        }
        if (lambda == 0) {
            return 0;
        }
        return Math.min(1.0, Math.exp(-lambda + m + m * Math.log(lambda / m)));
    }

    /**
     * Bound on {@code |Σ_{k≥K} g(k) f_k|} for {@code |g(k)| ≤ Σ_j growth[j]·k^j} ({@code j ≤ 4},
     * coefficients ≥ 0): powers are rewritten in falling factorials {@code k^(j)} and
     * {@code E[D^(j) 1{D ≥ K}] = λ^j P(D ≥ K − j)}, each tail bounded by {@link #chernoffTail}.
     */
    public static double tailBound(double lambda, int K, double... growth) {
        if (growth.length == 0 || growth.length > 5) {
            throw new IllegalArgumentException("growth must have 1 to 5 coefficients, got " + growth.length);
        }
        // Stirling numbers of the second kind: k^j = Σ_i S(j, i) k^(i).
        double[][] stirling = {{1}, {0, 1}, {0, 1, 1}, {0, 1, 3, 1}, {0, 1, 7, 6, 1}};
        double[] fact = new double[5];
        for (int j = 0; j < growth.length; j++) {
            if (!(growth[j] >= 0) || !Double.isFinite(growth[j])) {
                throw new IllegalArgumentException("growth[" + j + "] must be finite and >= 0, got " + growth[j]);
            }
            for (int i = 0; i <= j; i++) {
                fact[i] += growth[j] * stirling[j][i];
            }
        }
        double bound = 0;
        for (int i = 0; i < 5; i++) {
            if (fact[i] > 0) {
                bound += fact[i] * Math.pow(lambda, i) * chernoffTail(lambda, (double) K - i);
            }
        }
        return bound;
    }

    /**
     * {@code Σ_{k<K} g(k) f_k} with {@code K} the first truncation point whose {@link #tailBound}
     * is at most {@code tolerance}; {@code g} must satisfy {@code |g(k)| ≤ Σ_j growth[j]·k^j}.
     */
    public static Truncated expectation(double lambda, IntToDoubleFunction g, double tolerance, double... growth) {
        checkLambda(lambda);
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
        double logLam = lambda > 0 ? Math.log(lambda) : Double.NEGATIVE_INFINITY;
        double logf = -lambda;
        double sum = 0;
        int limit = (int) Math.min(Integer.MAX_VALUE - 1L, (long) Math.ceil(lambda) + MAX_TERMS);
        for (int k = 0; k < limit; k++) {
            double bound = tailBound(lambda, k, growth);
            if (bound <= tolerance) {
                return new Truncated(sum, k, bound);
            }
            sum += g.applyAsDouble(k) * Math.exp(logf);
            logf += logLam - Math.log(k + 1);
        }
        throw new IllegalArgumentException("tolerance " + tolerance + " not reachable for lambda " + lambda);
    }

    private static void checkLambda(double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
    }
}
