package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.core.json.Json;

class PricingCommandsTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @Test
    void dpPrintsTheOptimumOfTheOnePeriodInstance() {
        Run r = run("dp", "--horizon", "1", "--lead", "1", "--start-inventory", "3", "--cap", "10");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("V_1(x=3)"), r.out());
        r = run("dp", "--horizon", "3", "--start-inventory", "3", "--pipeline", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("V_1(x=8)"), r.out());
        assertEquals(2, run("dp", "--lead", "0", "--pipeline", "5").code());
    }

    @Test
    void dpSavesItsInstanceAsAScenarioThatIsAgainASmallInstance(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.json");
        Run r = run("dp", "--horizon", "7", "--fixed-cost", "20", "--save-scenario", file.toString());
        assertEquals(0, r.code(), r.err());
        org.retailrl.envs.pricing.PricingScenario s = org.retailrl.envs.pricing.PricingScenarioJson.load(file);
        assertEquals(null, org.retailrl.algorithms.dp.DpInstance.whyNotSmall(s));
        assertEquals(7, s.horizon());
        assertEquals(20.0, s.fixedCost());
        assertEquals(2, run("dp", "--discount", "0.9", "--save-scenario", dir.resolve("d.json").toString()).code());
    }

    @Test
    void badArgumentsExitWithTwoAndNameTheOption() {
        Run r = run("dp", "--lead", "3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--lead"), r.err());
        r = run("dp", "--start-inventory", "50", "--cap", "40");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--start-inventory"), r.err());
        r = run("evaluate", "--scenario", "z");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--scenario"), r.err());
        r = run("evaluate", "--episodes", "1");
        assertEquals(2, r.code());
        r = run("evaluate", "--frobnicate", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--frobnicate"), r.err());
    }

    @Test
    void evaluateWritesReportAndFittedParameters(@TempDir Path dir) throws Exception {
        Path sc = dir.resolve("small.json");
        Files.writeString(sc, "{\"base\": \"d\", \"leadTime\": 1, \"competitor\": \"fixed\", \"referenceWeight\": 1,"
                + " \"inventoryCap\": 20, \"horizon\": 10}");
        Run r = run("evaluate", "--scenario", sc.toString(), "--episodes", "50", "--seeds", "1", "--samples", "1000",
                "--fit-episodes", "10", "--rounds", "1", "--out", dir.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("DP optimum"), r.out());
        assertTrue(Files.exists(dir.resolve("out/evaluation.csv")));
        assertTrue(Files.exists(dir.resolve("out/scenario.json")));
        assertEquals(8, Json.parse(Files.readString(dir.resolve("out/heuristics.json"))) instanceof
                org.retailrl.core.json.JsonArray a ? a.get(0) instanceof org.retailrl.core.json.JsonObject o
                        ? o.getArray("heuristics").size() : -1 : -1);
    }

    @Test
    void dpWithAReactiveCompetitorSolvesTheCompetitiveInstanceAndEvaluateScoresHeuristicsAgainstIt(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("reactive.json");
        Run r = run("dp", "--competitor", "reactive", "--horizon", "6", "--cap", "12", "--check", "4000",
                "--save-scenario", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("competitor prices=22") && r.out().contains("covers V*"), r.out());
        r = run("evaluate", "--scenario", file.toString(), "--episodes", "50", "--seeds", "1", "--samples", "600",
                "--fit-episodes", "10", "--rounds", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("DP optimum") && r.out().contains("Oracle Myopic") && r.out().contains("(s,S,p)*"),
                r.out());
        r = run("dp", "--competitor", "reactive", "--reference-weight", "0.9", "--reference-step", "4", "--horizon", "3",
                "--cap", "8", "--start-inventory", "4", "--check", "2000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("reference-grid error"), r.out());
        assertEquals(2, run("dp", "--competitor", "rival").code());
        assertEquals(2, run("dp", "--competitor", "reactive", "--discount", "0.9").code());
    }

    @Test
    void badScenarioFileExitsWithTwoAndNamesTheField(@TempDir Path dir) throws Exception {
        Path sc = dir.resolve("bad.json");
        Files.writeString(sc, "{\"holdingcost\": 1}");
        Run r = run("evaluate", "--scenario", sc.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("holdingcost"), r.err());
    }
}
