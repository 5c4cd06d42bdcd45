package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recommendation comparison command: options, errors, and the report folder of a tiny run. */
class RecommendationCompareTest {
    private static int run(PrintStream out, PrintStream err, String... words) throws Exception {
        return RecommendationCompare.run(new Args(List.of(words)), out, err);
    }

    private static PrintStream sink(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheOptions() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, run(sink(out), sink(new ByteArrayOutputStream()), "--help"));
        String text = out.toString(StandardCharsets.UTF_8);
        for (String opt : List.of("--scenario", "--seeds", "--episodes", "--out", "--threads", "--help")) {
            assertTrue(text.contains(opt), opt);
        }
    }

    @Test
    void badValuesNameTheOptionAndTheAllowedValues() {
        PrintStream quiet = sink(new ByteArrayOutputStream());
        UsageException e = assertThrows(UsageException.class, () -> run(quiet, quiet, "--scenario", "pricing-b"));
        assertTrue(e.getMessage().contains("--scenario") && e.getMessage().contains("recommendation-lost")
                && e.getMessage().contains("recommendation-backlog"), e.getMessage());
        e = assertThrows(UsageException.class, () -> run(quiet, quiet, "--seeds", "0"));
        assertTrue(e.getMessage().contains("--seeds") && e.getMessage().contains("[1, 100]"), e.getMessage());
        e = assertThrows(UsageException.class, () -> run(quiet, quiet, "--threads", "many"));
        assertTrue(e.getMessage().contains("--threads"), e.getMessage());
        e = assertThrows(UsageException.class, () -> run(quiet, quiet, "--episodes", "4"));
        assertTrue(e.getMessage().contains("--episodes"), e.getMessage());
        e = assertThrows(UsageException.class, () -> run(quiet, quiet, "--seed", "3"));
        assertTrue(e.getMessage().contains("--seed"), e.getMessage());
    }

    @Test
    void tinyRunPrintsTheTableAndWritesTheReport(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path target = dir.resolve("report");
        assertEquals(0, run(sink(out), sink(err), "--scenario", "recommendation-lost", "--seeds", "1", "--episodes",
                "8", "--eval-episodes", "3", "--fit-episodes", "1", "--threads", "2", "--out", target.toString()));
        String table = out.toString(StandardCharsets.UTF_8);
        for (String p : List.of("MTMA", "Joint IM-RS", "IM-Only", "RS-Only", "RS-Only (base-stock orders)",
                "Naive IM-RS", "Base-stock + stock-aware", "claims", "training seeds as replicates",
                "MTMA − Joint IM-RS")) {
            assertTrue(table.contains(p), p);
        }
        String progress = err.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("100%") && progress.contains("ETA"), progress);
        List<String> results = Files.readAllLines(target.resolve("results.csv"));
        assertEquals("policy,learned,mean,half_width_95,sd,iqr,seed_means", results.get(0));
        assertEquals(10, results.size());
        // 6 learned policies × 1 seed × 3 episodes + 3 heuristics × 3 episodes, plus the header.
        assertEquals(1 + 18 + 9, Files.readAllLines(target.resolve("episodes.csv")).size());
        // 5 learners × 1 seed × 1 round, plus the header.
        assertEquals(6, Files.readAllLines(target.resolve("curves.csv")).size());
        assertEquals(17, Files.readAllLines(target.resolve("differences.csv")).size());
        // MTMA − Joint and 2 coordinated × 4 siloed, plus the header.
        List<String> seeds = Files.readAllLines(target.resolve("seeds.csv"));
        assertEquals(10, seeds.size());
        assertTrue(seeds.get(1).startsWith("MTMA,Joint IM-RS,"), seeds.get(1));
        assertTrue(Files.readString(target.resolve("density.svg")).startsWith("<svg"));
        assertTrue(Files.readString(target.resolve("density-close.svg")).contains("MTMA"));
        String json = Files.readString(target.resolve("result.json"));
        assertTrue(json.startsWith("{") && json.contains("\"claims\"") && json.contains("\"episodeProfits\""));
        String html = Files.readString(target.resolve("report.html"));
        assertTrue(html.contains("<svg") && html.contains("Kernel-density") && html.contains("Learning curves"));

        // The exposure ablation trains each variant on the comparison's seed of its learner, so its
        // MTMA and Joint IM-RS rows are the comparison's, while the discrete variants differ.
        Path abl = dir.resolve("ablation");
        ByteArrayOutputStream aout = new ByteArrayOutputStream();
        assertEquals(0, run(sink(aout), sink(new ByteArrayOutputStream()), "--scenario", "recommendation-lost",
                "--seeds", "1", "--episodes", "8", "--eval-episodes", "3", "--threads", "2", "--ablation", "exposure",
                "--out", abl.toString()));
        List<String> rows = Files.readAllLines(abl.resolve("ablation.csv"));
        assertEquals(6, rows.size());
        assertTrue(aout.toString(StandardCharsets.UTF_8).contains("MTMA discrete, constant steps"));
        assertEquals(seedMean(results, "MTMA"), seedMean(rows, "\"MTMA\""));
        assertEquals(seedMean(results, "Joint IM-RS"), seedMean(rows, "\"Joint IM-RS\""));
        assertTrue(!seedMean(rows, "\"MTMA discrete\"").equals(seedMean(rows, "\"MTMA\"")));
        assertTrue(Files.readString(abl.resolve("density.svg")).startsWith("<svg"));
        assertTrue(Files.isRegularFile(abl.resolve("models").resolve("mtma-discrete-seed1.rrpf")));
        UsageException e = assertThrows(UsageException.class, () -> run(sink(aout), sink(aout), "--ablation", "speed",
                "--out", abl.toString()));
        assertTrue(e.getMessage().contains("exposure") && e.getMessage().contains("timescales"), e.getMessage());
    }

    /** The seed-means cell of the CSV row starting with {@code name}, (results.csv: last column; ablation.csv: third). */
    private static String seedMean(List<String> csv, String name) {
        for (String row : csv) {
            if (row.startsWith(name + ",")) {
                String[] cells = row.split(",");
                return csv.get(0).startsWith("variant") ? cells[2] : cells[cells.length - 1];
            }
        }
        throw new AssertionError("no row " + name);
    }

    /**
     * The trainings, evaluations and heuristics run as separate tasks: one thread or three give
     * the same training curves and the same evaluation episodes, byte for byte.
     */
    @Test
    void resultsDoNotDependOnTheThreadCount(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        for (String threads : List.of("1", "3")) {
            assertEquals(0, run(sink(quiet), sink(quiet), "--scenario", "recommendation-backlog", "--seeds", "2",
                    "--episodes", "8", "--eval-episodes", "3", "--fit-episodes", "1", "--threads", threads, "--out",
                    dir.resolve("t" + threads).toString()));
        }
        for (String file : List.of("curves.csv", "episodes.csv", "results.csv", "differences.csv")) {
            assertEquals(Files.readString(dir.resolve("t1").resolve(file)), Files.readString(dir.resolve("t3").resolve(file)),
                    file);
        }
    }

    @Test
    void jsonStringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", RecommendationJson.str("a\"b\\c\n\u0001"));
    }
}
