package org.retailrl.analysis;

import org.retailrl.core.random.Rng;

/**
 * Unbiased stochastic gradient estimators of the single-period profit (docs/model.md §2, Zheng, Li, Jiang and Peng
 * Prop. 3.14), from demand samples {@code D ~ Poisson(λ(p))}; derivations in THEORY.md §6.
 *
 * <p>Price, likelihood ratio (LR): {@code p} enters the sample profit
 * {@code G(D) = p·min(y, D) − h(y − D)^+ − b(D − y)^+ − c(y − x0)} both directly (through the
 * revenue) and through the law of {@code D}, so
 * {@code ∂π/∂p = E[min(y, D) + (G(D) − β)·(D/λ − 1)·λ'(p)]} for any constant {@code β}
 * ({@code E[score] = 0}). With variance reduction {@code β} is the leave-one-out mean of
 * {@code G} over the rest of the batch, which is independent of the sample it multiplies, so
 * the estimator stays unbiased.
 *
 * <p>Stock, infinitesimal perturbation analysis (IPA):
 * {@code (p + b)·1{D > y} − h·1{D < y} − c}. Unbiased for non-integer {@code y}; at an integer
 * node its mean {@code (p+b)(1 − F_y) − h F_{y−1} − c} lies between the right and the left slope
 * of {@code π}, so it is a supergradient there (THEORY.md §6).
 *
 * <p>Units: money per unit of price ({@code ĝ_p}) and money per unit of stock ({@code ĝ_y}).
 */
public final class GradientEstimators {
    private GradientEstimators() {
    }

    /** Sample mean of a batch of per-sample gradient values and their sample variance. */
    public record Estimate(double mean, double sampleVariance, int samples) {
        /** Standard error of the mean, {@code sqrt(variance / samples)}. */
        public double standardError() {
            return Math.sqrt(sampleVariance / samples);
        }
    }

    /** The sample profit {@code G(D)} (money). */
    public static double sampleProfit(SinglePeriodModel m, double p, double y, int d) {
        double sold = Math.min(y, d);
        return p * sold - m.h() * Math.max(y - d, 0) - m.b() * Math.max(d - y, 0) - m.c() * (y - m.x0());
    }

    /** One LR value {@code min(y, D) + (G(D) − baseline)(D/λ − 1)λ'}. */
    public static double lrSample(SinglePeriodModel m, double p, double y, int d, double baseline) {
        double lam = m.lambda(p);
        double score = (d / lam - 1.0) * m.dLambda(p);
        return Math.min(y, d) + (sampleProfit(m, p, y, d) - baseline) * score;
    }

    /** One IPA value {@code (p + b)1{D > y} − h 1{D < y} − c}. */
    public static double ipaSample(SinglePeriodModel m, double p, double y, int d) {
        return (d > y ? p + m.b() : 0.0) - (d < y ? m.h() : 0.0) - m.c();
    }

    /** Draws {@code batch} demands at price {@code p}. */
    public static int[] demands(SinglePeriodModel m, double p, int batch, Rng rng) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        int[] d = new int[batch];
        double lam = m.lambda(p);
        for (int i = 0; i < batch; i++) {
            d[i] = rng.poisson(lam);
        }
        return d;
    }

    /**
     * LR values for a batch of demands; with {@code baseline} (needs a batch of at least 2) each
     * uses the leave-one-out mean of the others' sample profits as its baseline.
     */
    public static double[] lrValues(SinglePeriodModel m, double p, double y, int[] d, boolean baseline) {
        if (baseline && d.length < 2) {
            throw new IllegalArgumentException("batch must be >= 2 with a baseline, got " + d.length);
        }
        double total = 0;
        if (baseline) {
            for (int x : d) {
                total += sampleProfit(m, p, y, x);
            }
        }
        double[] out = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            double beta = baseline ? (total - sampleProfit(m, p, y, d[i])) / (d.length - 1) : 0.0;
            out[i] = lrSample(m, p, y, d[i], beta);
        }
        return out;
    }

    /** IPA values for a batch of demands. */
    public static double[] ipaValues(SinglePeriodModel m, double p, double y, int[] d) {
        double[] out = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = ipaSample(m, p, y, d[i]);
        }
        return out;
    }

    /** Mean and sample variance of {@code n} fresh LR values at {@code (p, y)}. */
    public static Estimate lr(SinglePeriodModel m, double p, double y, int n, boolean baseline, Rng rng) {
        return summarise(lrValues(m, p, y, demands(m, p, n, rng), baseline));
    }

    /** Mean and sample variance of {@code n} fresh IPA values at {@code (p, y)}. */
    public static Estimate ipa(SinglePeriodModel m, double p, double y, int n, Rng rng) {
        return summarise(ipaValues(m, p, y, demands(m, p, n, rng)));
    }

    /**
     * Exact variance of one LR value with constant baseline {@code β}, from a truncated series
     * whose second-moment error is at most {@code tolerance} (money² per price²).
     */
    public static double exactLrVariance(SinglePeriodModel m, double p, double y, double beta, double tolerance) {
        double mean = ExactProfit.dProfitDp(m, p, y);
        double lam = m.lambda(p);
        double l1 = Math.abs(m.dLambda(p));
        // |G − β| ≤ g0 + b·k and |score| ≤ (1 + k/λ)|λ'|, so |ĝ| ≤ a + bl·k + cq·k².
        double g0 = (p + m.h() + m.c()) * y + Math.abs(beta);
        double a = y + g0 * l1;
        double bl = (g0 / lam + m.b()) * l1;
        double cq = m.b() / lam * l1;
        PoissonSeries.Truncated second = PoissonSeries.expectation(lam, k -> {
            double v = lrSample(m, p, y, k, beta);
            return v * v;
        }, tolerance, a * a, 2 * a * bl, bl * bl + 2 * a * cq, 2 * bl * cq, cq * cq);
        return second.value() - mean * mean;
    }

    /** Exact variance of one IPA value: a three-point law, no truncation. */
    public static double exactIpaVariance(SinglePeriodModel m, double p, double y) {
        double lam = m.lambda(p);
        double above = y == Math.floor(y) ? PoissonSeries.upperTail(lam, (int) y)
                : PoissonSeries.upperTail(lam, (int) Math.floor(y));
        double below = y == Math.floor(y) ? 1 - PoissonSeries.upperTail(lam, (int) y - 1)
                : 1 - above;
        double u = p + m.b();
        double mean = u * above - m.h() * below;
        double second = u * u * above + m.h() * m.h() * below;
        return second - mean * mean;
    }

    static Estimate summarise(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return new Estimate(mean, v.length > 1 ? ss / (v.length - 1) : 0.0, v.length);
    }
}
