package org.retailrl.algorithms.recommendation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.recommendation.CrnEvaluation;
import org.retailrl.algorithms.recommendation.MeanInterval;
import org.retailrl.algorithms.rl.RecurrentNet;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationScenarios;
import org.retailrl.nn.Parameter;

/** The MTMA trainer: exact ratios, determinism, timescales, decentralised inputs, and that it learns. */
class MultiAgentTrainerTest {
    private static final RecommendationScenario S = RecommendationScenarios.small();
    private static final DecisionSpace SPACE = new DecisionSpace(S);
    /** A small configuration for the fast tests: 2 copies, width 8, 2 minibatches of 2 sequences. */
    private static final MtmaConfig TINY = new MtmaConfig(8, 2, 2, 1, 25, 2, 2, 0.99, 0.95, 0.2, 0.01, 0.5, 0.5,
            1e-5, 1e-3, 1e-3, 1, 5e-4, 2, 1e-3);

    private static List<float[]> weights(MultiAgentTrainer t) {
        List<float[]> out = new ArrayList<>();
        for (int a = 0; a < t.specs().size(); a++) {
            for (Parameter p : t.actor(a).parameters()) {
                out.add(p.value().data().clone());
            }
        }
        for (Parameter p : t.critic().parameters()) {
            out.add(p.value().data().clone());
        }
        return out;
    }

    @Test
    void defaultsArePinned() {
        assertEquals(new MtmaConfig(32, 2, 8, 1, 25, 4, 4, 0.99, 0.95, 0.2, 0.01, 0.5, 0.5, 1e-5, 1e-3, 1e-3, 1, 5e-4, 2,
                1e-3), MtmaConfig.DEFAULTS);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TINY.withTimescales(1e-3, 0, 5e-4, 2))
                .getMessage().contains("fastEvery"));
    }

    @Test
    void eachActorSeesItsOwnViewAndTheCriticTheGlobalState() {
        MultiAgentTrainer t = new MultiAgentTrainer(SPACE, Learner.MTMA, TINY, 1);
        assertEquals(ObservationView.REPLENISHMENT.size(S), t.actor(0).config().inputs());
        assertEquals(S.products() * SPACE.orderLevels(), t.actor(0).config().outputs());
        assertEquals(ObservationView.RECOMMENDATION.size(S), t.actor(1).config().inputs());
        assertEquals(S.products() * (SPACE.segments() + 1), t.actor(1).config().outputs());
        assertEquals(ObservationView.GLOBAL.size(S), t.critic().config().inputs());
        MultiAgentTrainer joint = new MultiAgentTrainer(SPACE, Learner.JOINT, TINY, 1);
        assertEquals(S.products() * (SPACE.orderLevels() + SPACE.segments() + 1), joint.actor(0).config().outputs());
    }

    /** Before any update the recomputed log-probabilities equal the stored ones: every PPO ratio is 1. */
    @Test
    void ratioIsOneBeforeAnyUpdate() {
        MultiAgentTrainer t = new MultiAgentTrainer(SPACE, Learner.MTMA, TINY, 3);
        t.collect();
        for (int a = 0; a < 2; a++) {
            float[] stored = t.buffer().logProbs(a);
            float[] again = t.logProbs(a);
            double worst = 0;
            for (int i = 0; i < stored.length; i++) {
                worst = Math.max(worst, Math.abs(Math.exp((double) again[i] - stored[i]) - 1));
            }
            assertTrue(worst <= 1e-6, "agent " + a + ": max |ρ − 1| = " + worst);
        }
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndAnotherSeedDoesNot() {
        MultiAgentTrainer a = new MultiAgentTrainer(SPACE, Learner.MTMA, TINY, 7);
        MultiAgentTrainer b = new MultiAgentTrainer(SPACE, Learner.MTMA, TINY, 7);
        MultiAgentTrainer c = new MultiAgentTrainer(SPACE, Learner.MTMA, TINY, 8);
        for (int r = 0; r < 2; r++) {
            assertEquals(a.round().meanEpisodeReward(), b.round().meanEpisodeReward());
            c.round();
        }
        List<float[]> wa = weights(a);
        List<float[]> wb = weights(b);
        List<float[]> wc = weights(c);
        boolean differs = false;
        for (int k = 0; k < wa.size(); k++) {
            assertArrayEquals(wa.get(k), wb.get(k), "parameter block " + k);
            differs |= !java.util.Arrays.equals(wa.get(k), wc.get(k));
        }
        assertTrue(differs, "another seed must give other weights");
    }

    /** With slowEvery = 2 the replenishment actor is frozen in odd rounds while the recommender moves. */
    @Test
    void theSlowAgentIsUpdatedOnlyOnItsRounds() {
        MultiAgentTrainer t = new MultiAgentTrainer(SPACE, Learner.MTMA, TINY, 5);
        MultiAgentTrainer.RoundStats r0 = t.round();
        assertTrue(r0.updated()[0] && r0.updated()[1]);
        List<float[]> before = weights(t);
        int slowBlocks = t.actor(0).parameters().size();
        MultiAgentTrainer.RoundStats r1 = t.round();
        assertFalse(r1.updated()[0]);
        assertTrue(r1.updated()[1]);
        assertTrue(Double.isNaN(r1.entropy()[0]));
        List<float[]> after = weights(t);
        for (int k = 0; k < slowBlocks; k++) {
            assertArrayEquals(before.get(k), after.get(k), "slow agent's parameter block " + k + " moved");
        }
        assertFalse(java.util.Arrays.equals(before.get(slowBlocks), after.get(slowBlocks)),
                "the fast agent's first parameter block must move");
    }

    /**
     * IM-Only after 40 rounds (320 episodes) against its own untrained policy on 30 common-random-
     * number episodes: the paired 95 % interval of the improvement must lie above zero.
     */
    @Test
    void trainingImprovesOnTheInitialPolicy() {
        MtmaConfig c = MtmaConfig.DEFAULTS.withHidden(16);
        MultiAgentTrainer trained = new MultiAgentTrainer(SPACE, Learner.IM_ONLY, c, 11);
        for (int r = 0; r < 40; r++) {
            trained.round();
        }
        MultiAgentTrainer initial = new MultiAgentTrainer(SPACE, Learner.IM_ONLY, c, 11);
        double[] after = CrnEvaluation.episodeRewards(S, LearnedPolicy.of("trained", trained), 123, 30);
        double[] before = CrnEvaluation.episodeRewards(S, LearnedPolicy.of("initial", initial), 123, 30);
        MeanInterval d = MeanInterval.ofDifference(after, before);
        assertTrue(d.low() > 0, "improvement " + d);
    }

    @Test
    void learnedPolicyReplaysTheSameEpisodeAndNaiveNeedsTheSiloedLearners() {
        MultiAgentTrainer t = new MultiAgentTrainer(SPACE, Learner.MTMA, TINY, 2);
        LearnedPolicy p = LearnedPolicy.of("MTMA", t);
        assertArrayEquals(CrnEvaluation.episodeRewards(S, p, 9, 3), CrnEvaluation.episodeRewards(S, p, 9, 3));
        MultiAgentTrainer im = new MultiAgentTrainer(SPACE, Learner.IM_ONLY, TINY, 2);
        MultiAgentTrainer rs = new MultiAgentTrainer(SPACE, Learner.RS_ONLY, TINY, 2);
        LearnedPolicy.naive("naive", im, rs);
        assertThrows(IllegalArgumentException.class, () -> LearnedPolicy.naive("naive", rs, im));
        List<RecurrentNet> wrong = List.of(t.actor(1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LearnedPolicy("x", SPACE,
                List.of(Learner.MTMA.agents(TINY).get(0)), wrong)).getMessage().contains("inputs"));
    }
}
