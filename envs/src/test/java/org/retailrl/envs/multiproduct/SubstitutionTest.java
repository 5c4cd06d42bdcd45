package org.retailrl.envs.multiproduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.core.json.Json;
import org.retailrl.envs.pricing.ShortageMode;

/** The substitution probabilities, the logit rates and the scenario file of docs/model.md §4.2. */
class SubstitutionTest {

    private static MultiProductScenario pair(double theta01, int stock0) {
        return new MultiProductScenario(new String[] {"a", "b"}, new double[] {20, 30}, 0, 0, 200,
                ShortageMode.LOST_SALES, MultiProductScenario.UNCAPPED, MultiProductScenario.fill(2, 10),
                MultiProductScenario.fill(2, 0), MultiProductScenario.fill(2, 0), MultiProductScenario.fill(2, 0),
                new int[] {stock0, 100_000}, 40, 1, 25, new double[] {-1, -1}, new double[] {0.05, 0.05},
                new double[][] {{0, 0}, {0, 0}}, new double[][] {{0, theta01}, {0, 0}});
    }

    /**
     * Product 0 never has stock, product 1 always has: every unit of 0's demand switches to 1 with
     * probability θ. Over about 2,700 units the fraction's standard error is below 0.01, so a
     * tolerance of 0.04 (4 standard errors) fails a wrong probability of 0.46 or 0.54 almost surely.
     */
    @Test
    void stockedOutDemandSwitchesWithTheGivenProbability() {
        MultiProductScenario sc = pair(0.5, 0);
        MultiProductBatch b = new MultiProductBatch(sc, 2);
        b.reset(11, 0);
        long primary = 0;
        long moved = 0;
        long sold1 = 0;
        long primary1 = 0;
        double[] r = new double[2];
        while (!b.done()) {
            b.step(new int[4], new int[4], r);
            for (int cp = 0; cp < 2; cp++) {
                primary += b.lastPrimaryDemand(cp, 0);
                moved += b.lastMovedOut(cp, 0);
                sold1 += b.lastSales(cp, 1);
                primary1 += b.lastPrimaryDemand(cp, 1);
                assertEquals(0, b.lastSales(cp, 0));
            }
        }
        assertTrue(primary > 2000, "enough units: " + primary);
        assertEquals(0.5, (double) moved / primary, 0.04);
        assertEquals(primary1 + moved, sold1, "switched units are sold from the substitute's stock");
    }

    /**
     * A substitute 10 dearer with {@code β = 0.05} accepts a switch with probability
     * {@code e^{−0.5}}: the fraction is {@code 0.5·0.607 = 0.303}; over more than 2,000 units its
     * standard error is about 0.01, and the tolerance of 0.04 rejects the price-blind 0.5.
     */
    @Test
    void aDearerSubstituteAcceptsFewerSwitches() {
        MultiProductBatch b = new MultiProductBatch(pair(0.5, 0), 2);
        b.reset(12, 0);
        long primary = 0;
        long moved = 0;
        double[] r = new double[2];
        while (!b.done()) {
            b.step(new int[] {0, 1, 0, 1}, new int[4], r);
            for (int cp = 0; cp < 2; cp++) {
                primary += b.lastPrimaryDemand(cp, 0);
                moved += b.lastMovedOut(cp, 0);
            }
        }
        assertTrue(primary > 2000, "enough units: " + primary);
        assertEquals(0.5 * Math.exp(-0.5), (double) moved / primary, 0.04);
    }

    @Test
    void withoutSubstitutionStockedOutDemandIsLost() {
        MultiProductBatch b = new MultiProductBatch(pair(0, 0), 1);
        b.reset(5, 0);
        double[] r = new double[1];
        while (!b.done()) {
            b.step(new int[2], new int[2], r);
            assertEquals(0, b.lastMovedOut(0, 0));
            assertEquals(b.lastPrimaryDemand(0, 0), b.lastLost(0, 0));
        }
    }

    @Test
    void ratesFollowTheLogitWithCrossPrices() {
        MultiProductScenario sc = MultiProductScenario.named("multiproduct");
        MnlDemand d = new MnlDemand(sc);
        double[] at30 = d.rates(new double[] {30, 30, 30});
        double denom = 1 + Math.exp(-2.6) + Math.exp(-2.8) + Math.exp(-3.0);
        assertEquals(100 * Math.exp(-2.6) / denom, at30[0], 1e-12);
        double[] dearer1 = d.rates(new double[] {30, 40, 30});
        assertTrue(dearer1[0] > at30[0], "0 and 1 are substitutes");
        assertTrue(dearer1[2] < at30[2], "1 and 2 are complements");
        assertTrue(dearer1[1] < at30[1], "own price lowers demand");
    }

    @Test
    void scenarioFileRoundTripsAndNamesBadFields() {
        for (String name : MultiProductScenario.NAMES) {
            MultiProductScenario s = MultiProductScenario.named(name);
            assertEquals(s, MultiProductScenarioJson.parse(MultiProductScenarioJson.write(s)));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultiProductScenarioJson.parse("{\"substitution\": [[0, 0.7, 0.5], [0.5, 0, 0], [0, 0, 0]]}"));
        assertTrue(e.getMessage().contains("substitution row 0") && e.getMessage().contains("at most 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MultiProductScenarioJson.parse("{\"fixedCost\": [1, 2]}"));
        assertTrue(e.getMessage().contains("fixedCost must hold 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MultiProductScenarioJson.parse("{\"crossPrice\": [[1, 0, 0], [0, 0, 0], [0, 0, 0]]}"));
        assertTrue(e.getMessage().contains("crossPrice[0][0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MultiProductScenarioJson.parse("{\"colour\": 1}"));
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MultiProductScenarioJson.parse("{\"sensitivity\": [0.1, -1, 0.1]}"));
        assertTrue(e.getMessage().contains("sensitivity[1] must be in (0, 10]"), e.getMessage());
        assertEquals(3, Json.parseObject(MultiProductScenarioJson.write(MultiProductScenario.named("multiproduct")))
                .getArray("names").size());
    }
}
