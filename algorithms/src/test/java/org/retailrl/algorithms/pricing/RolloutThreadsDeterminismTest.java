package org.retailrl.algorithms.pricing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.RolloutBuffer;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * The trajectories themselves — observations, sampled actions, their stored log-probabilities,
 * values and rewards of every copy and step (docs/model.md §8.2, §8.12) — are the same to the bit
 * whether the rollout runs on 1, 2, 3 or 4 threads, over two rounds (so the second rollout also
 * uses weights updated from the first). An odd number of copies makes the shards uneven.
 */
class RolloutThreadsDeterminismTest {
    private static List<int[]> rollouts(long seed, int threads) {
        PricingScenario shortB = PricingScenario.named("b").toBuilder().horizon(12).build();
        LearnerConfig cfg = Presets.FSDA.withSizes(16, 1, 1, 12).withUpdates(1, 1);
        Trainer t = PricingLearners.fsda(shortB, 37, cfg, seed, 2);
        t.setRolloutThreads(threads);
        List<int[]> bits = new ArrayList<>();
        try {
            for (int n = 0; n < 2; n++) {
                t.round();
                RolloutBuffer b = t.buffer();
                for (int a = 0; a < b.agents(); a++) {
                    bits.add(b.actions(a).clone());
                    bits.add(floatBits(b.logProbs(a)));
                }
                bits.add(floatBits(b.observations(b.netView(0))));
                bits.add(floatBits(b.values()));
                bits.add(floatBits(b.rewards()));
            }
        } finally {
            t.close();
        }
        return bits;
    }

    private static int[] floatBits(float[] x) {
        int[] r = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = Float.floatToRawIntBits(x[i]);
        }
        return r;
    }

    @Test
    void trajectoriesAreBitIdenticalForAnyRolloutThreadCount() {
        List<int[]> one = rollouts(7, 1);
        for (int threads = 2; threads <= 4; threads++) {
            List<int[]> other = rollouts(7, threads);
            assertEquals(one.size(), other.size());
            for (int k = 0; k < one.size(); k++) {
                assertArrayEquals(one.get(k), other.get(k), threads + " threads, array " + k);
            }
        }
        List<int[]> seed8 = rollouts(8, 1);
        assertFalse(Arrays.equals(one.get(0), seed8.get(0)), "another seed must sample other actions");
    }
}
