package org.retailrl.cli.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.demand.ScannerTreeDemand;
import org.retailrl.envs.gbdt.GbdtConfig;
import org.retailrl.envs.gbdt.GbdtModel;
import org.retailrl.envs.gbdt.GbdtModelFile;
import org.retailrl.envs.gbdt.Objective;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.PricingScenarioJson;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * {@code retail demand scenario} on synthetic scanner data ({@link OjFixture}): units, grid and
 * costs from the data by hand, the simulator's first-period features equal to the fitting
 * pipeline's, refusals naming the option or feature, and the command writing a file that loads.
 */
class DemandScenarioTest {
    private static final PrintStream QUIET = new PrintStream(java.io.OutputStream.nullOutputStream());

    private static GbdtModel fit(Path data, Path stores) throws Exception {
        return DemandFit.run(new DemandFit.Options(data, "logmove", null, List.of("store", "brand"), Objective.L2, null,
                stores, GbdtConfig.defaults().toBuilder().numTrees(40).numLeaves(8).earlyStoppingRounds(10).build()),
                QUIET).model();
    }

    private static DemandScenario.Options options(Path data, Path stores, int store) {
        return new DemandScenario.Options(data, stores, null, store, 1, 64, 4, 11, 20, 0, ShortageMode.LOST_SALES);
    }

    /** Fixture data of two stores × 60 weeks, a quick model saved in {@code dir}, and the scenario for {@code store}. */
    private record Built(Path data, GbdtModel model, PricingScenario scenario) {
        static Built of(Path dir, long seed, int store) throws Exception {
            Path data = OjFixture.write(dir, "oj.csv", 2, 60, seed, false);
            GbdtModel m = fit(data, null);
            Path model = dir.resolve("m.gbdt");
            GbdtModelFile.save(m, model);
            return new Built(data, m, DemandScenario.build(options(data, null, store), m, model));
        }
    }

    @Test
    void unitsGridAndCostsComeFromTheProductsWeeks(@TempDir Path dir) throws Exception {
        Built built = Built.of(dir, 5, 2);
        Path data = built.data();
        PricingScenario s = built.scenario();

        CsvTable t = CsvTable.read(data);
        double units = 0;
        double cost = 0;
        double mean = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        int n = 0;
        for (int r = 0; r < t.rows(); r++) {
            if (t.numeric("store")[r] == 2 && t.numeric("brand")[r] == 1) {
                double p = t.numeric("price1")[r];
                units += Math.exp(t.numeric("logmove")[r]);
                cost += p * (1 - t.numeric("profit")[r] / 100);
                mean += p;
                lo = Math.min(lo, p);
                hi = Math.max(hi, p);
                n++;
            }
        }
        ScannerTreeDemand d = (ScannerTreeDemand) s.demandModel();
        double lot = d.product().unitsPerLot();
        assertEquals(DemandScenario.twoDigits(units / n / 4), lot, 0);
        assertEquals(n, d.product().size());
        assertEquals(Math.round(100 * 64 * lo) / 100.0 * lot, s.minPrice(), 1e-9);
        assertEquals(Math.round(100 * 64 * hi) / 100.0 * lot, s.maxPrice(), 1e-9);
        assertEquals(11, s.priceCount());
        assertEquals(cost / n * 64 * lot, s.unitCost(), 1e-6);
        assertEquals(mean / n * 64 * lot / 30, s.holdingCost(), 1e-6);
        assertEquals(5 * mean / n * 64 * lot / 30, s.shortageCost(), 1e-6);
        assertEquals(20, s.horizon());
    }

    @Test
    void atTheDataPriceTheSimulatorSeesThePipelinesFeatureRow(@TempDir Path dir) throws Exception {
        Built built = Built.of(dir, 6, 5);
        GbdtModel m = built.model();
        PricingScenario s = built.scenario();
        ScannerTreeDemand d = (ScannerTreeDemand) s.demandModel();
        ScannerTreeDemand.Product p = d.product();
        for (long seed = 1; seed <= 5; seed++) {
            PricingBatch b = new PricingBatch(s, 1);
            b.reset(seed);
            int start = Rng.stream(seed, 0).nextInt(p.size() - s.horizon() + 1);
            double expected = Math.exp(m.predictRaw(p.rows()[start])) / p.unitsPerLot();
            double got = b.rate(0, d.perLot(p.ownPrice(start)));
            assertEquals(expected, got, 1e-9 * expected, "start week " + p.weeks()[start]);
            assertEquals(d.perLot(p.compMean()[start]), b.competitorPrice(0), 1e-9);
        }
    }

    @Test
    void refusalsNameTheOptionOrTheFeature(@TempDir Path dir) throws Exception {
        Path data = OjFixture.write(dir, "oj.csv", 2, 40, 7, false);
        Path stores = OjFixture.stores(dir, 2);
        GbdtModel withDemographics = fit(data, stores);
        Path model = dir.resolve("m.gbdt");
        GbdtModelFile.save(withDemographics, model);
        IllegalArgumentException noStore = assertThrows(IllegalArgumentException.class,
                () -> DemandScenario.build(options(data, stores, 99), withDemographics, model));
        assertTrue(noStore.getMessage().contains("--store 99"), noStore.getMessage());
        IllegalArgumentException noFeature = assertThrows(IllegalArgumentException.class,
                () -> DemandScenario.build(options(data, null, 2), withDemographics, model));
        assertTrue(noFeature.getMessage().contains("'income'") && noFeature.getMessage().contains("--stores"),
                noFeature.getMessage());
        IllegalArgumentException ounces = assertThrows(IllegalArgumentException.class, () -> DemandScenario.build(
                new DemandScenario.Options(data, stores, null, 2, 1, Double.NaN, 4, 11, 20, 0, ShortageMode.LOST_SALES),
                withDemographics, model));
        assertTrue(ounces.getMessage().contains("--ounces"), ounces.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new DemandScenario.Options(data, null, null, 2, 1, 64, 0.1, 11, 20, 0, ShortageMode.LOST_SALES));
    }

    @Test
    void theCommandFitsSavesAndWritesALoadableScenario(@TempDir Path dir) throws Exception {
        Path data = OjFixture.write(dir, "oj.csv.gz", 2, 50, 8, true);
        Path out = dir.resolve("sc").resolve("oj-2-3.json");
        DemandCommandTest.Run r = DemandCommandTest.Run.of("demand", "scenario", "--data", data.toString(), "--store",
                "2", "--brand", "3", "--ounces", "64", "--horizon", "30", "--fixed-cost", "7", "--trees", "30",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("store 2, brand 3"), r.out());
        PricingScenario s = PricingScenarioJson.load(out);
        assertEquals(30, s.horizon());
        assertEquals(7, s.fixedCost(), 0);
        assertTrue(s.dataDriven());
        assertTrue(java.nio.file.Files.exists(dir.resolve("sc").resolve("oj-2-3.gbdt")));
        DemandCommandTest.Run bad = DemandCommandTest.Run.of("demand", "scenario", "--data", data.toString(),
                "--store", "2", "--out", out.toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--brand"), bad.err());
    }

    @Test
    void similarProductsRankTriplesByTheirLeastSimilarPair(@TempDir Path dir) throws Exception {
        // Store 1: brands 1 and 2 proportional (cosine 1), brand 3 close, brand 4 different; brand 5 misses a week.
        double[][] units = {{1, 2, 3}, {2, 4, 6}, {1, 2, 3.5}, {3, 1, 0.5}, {1, 1, Double.NaN}};
        StringBuilder sb = new StringBuilder("store,brand,week,logmove\n");
        for (int b = 0; b < units.length; b++) {
            for (int w = 0; w < 3; w++) {
                if (units[b][w] == units[b][w]) {
                    sb.append(String.format(java.util.Locale.ROOT, "1,%d,%d,%.17g%n", b + 1, 10 + w, Math.log(units[b][w])));
                }
            }
        }
        Path file = dir.resolve("s.csv");
        java.nio.file.Files.writeString(file, sb.toString());
        List<SimilarProducts.Triple> top = SimilarProducts.rank(file, 10);
        assertEquals(4, top.size(), "brand 5 misses a week and takes no part: C(4,3) triples");
        assertEquals(List.of(1, 2, 3), List.of(top.get(0).brands()[0], top.get(0).brands()[1], top.get(0).brands()[2]));
        // cos(b1, b3) = (1 + 4 + 10.5) / sqrt(14 · 17.25), the least similar pair of the best triple.
        assertEquals(15.5 / Math.sqrt(14 * 17.25), top.get(0).score(), 1e-12);
    }
}
