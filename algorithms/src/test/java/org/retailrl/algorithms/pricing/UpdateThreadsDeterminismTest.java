package org.retailrl.algorithms.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.nn.Module;

/**
 * FSDA (docs/model.md §8.7) trained with its updates split over 1, 2 and 3 threads (and the
 * rollouts over as many) ends with the same weights, bit for bit (docs/model.md §8.12), at a size
 * where every GRU and linear layer of the update really is split.
 */
class UpdateThreadsDeterminismTest {
    private static String train(long seed, int threads) {
        PricingScenario shortB = PricingScenario.named("b").toBuilder().horizon(24).build();
        LearnerConfig cfg = Presets.FSDA.withSizes(48, 2, 1, 24).withUpdates(1, 1);
        Trainer t = PricingLearners.fsda(shortB, 32, cfg, seed, 2);
        t.setRolloutThreads(threads);
        t.setUpdateThreads(threads);
        try {
            for (int n = 0; n < 2; n++) {
                t.round();
            }
        } finally {
            t.close();
        }
        return DeterminismMain.digest(Module.concat(t.actor(0), t.actor(1), t.critic()));
    }

    @Test
    void weightsAreTheSameForAnyThreadCount() {
        String one = train(4, 1);
        assertEquals(one, train(4, 2), "2 threads");
        assertEquals(one, train(4, 3), "3 threads");
        assertNotEquals(one, train(5, 1), "another seed must give other weights");
    }
}
