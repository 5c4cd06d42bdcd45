package org.retailrl.algorithms.heuristics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.pricing.PricingDecision;
import org.retailrl.algorithms.pricing.PricingView;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.ShortageMode;

class HeuristicPoliciesTest {
    static final PricingScenario B = PricingScenario.named("b");
    static final FittedDemand FIT = new FittedDemand(2.5, -0.047, 10_000, 0);
    static final MyopicPriceTable TABLE = new MyopicPriceTable(B, FIT, 0, 100);

    private static PricingView view(int available, int... pipeline) {
        PricingView v = new PricingView(pipeline.length + 1);
        v.setPeriod(1, 100).setAvailable(available);
        for (int i = 0; i < pipeline.length; i++) {
            v.setPipeline(i, pipeline[i]);
        }
        return v;
    }

    @Test
    void myopicPriceMatchesDirectOptimisationWhereMonotone() {
        // Direct one-period optimisation at x = 3 (lost sales, leftover worth c − h).
        int x = 3;
        double best = Double.NEGATIVE_INFINITY;
        int bj = -1;
        for (int j = 0; j < B.priceCount(); j++) {
            double p = B.price(j);
            double lam = FIT.mean(p);
            double v = 0;
            double pk = Math.exp(-lam);
            for (int d = 0; d < 80; d++) {
                v += pk * (p * Math.min(d, x) + 9 * Math.max(x - d, 0) - 5 * Math.max(d - x, 0));
                pk *= lam / (d + 1);
            }
            if (v > best) {
                best = v;
                bj = j;
            }
        }
        // The optimiser itself (before the table is made non-increasing) finds the brute-force optimum.
        assertEquals(bj, TABLE.directPriceIndex(x));
    }

    @Test
    void baseStockOrdersUpToLevelWithinQ() {
        BaseStockPolicy h = new BaseStockPolicy(30, 7, 20, 21, 80);
        PricingDecision d = new PricingDecision();
        h.act(view(5, 3, 2), d);
        assertEquals(20, d.order()); // 30 − 10 = 20
        h.act(view(5, 10, 10), d);
        assertEquals(5, d.order());
        h.act(view(50, 0, 0), d);
        assertEquals(0, d.order());
        h.act(view(0, 0, 0), d);
        assertEquals(20, d.order()); // capped at Q
        assertEquals(7, d.priceIndex());
    }

    @Test
    void bslpChargesListPriceBelowBaseStockAndMarksDownAbove() {
        BslpPolicy h = new BslpPolicy(20, 18, TABLE, 20, 21, 80);
        PricingDecision d = new PricingDecision();
        h.act(view(4, 3, 3), d);
        assertEquals(18, d.priceIndex());
        assertEquals(10, d.order());
        h.act(view(60, 0, 0), d);
        assertEquals(0, d.order());
        assertEquals(Math.min(18, TABLE.priceIndex(60)), d.priceIndex());
        assertTrue(d.priceIndex() < 18, "markdown at high stock");
    }

    @Test
    void ssPriceOrdersOnlyBelowReorderPoint() {
        SsPricePolicy h = new SsPricePolicy(10, 40, 20, TABLE, 20, 21, 80);
        PricingDecision d = new PricingDecision();
        h.act(view(5, 3, 2), d); // IP = 10, not below s
        assertEquals(0, d.order());
        h.act(view(5, 2, 2), d); // IP = 9 < s: up to 40, capped by Q
        assertEquals(20, d.order());
        h.act(view(5, 10, 20), d); // IP = 35 >= s
        assertEquals(0, d.order());
        assertEquals(TABLE.priceIndex(5), d.priceIndex());
        assertThrows(IllegalArgumentException.class, () -> new SsPricePolicy(41, 40, 20, TABLE, 20, 21, 80));
    }

    @Test
    void myopicWeightsOnHandStockByAlpha() {
        MyopicPolicy h = new MyopicPolicy(30, 0.5, TABLE, 20, 80);
        PricingDecision d = new PricingDecision();
        h.act(view(20, 4, 2), d); // 0.5·20 + 6 = 16 → order 14
        assertEquals(14, d.order());
        assertEquals(TABLE.priceIndex(20), d.priceIndex());
        MyopicPolicy full = new MyopicPolicy(30, 1, TABLE, 20, 80);
        full.act(view(20, 4, 2), d); // 26 → order 4
        assertEquals(4, d.order());
        assertThrows(IllegalArgumentException.class, () -> new MyopicPolicy(30, 1.5, TABLE, 20, 80));
    }

    @Test
    void backlogTableCoversNegativeStockWithHighPrices() {
        PricingScenario a = PricingScenario.named("a");
        assertEquals(ShortageMode.BACKLOG, a.mode());
        MyopicPriceTable t = new MyopicPriceTable(a, FIT, -50, 50);
        assertTrue(t.priceIndex(-20) >= t.priceIndex(20));
    }

    @Test
    void withReplacesOneParameterAndKeepsTheRest() {
        Heuristic h = new SsPricePolicy(10, 40, 20, TABLE, 20, 21, 80).with("S", 50);
        assertEquals(10.0, h.parameters().get("s"));
        assertEquals(50.0, h.parameters().get("S"));
        assertThrows(IllegalArgumentException.class, () -> h.with("nope", 1));
    }
}
