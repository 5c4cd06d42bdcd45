package org.retailrl.algorithms.multiproduct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.heuristics.FittedDemand;
import org.retailrl.algorithms.heuristics.Heuristic;
import org.retailrl.algorithms.heuristics.HeuristicSuite;
import org.retailrl.envs.multiproduct.MultiProductBatch;
import org.retailrl.envs.multiproduct.MultiProductScenario;
import org.retailrl.envs.multiproduct.MultiProductScenarioJson;
import org.retailrl.envs.pricing.PricingScenario;

/** The per-product heuristics and Subs of docs/model.md §4.4. */
class MultiProductBaselinesTest {
    private static final MultiProductScenario THREE = MultiProductScenario.named("multiproduct");

    @Test
    void subsGroupsTheSubstitutesAndLeavesTheComplementAlone() {
        List<int[]> g = SubsPolicy.groups(THREE);
        assertEquals(2, g.size());
        assertArrayEquals(new int[] {0, 1}, g.get(0));
        assertArrayEquals(new int[] {2}, g.get(1));
    }

    /**
     * With SKU1 holding far more than its base-stock level it is overstocked: no order, and its
     * price no higher than with an empty shelf (the sunk stock is sold off), while the empty SKU2
     * orders.
     */
    @Test
    void subsOrdersNothingForAnOverstockedProductAndPricesItDown() {
        MultiProductScenario full = MultiProductScenarioJson.parse("{\"initialInventory\": [80, 0, 0]}");
        MultiProductScenario empty = MultiProductScenarioJson.parse("{\"initialInventory\": [0, 0, 0]}");
        int[] pFull = new int[3];
        int[] qFull = new int[3];
        int[] pEmpty = new int[3];
        int[] qEmpty = new int[3];
        decide(full, pFull, qFull);
        decide(empty, pEmpty, qEmpty);
        assertEquals(0, qFull[0], "overstocked: no order");
        assertTrue(qFull[1] > 0 && qEmpty[0] > 0, "understocked products order");
        assertTrue(pFull[0] < pEmpty[0], "overstock is priced down: " + pFull[0] + " vs " + pEmpty[0]);
    }

    private static void decide(MultiProductScenario s, int[] p, int[] q) {
        MultiProductBatch b = new MultiProductBatch(s, 1);
        b.reset(1, 0);
        SubsPolicy subs = new SubsPolicy(s);
        subs.reset(b);
        subs.act(b, p, q);
    }

    @Test
    void eachProductsFitSeesOnlyItsOwnPriceAndDemandFallsWithIt() {
        List<FittedDemand> fits = ProductHeuristicFit.fitDemand(THREE, 3000, 5);
        assertEquals(3, fits.size());
        for (FittedDemand f : fits) {
            assertTrue(f.slope() < 0, "demand falls with the own price: " + f.slope());
        }
    }

    /** The search starts from the fitted values and keeps a change only when the total profit rises. */
    @Test
    void theSearchImprovesOnItsStartingPoint() {
        MultiProductScenario s = MultiProductScenarioJson.parse("{\"base\": \"multiproduct-small\", \"horizon\": 10}");
        HeuristicSuite.Settings settings = new HeuristicSuite.Settings(1000, 10, 1, 3);
        List<FittedDemand> fits = ProductHeuristicFit.fitDemand(s, settings.samples(), settings.seed());
        List<Heuristic> start = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            PricingScenario p = ProductHeuristicFit.product(s, i);
            start.add(HeuristicSuite.starts(p, fits.get(i), HeuristicSuite.table(p, fits.get(i))).get(0));
        }
        double before = MultiProductRollout.mean(s, new ProductHeuristics("BSLP", start), settings.optimisationSeed(),
                settings.episodes());
        ProductHeuristicFit.Fitted bslp = ProductHeuristicFit.fit(s, settings).get(0);
        assertEquals("BSLP", bslp.policy().name());
        assertTrue(bslp.objective() >= before, bslp.objective() + " vs start " + before);
        assertEquals(bslp.objective(), MultiProductRollout.mean(s, bslp.policy(), settings.optimisationSeed(),
                settings.episodes()), 1e-9, "the reported objective is the policy's profit on those episodes");
    }

    /** A product's heuristic sees its stock after this period's arrival and only its later orders. */
    @Test
    void aProductHeuristicSeesItsOwnStockAfterArrival() {
        MultiProductScenario s = THREE;
        MultiProductBatch b = new MultiProductBatch(s, 1);
        b.reset(3, 0);
        double[] r = new double[1];
        b.step(new int[3], new int[] {7, 0, 0}, r); // SKU1's order arrives two periods later
        b.step(new int[3], new int[3], r);
        int[] seen = new int[2];
        ProductHeuristics first = new ProductHeuristics("probe", List.of(new Probe(seen), new Probe(new int[2]),
                new Probe(new int[2])));
        first.reset(b);
        first.act(b, new int[3], new int[3]);
        assertEquals(b.inventory(0, 0) + 7, seen[0], "stock after the arrival of the order of L periods ago");
        assertEquals(0, seen[1], "no later order outstanding");
    }

    private record Probe(int[] seen) implements Heuristic {
        @Override
        public String name() {
            return "probe";
        }

        @Override
        public void act(org.retailrl.algorithms.pricing.PricingView view, org.retailrl.algorithms.pricing.PricingDecision out) {
            seen[0] = view.available();
            seen[1] = view.pipelineTotal();
            out.set(0, 0);
        }

        @Override
        public java.util.Map<String, Double> parameters() {
            return java.util.Map.of();
        }

        @Override
        public double[] candidates(String name) {
            return new double[0];
        }

        @Override
        public Heuristic with(String name, double value) {
            return this;
        }
    }
}
