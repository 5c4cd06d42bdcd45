package org.retailrl.algorithms.multiproduct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.multiproduct.MultiProductScenario;

/** The 2N-agent and per-product learners of docs/model.md §4.3 as configurations of the learner core. */
class MultiProductLearnersTest {
    private static final MultiProductScenario THREE = MultiProductScenario.named("multiproduct");
    private static final LearnerConfig TINY = Presets.FSDA.withSizes(8, 1, 1, 25).withUpdates(1, 2);

    @Test
    void fsdaHasAPricingAndAnOrderingAgentPerProductOnTheirTimescales() {
        try (Trainer t = MultiProductLearners.pricingAndOrdering(THREE, 2, TINY, 1, 4)) {
            assertEquals(6, t.agents());
            assertEquals("pricing2", t.name(4));
            assertEquals("ordering2", t.name(5));
            for (int a = 0; a < 6; a++) {
                assertEquals(21, t.actor(a).config().outputs());
                assertEquals(3 * (4 + 2) + 1, t.actor(a).config().inputs());
            }
            t.round();
            Trainer.RoundStats second = t.round(); // round n = 1: k(1) = 2, so the slow agents wait
            for (int i = 0; i < 3; i++) {
                assertTrue(second.agents()[2 * i].updated(), "pricing agent " + i + " is fast");
                assertFalse(second.agents()[2 * i + 1].updated(), "ordering agent " + i + " is slow");
            }
        }
    }

    @Test
    void perProductPpoHasOneJointActorPerProduct() {
        LearnerConfig c = Presets.PPO_PER_PRODUCT.withSizes(8, 1, 1, 25).withUpdates(1, 2);
        try (Trainer t = MultiProductLearners.perProduct(THREE, 2, c, 1, 2)) {
            assertEquals(3, t.agents());
            assertEquals(21 * 21, t.actor(0).config().outputs());
            Trainer.RoundStats s = t.round();
            assertTrue(s.agents()[0].updated() && s.agents()[2].updated());
        }
    }

    @Test
    void aConfigurationMustNameOneProductsSchedulesOrAll() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MultiProductLearners
                .expanded(Presets.PPO_PER_PRODUCT.withAgents(java.util.List.of(Presets.FSDA.agents().get(0),
                        Presets.FSDA.agents().get(0))), MultiProductAgentEnv.Agents.PER_PRODUCT_JOINT, 3));
        assertTrue(e.getMessage().contains("agents must list 1"), e.getMessage());
        assertEquals(6, MultiProductLearners.expanded(Presets.FSDA, MultiProductAgentEnv.Agents.PRICING_AND_ORDERING, 3)
                .agentCount());
    }

    @Test
    void theAgentsChoicesReachTheRightProducts() {
        int[] price = new int[6];
        int[] order = new int[6];
        // 2 copies × 3 products; pricing agents 0, 2, 4 and ordering agents 1, 3, 5.
        int[][] choices = {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}, {11, 12}};
        MultiProductAgentEnv.decode(MultiProductAgentEnv.Agents.PRICING_AND_ORDERING, 3, 21, 2, choices, price, order);
        assertArrayEquals(new int[] {1, 5, 9, 2, 6, 10}, price);
        assertArrayEquals(new int[] {3, 7, 11, 4, 8, 12}, order);
        int[][] joint = {{2 * 21 + 3, 0}, {4 * 21 + 5, 21}, {20, 440}};
        MultiProductAgentEnv.decode(MultiProductAgentEnv.Agents.PER_PRODUCT_JOINT, 3, 21, 2, joint, price, order);
        assertArrayEquals(new int[] {2, 4, 0, 0, 1, 20}, price);
        assertArrayEquals(new int[] {3, 5, 20, 0, 0, 20}, order);
        int[][] factored = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}};
        MultiProductAgentEnv.decode(MultiProductAgentEnv.Agents.FACTORED, 3, 21, 2, factored, price, order);
        assertArrayEquals(new int[] {1, 3, 5, 7, 9, 11}, price);
        assertArrayEquals(new int[] {2, 4, 6, 8, 10, 12}, order);
    }

    /**
     * The shared agent: one network, each (copy, product) pair a row that sees its own product's
     * block first and its one-hot code, and every row of a copy receives the copy's total profit.
     */
    @Test
    void theSharedAgentSeesItsOwnProductFirstWithItsCode() {
        try (Trainer t = MultiProductLearners.trainer(THREE, 2, Presets.PPO_JOINT.withSizes(8, 1, 1, 25).withUpdates(1, 2),
                1, 2, MultiProductAgentEnv.Agents.SHARED)) {
            assertEquals(1, t.agents());
            assertEquals(6, t.env().copies());
            assertEquals(3 * 6 + 1 + 3, t.actor(0).config().inputs());
            assertEquals(21 + 21, t.actor(0).config().outputs());
            t.round();
        }
        MultiProductAgentEnv env = new MultiProductAgentEnv(THREE, 2, MultiProductAgentEnv.Agents.SHARED);
        env.reset(4, 0);
        int[][] choices = {new int[12]};
        for (int r = 0; r < 6; r++) {
            choices[0][2 * r] = r; // product r % 3 of copy r / 3 posts grid price r
            choices[0][2 * r + 1] = 2 + r;
        }
        double[] reward = new double[6];
        env.step(choices, new Rng[6], reward);
        assertEquals(reward[3], reward[5], 0.0, "rows of one copy share its total profit");
        assertEquals(env.batch().lastReward(1, 0) + env.batch().lastReward(1, 1) + env.batch().lastReward(1, 2),
                reward[4], 1e-9);
        float[] rows = new float[6 * 22];
        env.observe(0, rows);
        int row = 1 * 3 + 2; // copy 1, product 2
        assertEquals((float) THREE.price(5) / 50, rows[row * 22 + 3], 1e-6, "own last price first");
        assertEquals((float) THREE.price(3) / 50, rows[row * 22 + 6 + 3], 1e-6, "then product 0 (cyclic)");
        assertEquals(1f, rows[row * 22 + 19 + 2]);
        assertEquals(0f, rows[row * 22 + 19 + 0]);
    }

    @Test
    void theRewardIsTheTotalProfitOfTheSimulator() {
        MultiProductAgentEnv env = new MultiProductAgentEnv(THREE, 2, MultiProductAgentEnv.Agents.FACTORED);
        env.reset(9, 0);
        int[][] choices = {new int[12]};
        java.util.Arrays.fill(choices[0], 3);
        double[] r = new double[2];
        env.step(choices, new Rng[] {new Rng(1), new Rng(2)}, r);
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            sum += env.batch().lastReward(1, i);
        }
        assertEquals(sum, r[1], 1e-9);
        float[] obs = new float[2 * MultiProductAgentEnv.observationSize(THREE)];
        env.observe(0, obs);
        assertEquals(1f / 100, obs[obs.length - 1], 1e-7, "t/T");
        assertEquals(16f / 50, obs[3], 1e-6, "last price over the largest grid price");
    }
}
