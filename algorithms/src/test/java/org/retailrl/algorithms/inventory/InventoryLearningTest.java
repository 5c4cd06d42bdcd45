package org.retailrl.algorithms.inventory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.eval.PairedComparison;
import org.retailrl.algorithms.pricing.PricingBatchEnv;
import org.retailrl.algorithms.rl.FactorLayout;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.inventory.DemandLaw;
import org.retailrl.envs.inventory.DualSourcingScenario;
import org.retailrl.envs.inventory.SerialScenario;
import org.retailrl.envs.inventory.LostSalesScenario;

/**
 * The inventory simulators as environments of the learner core (docs/model.md §7, §8.13): the
 * adapters' encodings by hand, and PPO with the inventory preset learning a small lost-sales instance.
 */
class InventoryLearningTest {
    /** Poisson(3), L = 1, h = 1, p = 9, 40-period episodes: S̄ = 9, so targets 0..9. */
    static final LostSalesScenario SMALL = new LostSalesScenario(DemandLaw.poisson(3), 1, 1, 9, 0,
            DemandLaw.poisson(3).max(), 40, 0, new int[0]);

    @Test
    void adapterChoosesTargetsUpToTheStandardLevelAndScalesTheState() {
        LostSalesScenario s = LostSalesScenario.zipkin(DemandLaw.Kind.GEOMETRIC, 39, 3);
        int level = LostSalesSolver.standardBaseStock(s);
        assertTrue(level < s.maxOrder(), "the cap must bind on a geometric instance");
        assertEquals(new FactorLayout(level + 1), LostSalesAgentEnv.layout(s));
        LostSalesScenario start = new LostSalesScenario(s.demand(), 3, 1, 39, 0, s.maxOrder(), 10, level / 2,
                new int[] {level / 4, 2 * level});
        LostSalesAgentEnv env = new LostSalesAgentEnv(start, 2);
        assertEquals(4, env.observationSize());
        env.reset(5, 0);
        float[] obs = new float[8];
        env.observe(0, obs);
        float u = 1f / level;
        // On hand and the first order in transit below S̄ are linear; the rest is compressed as 1 + ln u.
        assertEquals((level / 2) * u, obs[0], 1e-6);
        assertEquals((level / 4) * u, obs[1], 1e-6);
        assertEquals(1 + (float) Math.log(2 * level * u), obs[2], 1e-6);
        int position = level / 2 + level / 4 + 2 * level;
        assertEquals(1 + (float) Math.log(position * u), obs[3], 1e-6);
        // A choice is a target position: copy 0's target 3 lies below its position (nothing ordered).
        double[] reward = new double[2];
        env.step(new int[][] {{3, position + 2}}, new Rng[2], reward);
        int[] state = new int[3];
        env.batch().state(0, state);
        assertEquals(0, state[2], "target below the position: no order");
        env.batch().state(1, state);
        assertEquals(2, state[2], "copy 1 orders up to its target: 2 units, the last in transit");
        int d = env.batch().lastDemand(0);
        double cost = d <= level / 2 ? (level / 2 - d) : 39.0 * (d - level / 2);
        assertEquals(-cost / 10, reward[0], 1e-12);
        // Orders are cut to Q.
        LostSalesAgentEnv low = new LostSalesAgentEnv(new LostSalesScenario(s.demand(), 3, 1, 39, 0, 4, 10, 0,
                new int[] {0, 0}), 1);
        low.reset(5, 0);
        low.step(new int[][] {{level}}, new Rng[1], new double[1]);
        low.batch().state(0, state);
        assertEquals(4, state[2], "target S̄ from an empty system, cut to Q = 4");
    }

    @Test
    void dualSourcingAdapterHasOneFactorPerSourceAndScalesTheState() {
        DualSourcingScenario s = DualSourcingScenario.example(3);
        DualSourcingAgentEnv env = new DualSourcingAgentEnv(s, 1);
        assertEquals(new FactorLayout(9, 9), env.actionLayout(0));
        assertEquals(4, env.observationSize());
        env.reset(3, 0);
        double[] reward = new double[1];
        // Regular order 5 (arrives in 3 periods), expedited 2 (at once, l_e = 0).
        env.step(new int[][] {{5, 2}}, new Rng[1], reward);
        int n = env.batch().net(0);
        int d = 2 - n;
        double cost = 100 * 5 + 105 * 2 + (n >= 0 ? 5.0 * n : -495.0 * n);
        assertEquals(-cost / s.horizon(), reward[0], 1e-9, "demand " + d);
        float[] obs = new float[4];
        env.observe(0, obs);
        double scale = 1 / (2.0 * 4);
        assertEquals(PricingBatchEnv.squash((float) (n * scale)), obs[0], 1e-6);
        assertEquals(0f, obs[1], 0f);
        assertEquals((float) (5 * scale), obs[2], 1e-6, "the regular order is the youngest in transit");
        assertEquals(PricingBatchEnv.squash((float) ((n + 5) * scale)), obs[3], 1e-6);
    }

    @Test
    void serialAdapterOrdersUpToEchelonTargets() {
        SerialScenario s = SerialScenario.example();
        int[] caps = SerialAgentEnv.targetCaps(s);
        for (int j = 0; j < caps.length; j++) {
            int periods = 1;
            for (int i = 0; i <= j; i++) {
                periods += s.leadTimes()[i];
            }
            double[] law = s.demand().convolutionPower(periods);
            double below = 0;
            for (int k = 0; k < caps[j]; k++) {
                below += law[k];
            }
            assertTrue(below < 1 - 1e-6 && below + law[caps[j]] >= 1 - 1e-6, "cap " + j + " is the quantile");
        }
        SerialAgentEnv env = new SerialAgentEnv(s, 1);
        assertEquals(new FactorLayout(caps[0] + 1, caps[1] + 1, caps[2] + 1, caps[3] + 1), env.actionLayout(0));
        env.reset(2, 0);
        // From the empty system every echelon position is 0: orders 3, 7, and 50 and 60 cut to Q = 40.
        env.step(new int[][] {{3, 7, 50, 60}}, new Rng[1], new double[1]);
        int[] state = new int[env.batch().observationSize()];
        env.batch().state(0, state);
        assertArrayEquals(new int[] {3, 7, 40}, java.util.Arrays.copyOfRange(state, 4, 7), "owed upstream");
        assertEquals(40, state[state.length - 1], "the top stage's order is in transit");
        // Next period stage 0's echelon position is 3 − D: target 3 orders exactly the demand.
        int d = -state[0];
        env.step(new int[][] {{3, 0, 0, 0}}, new Rng[1], new double[1]);
        env.batch().state(0, state);
        assertEquals(3 + d, state[4], "stage 1 now owes 3 + D");
    }

    /**
     * Three training seeds, 60 rounds of 16 copies each (38,400 periods): the greedy policy, simulated
     * on 40 copies × 1000 periods with common random numbers, must cost less than the best constant
     * order (exact: 9.57 against the optimum 4.25) and lie within 10 % of the optimal policy on every
     * seed and within 5 % on average (measured: 1.8 %, 1.8 %, 3.4 %). An untrained actor aims at a
     * uniformly random position in 0..9 against a lead-time demand of 6 and loses sales heavily.
     */
    @Test
    void ppoBeatsTheConstantOrderAndComesCloseToTheOptimum() {
        LostSalesSolution opt = LostSalesSolver.solve(SMALL);
        double constant = LostSalesHeuristics.constantOrder(SMALL).cost();
        double[] optimal = InventoryEvaluation.lostSales(SMALL, opt.policy(), 40, 100, 1000, 77);
        double sum = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Trainer t = InventoryLearners.lostSales(SMALL, 16, Presets.PPO_INVENTORY, seed, 60);
            for (int n = 0; n < 60; n++) {
                t.round();
            }
            double[] learned = InventoryEvaluation.learned(new LostSalesAgentEnv(SMALL, 40), t.actor(0), 100, 1000, 77);
            PairedComparison gap = PairedComparison.of("ppo", learned, "optimal", optimal, 0.95);
            assertTrue(mean(learned) < constant, "seed " + seed + ": ppo " + mean(learned) + " vs constant order "
                    + constant);
            assertTrue(gap.improvementPct() < 10, "seed " + seed + ": gap " + gap.improvementPct() + " %");
            sum += gap.improvementPct();
        }
        assertTrue(sum / 3 < 5, "mean gap " + sum / 3 + " %");
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
