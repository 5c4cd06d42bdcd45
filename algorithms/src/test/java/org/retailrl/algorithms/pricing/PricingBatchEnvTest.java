package org.retailrl.algorithms.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.rl.FactorLayout;
import org.retailrl.envs.pricing.PricingScenario;

class PricingBatchEnvTest {
    private final PricingScenario b = PricingScenario.named("b");

    @Test
    void observationIsScaledAndCarriesTheTime() {
        PricingBatchEnv env = new PricingBatchEnv(b, 2, PricingBatchEnv.Agents.PRICING_AND_ORDERING);
        assertEquals(6 + 3 + 1, env.observationSize());
        assertEquals(21, env.actionCount(PricingBatchEnv.PRICING));
        assertEquals(21, env.actionCount(PricingBatchEnv.ORDERING));
        // One view for both agents and the critic; each agent one categorical factor.
        assertEquals(1, env.views());
        assertEquals(env.observationSize(), env.viewSize(0));
        assertEquals(0, env.agentView(PricingBatchEnv.ORDERING));
        assertEquals(0, env.criticView());
        assertEquals(new FactorLayout(21), env.actionLayout(PricingBatchEnv.PRICING));
        assertEquals(new FactorLayout(441), new PricingBatchEnv(b, 1, PricingBatchEnv.Agents.JOINT).actionLayout(0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> env.viewSize(1)).getMessage().contains("view"));
        env.reset(1, 0);
        float[] obs = new float[2 * env.observationSize()];
        env.observe(0, obs);
        assertEquals(10f / 20, obs[0], 1e-7);       // I_0 = 10 over Q = 20
        assertEquals(30f / 50, obs[3], 1e-7);       // r_0 = 30 as last price, over p_max = 50
        assertEquals(30f / 50, obs[4], 1e-7);       // o_1 = 30
        assertEquals(0f, obs[9]);                   // t/T
        env.step(new int[][] {{3, 3}, {7, 7}}, null, new double[2]);
        env.observe(0, obs);
        assertEquals(16f / 50, obs[3], 1e-7);       // price index 3 = 16
        assertEquals(7f / 20, obs[8], 1e-7);        // newest pipeline entry
        assertEquals(1f / 100, obs[9], 1e-7);
    }

    @Test
    void floodedStockIsCompressedLogarithmically() {
        assertEquals(0.5f, PricingBatchEnv.squash(0.5f));
        assertEquals(-1f, PricingBatchEnv.squash(-1f));
        assertEquals(1f + (float) Math.log(35), PricingBatchEnv.squash(35f), 1e-6);   // 700 units over Q = 20
        assertEquals(-1f - (float) Math.log(4), PricingBatchEnv.squash(-4f), 1e-6);
        // Continuous at ±1 and increasing: distinct stocks stay distinct.
        assertEquals(1f, PricingBatchEnv.squash(Math.nextUp(1f)), 1e-6);
        float prev = PricingBatchEnv.squash(-100f);
        for (int k = -999; k <= 1000; k++) {
            float x = PricingBatchEnv.squash(k / 10f);
            assertTrue(x > prev, "squash must increase at " + k / 10f);
            prev = x;
        }
    }

    @Test
    void jointActionDecodesToTheSamePeriodAsTheTwoAgentSplit() {
        PricingBatchEnv joint = new PricingBatchEnv(b, 3, PricingBatchEnv.Agents.JOINT);
        PricingBatchEnv split = new PricingBatchEnv(b, 3, PricingBatchEnv.Agents.PRICING_AND_ORDERING);
        assertEquals(441, joint.actionCount(0));
        joint.reset(9, 4);
        split.reset(9, 4);
        int[] price = {0, 20, 5};
        int[] order = {20, 0, 11};
        int[] a = new int[3];
        for (int i = 0; i < 3; i++) {
            a[i] = price[i] * 21 + order[i];
        }
        double[] rj = new double[3];
        double[] rs = new double[3];
        for (int t = 0; t < 5; t++) {
            joint.step(new int[][] {a}, null, rj);
            split.step(new int[][] {price, order}, null, rs);
            for (int i = 0; i < 3; i++) {
                assertEquals(rs[i], rj[i], "copy " + i + " period " + t);
            }
        }
        assertEquals(b.price(20), joint.batch().lastPrice(1));
    }

    @Test
    void episodesUseDisjointStreams() {
        PricingBatchEnv env = new PricingBatchEnv(b, 2, PricingBatchEnv.Agents.PRICING_AND_ORDERING);
        PricingBatchEnv one = new PricingBatchEnv(b, 1, PricingBatchEnv.Agents.PRICING_AND_ORDERING);
        // Episode 1, copy 0 of a 2-copy env is stream 2 — the same as episode 2 of a 1-copy env.
        env.reset(5, 1);
        one.reset(5, 2);
        double[] r2 = new double[2];
        double[] r1 = new double[1];
        int[][] act = {{10, 10}, {5, 5}};
        int[][] act1 = {{10}, {5}};
        double sum = 0;
        for (int t = 0; t < 20; t++) {
            env.step(act, null, r2);
            one.step(act1, null, r1);
            assertEquals(r1[0], r2[0]);
            sum += Math.abs(r2[0] - r2[1]);
        }
        assertTrue(sum > 0, "two copies should see different demand");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.actionCount(2));
        assertTrue(e.getMessage().contains("agent"));
    }
}
