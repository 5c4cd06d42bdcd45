package org.retailrl.algorithms.inventory;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.envs.inventory.DemandLaw;
import org.retailrl.envs.inventory.LostSalesScenario;

/**
 * One row of the lost-sales test bed (docs/model.md §7): the exact optimum and every heuristic of
 * {@link LostSalesHeuristics} on one instance, with gaps to the optimum.
 *
 * @param scenario   the instance
 * @param optimum    its exact solution
 * @param heuristics the heuristics, fitted and scored exactly
 * @param learned    the learned policy scored by simulation, or null when none was trained
 */
public record LostSalesComparison(LostSalesScenario scenario, LostSalesSolution optimum,
        List<HeuristicResult> heuristics, LearnedResult learned) {
    /** Penalties of Zipkin's (2008) test bed. */
    public static final double[] ZIPKIN_PENALTIES = {4, 9, 19, 39};
    /** Lead times of Zipkin's test bed. */
    public static final int[] ZIPKIN_LEADS = {1, 2, 3, 4};

    /** Solves and fits everything for {@code s}. */
    public static LostSalesComparison run(LostSalesScenario s) {
        LostSalesSolution opt = LostSalesSolver.solve(s);
        return new LostSalesComparison(s, opt, LostSalesHeuristics.all(s, opt.bound()), null);
    }

    /** This row with a learned policy's result. */
    public LostSalesComparison withLearned(LearnedResult result) {
        return new LostSalesComparison(scenario, optimum, heuristics, result);
    }

    /** The 32 instances of Zipkin's test bed: Poisson then geometric demand of mean 5, each penalty, each lead time. */
    public static List<LostSalesScenario> zipkinInstances() {
        List<LostSalesScenario> out = new ArrayList<>();
        for (DemandLaw.Kind k : new DemandLaw.Kind[] {DemandLaw.Kind.POISSON, DemandLaw.Kind.GEOMETRIC}) {
            for (double p : ZIPKIN_PENALTIES) {
                for (int lead : ZIPKIN_LEADS) {
                    out.add(LostSalesScenario.zipkin(k, p, lead));
                }
            }
        }
        return out;
    }
}
