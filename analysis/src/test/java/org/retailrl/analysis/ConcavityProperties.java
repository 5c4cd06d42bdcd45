package org.retailrl.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * Zheng, Li, Jiang and Peng Prop. 3.3, Prop. 3.6, Lemma 3.7 and the price part of Thm. 3.9 (docs/model.md §2), each in
 * the parameter domain derived in THEORY.md §2, and each with the counterexample that shows the
 * paper's unconditional statement is false outside it. Second derivatives are the exact ones of
 * {@link ExactProfit} (checked against finite differences in {@link ExactProfitTest}); every
 * counterexample is confirmed by a second difference of exact values, independent of them.
 */
class ConcavityProperties {
    private static final double TOL = 1e-10;

    @Provide
    Arbitrary<SinglePeriodModel> models() {
        return Models.broad();
    }

    private static double scale(SinglePeriodModel m) {
        return 1 + m.eta() * m.delta() * (1 + m.pHi() + m.b() + m.h());
    }

    /** Max over the (p, y) grid of {@code sign·d²/dp²} of one part; ≤ 0 means the sign claim holds. */
    private static double worst(SinglePeriodModel m, Function<ProfitParts, PartValue> part, double sign) {
        double w = Double.NEGATIVE_INFINITY;
        for (double p : Models.prices(m)) {
            for (double y : Models.stocks(m)) {
                w = Math.max(w, sign * part.apply(ExactProfit.evaluate(m, p, y)).dpp());
            }
        }
        return w;
    }

    /**
     * Whether the statement has content for {@code m}: the checked derivative (first when
     * {@code order = 1}, second when 2) of the part is not negligible somewhere on the grid. The share
     * of such draws is reported by jqwik's statistics and must be at least {@code MIN_CONTENT}.
     */
    private static boolean hasContent(SinglePeriodModel m, Function<ProfitParts, PartValue> part, int order) {
        for (double p : Models.prices(m)) {
            for (double y : Models.stocks(m)) {
                PartValue v = part.apply(ExactProfit.evaluate(m, p, y));
                if (Math.abs(order == 1 ? v.dp() : v.dpp()) > 1e-6 * scale(m)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Least share (percent) of draws in which a property's statement must have content. */
    private static final double MIN_CONTENT = 90;

    private static void content(String label, boolean has) {
        Statistics.label(label).collect(has ? "non-trivial" : "trivial");
        Statistics.label(label).coverage(c -> c.check("non-trivial").percentage(pct -> pct >= MIN_CONTENT));
    }

    /** Second difference {@code f(p−d) + f(p+d) − 2f(p)} of a part at fixed y. */
    private static double secondDifference(SinglePeriodModel m, Function<ProfitParts, PartValue> part, double p,
            double y, double d) {
        return part.apply(ExactProfit.evaluate(m, p - d, y)).value() + part.apply(ExactProfit.evaluate(m, p + d, y))
                .value() - 2 * part.apply(ExactProfit.evaluate(m, p, y)).value();
    }

    /**
     * Prop. 3.3, monotone part. Domain: every model of the broad family (β1 < 0): the leftover
     * {@code E[(y−D)^+]} is non-decreasing in p, since its derivative is {@code −F_{n−1}λ'} ≥ 0.
     * Sampled where the statement has content: demand scaled to the stock box
     * ({@link Models#stockScaled}, {@code k ∈ [0.25, 3]}) and price-sensitive over the box
     * ({@code β1 = −v/pHi}, {@code v ∈ [0.5, 4]}).
     */
    @Property(tries = 40, seed = "31")
    void prop33LeftoverIncreasingInPrice(@ForAll("models") SinglePeriodModel base,
            @ForAll @DoubleRange(min = 0.25, max = 3) double k, @ForAll @DoubleRange(min = 0.5, max = 4) double v) {
        SinglePeriodModel m = Models.stockScaled(Models.with(base, base.beta0(), -v / base.pHi(), base.pHi()), k);
        content("Prop. 3.3 monotone", hasContent(m, ProfitParts::leftover, 1));
        for (double p : Models.prices(m)) {
            for (double y : Models.stocks(m)) {
                assertTrue(ExactProfit.evaluate(m, p, y).leftover().dp() >= -TOL * scale(m));
            }
        }
    }

    /**
     * Prop. 3.3, convex part. Domain: β1 ≤ 0 and λ concave on the box, i.e.
     * {@code β0 + β1·pHi ≥ 0}; then {@code L'' = f_{n−1}λ'² − F_{n−1}λ''} ≥ 0. Generated as
     * {@code β0 = |β1|·pHi + s}, {@code s ∈ [0, 4]}, with {@code β1 = −v/pHi}, {@code v ∈ [0.5, 4]},
     * and demand scaled to the stock box.
     */
    @Property(tries = 40, seed = "32")
    void prop33LeftoverConvexWhereDemandConcave(@ForAll("models") SinglePeriodModel base,
            @ForAll @DoubleRange(min = 0, max = 4) double s, @ForAll @DoubleRange(min = 0.25, max = 3) double k,
            @ForAll @DoubleRange(min = 0.5, max = 4) double v) {
        double b1 = -v / base.pHi();
        SinglePeriodModel m = Models.stockScaled(Models.with(base, -b1 * base.pHi() + s, b1, base.pHi()), k);
        content("Prop. 3.3 convex", hasContent(m, ProfitParts::leftover, 2));
        assertTrue(worst(m, ProfitParts::leftover, -1) <= TOL * scale(m));
    }

    /**
     * Prop. 3.3 is false at the Table 5 defaults (λ convex there): at y = 5, p = 69.5 the leftover
     * is strictly concave in p; for large y the leftover tends to {@code y − λ(p)}, concave where
     * λ is convex.
     */
    @Test
    void prop33FailsAtTableFive() {
        SinglePeriodModel m = SinglePeriodModel.tableFive();
        assertTrue(ExactProfit.evaluate(m, 69.5, 5).leftover().dpp() < 0);
        assertTrue(secondDifference(m, ProfitParts::leftover, 69.5, 5, 5) < -1e-6);
        assertTrue(secondDifference(m, ProfitParts::leftover, 40, 20, 20) < -1e-3);
    }

    /**
     * Prop. 3.6. Domain: β1 ≤ 0 and {@code |β1|·pHi ≤ 2}; then
     * {@code R'' = F λ'(2 − p|β1|(1−2σ)) − p f λ'²} ≤ 0. Generated as {@code β1 = −2u/pHi}, u ∈ [0.25, 1]
     * (price-sensitive over the box), demand scaled to the stock box.
     */
    @Property(tries = 40, seed = "33")
    void prop36RevenueConcave(@ForAll("models") SinglePeriodModel base,
            @ForAll @DoubleRange(min = 0.25, max = 1) double u, @ForAll @DoubleRange(min = 0.25, max = 3) double k) {
        SinglePeriodModel m = Models.stockScaled(Models.with(base, base.beta0(), -2 * u / base.pHi(), base.pHi()), k);
        content("Prop. 3.6", hasContent(m, ProfitParts::revenue, 2));
        assertTrue(worst(m, ProfitParts::revenue, 1) <= TOL * scale(m));
    }

    /** Prop. 3.6 is false for β1 = −0.03 (|β1|·pHi = 2.4) with the other Table 5 values: y = 17, p ∈ [75, 80]. */
    @Test
    void prop36FailsForSteeperDemand() {
        SinglePeriodModel m = SinglePeriodModel.tableFive().withBeta1(-0.03);
        assertTrue(ExactProfit.evaluate(m, 80, 17).revenue().dpp() > 0);
        assertTrue(secondDifference(m, ProfitParts::revenue, 77, 17, 3) > 1e-2);
    }

    /**
     * Lemma 3.7. Domain: β1 ≤ 0 and λ convex on the box, i.e. {@code β0 + β1·pLo ≤ 0} (here
     * β0 ≤ 0); then {@code O'' = (1 − F_{n−1})λ'' + f_{n−1}λ'²} ≥ 0. Generated as β0 = −s, with
     * {@code β1 = −v/pHi}, {@code v ∈ [0.5, 4]}, and demand scaled to the stock box.
     */
    @Property(tries = 40, seed = "34")
    void lemma37LostSalesConvex(@ForAll("models") SinglePeriodModel base,
            @ForAll @DoubleRange(min = 0, max = 8) double s, @ForAll @DoubleRange(min = 0.25, max = 3) double k,
            @ForAll @DoubleRange(min = 0.5, max = 4) double v) {
        SinglePeriodModel m = Models.stockScaled(Models.with(base, -s, -v / base.pHi(), base.pHi()), k);
        content("Lemma 3.7", hasContent(m, ProfitParts::lost, 2));
        assertTrue(worst(m, ProfitParts::lost, -1) <= TOL * scale(m));
    }

    /** Lemma 3.7 is false where λ is concave: β0 = 1, β1 = −0.01 (z ∈ [0.2, 1]), y = 0, p = 40 (lost = λ). */
    @Test
    void lemma37FailsWhereDemandConcave() {
        SinglePeriodModel m = new SinglePeriodModel(800, 0.5, 1, -0.01, 4, 10, 5, 0, 0, 80, 0, 20);
        assertTrue(ExactProfit.evaluate(m, 40, 0).lost().dpp() < 0);
        assertTrue(secondDifference(m, ProfitParts::lost, 40, 0, 20) < -1e-2);
    }

    /**
     * Thm. 3.9, concavity in p. Domain: β1 ≤ 0, λ convex on the box ({@code β0 + β1·pLo ≤ 0}) and
     * {@code |β1|(pHi + h) ≤ 2}; then {@code π'' ≤ |λ'| F (|β1|(p+h) − 2) ≤ 0} (THEORY.md §2).
     * Generated as β0 = −s, {@code β1 = −2u/(pHi + h)} with u ∈ [0.25, 1], demand scaled to the
     * stock box. The Table 5 defaults are inside.
     */
    @Property(tries = 40, seed = "35")
    void thm39ProfitConcaveInPrice(@ForAll("models") SinglePeriodModel base,
            @ForAll @DoubleRange(min = 0, max = 8) double s, @ForAll @DoubleRange(min = 0.25, max = 1) double u,
            @ForAll @DoubleRange(min = 0.25, max = 3) double k) {
        SinglePeriodModel m = Models.stockScaled(Models.with(base, -s, -2 * u / (base.pHi() + base.h()), base.pHi()),
                k);
        content("Thm. 3.9", hasContent(m, ProfitParts::profit, 2));
        assertTrue(worst(m, ProfitParts::profit, 1) <= TOL * scale(m));
    }

    /** The Table 5 defaults are in the Thm. 3.9 domain: π concave in p on the whole grid. */
    @Test
    void thm39HoldsAtTableFive() {
        SinglePeriodModel m = SinglePeriodModel.tableFive();
        assertTrue(worst(m, ProfitParts::profit, 1) <= 0);
    }

    /**
     * Thm. 3.9 (concavity in p) is false for β1 = −0.03 and −0.05 with the other Table 5 values
     * (y = 17, p ∈ [74, 80] and y = 15, p ∈ [53.5, 59.5]), and where λ is concave at y = 0
     * (π = −bλ − c(y − x0)).
     */
    @Test
    void thm39FailsOutsideDomain() {
        SinglePeriodModel m3 = SinglePeriodModel.tableFive().withBeta1(-0.03);
        assertTrue(secondDifference(m3, ProfitParts::profit, 77, 17, 3) > 1e-2);
        SinglePeriodModel m5 = SinglePeriodModel.tableFive().withBeta1(-0.05);
        assertTrue(secondDifference(m5, ProfitParts::profit, 56.5, 15, 3) > 1e-1);
        SinglePeriodModel concave = new SinglePeriodModel(800, 0.5, 2, -0.05, 4, 10, 5, 0, 0, 80, 0, 20);
        assertTrue(secondDifference(concave, ProfitParts::profit, 20, 0, 10) > 1);
    }
}
