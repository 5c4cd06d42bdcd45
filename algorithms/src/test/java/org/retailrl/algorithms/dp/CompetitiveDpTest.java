package org.retailrl.algorithms.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.eval.Rollout;
import org.retailrl.algorithms.eval.Summary;
import org.retailrl.algorithms.pricing.PerCopyBatchPolicy;
import org.retailrl.envs.pricing.CompetitorKind;
import org.retailrl.envs.pricing.PricingScenario;

class CompetitiveDpTest {
    static PricingScenario reactive(int lead, int horizon, double k, int cap) {
        return DpInstance.smallScenario(lead, horizon, k, cap, 5, 30, 30).toBuilder()
                .competitor(CompetitorKind.UNDERCUT).build();
    }

    @Test
    void withAFixedCompetitorItIsTheFixedDpToTheBit() {
        for (int lead = 0; lead <= 1; lead++) {
            PricingScenario s = DpInstance.smallScenario(lead, 12, 20, 25, 7, 30, 30);
            DpSolution fixed = BackwardInduction.solve(DpInstance.of(s), 12);
            CompetitiveInstance inst = CompetitiveInstance.of(s, 0);
            CompetitiveSolution comp = CompetitiveDp.solve(inst, 12);
            assertEquals(1, inst.competitorCount());
            for (int x = 0; x <= 25; x++) {
                assertEquals(fixed.value(1, x), comp.value(x, 0, 0), 0.0, "L=" + lead + " x=" + x);
                for (int t = 1; t <= 12; t++) {
                    assertEquals(fixed.priceIndex(t, x), comp.priceIndex(t, x, 0, 0));
                    assertEquals(fixed.order(t, x), comp.order(t, x, 0, 0));
                }
            }
            // Exact evaluation agrees with ExactPolicyValue on a state-feedback policy.
            assertEquals(ExactPolicyValue.of(DpInstance.of(s), fixed.policy(), 12),
                    CompetitiveDp.valueOf(inst, fixed.policy(), 12), 0.0);
        }
    }

    @Test
    void reactiveOptimumMatchesAMonteCarloOfItsOwnPolicy() {
        PricingScenario s = reactive(1, 10, 20, 20);
        CompetitiveInstance inst = CompetitiveInstance.of(s, 0);
        CompetitiveSolution sol = CompetitiveDp.solve(inst, 10);
        assertEquals(22, inst.competitorCount(), "o_1 = 30 and one answer per grid price");
        assertEquals(sol.optimum(), CompetitiveDp.valueOf(inst, sol.policy(), 10), 1e-9);
        double[] profits = Rollout.profits(s, new PerCopyBatchPolicy(sol::policy), 77L, 20_000);
        Summary m = Summary.of(profits, 0.99);
        assertTrue(m.covers(sol.optimum()), "V* " + sol.optimum() + " outside " + m);
        // The competitor's reaction matters: the fixed-competitor table played against it is worse.
        DpSolution blind = BackwardInduction.solve(DpInstance.of(DpInstance.smallScenario(1, 10, 20, 20, 5, 30, 30)), 10);
        double blindValue = CompetitiveDp.valueOf(inst, blind.policy(), 10);
        assertTrue(blindValue < sol.optimum() - 1, "blind " + blindValue + " vs V* " + sol.optimum());
    }

    @Test
    void referenceGridModelIsCloseToTheSimulatorAndConvergesAsTheGridRefines() {
        PricingScenario s = reactive(1, 6, 0, 15).toBuilder().referenceWeight(0.9).initialReference(30).build();
        double coarse = CompetitiveDp.solve(CompetitiveInstance.of(s, 2), 6).optimum();
        CompetitiveSolution fine = CompetitiveDp.solve(CompetitiveInstance.of(s, 0.5), 6);
        assertTrue(Math.abs(coarse - fine.optimum()) < 0.01 * Math.abs(fine.optimum()), coarse + " vs " + fine.optimum());
        Summary m = Summary.of(Rollout.profits(s, new PerCopyBatchPolicy(fine::policy), 5L, 20_000), 0.99);
        assertTrue(Math.abs(m.mean() - fine.optimum()) < m.halfWidth() + 0.005 * Math.abs(fine.optimum()),
                "grid V " + fine.optimum() + " vs simulated " + m);
    }

    @Test
    void refusesWhatItCannotSolve() {
        PricingScenario s = reactive(1, 5, 0, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompetitiveInstance.of(s.toBuilder().referenceWeight(0.9).build(), 0));
        assertTrue(e.getMessage().contains("referenceStep must be in (0, 40.0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CompetitiveInstance.of(s.toBuilder().competitor(CompetitorKind.UNIFORM).build(), 0));
        assertTrue(e.getMessage().contains("competitor must be UNDERCUT or FIXED"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CompetitiveInstance.of(s.toBuilder().referenceWeight(0.9).build(), 1e-4));
        assertTrue(e.getMessage().contains("states; must give at most"), e.getMessage());
    }
}
