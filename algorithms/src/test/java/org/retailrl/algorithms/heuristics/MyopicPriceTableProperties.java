package org.retailrl.algorithms.heuristics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * The myopic price of docs/model.md §8.10 ({@link MyopicPriceTable}) under log-linear Poisson
 * demand: the one-period optimiser itself — before the table is made non-increasing — already
 * lowers (or keeps) the price as stock grows, and the table is exactly the running minimum of the
 * direct optima (so the monotone repair only bites where the direct optimum does not hold it).
 */
class MyopicPriceTableProperties {
    private static MyopicPriceTable table(String name, double slope) {
        return new MyopicPriceTable(PricingScenario.named(name), new FittedDemand(2.5, slope, 1, 0), -50, 100);
    }

    @Property(tries = 60)
    void directOptimumIsNonIncreasingInStock(@ForAll @IntRange(min = -40, max = 99) int x,
            @ForAll @DoubleRange(min = -0.1, max = -0.01) double slope, @ForAll("scenario") String name) {
        MyopicPriceTable t = table(name, slope);
        assertTrue(t.directPriceIndex(x + 1) <= t.directPriceIndex(x), "x=" + x + ": direct optimum "
                + t.directPriceIndex(x) + " then " + t.directPriceIndex(x + 1));
    }

    @Property(tries = 20)
    void tableIsTheRunningMinimumOfTheDirectOptima(@ForAll @DoubleRange(min = -0.1, max = -0.01) double slope,
            @ForAll("scenario") String name) {
        MyopicPriceTable t = table(name, slope);
        int min = Integer.MAX_VALUE;
        for (int x = t.lowest(); x <= t.highest(); x++) {
            min = Math.min(min, t.directPriceIndex(x));
            assertEquals(min, t.priceIndex(x), "x=" + x);
        }
    }

    @Provide
    Arbitrary<String> scenario() {
        return Arbitraries.of("a", "b", "c", "d");
    }
}
