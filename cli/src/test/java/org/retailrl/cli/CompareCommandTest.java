package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonObject;

/** {@code compare} on a tiny budget: the report folder is complete and does not depend on --threads. */
class CompareCommandTest {
    @TempDir
    static Path dir;
    static CliRun one;
    static CliRun two;
    static CliRun ablation;

    @BeforeAll
    static void runTwice() throws IOException {
        String sc = CliRun.shortScenario(dir).toString();
        one = CliRun.of("compare", "--scenario", sc, "--episodes", "2", "--seeds", "2", "--copies", "2",
                "--eval-episodes", "10", "--threads", "1", "--out", dir.resolve("t1").toString());
        two = CliRun.of("compare", "--scenario", sc, "--episodes", "2", "--seeds", "1,2", "--copies", "2",
                "--eval-episodes", "10", "--threads", "2", "--out", dir.resolve("t2").toString());
        ablation = CliRun.of("compare", "--scenario", sc, "--episodes", "2", "--seeds", "2", "--copies", "2",
                "--eval-episodes", "10", "--threads", "2", "--ablation", "timescales", "--efficiency", "1",
                "--out", dir.resolve("t3").toString());
    }

    /**
     * The report as a person sees it: rendered by headless Chromium at 1280 px, no horizontal
     * overflow, every SVG parsed and drawn ({@code scripts/check-report.sh}). Skipped, saying so,
     * where Chromium is not installed (Debian package {@code chromium}).
     */
    @Test
    void reportRendersInChromiumWithoutOverflow() throws Exception {
        assertEquals(0, one.code(), one.err());
        Path script = Path.of("..", "scripts", "check-report.sh").toAbsolutePath().normalize();
        boolean chromium = java.nio.file.Files.isExecutable(Path.of("/usr/bin/chromium"))
                || java.nio.file.Files.isExecutable(Path.of("/usr/bin/chromium-browser"));
        org.junit.jupiter.api.Assumptions.assumeTrue(chromium,
                "skipped: no Chromium installed (apt-get install chromium) to render report.html");
        Process p = new ProcessBuilder("bash", script.toString(), dir.resolve("t1/report.html").toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "Chromium did not finish: " + output);
        assertEquals(0, p.exitValue(), output);
    }

    @Test
    void writesEveryReportFile() throws IOException {
        assertEquals(0, one.code(), one.err());
        Path out = dir.resolve("t1");
        for (String f : List.of("report.html", "summary.txt", "evaluation.txt", "evaluation.csv", "evaluation.json",
                "compare.json", "learning-curves.csv", "trajectory.csv", "heuristics.json", "scenario.json",
                "models/fsda-seed1.rrpf", "models/fsda-seed2.rrpf", "models/ppo-joint-seed1.rrpf",
                "models/ppo-joint-seed2.rrpf", "checkpoints/fsda-seed1.ckpt", "checkpoints/ppo-joint-seed2.ckpt")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), "missing " + f);
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<svg"), "report.html has no inline SVG");
        assertEquals(5, html.split("<svg", -1).length - 1,
                "bar chart, two learning-curve charts, their converged part, trajectory");
        for (String csv : List.of("evaluation.csv", "learning-curves.csv", "trajectory.csv")) {
            assertRectangularCsv(out.resolve(csv));
        }
        assertEquals(1 + 2 * 2 * 2, Files.readAllLines(out.resolve("learning-curves.csv")).size());
        assertEquals(1 + 20, Files.readAllLines(out.resolve("trajectory.csv")).size());
        JsonObject cmp = Json.parseObject(Files.readString(out.resolve("compare.json")));
        assertEquals(12, cmp.getObject("evaluation").getArray("scores").size(),
                "FSDA and PPO greedy and sampled, the paper's 4 heuristics and the 4 strong ones");
        Json.parseObject(Files.readString(out.resolve("evaluation.json")));
        assertTrue(one.out().contains("FSDA") && one.out().contains("vs Myopic %") && one.out().contains("n/a"),
                one.out());
    }

    private static void assertRectangularCsv(Path f) throws IOException {
        List<String> lines = Files.readAllLines(f);
        int cols = lines.get(0).split(",", -1).length;
        assertTrue(lines.size() > 1, f + " has no rows");
        for (String l : lines.subList(1, lines.size())) {
            String[] cells = l.split(",", -1);
            if (!l.contains("\"")) {
                assertEquals(cols, cells.length, f + ": " + l);
            }
            for (String c : cells) {
                if (!c.isEmpty() && Character.isDigit(c.charAt(c.length() - 1)) && c.matches("[-+0-9.eE]+")) {
                    Double.parseDouble(c);
                }
            }
        }
    }

    @Test
    void resultsAreBitIdenticalWhateverTheThreadCount() throws IOException {
        assertEquals(0, two.code(), two.err());
        for (String f : List.of("evaluation.csv", "evaluation.json", "learning-curves.csv", "trajectory.csv",
                "summary.txt", "heuristics.json", "seeds.csv", "models/fsda-seed1.rrpf", "models/fsda-seed2.rrpf",
                "models/ppo-joint-seed2.rrpf", "checkpoints/fsda-seed2.ckpt", "checkpoints/ppo-joint-seed1.ckpt")) {
            if (f.endsWith(".rrpf")) {
                // Policy files carry their creation time; everything else in them must be identical.
                TrainResumeTest.assertSamePolicy(dir.resolve("t1").resolve(f), dir.resolve("t2").resolve(f));
                continue;
            }
            assertArrayEquals(Files.readAllBytes(dir.resolve("t1").resolve(f)), Files.readAllBytes(dir.resolve("t2").resolve(f)),
                    f + " differs between --threads 1 and --threads 2");
        }
    }

    /**
     * The timescale ablation trains the five learners under their own file names; its FSDA and
     * PPO-joint runs are the default comparison's, byte for byte; the sample-efficiency tables have
     * one row per learner and checkpoint, and the checkpoint at the budget scores as the final policy.
     */
    @Test
    void ablationTrainsEveryVariantAndEfficiencyScoresCheckpoints() throws IOException {
        assertEquals(0, ablation.code(), ablation.err());
        Path out = dir.resolve("t3");
        for (String key : List.of("fsda", "happo", "fsda-reversed", "fsda-two-timescale", "ppo-joint")) {
            assertTrue(Files.isRegularFile(out.resolve("models/" + key + "-seed2.rrpf")), key);
        }
        for (String f : List.of("models/fsda-seed1.rrpf", "models/ppo-joint-seed2.rrpf")) {
            TrainResumeTest.assertSamePolicy(dir.resolve("t1").resolve(f), out.resolve(f));
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("t1/checkpoints/fsda-seed2.ckpt")),
                Files.readAllBytes(out.resolve("checkpoints/fsda-seed2.ckpt")));
        assertFalse(Arrays.equals(Files.readAllBytes(out.resolve("models/fsda-seed1.rrpf")),
                Files.readAllBytes(out.resolve("models/fsda-reversed-seed1.rrpf"))), "the variants must differ");
        List<String> eff = Files.readAllLines(out.resolve("efficiency.csv"));
        assertEquals(5 * 2, eff.stream().filter(l -> l.startsWith("profit,")).count(), String.join("\n", eff));
        assertEquals(5 * 8, eff.stream().filter(l -> l.startsWith("ahead,")).count(), "five learners x eight heuristics");
        String fsdaAtBudget = eff.stream().filter(l -> l.startsWith("profit,FSDA,2,")).findFirst().orElseThrow();
        JsonObject cmp = Json.parseObject(Files.readString(out.resolve("compare.json")));
        double finalMean = 0;
        for (var v : cmp.getObject("evaluation").getArray("scores").values()) {
            JsonObject sc = (JsonObject) v;
            if (sc.getString("policy").equals("FSDA")) {
                finalMean = sc.getDouble("mean");
            }
        }
        assertEquals(finalMean, Double.parseDouble(fsdaAtBudget.split(",")[5]), 1e-6, fsdaAtBudget);
        String seeds = Files.readString(out.resolve("seeds.txt"));
        assertTrue(seeds.contains("FSDA reversed") && seeds.contains("significant"), seeds);
        assertTrue(Files.readString(out.resolve("report.html")).contains("Sample efficiency"));
        for (String csv : List.of("efficiency.csv", "seeds.csv", "learning-curves.csv")) {
            assertRectangularCsv(out.resolve(csv));
        }
    }

    @Test
    void evaluateScoresSavedModelsNextToTheHeuristics() throws IOException {
        assertEquals(0, one.code(), one.err());
        Path m = dir.resolve("t1/models");
        String sc = CliRun.shortScenario(dir).toString();
        CliRun r = CliRun.of("evaluate", "--scenario", sc, "--episodes", "10", "--seeds", "1", "--samples", "500",
                "--fit-episodes", "5", "--rounds", "1", "--model", m.resolve("fsda-seed1.rrpf").toString(),
                m.resolve("fsda-seed2.rrpf").toString(), m.resolve("ppo-joint-seed1.rrpf").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("FSDA ") && l.contains(" 2 ")), "FSDA with 2 seeds: " + r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("PPO-joint ")), r.out());
        CliRun other = CliRun.of("evaluate", "--scenario", "b", "--episodes", "10", "--seeds", "1",
                "--model", m.resolve("fsda-seed1.rrpf").toString());
        assertEquals(2, other.code());
        assertTrue(other.err().contains("--model"), other.err());
    }

    @Test
    void aNanInOneRunStopsCompareWithExitThreeNamingTheCheckpoint() throws Exception {
        String sc = CliRun.shortScenario(dir).toString();
        Path out = dir.resolve("nan");
        CompareCommand poisoned = new CompareCommand((t, p) -> {
            if (t.spec().algorithm() == org.retailrl.algorithms.checkpoint.Algorithm.FSDA
                    && t.episodesDone() == TrainingDefaults.CHECKPOINT_EVERY + 1) {
                t.trainer().critic().parameters().get(0).value().data()[3] = Float.POSITIVE_INFINITY;
            }
        });
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = poisoned.run(new Args(List.of("--scenario", sc, "--episodes", "15", "--seeds", "1", "--copies", "2",
                "--eval-episodes", "10", "--threads", "1", "--out", out.toString())),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        String msg = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(TrainCommand.EXIT_DIVERGED, code, msg);
        assertTrue(msg.contains("fsda-seed1: training stopped in episode " + (TrainingDefaults.CHECKPOINT_EVERY + 1)), msg);
        assertTrue(msg.contains("critic") && msg.contains("Infinity"), msg);
        Path ckpt = out.resolve("checkpoints/fsda-seed1.ckpt");
        assertTrue(msg.contains(ckpt.toString()), msg);
        assertEquals(TrainingDefaults.CHECKPOINT_EVERY,
                org.retailrl.algorithms.checkpoint.TrainingCheckpoint.load(ckpt).episodesDone());
        assertTrue(!Files.exists(out.resolve("report.html")), "no report from a failed run");
    }

    @Test
    void badArgumentsExitNonZeroNamingTheOption() {
        String[][] cases = {
            {"--seeds", "0"}, {"--seeds", "1,1"}, {"--seeds", "x"}, {"--episodes", "0"}, {"--episodes", "abc"},
            {"--threads", "0"}, {"--threads", "65"}, {"--copies", "0"}, {"--scenario", "z"}, {"--eval-episodes", "1"},
            {"--ablation", "stepsizes"}, {"--efficiency", "0"}, {"--efficiency", "50,x"}, {"--efficiency", "2000"},
        };
        for (String[] c : cases) {
            CliRun r = CliRun.of("compare", c[0], c[1]);
            assertEquals(2, r.code(), String.join(" ", c));
            assertTrue(r.err().contains(c[0]), "message must name " + c[0] + ": " + r.err());
        }
        CliRun unknown = CliRun.of("compare", "--budget", "3");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("--budget"), unknown.err());
        CliRun rec = CliRun.of("compare", "--scenario", "recommendation-small");
        assertEquals(2, rec.code());
        assertTrue(rec.err().contains("--scenario must be one of recommendation-lost, recommendation-backlog"),
                rec.err());
    }

    @Test
    void helpAndDefaultCommand() {
        CliRun h = CliRun.of("compare", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--seeds") && h.out().contains("--threads"), h.out());
        assertEquals("compare", Main.DEFAULT_COMMAND);
        assertTrue(Main.commands().keySet().containsAll(List.of("compare", "train", "resume", "evaluate", "selfcheck")));
    }
}
