package org.retailrl.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Exact profit against independent oracles: finite differences and truncated Poisson series. */
class ExactProfitTest {

    @Provide
    Arbitrary<SinglePeriodModel> models() {
        return Models.broad();
    }

    /** First and second price derivatives of every part equal central differences (step 1e-3). */
    @Property(tries = 60, seed = "11")
    void priceDerivativesMatchFiniteDifferences(@ForAll("models") SinglePeriodModel m,
            @ForAll @DoubleRange(min = 0.01, max = 0.99) double u, @ForAll @DoubleRange(min = 0, max = 1) double v) {
        double p = m.pLo() + (m.pHi() - m.pLo()) * u;
        double y = m.yHi() * v;
        double d = 1e-3;
        ProfitParts c = ExactProfit.evaluate(m, p, y);
        ProfitParts lo = ExactProfit.evaluate(m, p - d, y);
        ProfitParts hi = ExactProfit.evaluate(m, p + d, y);
        PartValue[][] parts = {{c.sales(), lo.sales(), hi.sales()}, {c.leftover(), lo.leftover(), hi.leftover()},
            {c.lost(), lo.lost(), hi.lost()}, {c.revenue(), lo.revenue(), hi.revenue()},
            {c.profit(), lo.profit(), hi.profit()}};
        for (PartValue[] q : parts) {
            double scale = 1 + Math.abs(q[0].value()) + Math.abs(q[0].dp()) + Math.abs(q[0].dpp());
            assertEquals(q[0].dp(), (q[2].value() - q[1].value()) / (2 * d), 1e-6 * scale);
            assertEquals(q[0].dpp(), (q[2].dp() - q[1].dp()) / (2 * d), 1e-6 * scale);
        }
    }

    /** Sales, leftover and lost sales equal truncated series within the series' own error bound. */
    @Property(tries = 60, seed = "12")
    void partsMatchTruncatedSeries(@ForAll("models") SinglePeriodModel m,
            @ForAll @DoubleRange(min = 0, max = 1) double u, @ForAll @DoubleRange(min = 0, max = 1) double v) {
        double p = m.pLo() + (m.pHi() - m.pLo()) * u;
        double y = m.yHi() * v;
        double lam = m.lambda(p);
        ProfitParts c = ExactProfit.evaluate(m, p, y);
        double tol = 1e-10;
        PoissonSeries.Truncated sales = PoissonSeries.expectation(lam, k -> Math.min(y, k), tol, y);
        PoissonSeries.Truncated left = PoissonSeries.expectation(lam, k -> Math.max(y - k, 0), tol, y);
        PoissonSeries.Truncated lost = PoissonSeries.expectation(lam, k -> Math.max(k - y, 0), tol, 0, 1);
        double round = 1e-12 * (1 + lam + y);
        assertEquals(c.sales().value(), sales.value(), sales.errorBound() + round);
        assertEquals(c.leftover().value(), left.value(), left.errorBound() + round);
        assertEquals(c.lost().value(), lost.value(), lost.errorBound() + round);
    }

    /** π is linear in y between integer nodes (exact interpolation, THEORY.md §1). */
    @Property(tries = 40, seed = "13")
    void profitIsLinearBetweenNodes(@ForAll("models") SinglePeriodModel m,
            @ForAll @DoubleRange(min = 0, max = 1) double u, @ForAll @DoubleRange(min = 0, max = 1) double t) {
        double p = m.pLo() + (m.pHi() - m.pLo()) * u;
        int n = (int) Math.floor((m.yHi() - 1) * u);
        double mid = ExactProfit.profit(m, p, n + t);
        double lin = (1 - t) * ExactProfit.profit(m, p, n) + t * ExactProfit.profit(m, p, n + 1);
        assertEquals(lin, mid, 1e-9 * (1 + Math.abs(lin)));
        assertEquals(ExactProfit.nodeSlope(m, p, n),
                ExactProfit.profit(m, p, n + 1) - ExactProfit.profit(m, p, n), 1e-9 * (1 + Math.abs(lin)));
    }

    /** The global optimiser is at least as good as a brute-force grid of step 0.01 over every node. */
    @Property(tries = 15, seed = "14")
    void optimiserBeatsBruteForce(@ForAll("models") SinglePeriodModel m) {
        ExactOptimizer.Optimum o = ExactOptimizer.global(m);
        double best = Double.NEGATIVE_INFINITY;
        int steps = (int) Math.round((m.pHi() - m.pLo()) / 0.01);
        for (int n = 0; n <= (int) m.yHi(); n++) {
            for (int i = 0; i <= steps; i++) {
                best = Math.max(best, ExactProfit.profit(m, m.pLo() + (m.pHi() - m.pLo()) * i / steps, n));
            }
        }
        double grid = best;
        assertTrue(o.profit() >= grid - 1e-9 * (1 + Math.abs(grid)), () -> o + " vs grid " + grid);
        assertEquals(o.profit(), ExactProfit.profit(m, o.p(), o.y()), 1e-12 * (1 + Math.abs(grid)));
    }

    @Test
    void badInputNamesTheField() {
        SinglePeriodModel m = SinglePeriodModel.tableFive();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExactProfit.evaluate(m, 81, 3))
                .getMessage().contains("price p"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExactProfit.evaluate(m, 10, -1))
                .getMessage().contains("stock y"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new SinglePeriodModel(-1, 0.5, -4, -0.01, 4, 10, 5, 0, 0, 80, 0, 20)).getMessage()
                .contains("eta"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new SinglePeriodModel(800, 0.5, -4, -0.01, 4, 10, 5, 0, 50, 40, 0, 20)).getMessage()
                .contains("pHi"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new SinglePeriodModel(800, 0.5, -4, -0.01, 4, 10, 5, 30, 0, 80, 0, 20)).getMessage()
                .contains("x0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new SinglePeriodModel(800, 0.5, Double.NaN, -0.01, 4, 10, 5, 0, 0, 80, 0, 20)).getMessage()
                .contains("beta0"));
    }
}
