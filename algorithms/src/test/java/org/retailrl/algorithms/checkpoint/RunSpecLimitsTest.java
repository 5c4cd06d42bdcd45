package org.retailrl.algorithms.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.PricingScenarioBuilder;

/**
 * Scenario values inside {@link PricingScenario}'s own ranges that no learner can train on are
 * refused when the run is defined, naming the field and the range — not after training started.
 */
class RunSpecLimitsTest {
    private static PricingScenarioBuilder b() {
        return PricingScenario.named("b").toBuilder();
    }

    private static String refusal(Algorithm a, PricingScenario s, int copies) {
        return assertThrows(IllegalArgumentException.class, () -> RunSpec.of(a, s, copies, 1, 10)).getMessage();
    }

    @Test
    void unworkableButInRangeScenarioValuesAreRefusedWithTheirField() {
        assertEquals("scenario maxOrder must be in [0, 9999] for training, got 1000000",
                refusal(Algorithm.FSDA, b().maxOrder(1_000_000).build(), 4));
        assertEquals("scenario prices × (maxOrder + 1) (the joint actions of ppo-joint) must be in [1, 10000] for "
                + "training, got 21 × 1001 = 21021", refusal(Algorithm.PPO_JOINT, b().maxOrder(1000).build(), 4));
        assertEquals("scenario leadTime must be in [0, 1000] for training, got 1000000",
                refusal(Algorithm.FSDA, b().leadTime(1_000_000).build(), 4));
        assertEquals("scenario horizon must be in [1, 156250] for training with 64 copies (copies × horizon <= "
                + "10000000 periods per round), got 100000000", refusal(Algorithm.FSDA, b().horizon(100_000_000).build(), 64));
        assertEquals("scenario holdingCost must be in [0, 1.0E9] (currency) for training, got 1.0E308",
                refusal(Algorithm.FSDA, b().holdingCost(1e308).build(), 4));
        assertEquals("scenario fixedCost must be in [0, 1.0E9] (currency) for training, got 1.0E308",
                refusal(Algorithm.PPO_JOINT, b().fixedCost(1e308).build(), 4));
    }

    @Test
    void theDefaultScenariosAreTrainable() {
        for (String name : new String[] {"a", "b", "c", "d"}) {
            for (Algorithm a : new Algorithm[] {Algorithm.FSDA, Algorithm.PPO_JOINT}) {
                PricingScenario s = PricingScenario.named(name);
                assertEquals(s, RunSpec.of(a, s, 64, 1, 10).scenario());
            }
        }
    }
}
