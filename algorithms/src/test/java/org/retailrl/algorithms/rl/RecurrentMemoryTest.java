package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * End-to-end check of the recurrent pipeline: the cue is visible only at period 0 of 4 and training
 * sequences are 2 steps long, so the agent can only succeed if the GRU state is carried through the
 * rollout and the state stored at chunk starts is replayed in training. A memoryless policy's
 * expected reward is 0.5.
 */
class RecurrentMemoryTest {
    /**
     * Eight seeds, lr 3e-3 annealed linearly to 0 (the library's default schedule), 120 updates;
     * at least 6 of the 8 must end above 0.9 (mean of the last 5 updates, stochastic policy).
     * Measured when this test was written: 7 of 8 (0.97–1.00; seed 7 stayed at 0.49). With a
     * CONSTANT lr 3e-3 the agent learns the cue within ~40 updates and then, on most seeds, forgets
     * it again and settles at the memoryless 0.5 — an open finding about recurrent PPO at high
     * constant step sizes, not hidden by this test: it is why the schedule here is annealed.
     */
    @Test
    void ppoLearnsToRecallACueAcrossChunkBoundaries() {
        int updates = 120;
        int passed = 0;
        StringBuilder results = new StringBuilder();
        for (long seed = 1; seed <= 8; seed++) {
            LearnerConfig cfg = TestConfigs.stepSize(Presets.CLEANRL_PPO.withSizes(16, 1, 2, 2),
                    StepSize.linear(3e-3));
            Trainer t = new Trainer(new CueMemoryEnv(4, 32), cfg, seed, updates, "actor");
            double first = t.round().meanEpisodeReward();
            double lastFive = 0;
            for (int u = 1; u < updates; u++) {
                double r = t.round().meanEpisodeReward();
                if (u >= updates - 5) {
                    lastFive += r / 5;
                }
            }
            assertTrue(first < 0.7, "seed " + seed + ": the untrained policy should be near chance, got " + first);
            results.append(String.format(java.util.Locale.ROOT, " %.3f", lastFive));
            if (lastFive > 0.9) {
                passed++;
            }
        }
        assertTrue(passed >= 6, "seeds ending above 0.9: " + passed + " of 8 (last-5 means:" + results + ")");
    }
}
