package org.retailrl.algorithms.inventory;

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
import org.retailrl.envs.inventory.LostSalesScenario;

/**
 * The inventory simulators as environments of the learner core (docs/model.md §7, §8.13): the
 * adapters' encodings by hand, and PPO with the inventory preset learning a small lost-sales instance.
 */
class InventoryLearningTest {
    /** Poisson(3), L = 1, h = 1, p = 9, 40-period episodes: S̄ = 9, so orders 0..9. */
    static final LostSalesScenario SMALL = new LostSalesScenario(DemandLaw.poisson(3), 1, 1, 9, 0,
            DemandLaw.poisson(3).max(), 40, 0, new int[0]);

    @Test
    void adapterCapsOrdersAtTheStandardLevelAndScalesTheState() {
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
        // A step orders the chosen quantity and rewards minus the period's cost over T.
        double[] reward = new double[2];
        env.step(new int[][] {{3, level}}, new Rng[2], reward);
        int[] state = new int[3];
        env.batch().state(1, state);
        assertEquals(level, state[2], "the order just placed is the last in transit");
        int d = env.batch().lastDemand(0);
        double cost = d <= level / 2 ? (level / 2 - d) : 39.0 * (d - level / 2);
        assertEquals(-cost / 10, reward[0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> env.step(new int[][] {{0, s.maxOrder() + 1}}, new Rng[2],
                reward));
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

    /**
     * Three training seeds, 60 rounds of 16 copies each (38,400 periods): the greedy policy, simulated
     * on 40 copies × 1000 periods with common random numbers, must cost less than the best constant
     * order (exact: 9.57 against the optimum 4.25) and lie within 30 % of the optimal policy on every
     * seed and within 15 % on average (measured: 16.1 %, 6.2 %, 5.1 %). An untrained actor orders
     * 4.5 units a period against a demand of 3 and costs several times the constant order.
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
            assertTrue(gap.improvementPct() < 30, "seed " + seed + ": gap " + gap.improvementPct() + " %");
            sum += gap.improvementPct();
        }
        assertTrue(sum / 3 < 15, "mean gap " + sum / 3 + " %");
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
