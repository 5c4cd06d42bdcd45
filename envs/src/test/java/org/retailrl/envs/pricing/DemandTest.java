package org.retailrl.envs.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The logit-Poisson rate of docs/model.md §1 against hand-written regressor sums. */
class DemandTest {
    private final Demand demand = new Demand(PricingScenario.defaults());

    @Test
    void rateAtThirtyThirtyThirtyIsAboutThreePointZeroSeven() {
        // x·β = -3.89 - 0.56*1.5 - 0.01*0 + 0.07*1 - 0.03*30 - 0.01*0 = -5.56
        double exact = 800 / (1 + Math.exp(5.56));
        assertEquals(-5.56, demand.score(30, 30, 30), 1e-12);
        assertEquals(exact, demand.rate(30, 30, 30), 1e-12);
        assertEquals(3.07, demand.rate(30, 30, 30), 0.005);
    }

    @Test
    void rankIsOneCheaperOneAndAHalfTiedTwoDearer() {
        assertEquals(1.0, Demand.rank(20, 30));
        assertEquals(1.5, Demand.rank(30, 30));
        assertEquals(2.0, Demand.rank(40, 30));
    }

    @Test
    void handComputedOffDiagonalPoint() {
        // p = 24, o = 29, r = 31.5: rank 1, gap -5, avg 26.5, p - r = -7.5
        double x = -3.89 - 0.56 * 1 - 0.01 * -5 + 0.07 - 0.03 * 26.5 - 0.01 * -7.5;
        assertEquals(x, demand.score(24, 29, 31.5), 1e-12);
        assertEquals(800 / (1 + Math.exp(-x)), demand.rate(24, 29, 31.5), 1e-12);
    }

    @Test
    void marketSizeAndPeriodLengthScaleTheRate() {
        Demand d2 = new Demand(PricingScenario.defaults().toBuilder().marketSize(400).periodLength(0.5).build());
        assertEquals(demand.rate(26, 30, 28) / 4, d2.rate(26, 30, 28), 1e-12);
    }

    /** With every β negative in price, raising the own price never raises demand. */
    @Property(tries = 300, seed = "20261124")
    void rateFallsWithOwnPrice(@ForAll @DoubleRange(min = 10, max = 50) double p,
            @ForAll @DoubleRange(min = 0.01, max = 5) double dp, @ForAll @DoubleRange(min = 10, max = 50) double o,
            @ForAll @DoubleRange(min = 10, max = 50) double r) {
        assertTrue(demand.rate(p + dp, o, r) <= demand.rate(p, o, r));
        assertTrue(demand.rate(p, o, r) > 0 && demand.rate(p, o, r) < 800);
    }
}
