package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * PPO on {@link TabularMdp#standard}: 64 copies × 120 updates (7,680 episodes). The greedy policy
 * must pick the optimal action at every history it reaches with probability >= 1% (a history of
 * probability 1% is sampled about 77 times during training; rarer ones may legitimately stay
 * unlearned) and its exact expected return must be within 0.1% of the optimum, which also bounds
 * the total loss at rarer histories. The smallest action gap of the MDP is 0.392, far above
 * float noise, so "optimal action" is unambiguous.
 */
class PpoTest {
    private static final double MIN_REACH = 0.01;

    /** CleanRL's PPO with width 16, one GRU layer, 5-step sequences and step 3e-3 annealed linearly. */
    static LearnerConfig small() {
        return TestConfigs.stepSize(Presets.CLEANRL_PPO.withSizes(16, 1, 1, 5), StepSize.linear(3e-3));
    }

    static Trainer ppo(AgentEnv env, LearnerConfig cfg, long seed, int rounds) {
        return new Trainer(env, cfg, seed, rounds, "actor");
    }

    @Test
    void greedyPolicyReachesTheOptimumOfASmallMdp() {
        TabularMdp mdp = TabularMdp.standard(64);
        LearnerConfig cfg = small();
        GreedyEvaluation probe = new GreedyEvaluation(mdp, ppo(mdp, cfg, 1, 1).actor(0), cfg.gamma(), MIN_REACH);
        double gap = probe.smallestGap();
        assertTrue(gap > 0.3, "the test MDP must have clear action gaps, smallest " + gap);
        // The criterion discriminates: the untrained (near-uniform) policy fails it.
        GreedyEvaluation.Result untrained = probe.run();
        assertTrue(untrained.wrongActions() > 0 && untrained.value() < 0.9 * probe.optimum(),
                "the untrained policy should not pass: " + untrained);
        int updates = 120;
        Trainer ppo = ppo(mdp, cfg, 7, updates);
        for (int u = 0; u < updates; u++) {
            Trainer.AgentStats s = ppo.round().agents()[0];
            assertTrue(Double.isFinite(s.approxKl()) && s.clipFraction() >= 0 && s.clipFraction() <= 1, s.toString());
        }
        GreedyEvaluation eval = new GreedyEvaluation(mdp, ppo.actor(0), cfg.gamma(), MIN_REACH);
        GreedyEvaluation.Result r = eval.run();
        assertEquals(0, r.wrongActions(), "greedy action differs from the optimal one: " + r.firstWrong());
        assertEquals(eval.optimum(), r.value(), 1e-3 * eval.optimum());
    }

    @Test
    void aNonFiniteParameterStopsTrainingNamingIt() {
        Trainer t = ppo(TabularMdp.standard(4), small(), 1, 2);
        t.round();
        t.critic().parameters().get(2).value().data()[5] = Float.NaN;
        IllegalStateException e = assertThrows(IllegalStateException.class, t::round);
        assertTrue(e.getMessage().contains(t.critic().parameters().get(2).name()) && e.getMessage().contains("NaN"),
                e.getMessage());
    }

    @Test
    void anInfiniteRewardStopsTrainingNamingIt() {
        TabularMdp bad = new TabularMdp(new double[][] {{1, Double.POSITIVE_INFINITY}}, new double[][][] {{{1}, {1}}}, 5, 4);
        Trainer t = ppo(bad, small(), 1, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, t::round);
        assertTrue(e.getMessage().contains("reward") && e.getMessage().contains("Infinity"), e.getMessage());
    }

    @Test
    void aLossThatOverflowsStopsTrainingNamingIt() {
        // Rewards of 1e38 overflow float returns to infinity without reward scaling.
        TabularMdp huge = new TabularMdp(new double[][] {{3e38, 3e38}}, new double[][][] {{{1}, {1}}}, 5, 4);
        Trainer t = ppo(huge, TestConfigs.entropyAndScaling(small(), 0.01, false), 1, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, t::round);
        assertTrue(e.getMessage().contains("PPO loss") && e.getMessage().contains("NaN"), e.getMessage());
    }
}
