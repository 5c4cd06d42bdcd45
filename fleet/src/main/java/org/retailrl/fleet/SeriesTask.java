package org.retailrl.fleet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.retailrl.cli.Main;
import org.retailrl.core.io.AtomicFiles;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonValue;

/**
 * The work of one series on an executor (docs/fleet.md): {@code retail demand scenario} with the
 * shared demand model (docs/model.md §5.4), then {@code retail compare} (heuristic fits, training,
 * evaluation on common episodes and the report folder; §8), both through {@link Main#run} with the
 * very arguments a user would type, so a series' numbers are those of running it alone. Its row
 * goes to {@code series/<id>/result.json}, written atomically and last: a folder without one is
 * unfinished and runs again. A failure (bad data, a training stopped on NaN, any exception) is a
 * row with its reason, never an exception out of the task, so one series cannot fail the job.
 */
public final class SeriesTask implements org.apache.spark.api.java.function.Function<SeriesSpec, SeriesResult> {
    private static final long serialVersionUID = 1L;
    /** The file that marks a finished series. */
    public static final String RESULT = "result.json";
    /** Oracle Myopic knows the simulator's true demand law, so it is no heuristic a retailer could run. */
    static final String ORACLE = "Oracle Myopic";
    /** The heuristic rows of a comparison (docs/model.md §8.10), Oracle Myopic apart. */
    static final List<String> HEURISTICS = List.of("BSLP", "(s,S,p)", "Myopic", "BaseStock", "Myopic*", "BSLP*",
            "(s,S,p)*");

    private final FleetSettings settings;

    /** Runs series with {@code settings}. */
    public SeriesTask(FleetSettings settings) {
        this.settings = settings;
    }

    /** The folder of series {@code s} under the fleet's output folder {@code out}. */
    public static Path folder(Path out, SeriesSpec s) {
        return out.resolve("series").resolve(s.id());
    }

    @Override
    public SeriesResult call(SeriesSpec s) throws IOException {
        return run(s);
    }

    /** Runs {@code s} and records its row (a failure included) in its folder. */
    public SeriesResult run(SeriesSpec s) throws IOException {
        long t0 = System.nanoTime();
        Path dir = folder(Path.of(settings.out()), s);
        Path report = dir.resolve("report");
        SeriesResult r;
        try {
            Files.createDirectories(dir);
            Path scenario = dir.resolve("scenario.json");
            String why = main(settings.scenarioArgs(s, scenario.toString()), dir.resolve("scenario.log"));
            if (why == null) {
                why = main(settings.compareArgs(scenario.toString(), report.toString()), dir.resolve("compare.log"));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            r = why != null ? SeriesResult.failed(s, why, seconds, report.toString())
                    : row(s, Json.readObject(report.resolve("evaluation.json")), settings.reportedPolicy(), seconds,
                            report);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            r = SeriesResult.failed(s, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    (System.nanoTime() - t0) / 1e9, report.toString());
        }
        AtomicFiles.writeString(dir.resolve(RESULT), Json.writePretty(r.toJson()) + "\n");
        return r;
    }

    /** Runs {@code retail <args>} in this JVM, its output to {@code log}; null when it succeeded, else why not. */
    private static String main(List<String> args, Path log) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            ps.println("retail " + String.join(" ", args));
            code = Main.run(args.toArray(String[]::new), ps, ps);
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        AtomicFiles.writeString(log, text);
        if (code == 0) {
            return null;
        }
        String why = "exit code " + code;
        for (String line : text.split("\n")) {
            if (line.startsWith("error: ")) {
                why = line.substring(7).strip();
            }
        }
        return "retail " + args.get(0) + (args.get(0).equals("demand") ? " " + args.get(1) : "") + ": " + why;
    }

    /** The row of a finished comparison's {@code evaluation.json}. */
    static SeriesResult row(SeriesSpec s, JsonObject eval, String policy, double seconds, Path report) {
        JsonObject mine = null;
        JsonObject best = null;
        double oracle = Double.NaN;
        for (JsonValue v : eval.getArray("scores").values()) {
            JsonObject o = (JsonObject) v;
            String name = o.getString("policy");
            if (name.equals(policy)) {
                mine = o;
            } else if (name.equals(ORACLE)) {
                oracle = o.getDouble("mean");
            } else if (HEURISTICS.contains(name) && (best == null || o.getDouble("mean") > best.getDouble("mean"))) {
                best = o;
            }
        }
        if (mine == null || best == null) {
            return SeriesResult.failed(s, "the evaluation has no row for " + (mine == null ? policy : "any heuristic"),
                    seconds, report.toString());
        }
        String bestName = best.getString("policy");
        double imp = Double.NaN;
        double half = Double.NaN;
        for (JsonValue v : eval.getArray("comparisons").values()) {
            JsonObject c = (JsonObject) v;
            if (c.getString("policy").equals(policy) && c.getString("baseline").equals(bestName)) {
                imp = c.getDouble("improvementPct");
                half = c.getDouble("improvementHalfWidthPct");
            }
        }
        if (!Double.isFinite(mine.getDouble("mean"))) {
            return SeriesResult.failed(s, policy + "'s mean profit is not finite", seconds, report.toString());
        }
        String stem = policy.equals("FSDA") ? "fsda" : "ppo-joint";
        String firstSeed = firstSeed(report);
        return new SeriesResult(s.store(), s.brand(), "ok", "", policy, mine.getDouble("mean"), mine.getDouble("ciLow"),
                mine.getDouble("ciHigh"), bestName, best.getDouble("mean"), best.getDouble("ciLow"),
                best.getDouble("ciHigh"), imp, half, oracle, seconds,
                report.resolve("models").resolve(stem + "-seed" + firstSeed + ".rrpf").toString(), report.toString());
    }

    /** The first training seed of the comparison in {@code report} (its recorded arguments). */
    private static String firstSeed(Path report) {
        try {
            String seeds = Json.readObject(report.resolve("compare-args.json")).getString("seeds");
            return seeds.contains(",") ? seeds.split(",")[0].trim() : "1";
        } catch (IOException | RuntimeException e) {
            return "1";
        }
    }
}
