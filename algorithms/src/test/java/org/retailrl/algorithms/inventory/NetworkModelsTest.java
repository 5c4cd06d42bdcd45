package org.retailrl.algorithms.inventory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.eval.Summary;
import org.retailrl.envs.inventory.DemandLaw;
import org.retailrl.envs.inventory.DualSourcingBatch;
import org.retailrl.envs.inventory.DualSourcingScenario;
import org.retailrl.envs.inventory.SerialScenario;

/**
 * The exact dual-sourcing and serial models against their simulators: an independent coding of the
 * dynamics (the batched environments) must reproduce the exact costs within a 95 % interval
 * (fixed seeds; each interval is also checked to be narrow enough to fail on a real error).
 */
class NetworkModelsTest {
    @Test
    void dualIndexExactCostMatchesTheSimulator() {
        DualSourcingScenario s = DualSourcingScenario.example(3);
        DualSourcingDp dp = new DualSourcingDp(s);
        DualSourcingPolicy di = DualSourcingPolicy.dualIndex(4, 8, Integer.MAX_VALUE);
        double exact = dp.evaluate(di, 1e-9);
        int copies = 128;
        DualSourcingBatch b = new DualSourcingBatch(s, copies);
        b.reset(5, 0);
        int[] state = new int[b.observationSize()];
        int[] r = new int[2];
        int[] q = new int[2];
        int[] actions = new int[2 * copies];
        double[] cost = new double[copies];
        double[] total = new double[copies];
        for (int t = 0; t < 3200; t++) {
            for (int i = 0; i < copies; i++) {
                b.state(i, state);
                // l_e = 0: x is the net inventory, r the regular orders in transit.
                r[0] = state[1];
                r[1] = state[2];
                di.order(state[0], r, q);
                actions[2 * i] = q[0];
                actions[2 * i + 1] = q[1];
            }
            b.step(actions, cost);
            if (t >= 200) {
                for (int i = 0; i < copies; i++) {
                    total[i] += cost[i] / 3000;
                }
            }
        }
        Summary sim = Summary.of(total, 0.95);
        assertTrue(sim.covers(exact), sim + " vs exact " + exact);
        assertTrue(sim.halfWidth() < 0.5, "interval too wide: " + sim.halfWidth());
        assertTrue(dp.solve(1e-7).cost() <= exact + 1e-6, "the optimum is no worse than the dual index");
    }

    @Test
    void clarkScarfMatchesTheSimulatorAndTheSingleStageNewsvendor() {
        SerialScenario two = new SerialScenario(DemandLaw.poisson(5), new int[] {1, 3}, new double[] {1, 0.5}, 9, 40,
                100);
        ClarkScarf.Solution cs = ClarkScarf.solve(two);
        Summary sim = ClarkScarf.simulate(two, cs.levels(), 64, 200, 3000, 9);
        assertTrue(sim.covers(cs.cost()), sim + " vs " + cs.cost());
        assertTrue(sim.halfWidth() < 0.1, "interval too wide: " + sim.halfWidth());
        // One stage, lead 1: the backorder newsvendor on two periods' demand, fractile b/(b+h) = 0.9.
        SerialScenario one = new SerialScenario(DemandLaw.poisson(5), new int[] {1}, new double[] {1}, 9, 40, 100);
        double[] law = DemandLaw.poisson(5).convolutionPower(2);
        int level = 0;
        double cdf = law[0];
        while (cdf < 0.9) {
            level++;
            cdf += law[level];
        }
        assertArrayEquals(new int[] {level}, ClarkScarf.solve(one).levels());
    }
}
