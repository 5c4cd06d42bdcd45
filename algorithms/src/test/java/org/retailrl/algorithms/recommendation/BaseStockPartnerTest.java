package org.retailrl.algorithms.recommendation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.Step;
import org.retailrl.envs.recommendation.RecommendationEnv;
import org.retailrl.envs.recommendation.RecommendationInfo;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationScenarios;

/**
 * The fair RS-Only of docs/model.md §3 orders by the fitted base-stock rule, in training and in
 * deployment alike, while the papers' RS-Only keeps its uniform random orders.
 */
class BaseStockPartnerTest {
    private static final RecommendationScenario S = RecommendationScenarios.named("small-backlog");

    @Test
    void partnerIsTheUniformHeuristicsFittedBaseStock() {
        assertNull(Learner.RS_ONLY.partner(S));
        assertNull(Learner.MTMA.partner(S));
        BaseStockReplenishment p = (BaseStockReplenishment) Learner.RS_ONLY_BASE_STOCK.partner(S);
        int[] fitted = BaseStockFitter.fit(S, new UniformExposure(S.customers()), BaseStockFitter.defaultGrid(),
                RecommendationComparison.FIT_SEED, ComparisonOptions.DEFAULT_FIT_EPISODES);
        assertArrayEquals(fitted, p.levels());
    }

    @Test
    void trainingEnvironmentPlaysTheBaseStockOrders() {
        DecisionSpace space = new DecisionSpace(S);
        RecommendationAgentEnv env = new RecommendationAgentEnv(space, Learner.RS_ONLY_BASE_STOCK.agents(), 1,
                Learner.RS_ONLY_BASE_STOCK.partner(S));
        ReplenishmentRule rule = env.partner();
        RecommendationEnv single = new RecommendationEnv(S);
        env.reset(5, 0);
        single.reset(5, 0);
        int n = S.products();
        int nm = n * S.customers();
        Rng actions = new Rng(9);
        boolean ordered = false;
        for (int t = 0; t < 8; t++) {
            float[] logits = new float[n * space.segments()];
            for (int k = 0; k < logits.length; k++) {
                logits[k] = (float) actions.normal(0, 2);
            }
            double[] reward = new double[1];
            env.step(new int[][] {new int[0]}, new float[][] {logits}, new Rng[] {new Rng(1)}, reward);
            int[] orders = new int[n];
            rule.orders(single.state(), orders);
            for (int q : orders) {
                ordered |= q > 0;
            }
            double[] exposure = new double[nm];
            space.writeSimplexExposure(logits, 0, new double[nm], new double[nm], exposure, 0);
            Step<RecommendationInfo> step = single.step(orders, exposure);
            assertEquals(step.reward(), reward[0], 1e-9, "period " + t + " must be played with the base-stock orders");
        }
        assertTrue(ordered, "the base-stock rule must order within the episode");
    }

    @Test
    void deployedPolicyOrdersLikeTheRuleAndThePapersRsOnlyDoesNot() {
        Trainer fair = Learner.RS_ONLY_BASE_STOCK.trainer(new DecisionSpace(S), Presets.MTMA_SINGLE, 2, 3, 1);
        Trainer paper = Learner.RS_ONLY.trainer(new DecisionSpace(S), Presets.MTMA_SINGLE, 2, 3, 1);
        RecommendationPolicy p = LearnedPolicy.of("fair", fair);
        RecommendationPolicy r = LearnedPolicy.of("paper", paper);
        RecommendationEnv env = new RecommendationEnv(S);
        env.reset(11, 0);
        p.beginEpisode(11, 0);
        r.beginEpisode(11, 0);
        int n = S.products();
        int[] got = new int[n];
        int[] random = new int[n];
        int[] want = new int[n];
        double[] exposure = new double[n * S.customers()];
        p.act(env.state(), got, exposure);
        r.act(env.state(), random, exposure);
        Learner.RS_ONLY_BASE_STOCK.partner(S).orders(env.state(), want);
        assertArrayEquals(want, got);
        assertNotEquals(java.util.Arrays.toString(want), java.util.Arrays.toString(random));
    }
}
