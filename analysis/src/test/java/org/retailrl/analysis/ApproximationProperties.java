package org.retailrl.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Zheng, Li, Jiang and Peng Thm. 3.16 (the two-timescale iteration Eq. (16) settles at a point meeting the
 * optimality conditions (15)) and Thm. 3.18 (mean-squared error {@code O(b_n)}), docs/model.md §2.
 *
 * <p>Schedule used throughout (stated, not tuned per case): price scale 20, stock scale 2, fast
 * exponent 0.6, slow exponent 0.9, offset 10, batch 4, start (40, 10), 20 000 iterations.
 */
class ApproximationProperties {
    static final long ITERATIONS = 20_000;

    static StepSchedule schedule(TimescaleOrdering o) {
        return new StepSchedule(o, 20, 2, 0.6, 0.9, 10);
    }

    /**
     * Thm. 3.16 domain: the Thm. 3.9 domain (β0 ≤ 0, |β1|(pHi + h) ≤ 2, so π is concave in p and
     * p*(y) is single-valued), with magnitudes of the Table 5 family so that the fixed schedule
     * above is a sensible one: η ∈ [400, 1200], Δ = 0.5, β0 ∈ [−5, −3],
     * {@code β1 = −2u/(pHi + h)} with u ∈ [0.1, 1], h ∈ [1, 6], b ∈ [5, 15], c ∈ [2, 8],
     * p ∈ [0, 80], y ∈ [0, 20], x0 = 0.
     */
    @Provide
    Arbitrary<SinglePeriodModel> tableFiveFamily() {
        return Combinators.combine(Arbitraries.doubles().between(400, 1200).ofScale(3),
                Arbitraries.doubles().between(-5, -3).ofScale(4), Arbitraries.doubles().between(0.1, 1).ofScale(4),
                Arbitraries.doubles().between(1, 6).ofScale(3), Arbitraries.doubles().between(5, 15).ofScale(3),
                Arbitraries.doubles().between(2, 8).ofScale(3))
                .as((eta, b0, u, h, b, c) -> new SinglePeriodModel(eta, 0.5, b0, -2 * u / (80 + h), h, b, c, 0, 0, 80,
                        0, 20));
    }

    /**
     * Thm. 3.16, both orderings: after 20 000 steps each of three SA runs (seeds 17, 18, 19) is
     * within 2 price units (2.5% of the box) and 1 stock unit of a point meeting (15)
     * ({@link ExactOptimizer#stationaryPoints}). A run with a broken gradient estimator or a frozen
     * slow iterate ends several units away (the start is (40, 10)).
     */
    @Property(tries = 12, seed = "61")
    void thm316EndsNearStationaryPoint(@ForAll("tableFiveFamily") SinglePeriodModel m) {
        List<ExactOptimizer.Optimum> st = ExactOptimizer.stationaryPoints(m);
        for (TimescaleOrdering o : TimescaleOrdering.values()) {
            StepSchedule sc = schedule(o);
            for (long seed = 17; seed <= 19; seed++) {
                SaTrace t = TwoTimescaleSA.run(m, sc, 40, 10, ITERATIONS, 4, true, 1000, seed);
                boolean ok = st.stream().anyMatch(s -> Math.abs(s.p() - t.finalPrice()) <= 2
                        && Math.abs(s.y() - t.finalStock()) <= 1);
                long sd = seed;
                assertTrue(ok, () -> o + " seed " + sd + " ended at (" + t.finalPrice() + ", " + t.finalStock()
                        + "), points " + st);
            }
        }
    }

    static double priceTolerance(SinglePeriodModel m, StepSchedule sc, ExactOptimizer.Optimum s) {
        double var = Math.max(0, GradientEstimators.exactLrVariance(m, s.p(), s.y(), s.profit(), 1e-6));
        double curv = Math.abs(ExactProfit.evaluate(m, s.p(), s.y()).profit().dpp());
        return 4 + 5 * Math.sqrt(sc.priceStep(ITERATIONS) * var / (2 * 4 * Math.max(curv, 1e-3)));
    }

    static double stockTolerance(SinglePeriodModel m, StepSchedule sc, ExactOptimizer.Optimum s) {
        ProfitParts pp = ExactProfit.evaluate(m, s.p(), s.y());
        double slope = Math.min(Math.abs(pp.slopeLeft()), Math.abs(pp.slopeRight()));
        double var = Math.max(GradientEstimators.exactIpaVariance(m, s.p(), Math.max(s.y() - 0.5, 0)),
                GradientEstimators.exactIpaVariance(m, s.p(), Math.min(s.y() + 0.5, m.yHi())));
        return 0.25 + 5 * sc.stockStep(ITERATIONS) * var / (2 * 4 * Math.max(slope, 1e-3));
    }

    /**
     * Thm. 3.18 at β1 = −0.02 (other values Table 5; inside the Thm. 3.9 domain, interior
     * optimum): the fitted log-log slope of the mean-squared distance to the limit point against
     * the slow step b_n over iterations 100..12 800, 16 groups of 8 replications, two-sided 99.9%
     * t-intervals (15 degrees of freedom: 4.073). With either agent fast the error decays at least
     * like √b_n (interval above 1/2; an iteration whose error does not decay fails). With stock
     * fast the interval contains 1, the theorem's rate {@code MSE ∝ b_n}.
     */
    @Test
    void thm318MseDecaysLikeSlowStep() {
        for (TimescaleOrdering o : TimescaleOrdering.values()) {
            double[] ci = slopeInterval(o);
            assertTrue(ci[0] > 0.5, () -> o + ": slope interval " + java.util.Arrays.toString(ci) + " not above 1/2");
        }
        double[] stockFast = slopeInterval(TimescaleOrdering.STOCK_FAST);
        assertTrue(stockFast[0] <= 1 && stockFast[1] >= 1, () -> "stock fast: slope interval "
                + java.util.Arrays.toString(stockFast) + " excludes 1");
    }

    /**
     * A finding, kept as a test (THEORY.md §4): with price fast the slope over the same window is
     * about 0.77 and its 99.9% interval lies below 1, so the theorem's rate is not reached within
     * 12 800 iterations of this schedule; the asymptotic statement is neither confirmed nor refuted.
     */
    @Test
    void thm318RateNotReachedWithPriceFastInThisWindow() {
        double[] ci = slopeInterval(TimescaleOrdering.PRICE_FAST);
        assertTrue(ci[1] < 1, () -> "price fast: slope interval " + java.util.Arrays.toString(ci) + " reaches 1");
    }

    /** Two-sided 99.9% t-interval of the limit slope over 16 groups. */
    static double[] slopeInterval(TimescaleOrdering o) {
        double[] lim = groupSlopes(o, 16)[0];
        double mean = mean(lim);
        double half = 4.073 * sd(lim) / Math.sqrt(lim.length);
        return new double[] {mean - half, mean + half};
    }

    static double[][] groupSlopes(TimescaleOrdering o, int groups) {
        SinglePeriodModel m = SinglePeriodModel.tableFive().withBeta1(-0.02);
        double[] lim = new double[groups];
        double[] track = new double[groups];
        for (int g = 0; g < groups; g++) {
            MseDecay.Result r = MseDecay.measure(m, schedule(o), 40, 10, 12_800, 4, 100, 400, 8, 1000L * g);
            lim[g] = r.limitSlopeVsSlow();
            track[g] = r.trackingSlopeVsSlow();
        }
        return new double[][] {lim, track};
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
