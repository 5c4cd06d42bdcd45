package org.retailrl.algorithms.recommendation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationScenarios;
import org.retailrl.nn.Parameter;
import org.retailrl.nn.RecurrentNet;

/**
 * The docs/model.md §3 learners on the learner core: exact ratios, determinism, timescales,
 * decentralised inputs, and that they learn.
 */
class MultiAgentTrainerTest {
    private static final RecommendationScenario S = RecommendationScenarios.small();
    private static final DecisionSpace SPACE = new DecisionSpace(S);
    /** Small configurations for the fast tests: width 8, 2 epochs of 2 minibatches; 2 copies. */
    private static final LearnerConfig TINY = Presets.MTMA.withSizes(8, 2, 1, 25).withUpdates(2, 2);
    private static final LearnerConfig TINY_SINGLE = Presets.MTMA_SINGLE.withSizes(8, 2, 1, 25).withUpdates(2, 2);
    private static final int COPIES = 2;
    private static final int ROUNDS = 10;

    private static Trainer trainer(Learner l, long seed) {
        return l.trainer(SPACE, l == Learner.MTMA ? TINY : TINY_SINGLE, COPIES, seed, ROUNDS);
    }

    private static List<float[]> weights(Trainer t) {
        List<float[]> out = new ArrayList<>();
        for (int a = 0; a < t.agents(); a++) {
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
    void eachLearnerHasOneScheduleOfItsPresetPerAgent() {
        for (Learner l : Learner.values()) {
            assertEquals(l == Learner.MTMA ? Presets.MTMA : Presets.MTMA_SINGLE, l.defaults());
            assertEquals(l.agents().size(), l.defaults().agentCount(), l.label());
        }
        assertEquals(List.of("replenishment", "recommendation"), Learner.MTMA.agents().stream().map(AgentSpec::name).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Learner.MTMA.trainer(SPACE, TINY_SINGLE, COPIES, 1, ROUNDS));
        assertTrue(e.getMessage().contains("one agent schedule per agent (2)"), e.getMessage());
    }

    @Test
    void eachActorSeesItsOwnViewAndTheCriticTheGlobalState() {
        Trainer t = trainer(Learner.MTMA, 1);
        assertEquals(ObservationView.REPLENISHMENT.size(S), t.actor(0).config().inputs());
        assertEquals(S.products() * SPACE.orderLevels(), t.actor(0).config().outputs());
        assertEquals(ObservationView.RECOMMENDATION.size(S), t.actor(1).config().inputs());
        // Simplex exposure: a mean and a log standard deviation per product and segment.
        assertEquals(2 * S.products() * SPACE.segments(), t.actor(1).config().outputs());
        assertEquals(ObservationView.GLOBAL.size(S), t.critic().config().inputs());
        Trainer joint = trainer(Learner.JOINT, 1);
        assertEquals(S.products() * (SPACE.orderLevels() + 2 * SPACE.segments()), joint.actor(0).config().outputs());
        DecisionSpace discrete = DecisionSpace.segments(S);
        Trainer ablation = Learner.MTMA.trainer(discrete, TINY, COPIES, 1, ROUNDS);
        assertEquals(S.products() * (discrete.segments() + 1), ablation.actor(1).config().outputs());
        Trainer jointAblation = Learner.JOINT.trainer(discrete, TINY_SINGLE, COPIES, 1, ROUNDS);
        assertEquals(S.products() * (discrete.orderLevels() + discrete.segments() + 1),
                jointAblation.actor(0).config().outputs());
    }

    /**
     * Before any update the recomputed log-probabilities equal the stored ones: every PPO ratio is
     * 1. The rollout of round 0 is replayed under the initial weights, restored from the state
     * taken before the round (a restore keeps the rollout buffer).
     */
    @Test
    void ratioIsOneBeforeAnyUpdate() {
        Trainer t = trainer(Learner.MTMA, 3);
        Trainer.State initial = t.state();
        t.round();
        t.restore(initial);
        for (int a = 0; a < 2; a++) {
            float[] stored = t.buffer().logProbs(a);
            float[] again = t.replayLogProbs(a);
            double worst = 0;
            for (int i = 0; i < stored.length; i++) {
                worst = Math.max(worst, Math.abs(Math.exp((double) again[i] - stored[i]) - 1));
            }
            assertTrue(worst <= 1e-6, "agent " + a + ": max |ρ − 1| = " + worst);
        }
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndAnotherSeedDoesNot() {
        Trainer a = trainer(Learner.MTMA, 7);
        Trainer b = trainer(Learner.MTMA, 7);
        Trainer c = trainer(Learner.MTMA, 8);
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

    /** Updated every 2nd round, the replenishment actor is frozen in odd rounds while the recommender moves. */
    @Test
    void theSlowAgentIsUpdatedOnlyOnItsRounds() {
        Trainer t = trainer(Learner.MTMA, 5);
        Trainer.RoundStats r0 = t.round();
        assertTrue(r0.agents()[0].updated() && r0.agents()[1].updated());
        List<float[]> before = weights(t);
        int slowBlocks = t.actor(0).parameters().size();
        Trainer.RoundStats r1 = t.round();
        assertFalse(r1.agents()[0].updated());
        assertTrue(r1.agents()[1].updated());
        assertTrue(Double.isNaN(r1.agents()[0].entropy()));
        List<float[]> after = weights(t);
        for (int k = 0; k < slowBlocks; k++) {
            assertArrayEquals(before.get(k), after.get(k), "slow agent's parameter block " + k + " moved");
        }
        assertFalse(java.util.Arrays.equals(before.get(slowBlocks), after.get(slowBlocks)),
                "the fast agent's first parameter block must move");
    }

    /**
     * IM-Only learns: after 40 rounds (320 episodes) its policy, on 30 common-random-number
     * episodes, must have closed at least half of the gap between its untrained (uniformly random)
     * order policy and the fitted base-stock policy with the same uniform exposure — the
     * practitioner's rule for the decision it learns — with the paired 95% interval of
     * {@code trained − (random + base-stock)/2} above zero.
     */
    @Test
    void trainingClosesHalfTheGapToBaseStock() {
        LearnerConfig c = Presets.MTMA_SINGLE.withSizes(16, 2, 1, 25);
        int copies = Presets.RECOMMENDATION_COPIES;
        Trainer trained = Learner.IM_ONLY.trainer(SPACE, c, copies, 11, 40);
        for (int r = 0; r < 40; r++) {
            trained.round();
        }
        Trainer initial = Learner.IM_ONLY.trainer(SPACE, c, copies, 11, 40);
        ExposureRule uniform = new UniformExposure(S.customers());
        int[] levels = BaseStockFitter.fit(S, uniform, BaseStockFitter.defaultGrid(), 99, 20);
        RecommendationPolicy baseStock = RecommendationPolicy.of(new BaseStockReplenishment(levels, S.maxOrder()),
                uniform);
        double[] after = CrnEvaluation.episodeRewards(S, LearnedPolicy.of("trained", trained), 123, 30);
        double[] before = CrnEvaluation.episodeRewards(S, LearnedPolicy.of("initial", initial), 123, 30);
        double[] heuristic = CrnEvaluation.episodeRewards(S, baseStock, 123, 30);
        double[] midpoint = new double[after.length];
        for (int e = 0; e < midpoint.length; e++) {
            midpoint[e] = (before[e] + heuristic[e]) / 2;
        }
        MeanInterval d = MeanInterval.ofDifference(after, midpoint);
        assertTrue(d.low() > 0, "trained − midpoint " + d + " (random " + MeanInterval.of(before) + ", base-stock "
                + MeanInterval.of(heuristic) + ", trained " + MeanInterval.of(after) + ")");
    }

    @Test
    void learnedPolicyReplaysTheSameEpisodeAndNaiveNeedsTheSiloedLearners() {
        Trainer t = trainer(Learner.MTMA, 2);
        LearnedPolicy p = LearnedPolicy.of("MTMA", t);
        assertArrayEquals(CrnEvaluation.episodeRewards(S, p, 9, 3), CrnEvaluation.episodeRewards(S, p, 9, 3));
        Trainer im = trainer(Learner.IM_ONLY, 2);
        Trainer rs = trainer(Learner.RS_ONLY, 2);
        LearnedPolicy.naive("naive", im, rs);
        assertThrows(IllegalArgumentException.class, () -> LearnedPolicy.naive("naive", rs, im));
        List<RecurrentNet> wrong = List.of(t.actor(1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LearnedPolicy("x", SPACE,
                List.of(Learner.MTMA.agents().get(0)), wrong)).getMessage().contains("inputs"));
    }
}
