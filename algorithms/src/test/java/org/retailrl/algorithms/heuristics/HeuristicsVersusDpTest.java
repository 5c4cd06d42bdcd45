package org.retailrl.algorithms.heuristics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.dp.BackwardInduction;
import org.retailrl.algorithms.dp.CompetitiveDp;
import org.retailrl.algorithms.dp.CompetitiveInstance;
import org.retailrl.algorithms.dp.CompetitiveSolution;
import org.retailrl.algorithms.dp.DpInstance;
import org.retailrl.algorithms.dp.DpSolution;
import org.retailrl.algorithms.dp.ExactPolicyValue;
import org.retailrl.algorithms.eval.EvaluationReport;
import org.retailrl.algorithms.eval.PairedComparison;
import org.retailrl.algorithms.eval.PolicyEvaluator;
import org.retailrl.algorithms.pricing.PerCopyBatchPolicy;
import org.retailrl.envs.pricing.CompetitorKind;
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

    @Test
    void everyHeuristicPaperOrStrongIsAtOrBelowTheCompetitiveOptimum() {
        // Small lost-sales instance with the undercutting competitor: L = 1, T = 12, K = 20, cap 20,
        // reference fixed at 30; the state (stock, competitor price) makes the DP exact.
        PricingScenario sc = DpInstance.smallScenario(1, 12, 20, 20, 5, 30, 30).toBuilder()
                .competitor(CompetitorKind.UNDERCUT).build();
        CompetitiveInstance inst = CompetitiveInstance.of(sc, 0);
        CompetitiveSolution sol = CompetitiveDp.solve(inst, sc.horizon());
        HeuristicSuite suite = HeuristicSuite.fit(sc, new HeuristicSuite.Settings(2000, 30, 2, 5L));
        assertEquals(8, suite.all().size());
        double bestStrong = Double.NEGATIVE_INFINITY;
        double bestPaper = Double.NEGATIVE_INFINITY;
        for (HeuristicOptimizer.Result r : suite.all()) {
            double exact = CompetitiveDp.valueOf(inst, r.policy(), sc.horizon());
            assertTrue(exact <= sol.optimum() + 1e-9, r.policy().name() + " exact " + exact + " > V* " + sol.optimum());
            if (suite.strong().contains(r)) {
                bestStrong = Math.max(bestStrong, exact);
            } else {
                bestPaper = Math.max(bestPaper, exact);
            }
        }
        // What the strong set is for: seeing the competitor's price pays on this instance.
        assertTrue(bestStrong > bestPaper, "best strong " + bestStrong + " vs best paper " + bestPaper);
    }
}
