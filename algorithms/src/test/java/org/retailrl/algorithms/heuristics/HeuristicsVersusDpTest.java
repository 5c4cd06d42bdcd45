package org.retailrl.algorithms.heuristics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.dp.BackwardInduction;
import org.retailrl.algorithms.dp.DpInstance;
import org.retailrl.algorithms.dp.DpSolution;
import org.retailrl.algorithms.dp.ExactPolicyValue;
import org.retailrl.algorithms.eval.EvaluationReport;
import org.retailrl.algorithms.eval.PairedComparison;
import org.retailrl.algorithms.eval.PolicyEvaluator;
import org.retailrl.algorithms.pricing.PerCopyBatchPolicy;
import org.retailrl.envs.pricing.PricingScenario;

import java.util.ArrayList;
import java.util.List;

class HeuristicsVersusDpTest {
    @Test
    void everyFittedHeuristicScoresAtOrBelowTheDpOptimum() {
        // Small lost-sales instance: L = 1, T = 20, K = 20, competitor and reference fixed at 30, cap 40.
        PricingScenario sc = DpInstance.smallScenario(1, 20, 20, 40, 10, 30, 30);
        DpInstance inst = DpInstance.of(sc);
        DpSolution sol = BackwardInduction.solve(inst, sc.horizon());
        // The DP policy evaluated exactly reproduces its own optimum.
        assertEquals(sol.optimum(), ExactPolicyValue.of(inst, sol.policy(), sc.horizon()), 1e-9);

        HeuristicSuite suite = HeuristicSuite.fit(sc, new HeuristicSuite.Settings(2000, 40, 2, 11L));
        List<PolicyEvaluator.Candidate> cands = new ArrayList<>();
        cands.add(new PolicyEvaluator.Candidate("DP", List.of(new PerCopyBatchPolicy(sol::policy))));
        for (HeuristicOptimizer.Result r : suite.fitted()) {
            Heuristic h = r.policy();
            double exact = ExactPolicyValue.of(inst, h, sc.horizon());
            // Exact: no heuristic beats the optimum (rounding slack only).
            assertTrue(exact <= sol.optimum() + 1e-9, h.name() + " exact " + exact + " > V* " + sol.optimum());
            cands.add(new PolicyEvaluator.Candidate(h.name(), List.of(new PerCopyBatchPolicy(() -> h))));
        }
        // In simulation, on common episodes, DP is never significantly worse than a heuristic (95%).
        EvaluationReport rep = PolicyEvaluator.evaluate("small", sc, cands, 1000, 99L, sol.optimum());
        for (PairedComparison c : rep.comparisons()) {
            if (c.policy().equals("DP")) {
                assertTrue(c.difference().upper() >= 0, "DP significantly below " + c.baseline() + ": "
                        + c.difference());
            }
        }
        // The DP policy's simulated mean covers its exact value (95% interval, fixed seed).
        assertTrue(rep.scores().get(0).summary().covers(sol.optimum()), "DP simulated " + rep.scores().get(0).summary());
    }
}
