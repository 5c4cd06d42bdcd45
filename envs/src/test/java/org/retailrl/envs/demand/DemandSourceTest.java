package org.retailrl.envs.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.gbdt.Dataset;
import org.retailrl.envs.gbdt.GbdtConfig;
import org.retailrl.envs.gbdt.GbdtModel;
import org.retailrl.envs.gbdt.GbdtTrainer;
import org.retailrl.envs.gbdt.Objective;
import org.retailrl.envs.pricing.Demand;
import org.retailrl.envs.pricing.PricingScenario;

/** The two demand sources: the logit formula unchanged, and a tree model fitted to price-response data. */
class DemandSourceTest {
    @Test
    void logitSourceIsTheScenarioFormula() {
        PricingScenario s = PricingScenario.defaults();
        LogitPoissonDemand d = new LogitPoissonDemand(s);
        Demand ref = new Demand(s);
        for (double p : new double[] {10, 25, 50}) {
            assertEquals(ref.rate(p, 30, 28), d.rate(p, 30, 28, 7), 0.0);
        }
    }

    /** Counts drawn with mean exp(3 − 1.5 p + 0.5 o) in two stores; a Poisson tree model should recover it. */
    private static GbdtModel fitted(Objective objective) {
        Rng rng = new Rng(8);
        int n = 20000;
        double[][] cols = new double[3][n];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            double p = rng.uniform(0.5, 2.5);
            double o = rng.uniform(0.5, 2.5);
            int store = rng.nextInt(2);
            cols[0][r] = p;
            cols[1][r] = o;
            cols[2][r] = store;
            double mean = Math.exp(3 - 1.5 * p + 0.5 * o + 0.4 * store);
            y[r] = objective == Objective.L2 ? Math.log(mean) + 0.05 * rng.normal() : rng.poisson(mean);
        }
        Dataset d = new Dataset(List.of("price", "comp", "store"), cols, new boolean[] {false, false, true}, y);
        return GbdtTrainer.train(d, GbdtConfig.defaults().toBuilder().objective(objective).numTrees(200).numLeaves(8)
                .minDataInLeaf(100).build());
    }

    @Test
    void treeSourceFollowsTheFittedPriceResponse() {
        GbdtModel m = fitted(Objective.POISSON);
        TreeDemand d = new TreeDemand(m, new double[] {0, 0, 1}, (row, p, o, r, t) -> {
            row[0] = p;
            row[1] = o;
        }, false, 1);
        double cheap = d.rate(0.8, 1.5, 1.5, 0);
        double dear = d.rate(2.2, 1.5, 1.5, 0);
        assertEquals(Math.exp(3 - 1.5 * 0.8 + 0.75 + 0.4), cheap, 0.15 * cheap);
        assertEquals(Math.exp(3 - 1.5 * 2.2 + 0.75 + 0.4), dear, 0.15 * dear);
        assertTrue(d.rate(1.5, 2.2, 1.5, 0) > d.rate(1.5, 0.8, 1.5, 0), "dearer competitor, more demand");
        // Draws come from the caller's stream: same stream, same demand; mean close to the rate.
        Rng a = new Rng(1);
        Rng b = new Rng(1);
        double sum = 0;
        for (int i = 0; i < 4000; i++) {
            int x = d.sample(a, 0.8, 1.5, 1.5, i);
            assertEquals(x, d.sample(b, 0.8, 1.5, 1.5, i));
            sum += x;
        }
        assertEquals(cheap, sum / 4000, 4 * Math.sqrt(cheap / 4000));
    }

    @Test
    void logUnitsModelIsReadThroughExp() {
        GbdtModel m = fitted(Objective.L2);
        TreeDemand d = new TreeDemand(m, new double[] {1.5, 1.5, 0}, (row, p, o, r, t) -> row[0] = p, true, 2);
        double expected = 2 * Math.exp(3 - 1.5 * 1.0 + 0.75);
        assertEquals(expected, d.rate(1.0, 0, 0, 0), 0.1 * expected);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TreeDemand(fitted(Objective.POISSON), new double[3], (row, p, o, r, t) -> { }, true, 1));
        assertTrue(e.getMessage().contains("logUnits"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new TreeDemand(m, new double[2], (row, p, o, r, t) -> { }, false, 1));
        assertTrue(e.getMessage().contains("3 feature values"), e.getMessage());
    }
}
