package org.retailrl.algorithms.ppo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.rl.CueMemoryEnv;

/**
 * End-to-end check of the recurrent pipeline: the cue is visible only at period 0 of 4 and training
 * sequences are 2 steps long, so the agent can only succeed if the GRU state is carried through the
 * rollout and the state stored at chunk starts is replayed in training. A memoryless policy's
 * expected reward is 0.5.
 */
class RecurrentMemoryTest {
    @Test
    void ppoLearnsToRecallACueAcrossChunkBoundaries() {
        PpoConfig cfg = PpoConfig.DEFAULTS.withSizes(2, 2, 16, 1).withLr(3e-3, false);
        // 60 updates ended at 0.89 once dot/sum stopped using reduceLanes (whose summation order
        // changed with JIT state); the bar stays at 0.9 and the budget doubles.
        int updates = 120;
        PpoTrainer t = new PpoTrainer(new CueMemoryEnv(4, 32), cfg, 3, updates);
        double first = t.update().meanEpisodeReward();
        double lastFive = 0;
        for (int u = 1; u < updates; u++) {
            double r = t.update().meanEpisodeReward();
            if (u >= updates - 5) {
                lastFive += r / 5;
            }
        }
        assertTrue(first < 0.7, "the untrained policy should be near chance, got " + first);
        assertTrue(lastFive > 0.9, "mean reward of the last 5 updates (stochastic policy) " + lastFive);
    }
}
