package org.retailrl.algorithms.heuristics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.pricing.PricingDecision;
import org.retailrl.algorithms.pricing.PricingView;
import org.retailrl.envs.pricing.Demand;
import org.retailrl.envs.pricing.PricingScenario;

class StrongHeuristicTest {
    static final PricingScenario D = PricingScenario.named("d");
    static final OneStepPrice ORACLE = new OneStepPrice(D, new Demand(D)::rate);

    private static PricingView view(int t, int available, double o, double r, int... pipeline) {
        PricingView v = new PricingView(3);
        v.setPeriod(t, 100).setAvailable(available).setMarket(o, r);
        for (int i = 0; i < pipeline.length; i++) {
            v.setPipeline(i, pipeline[i]);
        }
        return v;
    }

    @Test
    void parametersAreValidatedWithTheirNamesAndRanges() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrongHeuristic.ss(ORACLE, 12, 10, 20, 0, 1, 20, 80, 10));
        assertTrue(e.getMessage().contains("s must be in [0, S=10]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StrongHeuristic.ss(ORACLE, 5, 81, 20, 0, 1, 20, 80, 10));
        assertTrue(e.getMessage().contains("S must be in [0, 80]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StrongHeuristic.ss(ORACLE, 5, 10, 21, 0, 1, 20, 80, 10));
        assertTrue(e.getMessage().contains("maxPriceIndex must be in [0, 20]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StrongHeuristic.bslp(ORACLE, true, 5, 10, 8, 9, 1, 20, 80,
                10));
        assertTrue(e.getMessage().contains("minPriceIndex must be in [0, listPriceIndex=8]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StrongHeuristic.myopic(false, ORACLE, false, 10, 10, 1.2,
                0, 1, 20, 80, 10));
        assertTrue(e.getMessage().contains("alpha must be in [0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StrongHeuristic.myopic(false, ORACLE, false, 10, 10, 1, 0,
                -0.1, 20, 80, 10));
        assertTrue(e.getMessage().contains("endValue must be in [0, 1]"), e.getMessage());
        StrongHeuristic ok = StrongHeuristic.myopic(false, ORACLE, false, 10, 10, 0.5, 0, 1, 20, 80, 10);
        e = assertThrows(IllegalArgumentException.class, () -> ok.with("s", 3));
        assertTrue(e.getMessage().contains("[S, alpha, minPriceIndex, endValue]"), e.getMessage());
        // Without a band the searched parameters leave s out; with one, s comes first.
        assertEquals(List.of("S", "alpha", "minPriceIndex", "endValue"), List.copyOf(ok.parameters().keySet()));
        StrongHeuristic banded = StrongHeuristic.myopic(true, ORACLE, true, 4, 10, 0.5, 0, 1, 20, 80, 10);
        assertEquals(List.of("s", "S", "alpha", "minPriceIndex", "endValue"), List.copyOf(banded.parameters().keySet()));
        assertEquals("Oracle Myopic", banded.name());
        // with() changes exactly one parameter.
        assertEquals(7.0, banded.with("s", 7).parameters().get("s"));
        assertEquals(10.0, banded.with("s", 7).parameters().get("S"));
    }

    @Test
    void ordersOnlyBelowTheBandAndNeverInTheLastLeadTimePeriods() {
        StrongHeuristic h = StrongHeuristic.ss(ORACLE, 8, 30, 20, 0, 1, 20, 80, 10);
        PricingDecision d = new PricingDecision();
        h.act(view(10, 5, 31, 30, 2, 0), d);
        assertEquals(20, d.order(), "position 7 < s = 8: order up to 30, capped at Q");
        h.act(view(10, 6, 31, 30, 2, 0), d);
        assertEquals(0, d.order(), "position 8 is not below s");
        h.act(view(97, 0, 31, 30, 0, 0), d);
        assertEquals(20, d.order(), "period T − L still arrives in time");
        for (int t = 98; t <= 100; t++) {
            h.act(view(t, 0, 31, 30, 0, 0), d);
            assertEquals(0, d.order(), "period " + t + ": the order would arrive after the horizon");
        }
    }

    @Test
    void carriedValueIsTheCostUntilOrderingStopsThenTheEndValueThenZero() {
        StrongHeuristic h = StrongHeuristic.myopic(false, ORACLE, false, 10, 10, 0.5, 0, 0.3, 20, 80, 10);
        assertEquals(10, h.carriedValue(96, 100, 3), 1e-12);
        assertEquals(3, h.carriedValue(97, 100, 3), 1e-12);
        assertEquals(3, h.carriedValue(99, 100, 3), 1e-12);
        assertEquals(0, h.carriedValue(100, 100, 3), 1e-12);
        assertEquals(10, h.carriedValue(100, 0, 3), 1e-12);
    }

    @Test
    void priceIsTheOneStepOptimumWithinTheFloorAndTheCap() {
        StrongHeuristic h = StrongHeuristic.ss(ORACLE, 0, 10, 15, 6, 1, 20, 80, 10);
        PricingDecision d = new PricingDecision();
        for (double o : new double[] {11, 25, 31, 45, 50}) {
            h.act(view(20, 12, o, 30, 0, 0), d);
            assertEquals(ORACLE.best(12, o, 30, 10, 6, 15), d.priceIndex());
            assertTrue(d.priceIndex() >= 6 && d.priceIndex() <= 15);
        }
        // The price follows the competitor: it undercuts a high competitor price (rank 1) and sits
        // higher when the competitor is higher.
        StrongHeuristic free = StrongHeuristic.ss(ORACLE, 0, 10, 20, 0, 1, 20, 80, 10);
        free.act(view(20, 12, 41, 30, 0, 0), d);
        double at41 = D.price(d.priceIndex());
        free.act(view(20, 12, 35, 30, 0, 0), d);
        double at35 = D.price(d.priceIndex());
        assertTrue(at41 < 41 && at35 < 35 && at35 < at41, "prices " + at35 + ", " + at41);
        // BSLP* charges the stock-free price when it orders.
        StrongHeuristic bslp = StrongHeuristic.bslp(ORACLE, false, 30, 30, 20, 0, 1, 20, 80, 10);
        bslp.act(view(20, 2, 41, 30, 0, 0), d);
        assertTrue(d.order() > 0);
        assertEquals(ORACLE.riskless(41, 30, 10, 0, 20), d.priceIndex());
    }
}
