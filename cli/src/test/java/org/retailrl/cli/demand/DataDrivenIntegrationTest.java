package org.retailrl.cli.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.algorithms.heuristics.HeuristicOptimizer;
import org.retailrl.algorithms.heuristics.HeuristicSuite;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.PricingScenarioJson;

/**
 * A data-driven scenario (docs/model.md §5.4) built from the real Dominick's orange-juice data when
 * it lies in {@code ../shared/data/} beside the project (store 122, Tropicana Premium 96 oz, a quick
 * 30-tree fit): the fitted model's demand falls with the own price in the simulator, an episode
 * plays, and the heuristics fit their demand pattern to it by simulation with a downward price
 * slope. Skipped, saying so, when the file is absent.
 */
class DataDrivenIntegrationTest {
    @Test
    void aScenarioFromTheRealDataPlaysAndTheHeuristicsFitIt(@TempDir Path dir) throws Exception {
        Path data = DominicksIntegrationTest.dataFile();
        assumeTrue(data != null && Files.isReadable(data),
                "skipped: the Dominick's data is not at ../shared/data/dominicks_oj.csv.gz beside the project root");
        Path out = dir.resolve("oj-122-2.json");
        DemandCommandTest.Run r = DemandCommandTest.Run.of("demand", "scenario", "--data", data.toString(), "--store",
                "122", "--brand", "2", "--trees", "30", "--learning-rate", "0.2", "--early-stopping", "10", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        PricingScenario s = PricingScenarioJson.load(out);
        assertEquals(52, s.horizon());
        assertTrue(s.unitCost() > s.minPrice() * 0.5 && s.unitCost() < s.maxPrice(), s.toString());

        PricingBatch b = new PricingBatch(s, 8);
        b.reset(1);
        for (int i = 0; i < 8; i++) {
            assertTrue(b.rate(i, s.minPrice()) > b.rate(i, s.maxPrice()), "demand must fall with price, copy " + i);
        }
        int[] price = new int[8];
        int[] order = new int[8];
        java.util.Arrays.fill(price, s.priceCount() / 2);
        java.util.Arrays.fill(order, 4);
        double[] reward = new double[8];
        double total = 0;
        for (int t = 0; t < s.horizon(); t++) {
            b.step(price, order, reward);
            for (double x : reward) {
                assertTrue(Double.isFinite(x));
                total += x;
            }
        }
        assertTrue(total != 0);

        HeuristicSuite h = HeuristicSuite.fit(s, new HeuristicSuite.Settings(2000, 10, 1, 3));
        assertTrue(h.demand().slope() < 0, "fitted slope " + h.demand().slope());
        for (HeuristicOptimizer.Result x : h.fitted()) {
            assertTrue(Double.isFinite(x.objective()), x.policy().name());
        }
    }
}
