package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --scenario <multi-product file>} on a tiny budget (docs/model.md §4): the report
 * folder is complete and the table has every policy with the DP gap. (That the comparison's tasks
 * are gathered by index whatever the thread count is the experiment layer's, tested with the
 * pricing comparison.)
 */
class MultiProductCompareTest {
    @TempDir
    static Path dir;
    static CliRun one;

    @BeforeAll
    static void runTwice() throws IOException {
        Path sc = dir.resolve("multiproduct-tiny.json");
        Files.writeString(sc, "{\"base\": \"multiproduct-small\", \"horizon\": 5, \"inventoryCap\": 6}");
        List<String> common = List.of("compare", "--scenario", sc.toString(), "--episodes", "2", "--seeds", "2",
                "--copies", "2", "--eval-episodes", "6", "--fit-episodes", "2", "--learners", "fsda-2n");
        one = CliRun.of(concat(common, "--threads", "2", "--out", dir.resolve("t1").toString()));
    }

    private static String[] concat(List<String> a, String... b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(List.of(b));
        return all.toArray(new String[0]);
    }

    @Test
    void writesTheReportWithEveryPolicyAndTheDpGap() throws IOException {
        assertEquals(0, one.code(), one.err());
        for (String f : List.of("report.html", "summary.txt", "evaluation.csv", "per-product.csv", "trajectory.csv",
                "learning-curves.csv", "scenario.json", "config.json", "seeds.txt", "models/fsda-2n-seed1.rrpf",
                "checkpoints/fsda-2n-seed2.ckpt")) {
            assertTrue(Files.isRegularFile(dir.resolve("t1").resolve(f)), f);
        }
        for (String p : List.of("FSDA-2N", "BSLP", "(s,S,p)", "Myopic", "Subs", "DP")) {
            assertTrue(one.out().contains("\n" + p + " "), p + " in\n" + one.out());
        }
        String trajectory = Files.readString(dir.resolve("t1/trajectory.csv"));
        assertTrue(trajectory.contains("Subs,SKU2,5,"), "every product's trajectory");
        String table = Files.readString(dir.resolve("t1/evaluation.csv"));
        assertTrue(table.contains("DP"), table);
    }

    @Test
    void aBadLearnerIsNamed() throws IOException {
        CliRun bad = CliRun.of("compare", "--scenario", "multiproduct", "--learners", "fsda", "--out",
                dir.resolve("bad").toString());
        assertTrue(bad.code() != 0 && bad.err().contains("--learners"), bad.err());
    }
}
