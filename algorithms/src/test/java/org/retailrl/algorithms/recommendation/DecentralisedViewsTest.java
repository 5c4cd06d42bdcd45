package org.retailrl.algorithms.recommendation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.Step;
import org.retailrl.envs.recommendation.RecommendationEnv;
import org.retailrl.envs.recommendation.RecommendationInfo;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationScenarios;

/**
 * The decentralised views of docs/model.md §3.6 are the same in training and in deployment: the
 * training environment ({@link RecommendationAgentEnv}, batched) and a deployed policy (the
 * single-copy simulator, told each period's outcome) build identical inputs along one episode
 * played with the same simplex actions.
 */
class DecentralisedViewsTest {
    @Test
    void trainingAndDeploymentSeeTheSameSignals() {
        RecommendationScenario s = RecommendationScenarios.small();
        DecisionSpace space = new DecisionSpace(s);
        List<AgentSpec> specs = Learner.MTMA.agents();
        RecommendationAgentEnv env = new RecommendationAgentEnv(space, specs, 1);
        RecommendationEnv single = new RecommendationEnv(s);
        long seed = 17;
        env.reset(seed, 0);
        single.reset(seed, 0);
        int n = s.products();
        int m = s.customers();
        int[] lastDemand = new int[n];
        int[] lastSales = new int[n];
        Rng actions = new Rng(4);
        boolean sawDemand = false;
        for (int t = 0; t < 6; t++) {
            for (int a = 0; a < specs.size(); a++) {
                int v = env.agentView(a);
                float[] trained = new float[env.viewSize(v)];
                env.observe(v, trained);
                float[] deployed = new float[env.viewSize(v)];
                specs.get(a).view().write(s, single.state(), lastDemand, lastSales, 0, deployed, 0);
                assertArrayEquals(deployed, trained, "agent " + a + " at period " + t);
            }
            int[] order = new int[n];
            float[] logits = new float[n * space.segments()];
            for (int i = 0; i < n; i++) {
                order[i] = actions.nextInt(space.orderLevels());
            }
            for (int k = 0; k < logits.length; k++) {
                logits[k] = (float) actions.normal(0, 2);
            }
            double[] reward = new double[1];
            env.step(new int[][] {order, new int[0]}, new float[][] {new float[0], logits}, new Rng[] {new Rng(1)},
                    reward);
            int[] units = new int[n];
            for (int i = 0; i < n; i++) {
                units[i] = space.orderUnits(order[i]);
            }
            double[] exposure = new double[n * m];
            space.writeSimplexExposure(logits, 0, new double[n * m], new double[n * m], exposure, 0);
            Step<RecommendationInfo> step = single.step(units, exposure);
            assertEquals(step.reward(), reward[0], 1e-9, "the two simulators must play the same period " + t);
            System.arraycopy(step.info().demand(), 0, lastDemand, 0, n);
            System.arraycopy(step.info().sales(), 0, lastSales, 0, n);
            for (int d : lastDemand) {
                sawDemand |= d > 0;
            }
        }
        assertTrue(sawDemand, "the episode must carry demand signals");
    }
}
