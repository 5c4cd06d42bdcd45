package org.retailrl.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.cli.Main;
import org.retailrl.cli.UsageException;
import org.retailrl.cli.demand.OjFixture;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonObject;

/**
 * The fleet job on Spark local[2] over a handful of synthetic series (docs/fleet.md): every series
 * gets a row, a bad one a failure row with its reason and the job still succeeds; a series' numbers
 * are exactly those of running it alone with {@code retail demand scenario} and {@code retail
 * compare}; a second run skips finished series and a removed result runs again to the same row.
 */
class FleetJobTest {
    /** The per-series budget: tiny, the point is the plumbing and the equality, not the learning. */
    static final List<String> BUDGET = List.of("--episodes", "2", "--copies", "2", "--eval-episodes", "4",
            "--heuristic-fit", "50,1,1", "--checkpoint-every", "2", "--seeds", "1");

    record Run(int code, String err) {
    }

    static SparkSession spark;

    /** One local[2] Spark for every run of the module's tests (a Spark start costs seconds). */
    @BeforeAll
    static void start() {
        spark = localSpark();
    }

    static SparkSession localSpark() {
        return SparkSession.builder().master("local[2]").appName("fleet-test").config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static Run fleet(List<String> args) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = FleetJob.run(args.toArray(String[]::new), e, e);
        }
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    static int retail(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Main.run(args, sink, sink);
    }

    @Test
    void aFleetRunMatchesLoneRunsRecordsFailuresAndSkipsFinishedSeries(@TempDir Path dir) throws Exception {
        Path data = OjFixture.write(dir, "oj.csv", 2, 70, 11, false);
        Path model = dir.resolve("fit");
        assertEquals(0, retail("demand", "fit", "--data", data.toString(), "--target", "logmove", "--categorical",
                "store,brand", "--trees", "20", "--early-stopping", "5", "--out", model.toString()));
        // Stores 2 and 5 exist; store 999 does not, so its series must fail with a reason.
        Path table = dir.resolve("series.csv");
        Files.writeString(table, "store,brand\n2,1\n2,2\n5,3\n999,1\n");
        Path out = dir.resolve("fleet");
        List<String> args = new ArrayList<>(List.of("--data", data.toString(), "--series", table.toString(), "--model",
                model.resolve("model.gbdt").toString(), "--ounces", "64", "--master", "local[2]", "--out",
                out.toString()));
        args.addAll(BUDGET);

        Run first = fleet(args);
        assertEquals(0, first.code(), first.err());
        assertTrue(first.err().contains("to run on local[2]"), first.err());
        assertTrue(first.err().contains("fleet: 4/4 series done"), first.err());
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(String.join(",", SeriesResult.COLUMNS), csv.get(0));
        assertEquals(5, csv.size(), csv.toString());
        SeriesResult bad = FleetJob.finished(out, new SeriesSpec(999, 1, data.toString()));
        assertEquals("failed", bad.status());
        assertTrue(bad.reason().contains("--store 999") && bad.reason().contains("week(s)"), bad.reason());
        assertTrue(csv.get(4).startsWith("s999-b1,999,1,failed,"), csv.get(4));
        try (Stream<Path> parts = Files.list(out.resolve("results.parquet"))) {
            assertTrue(parts.anyMatch(p -> p.getFileName().toString().endsWith(".parquet")));
        }
        for (String f : List.of("summary.txt", "summary.html", "improvement.svg", "extremes.svg")) {
            assertTrue(Files.isRegularFile(out.resolve(f)) && Files.size(out.resolve(f)) > 0, f + "\n" + csv);
        }
        assertTrue(Files.readString(out.resolve("summary.txt")).contains("series: 4, evaluated 3, failed 1"));

        // Series s2-b2 alone, typed as a user would: the same evaluation, number for number.
        SeriesSpec s = new SeriesSpec(2, 2, data.toString());
        SeriesResult row = FleetJob.finished(out, s);
        assertTrue(row.ok(), row.toString());
        Path alone = dir.resolve("alone");
        Files.createDirectories(alone);
        assertEquals(0, retail("demand", "scenario", "--data", data.toString(), "--store", "2", "--brand", "2",
                "--model", model.resolve("model.gbdt").toString(), "--ounces", "64", "--out",
                alone.resolve("scenario.json").toString()));
        List<String> compare = new ArrayList<>(List.of("compare", "--scenario", alone.resolve("scenario.json").toString(),
                "--learners", "fsda", "--threads", "2", "--out", alone.resolve("report").toString(), "--yes"));
        compare.addAll(BUDGET);
        assertEquals(0, retail(compare.toArray(String[]::new)));
        JsonObject mine = Json.readObject(SeriesTask.folder(out, s).resolve("report").resolve("evaluation.json"));
        JsonObject theirs = Json.readObject(alone.resolve("report").resolve("evaluation.json"));
        assertEquals(theirs.get("scores"), mine.get("scores"));
        assertEquals(theirs.get("comparisons"), mine.get("comparisons"));
        assertEquals(SeriesTask.row(s, theirs, "FSDA", 0, alone).policyMean(), row.policyMean());
        assertEquals(SeriesTask.row(s, theirs, "FSDA", 0, alone).improvementPct(), row.improvementPct());

        // Again: nothing runs, the rows stay.
        Path result = SeriesTask.folder(out, s).resolve(SeriesTask.RESULT);
        long stamp = Files.getLastModifiedTime(result).toMillis();
        Run second = fleet(args);
        assertEquals(0, second.code(), second.err());
        assertTrue(second.err().contains("4 series, 4 finished before, 0 to run"), second.err());
        assertEquals(stamp, Files.getLastModifiedTime(result).toMillis());
        assertEquals(csv, Files.readAllLines(out.resolve("results.csv")));

        // A series whose result is gone runs again, to the same row (its time apart).
        Files.delete(result);
        Run third = fleet(args);
        assertTrue(third.err().contains("4 series, 3 finished before, 1 to run"), third.err());
        SeriesResult again = FleetJob.finished(out, s);
        assertEquals(row.policyMean(), again.policyMean());
        assertEquals(row.improvementPct(), again.improvementPct());
        assertEquals(row.bestHeuristic(), again.bestHeuristic());

        // Other settings into the same folder are refused rather than mixed in.
        List<String> other = new ArrayList<>(args);
        other.set(other.indexOf("--episodes") + 1, "3");
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> FleetJob.run(other.toArray(String[]::new), System.out, System.err));
        assertTrue(mixed.getMessage().contains("other settings"), mixed.getMessage());
    }

    @Test
    void badOptionsAreRefusedNamingTheField(@TempDir Path dir) throws Exception {
        UsageException none = assertThrows(UsageException.class,
                () -> FleetJob.run(new String[] {"--out", dir.toString()}, System.out, System.err));
        assertTrue(none.getMessage().contains("--data"), none.getMessage());
        Path data = OjFixture.write(dir, "oj.csv", 1, 20, 3, false);
        UsageException fit = assertThrows(UsageException.class, () -> FleetJob.run(new String[] {"--data",
                data.toString(), "--out", dir.toString(), "--heuristic-fit", "10,1"}, System.out, System.err));
        assertTrue(fit.getMessage().contains("--heuristic-fit"), fit.getMessage());
        UsageException learners = assertThrows(UsageException.class, () -> FleetJob.run(new String[] {"--data",
                data.toString(), "--out", dir.toString(), "--learners", "dqn"}, System.out, System.err));
        assertTrue(learners.getMessage().contains("--learners"), learners.getMessage());
        UsageException threads = assertThrows(UsageException.class, () -> FleetJob.run(new String[] {"--data",
                data.toString(), "--out", dir.toString(), "--threads", "0"}, System.out, System.err));
        assertTrue(threads.getMessage().contains("threads"), threads.getMessage());
        assertFalse(Files.exists(dir.resolve("fleet.json")));
    }
}
