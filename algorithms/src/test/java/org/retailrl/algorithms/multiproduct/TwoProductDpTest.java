package org.retailrl.algorithms.multiproduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.eval.Summary;
import org.retailrl.envs.multiproduct.MultiProductScenario;
import org.retailrl.envs.multiproduct.MultiProductScenarioJson;

/** The exact two-product DP of docs/model.md §4.6 against the simulator it models. */
class TwoProductDpTest {
    private static final MultiProductScenario SMALL = MultiProductScenarioJson
            .parse("{\"base\": \"multiproduct-small\", \"horizon\": 6, \"inventoryCap\": 8}");

    /**
     * The optimal table played in the simulator must earn {@code V*} on average: over 20,000
     * episodes the mean's 99.9 % interval is a few tenths of a percent wide, so a wrong transition
     * law, reward or substitution probability (each moves the value by more) fails.
     */
    @Test
    void theOptimalTablePlayedInTheSimulatorEarnsTheOptimum() {
        TwoProductDp dp = TwoProductDp.solve(SMALL);
        Summary sim = Summary.of(MultiProductRollout.play(SMALL, dp.policy(), 4242, 20_000, null).total(), 0.999);
        assertEquals(dp.optimum(), sim.mean(), sim.halfWidth(), "V* = " + dp.optimum() + ", simulated " + sim.mean()
                + " ± " + sim.halfWidth());
    }

    @Test
    void noHeuristicBeatsTheOptimum() {
        TwoProductDp dp = TwoProductDp.solve(SMALL);
        double subs = MultiProductRollout.mean(SMALL, new SubsPolicy(SMALL), 4243, 4000);
        assertTrue(subs < dp.optimum(), "Subs " + subs + " vs V* " + dp.optimum());
    }

    @Test
    void aLargeInstanceIsRefusedWithTheReason() {
        assertNotNull(TwoProductDp.whyNotSmall(MultiProductScenario.named("multiproduct")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TwoProductDp.solve(MultiProductScenario.named("multiproduct")));
        assertTrue(e.getMessage().contains("products must be 2"), e.getMessage());
    }
}
