package org.retailrl.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.retailrl.core.random.Rng;

/**
 * Zheng, Li, Jiang and Peng Prop. 3.14 (docs/model.md §2): the LR estimator of ∂π/∂p and the IPA estimator of ∂π/∂y
 * are unbiased. Domain: every model of {@link Models#broad()}, any price in the box; for IPA a
 * stock level strictly between integer nodes (at a node π has a kink; there the estimator's mean
 * is checked to lie between the one-sided slopes).
 *
 * <p>Confidence: fixed seeds and a two-sided 99.9% band from Bernstein's inequality,
 * {@code |mean − μ| ≤ sqrt(2σ² ln(2/δ)/n) + 2M ln(2/δ)/(3n)} with {@code δ = 0.0009}, σ² the exact
 * variance of one value (truncated series, its error added) and M the largest
 * {@code |value − μ|} over demands up to a level {@code K} with {@code n·P(D > K) ≤ 1e-4}; the two
 * failure probabilities sum to 0.001. A normal (CLT) band is not used: with rare events
 * ({@code P(D > y)} ≈ 1e-3) and n = 4000 it under-covers. The targets are central finite
 * differences of the exact π, an oracle that shares no formula with the estimators.
 */
class EstimatorProperties {
    private static final double LOG_TERM = Math.log(2 / 0.0009);
    private static final int N = 4000;

    @Provide
    Arbitrary<SinglePeriodModel> models() {
        return Models.broad();
    }

    /** Demand level above which all n samples fall with probability at most 1e-4. */
    private static int kMax(double lam) {
        int k = (int) Math.ceil(lam);
        while (N * PoissonSeries.chernoffTail(lam, k + 1.0) > 1e-4) {
            k++;
        }
        return k;
    }

    private static double bernstein(double var, double range) {
        return Math.sqrt(2 * var * LOG_TERM / N) + 2 * range * LOG_TERM / (3.0 * N);
    }

    private static double fdPrice(SinglePeriodModel m, double p, double y) {
        double d = 1e-4 * Math.max(1.0, m.pHi() - m.pLo());
        double lo = Math.max(m.pLo(), p - d);
        double hi = Math.min(m.pHi(), p + d);
        return (ExactProfit.profit(m, hi, y) - ExactProfit.profit(m, lo, y)) / (hi - lo);
    }

    /** LR without baseline: sample mean within the 99.9% band (exact variance) of the FD derivative. */
    @Property(tries = 30, seed = "51")
    void lrUnbiased(@ForAll("models") SinglePeriodModel m, @ForAll @DoubleRange(min = 0, max = 1) double u,
            @ForAll @DoubleRange(min = 0, max = 1) double v, @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        double p = m.pLo() + (m.pHi() - m.pLo()) * u;
        double y = m.yHi() * v;
        double target = fdPrice(m, p, y);
        double exact = ExactProfit.dProfitDp(m, p, y);
        assertEquals(exact, target, 1e-5 * (1 + Math.abs(exact) + Math.abs(ExactProfit.profit(m, p, y))));
        double tol = 1e-9 * (1 + exact * exact);
        double var = Math.max(0, GradientEstimators.exactLrVariance(m, p, y, 0, tol)) + tol;
        double range = 0;
        for (int k = 0; k <= kMax(m.lambda(p)); k++) {
            range = Math.max(range, Math.abs(GradientEstimators.lrSample(m, p, y, k, 0) - exact));
        }
        GradientEstimators.Estimate e = GradientEstimators.lr(m, p, y, N, false, new Rng(seed));
        double band = bernstein(var, range) + 1e-6 * (1 + Math.abs(target));
        assertTrue(Math.abs(e.mean() - target) <= band,
                () -> "LR mean " + e.mean() + " vs " + target + " band " + band);
    }

    /**
     * LR with the leave-one-out baseline: sample mean within the 99.9% band. The band uses the
     * exact variance of the estimator with the constant baseline {@code E[G] = π(p, y)}, which the
     * leave-one-out mean approaches at rate 1/n (a sample variance is unreliable here: when
     * {@code D > y} is rare it can be near zero while the mean is still off).
     */
    @Property(tries = 30, seed = "52")
    void lrWithBaselineUnbiased(@ForAll("models") SinglePeriodModel m, @ForAll @DoubleRange(min = 0, max = 1) double u,
            @ForAll @DoubleRange(min = 0, max = 1) double v, @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        double p = m.pLo() + (m.pHi() - m.pLo()) * u;
        double y = m.yHi() * v;
        double target = fdPrice(m, p, y);
        double tol = 1e-9 * (1 + target * target);
        double var = Math.max(0, GradientEstimators.exactLrVariance(m, p, y, ExactProfit.profit(m, p, y), tol)) + tol;
        // The leave-one-out baseline is a mean of sample profits: bounded by the largest |G|.
        int kMax = kMax(m.lambda(p));
        double gMax = 0;
        double scoreMax = 0;
        for (int k = 0; k <= kMax; k++) {
            gMax = Math.max(gMax, Math.abs(GradientEstimators.sampleProfit(m, p, y, k)));
            scoreMax = Math.max(scoreMax, Math.abs((k / m.lambda(p) - 1) * m.dLambda(p)));
        }
        double range = y + 2 * gMax * scoreMax + Math.abs(target);
        GradientEstimators.Estimate e = GradientEstimators.lr(m, p, y, N, true, new Rng(seed));
        double band = bernstein(var, range) + 1e-6 * (1 + Math.abs(target));
        assertTrue(Math.abs(e.mean() - target) <= band,
                () -> "LR+baseline mean " + e.mean() + " vs " + target + " band " + band);
    }

    /** IPA between nodes: sample mean within the 99.9% band (exact variance) of the FD slope in y. */
    @Property(tries = 30, seed = "53")
    void ipaUnbiasedBetweenNodes(@ForAll("models") SinglePeriodModel m, @ForAll @DoubleRange(min = 0, max = 1) double u,
            @ForAll @DoubleRange(min = 0.05, max = 0.95) double t, @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        double p = m.pLo() + (m.pHi() - m.pLo()) * u;
        int n = (int) Math.floor((m.yHi() - 1) * u);
        double y = n + t;
        double d = 1e-3;
        double target = (ExactProfit.profit(m, p, y + d) - ExactProfit.profit(m, p, y - d)) / (2 * d);
        double var = GradientEstimators.exactIpaVariance(m, p, y);
        GradientEstimators.Estimate e = GradientEstimators.ipa(m, p, y, N, new Rng(seed));
        double range = p + m.b() + m.h() + Math.abs(target);
        double band = bernstein(var, range) + 1e-6 * (1 + Math.abs(target));
        assertTrue(Math.abs(e.mean() - target) <= band,
                () -> "IPA mean " + e.mean() + " vs " + target + " band " + band);
        PoissonSeries.Truncated second = PoissonSeries.expectation(m.lambda(p), k -> {
            double g = GradientEstimators.ipaSample(m, p, y, k);
            return g * g;
        }, 1e-12, Math.pow(p + m.b() + m.h() + m.c(), 2));
        assertEquals(second.value() - target * target, var, 1e-6 * (1 + second.value()));
    }

    /**
     * IPA at an integer node n ≥ 1: its exact mean {@code (p+b)(1 − F_n) − h F_{n−1} − c} lies
     * between the right and the left slope of π, i.e. it is a supergradient of the concave π(p, ·).
     */
    @Property(tries = 40, seed = "54")
    void ipaAtNodeIsSupergradient(@ForAll("models") SinglePeriodModel m, @ForAll @DoubleRange(min = 0, max = 1) double u) {
        double p = m.pLo() + (m.pHi() - m.pLo()) * u;
        int n = 1 + (int) Math.floor((m.yHi() - 1) * u);
        double lam = m.lambda(p);
        double mean = (p + m.b()) * PoissonSeries.upperTail(lam, n)
                - m.h() * (1 - PoissonSeries.upperTail(lam, n - 1)) - m.c();
        ProfitParts pp = ExactProfit.evaluate(m, p, n);
        double tol = 1e-9 * (1 + p + m.b() + m.h());
        assertTrue(mean <= pp.slopeLeft() + tol && mean >= pp.slopeRight() - tol,
                () -> mean + " not in [" + pp.slopeRight() + ", " + pp.slopeLeft() + "]");
    }
}
