package org.retailrl.envs.pricing;

import org.retailrl.core.simd.FastExp;

/**
 * The logit-Poisson demand rate of docs/model.md §1 (Schlosser &amp; Richly 2019):
 * {@code λ(p, o, r) = η · Δ · σ(x(p, o, r) · β)}, in units demanded per period, with the six
 * regressors {@code x = (1, rank, p − o, 1, (p + o)/2, p − r)} where
 * {@code rank = 1 + (1{o < p} + 1{o ≤ p})/2} and the single competitor counts as one.
 *
 * <p>The exponential is {@link FastExp}'s (within 2 ulp of {@code Math.exp}), so that this method and
 * the vector lanes of the batched kernel agree to the bit. Immutable.
 */
public final class Demand {
    final double scale;
    final double constant;
    final double betaRank;
    final double betaGap;
    final double betaAverage;
    final double betaReference;

    /** The demand model of {@code scenario}. */
    public Demand(PricingScenario scenario) {
        scale = scenario.marketSize() * scenario.periodLength();
        // One competitor: the competitor-count regressor is the constant 1 and joins the intercept.
        constant = scenario.betaIntercept() + scenario.betaCompetitors();
        betaRank = scenario.betaRank();
        betaGap = scenario.betaGap();
        betaAverage = scenario.betaAverage();
        betaReference = scenario.betaReference();
    }

    /** The price rank regressor: 1 when the firm is cheaper, 1.5 on a tie, 2 when dearer. */
    public static double rank(double p, double o) {
        return 1 + ((o < p ? 1 : 0) + (o <= p ? 1 : 0)) * 0.5;
    }

    /** The linear score {@code x(p, o, r) · β}. */
    public double score(double p, double o, double r) {
        // The batched kernel's vector lanes repeat this exact sequence of operations; keep them in step.
        return constant + betaRank * rank(p, o) + betaGap * (p - o) + betaAverage * (p + o) * 0.5
                + betaReference * (p - r);
    }

    /** The Poisson mean {@code λ(p, o, r)}, units per period. */
    public double rate(double p, double o, double r) {
        return scale / (1 + FastExp.exp(-score(p, o, r)));
    }

    /** {@code η · Δ}, the supremum of the rate. */
    public double scale() {
        return scale;
    }
}
