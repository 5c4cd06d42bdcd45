package org.retailrl.algorithms.heuristics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.retailrl.envs.pricing.PricingScenario;

class MyopicPriceTableProperties {
    @Property(tries = 60)
    void priceIsNonIncreasingInStock(@ForAll @IntRange(min = -40, max = 99) int x,
            @ForAll @DoubleRange(min = -0.1, max = -0.01) double slope, @ForAll("scenario") String name) {
        PricingScenario s = PricingScenario.named(name);
        MyopicPriceTable t = new MyopicPriceTable(s, new FittedDemand(2.5, slope, 1, 0), -50, 100);
        assertTrue(t.priceIndex(x + 1) <= t.priceIndex(x), "x=" + x);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> scenario() {
        return net.jqwik.api.Arbitraries.of("a", "b", "c", "d");
    }
}
