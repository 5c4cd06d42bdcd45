package org.retailrl.algorithms.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.algorithms.heuristics.BaseStockPolicy;
import org.retailrl.algorithms.pricing.PerCopyBatchPolicy;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonObject;
import org.retailrl.envs.pricing.PricingScenario;

class EvaluationTest {
    private static final PricingScenario B = PricingScenario.named("b").toBuilder().horizon(30).build();

    private static PolicyEvaluator.Candidate baseStock(String name, int s, int price) {
        return new PolicyEvaluator.Candidate(name,
                List.of(new PerCopyBatchPolicy(() -> new BaseStockPolicy(s, price, 20, 21, 80))));
    }

    @Test
    void samePolicyTwiceDiffersByExactlyZeroUnderCommonRandomNumbers() {
        EvaluationReport r = PolicyEvaluator.evaluate("b30", B,
                List.of(baseStock("x", 14, 10), baseStock("y", 14, 10)), 50, 5L, Double.NaN);
        PairedComparison c = r.comparisons().get(0);
        assertEquals(0.0, c.difference().mean());
        assertEquals(0.0, c.difference().sd());
        assertArrayEquals(r.scores().get(0).episodeScores(), r.scores().get(1).episodeScores());
    }

    @Test
    void rolloutIsDeterministicPerSeedAndDiffersAcrossSeeds() {
        var p = new PerCopyBatchPolicy(() -> new BaseStockPolicy(14, 10, 20, 21, 80));
        double[] a = Rollout.profits(B, p, 3L, 20);
        double[] b = Rollout.profits(B, p, 3L, 20);
        double[] c = Rollout.profits(B, p, 4L, 20);
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void pairedComparisonOfKnownSamples() {
        double[] x = {11, 12, 13, 14};
        double[] y = {10, 10, 10, 10};
        PairedComparison c = PairedComparison.of("x", x, "y", y, 0.95);
        assertEquals(2.5, c.difference().mean(), 1e-15);
        assertEquals(25.0, c.improvementPct(), 1e-12);
        // Ȳ has zero variance, so the delta method reduces to the t-interval of D̄ scaled by 100/|Ȳ|.
        assertEquals(100 * c.difference().halfWidth() / 10, c.improvementHalfWidthPct(), 1e-9);
    }

    @Test
    void gapToOptimumUsesTheGivenOptimum() {
        EvaluationReport r = PolicyEvaluator.evaluate("b30", B, List.of(baseStock("x", 14, 10)), 40, 5L, 2000);
        PolicyScore s = r.scores().get(0);
        assertEquals(100 * (2000 - s.summary().mean()) / 2000, s.gapToOptimumPct(), 1e-9);
    }

    @Test
    void writesTableCsvAndJsonThatParse(@TempDir Path dir) throws Exception {
        EvaluationReport r = PolicyEvaluator.evaluate("b30", B,
                List.of(baseStock("lo", 8, 10), baseStock("hi", 16, 10)), 30, 9L, Double.NaN);
        r.write(dir, "evaluation");
        String table = Files.readString(dir.resolve("evaluation.txt"));
        assertTrue(table.contains("lo") && table.contains("paired differences"));
        List<String> csv = Files.readAllLines(dir.resolve("evaluation.csv"));
        assertEquals(1 + 2 + 1, csv.size());
        JsonObject o = Json.readObject(dir.resolve("evaluation.json"));
        assertEquals(30, o.getInt("episodes"));
        assertEquals(r.scores().get(1).summary().mean(),
                o.getArray("scores").get(1) instanceof JsonObject j ? j.getDouble("mean") : Double.NaN, 1e-12);
    }
}
