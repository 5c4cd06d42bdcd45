package org.retailrl.algorithms.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.rl.GreedyEvaluation;
import org.retailrl.algorithms.rl.TabularMdp;
import org.retailrl.algorithms.rl.TrainingStats;

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
    static PpoConfig small() {
        return PpoConfig.DEFAULTS.withSizes(1, 5, 16, 1).withLr(3e-3, true);
    }

    @Test
    void greedyPolicyReachesTheOptimumOfASmallMdp() {
        TabularMdp mdp = TabularMdp.standard(64);
        PpoConfig cfg = small();
        GreedyEvaluation probe = new GreedyEvaluation(mdp, new PpoTrainer(mdp, cfg, 1, 1).actor(), cfg.gamma(), MIN_REACH);
        double gap = probe.smallestGap();
        assertTrue(gap > 0.3, "the test MDP must have clear action gaps, smallest " + gap);
        // The criterion discriminates: the untrained (near-uniform) policy fails it.
        GreedyEvaluation.Result untrained = probe.run();
        assertTrue(untrained.wrongActions() > 0 && untrained.value() < 0.9 * probe.optimum(),
                "the untrained policy should not pass: " + untrained);
        int updates = 120;
        PpoTrainer ppo = new PpoTrainer(mdp, cfg, 7, updates);
        for (int u = 0; u < updates; u++) {
            TrainingStats s = ppo.update();
            assertTrue(Double.isFinite(s.approxKl()) && s.clipFraction() >= 0 && s.clipFraction() <= 1, s.toString());
        }
        GreedyEvaluation eval = new GreedyEvaluation(mdp, ppo.actor(), cfg.gamma(), MIN_REACH);
        GreedyEvaluation.Result r = eval.run();
        assertEquals(0, r.wrongActions(), "greedy action differs from the optimal one: " + r.firstWrong());
        assertEquals(eval.optimum(), r.value(), 1e-3 * eval.optimum());
    }

    @Test
    void aNonFiniteParameterStopsTrainingNamingIt() {
        PpoTrainer t = new PpoTrainer(TabularMdp.standard(4), small(), 1, 2);
        t.update();
        t.critic().parameters().get(2).value().data()[5] = Float.NaN;
        IllegalStateException e = assertThrows(IllegalStateException.class, t::update);
        assertTrue(e.getMessage().contains(t.critic().parameters().get(2).name()) && e.getMessage().contains("NaN"),
                e.getMessage());
    }

    @Test
    void anInfiniteRewardStopsTrainingNamingIt() {
        TabularMdp bad = new TabularMdp(new double[][] {{1, Double.POSITIVE_INFINITY}}, new double[][][] {{{1}, {1}}}, 5, 4);
        PpoTrainer t = new PpoTrainer(bad, small(), 1, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, t::update);
        assertTrue(e.getMessage().contains("reward") && e.getMessage().contains("Infinity"), e.getMessage());
    }

    @Test
    void aLossThatOverflowsStopsTrainingNamingIt() {
        // Rewards of 1e38 overflow float returns to infinity without reward scaling.
        TabularMdp huge = new TabularMdp(new double[][] {{3e38, 3e38}}, new double[][][] {{{1}, {1}}}, 5, 4);
        PpoTrainer t = new PpoTrainer(huge, small().withEntropyAndScaling(0.01, false), 1, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, t::update);
        assertTrue(e.getMessage().contains("PPO loss") && e.getMessage().contains("NaN"), e.getMessage());
    }
}
