package org.retailrl.envs.demand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.random.PoissonSampler;
import org.retailrl.core.random.RawStreams;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.gbdt.Dataset;
import org.retailrl.envs.gbdt.GbdtConfig;
import org.retailrl.envs.gbdt.GbdtModel;
import org.retailrl.envs.gbdt.GbdtModelFile;
import org.retailrl.envs.gbdt.GbdtTrainer;
import org.retailrl.envs.pricing.DemandModel;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.PricingScenarioJson;

/**
 * The data-driven demand inside the pricing simulator (docs/model.md §5.4) on a synthetic product
 * of 10 weeks and two brands, with one-tree models whose predictions are exact: a stump on the own
 * price per ounce (log units 5 below 0.03 $/oz, 3 above) and a stump on last period's log units
 * (4 below ln 50, 2 above). Ten units per lot, two ounces per unit: a lot price of 0.5 is
 * 0.025 $/oz.
 */
class ScannerTreeDemandTest {
    static final List<String> FEATURES = List.of("ownprice", "lag1", "pricerank", "holiday");
    static final double UNITS = 10;
    static final double OUNCES = 2;

    /** A one-tree L2 model of log units: {@code hi} where {@code feature < cut}, {@code lo} above. */
    static GbdtModel stump(int feature, double[] values, double cut, double hi, double lo) {
        int n = 40 * values.length;
        double[][] cols = new double[FEATURES.size()][n];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            double v = values[r % values.length];
            for (int f = 0; f < cols.length; f++) {
                cols[f][r] = f == feature ? v : 1;
            }
            y[r] = v < cut ? hi : lo;
        }
        Dataset d = new Dataset(FEATURES, cols, new boolean[FEATURES.size()], y);
        return GbdtTrainer.train(d, GbdtConfig.defaults().toBuilder().numTrees(1).learningRate(1).numLeaves(2)
                .minDataInLeaf(1).lambda(0).build());
    }

    static GbdtModel priceStump() {
        return stump(0, new double[] {0.02, 0.025, 0.035, 0.04}, 0.03, 5, 3);
    }

    static GbdtModel lagStump() {
        return stump(1, new double[] {Math.log(5), Math.log(30), Math.log(100), Math.log(200)}, Math.log(50), 4, 2);
    }

    /** Ten weeks 10..19; own price 0.03, the other brand's 0.02 + 0.001·w; log sales ln 200. */
    static ScannerTreeDemand.Product product() {
        int n = 10;
        int[] weeks = new int[n];
        double[] logmove = new double[n];
        double[][] prices = new double[n][];
        double[] comp = new double[n];
        double[][] rows = new double[n][];
        for (int w = 0; w < n; w++) {
            weeks[w] = 10 + w;
            logmove[w] = Math.log(200);
            prices[w] = new double[] {0.03, 0.02 + 0.001 * w};
            comp[w] = prices[w][1];
            rows[w] = new double[] {0.03, logmove[w], 2, w == 3 ? 1 : 0};
        }
        return new ScannerTreeDemand.Product("oj.csv", 5, 1, UNITS, OUNCES, 25, 0.03, weeks, logmove, prices, comp,
                FEATURES, rows);
    }

    static ScannerTreeDemand demand(GbdtModel m, Path dir) throws IOException {
        Path file = dir.resolve("model.gbdt");
        GbdtModelFile.save(m, file);
        return ScannerTreeDemand.load(product(), file, null, true);
    }

    /** Lost sales, L = 0, I₀ = 10, prices {0.5, 0.7} per lot, c = 0.2, h = 1, b = 5, K = 3, T = 5. */
    static PricingScenario scenario(DemandModel d) {
        return PricingScenario.defaults().toBuilder().prices(0.5, 0.7).leadTime(0).unitCost(0.2).holdingCost(1)
                .shortageCost(5).fixedCost(3).horizon(5).initialInventory(10).initialReference(0.6).demandModel(d)
                .build();
    }

    @Test
    void theMeanIsTheModelsPredictionAtThePricePerOunceInLots(@TempDir Path dir) throws IOException {
        PricingBatch b = new PricingBatch(scenario(demand(priceStump(), dir)), 1);
        b.reset(7);
        // 0.5 per lot = 0.5 / (10 units × 2 oz) = 0.025 $/oz < 0.03: e^5 units = e^5 / 10 lots.
        assertEquals(Math.exp(5) / UNITS, b.rate(0, 0.5), 1e-12);
        assertEquals(Math.exp(3) / UNITS, b.rate(0, 0.7), 1e-12);
    }

    @Test
    void onePeriodOfAccountingByHand(@TempDir Path dir) throws IOException {
        PricingBatch b = new PricingBatch(scenario(demand(priceStump(), dir)), 1);
        long seed = 11;
        b.reset(seed);
        // The copy's stream: the start week (6 possible starts for T = 5 of 10 weeks), then the demand draw.
        Rng r = Rng.stream(seed, 0);
        int start = r.nextInt(6);
        assertEquals((0.02 + 0.001 * start) * UNITS * OUNCES, b.competitorPrice(0), 1e-12);
        int d = PoissonSampler.sample(r, Math.exp(5) / UNITS);
        double[] reward = new double[1];
        b.step(new int[] {0}, new int[] {5}, reward);
        int stock = 10 + 5;
        int sold = Math.min(d, stock);
        double expected = 0.5 * sold - 1 * (stock - sold) - 5 * (d - sold) - 0.2 * 5 - 3;
        assertEquals(expected, reward[0], 1e-9);
        assertEquals(d, b.lastDemand(0));
        assertEquals(stock - sold, b.inventory(0));
        assertEquals((0.02 + 0.001 * (start + 1)) * UNITS * OUNCES, b.competitorPrice(0), 1e-12);
    }

    @Test
    void lastPeriodsDemandEntersTheHistoryInLogUnits(@TempDir Path dir) throws IOException {
        ScannerTreeDemand d = demand(lagStump(), dir);
        DemandModel.Copies c = d.newCopies(1, 10);
        long[] seeds = new long[1];
        long[] gammas = new long[1];
        RawStreams.load(seeds, gammas, 0, 3, 0);
        c.reset(0, seeds, gammas);
        c.advance(0, 0.5, 3); // ln(3 lots × 10) = ln 30 < ln 50
        assertEquals(Math.exp(4) / UNITS, c.rate(0, 0.5), 1e-12);
        c.advance(0, 0.5, 10); // ln 100
        assertEquals(Math.exp(2) / UNITS, c.rate(0, 0.5), 1e-12);
        c.advance(0, 0.5, 0); // no demand counts as half a lot: ln 5
        assertEquals(Math.exp(4) / UNITS, c.rate(0, 0.5), 1e-12);
    }

    @Test
    void historyAndRankFormulas() {
        double[] back = new double[ScannerFormulas.HISTORY];
        java.util.Arrays.fill(back, Double.NaN);
        back[0] = 1;
        back[1] = 3;
        back[3] = 5;
        back[12] = 9;
        double[] out = new double[ScannerFormulas.HISTORY_FEATURES];
        ScannerFormulas.history(back, 0, out);
        // lag1..3 = 1, 3, missing; last 4 present: 1, 3, 5 (mean 3, sd 2); last 13 present: 1, 3, 5, 9.
        assertArrayEquals(new double[] {1, 3, Double.NaN, 3, 2, 4.5}, out, 1e-12);
        assertEquals(2.5, ScannerFormulas.rank(0.03, new double[] {0.02, 0.03, 0.03, 0.04, Double.NaN}, 1), 0);
        assertTrue(Double.isNaN(ScannerFormulas.rank(Double.NaN, new double[] {1, 2}, 0)));
    }

    @Test
    void copiesDrawOnlyFromTheirOwnStreams(@TempDir Path dir) throws IOException {
        PricingScenario s = scenario(demand(priceStump(), dir));
        PricingBatch all = new PricingBatch(s, 4);
        all.reset(21);
        double[][] together = new double[5][4];
        for (int t = 0; t < 5; t++) {
            all.step(new int[] {0, 1, 0, 1}, new int[] {2, 4, 0, 6}, together[t]);
        }
        for (int i = 0; i < 4; i++) {
            PricingBatch one = new PricingBatch(s, 1);
            one.reset(21, i);
            double[] r = new double[1];
            for (int t = 0; t < 5; t++) {
                one.step(new int[] {i % 2}, new int[] {new int[] {2, 4, 0, 6}[i]}, r);
                assertEquals(together[t][i], r[0], 0.0, "copy " + i + " period " + t);
            }
        }
    }

    @Test
    void scenarioFileRoundTripsAndIsValidated(@TempDir Path dir) throws IOException {
        PricingScenario s = scenario(demand(priceStump(), dir));
        Path file = dir.resolve("scenario.json");
        PricingScenarioJson.save(file, s);
        assertEquals(s, PricingScenarioJson.load(file));

        JsonObject o = Json.readObject(file);
        JsonObject demand = o.getObject("demand");
        assertEquals("scanner-tree", demand.getString("kind"));
        assertThrows(IllegalArgumentException.class, () -> PricingScenarioJson.fromJson(withDemand(o, demand, "colour",
                new org.retailrl.core.json.JsonString("red"))), "unknown member");
        IllegalArgumentException crc = assertThrows(IllegalArgumentException.class, () -> PricingScenarioJson.fromJson(
                withDemand(o, demand, "modelCrc32c", new org.retailrl.core.json.JsonString("00000000"))));
        assertTrue(crc.getMessage().contains("modelCrc32c"), crc.getMessage());
        IllegalArgumentException lot = assertThrows(IllegalArgumentException.class, () -> PricingScenarioJson.fromJson(
                withDemand(o, demand, "unitsPerLot", org.retailrl.core.json.JsonNumber.of(-1))));
        assertTrue(lot.getMessage().contains("demand.unitsPerLot"), lot.getMessage());
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class, () -> PricingScenarioJson.fromJson(
                withDemand(o, demand, "compmean", org.retailrl.core.json.JsonArray.ofDoubles(1, 2))));
        assertTrue(rows.getMessage().contains("demand.compmean"), rows.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> PricingScenarioJson
                .fromJson(withDemand(o, demand, "model", new org.retailrl.core.json.JsonString(
                        dir.resolve("absent.gbdt").toString()))));
        assertTrue(missing.getMessage().contains("demand.model"), missing.getMessage());
        IllegalArgumentException horizon = assertThrows(IllegalArgumentException.class,
                () -> s.toBuilder().horizon(11).build());
        assertTrue(horizon.getMessage().startsWith("horizon must be in [1, 10]"), horizon.getMessage());
        Files.delete(file);
    }

    private static JsonObject withDemand(JsonObject scenario, JsonObject demand, String key,
            org.retailrl.core.json.JsonValue value) {
        java.util.Map<String, org.retailrl.core.json.JsonValue> d = new java.util.LinkedHashMap<>(demand.members());
        d.put(key, value);
        java.util.Map<String, org.retailrl.core.json.JsonValue> s = new java.util.LinkedHashMap<>(scenario.members());
        s.put("demand", new JsonObject(d));
        return new JsonObject(s);
    }
}
