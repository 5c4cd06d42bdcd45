package org.retailrl.fleet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.retailrl.cli.Args;
import org.retailrl.cli.Main;
import org.retailrl.cli.UsageException;
import org.retailrl.core.io.AtomicFiles;
import org.retailrl.core.io.FolderLock;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonObject;

/**
 * {@code retail-fleet}: a whole catalogue of store–product series through fit → scenario → train →
 * evaluate on Apache Spark (docs/fleet.md). The driver fits the demand model once (docs/model.md
 * §5; every scenario reuses it), lists the series, skips those already finished in the output
 * folder and hands the rest to the executors one task per series ({@link SeriesTask}: §5.4
 * scenario, §8 comparison); it logs series done / total with an ETA, then writes the results
 * table (results.csv and results.parquet) and the summary ({@link FleetSummary}).
 */
public final class FleetJob {
    private FleetJob() {
    }

    static final String USAGE = """
            usage: retail-fleet --data FILE --out DIR [options]

            Runs every store–brand series of the scanner file (or of --series) through
            `retail demand scenario` and `retail compare`, one Spark task per series, and writes
            DIR/results.{csv,parquet}, DIR/summary.{txt,html}, DIR/improvement.svg, DIR/extremes.svg and
            DIR/series/<s…-b…>/ (scenario, report folder with policy files, result.json). Finished series are
            skipped when the run is started again with the same settings.

              --data FILE          scanner CSV in the Dominick's layout (plain or gzip)
              --out DIR            output folder, on storage every executor sees
              --series FILE        CSV or Parquet table of series: columns store, brand and optionally data
                                   (the file of that series' history; default --data); default: every
                                   store–brand pair of --data
              --limit N            only the first N series (in store, brand order)
              --stores FILE        store demographics for the demand model
              --ounces X           ounces per unit of every product (default: Dominick's orange-juice sizes)
              --model FILE         a fitted demand model to reuse (default: fitted once into DIR/model)
              --trees N            most trees of that fit (3000)
              --master URL         Spark master when not set by spark-submit (default local[*])
              --threads N          engine threads per series, 1..64; also spark.task.cpus      (1)
            Per series, as `retail compare` (docs/model.md §8):
              --seeds N|list (1)   --episodes N (1000)   --copies N (16)   --eval-episodes N (1000)
              --heuristic-fit S,E,R (10000,200,4)   --learners fsda[,ppo-joint] (fsda)
              --checkpoint-every N (10)
              --retry-failed       run failed series again (default: a failure is a finished series)""";

    /** Process entry point (spark-submit's main class). */
    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out, System.err);
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            System.err.println(USAGE);
            code = 2;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.err.println("error: " + e);
            code = 1;
        }
        System.exit(code);
    }

    /** Runs the job; returns 0 (even when some series failed: they are rows of the table). */
    public static int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(List.of(argv));
        if (args.flag("help")) {
            out.println(USAGE);
            return 0;
        }
        String data = args.string("data", null);
        String outDir = args.string("out", null);
        if (data == null || outDir == null) {
            throw new UsageException("--data and --out are required");
        }
        String seriesFile = args.string("series", null);
        int limit = args.integer("limit", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        String stores = args.string("stores", null);
        double ouncesValue = args.real("ounces", Double.NaN, 1e-9, 1e9);
        String ounces = Double.isNaN(ouncesValue) ? null : Double.toString(ouncesValue);
        String model = args.string("model", null);
        int trees = args.integer("trees", 3000, 1, 1_000_000);
        String master = args.string("master", null);
        int threads = args.integer("threads", 1, 1, 64);
        String seeds = args.string("seeds", "1");
        int episodes = args.integer("episodes", 1000, 1, 10_000_000);
        int copies = args.integer("copies", 16, 1, 4096);
        int evalEpisodes = args.integer("eval-episodes", 1000, 2, 1_000_000);
        String heuristicFit = args.string("heuristic-fit", "10000,200,4");
        String learners = args.string("learners", "fsda");
        int every = args.integer("checkpoint-every", 10, 1, 10_000_000);
        boolean retry = args.flag("retry-failed");
        args.finish();
        if (!args.positional().isEmpty()) {
            throw new UsageException("retail-fleet takes no positional arguments, got '" + args.positional().get(0) + "'");
        }
        checkPerSeries(heuristicFit, learners);
        if (!Files.isReadable(Path.of(data))) {
            throw new IllegalArgumentException("--data " + data + ": no such readable file");
        }
        Path folder = Path.of(outDir).toAbsolutePath().normalize();
        Files.createDirectories(folder);
        try (FolderLock lock = FolderLock.acquire(folder)) {
            long t0 = System.nanoTime();
            Path modelPath = model != null ? Path.of(model).toAbsolutePath().normalize() : fitModel(folder, data, stores,
                    trees, threads, err);
            FleetSettings settings = new FleetSettings(modelPath.toString(), stores == null ? null
                    : Path.of(stores).toAbsolutePath().normalize().toString(), folder.toString(), seeds, episodes, copies,
                    evalEpisodes, heuristicFit, learners, threads, every, ounces);
            checkSettings(folder, settings);
            SparkConf conf = new SparkConf().setAppName("retailrl-fleet").setIfMissing("spark.ui.enabled", "false")
                    .setIfMissing("spark.task.cpus", Integer.toString(threads));
            if (master != null) {
                conf.setMaster(master);
            } else {
                conf.setIfMissing("spark.master", "local[*]");
            }
            // Spark already running in this JVM (a notebook, a test) is used as it is and left running.
            scala.Option<SparkSession> running = SparkSession.getActiveSession().isDefined()
                    ? SparkSession.getActiveSession() : SparkSession.getDefaultSession();
            SparkSession spark = running.isDefined() ? running.get() : SparkSession.builder().config(conf).getOrCreate();
            try {
                return runOn(spark, settings, Path.of(data).toAbsolutePath().normalize().toString(), seriesFile, limit,
                        retry, t0, folder, err);
            } finally {
                if (!running.isDefined()) {
                    spark.stop();
                }
            }
        }
    }

    /**
     * Refuses per-series options that `retail compare` would refuse, before any series runs (else
     * every series would fail alike).
     */
    static void checkPerSeries(String heuristicFit, String learners) {
        String[] w = heuristicFit.split(",", -1);
        try {
            if (w.length != 3) {
                throw new NumberFormatException();
            }
            new org.retailrl.algorithms.heuristics.HeuristicSuite.Settings(Integer.parseInt(w[0].trim()),
                    Integer.parseInt(w[1].trim()), Integer.parseInt(w[2].trim()), 0);
        } catch (NumberFormatException e) {
            throw new UsageException("--heuristic-fit must be SAMPLES,EPISODES,ROUNDS (e.g. 10000,200,4), got '"
                    + heuristicFit + "'");
        } catch (IllegalArgumentException e) {
            throw new UsageException("--heuristic-fit: " + e.getMessage());
        }
        for (String l : learners.split(",", -1)) {
            if (!l.trim().equals("fsda") && !l.trim().equals("ppo-joint")) {
                throw new UsageException("--learners must list fsda and/or ppo-joint, got '" + learners + "'");
            }
        }
    }

    /** Fits the demand model into {@code DIR/model} unless a finished fit is there. */
    private static Path fitModel(Path out, String data, String stores, int trees, int threads, PrintStream err)
            throws IOException {
        Path dir = out.resolve("model");
        Path file = dir.resolve("model.gbdt");
        if (Files.isRegularFile(file)) {
            err.println("fleet: reusing the demand model " + file);
            return file;
        }
        List<String> a = new ArrayList<>(List.of("demand", "fit", "--data", data, "--target", "logmove",
                "--categorical", "store,brand", "--trees", Integer.toString(trees), "--threads",
                Integer.toString(Math.max(threads, Runtime.getRuntime().availableProcessors())), "--out", dir.toString()));
        if (stores != null) {
            a.addAll(List.of("--stores", stores));
        }
        err.println("fleet: fitting the demand model: retail " + String.join(" ", a));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            code = Main.run(a.toArray(String[]::new), ps, ps);
        }
        AtomicFiles.writeString(out.resolve("model.log"), buf.toString(StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IllegalArgumentException("the demand model fit failed (see " + out.resolve("model.log") + "): "
                    + buf.toString(StandardCharsets.UTF_8).strip());
        }
        return file;
    }

    /** Records the settings in {@code DIR/fleet.json}, refusing a folder that holds a run with other settings. */
    private static void checkSettings(Path out, FleetSettings s) throws IOException {
        Path f = out.resolve("fleet.json");
        JsonObject now = s.toJson();
        if (Files.isRegularFile(f)) {
            JsonObject was = Json.readObject(f);
            if (!was.equals(now)) {
                throw new IllegalArgumentException("--out " + out + " holds a fleet run with other settings ("
                        + Json.write(was) + "); use another folder so results of different settings are not mixed");
            }
        } else {
            Json.writeFile(f, now);
        }
    }

    private static int runOn(SparkSession spark, FleetSettings settings, String data, String seriesFile, int limit,
            boolean retry, long t0, Path out, PrintStream err) throws IOException {
        List<SeriesSpec> all = listSeries(spark, data, seriesFile, limit);
        Map<String, SeriesResult> done = new LinkedHashMap<>();
        List<SeriesSpec> todo = new ArrayList<>();
        for (SeriesSpec s : all) {
            SeriesResult r = finished(out, s);
            if (r != null && (r.ok() || !retry)) {
                done.put(s.id(), r);
            } else {
                todo.add(s);
            }
        }
        err.printf(Locale.ROOT, "fleet: %d series, %d finished before, %d to run on %s%n", all.size(), done.size(),
                todo.size(), spark.sparkContext().master());
        List<SeriesResult> ran = List.of();
        double runSeconds = 0;
        if (!todo.isEmpty()) {
            Progress progress = new Progress(todo.size(), err);
            spark.sparkContext().addSparkListener(progress);
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            long r0 = System.nanoTime();
            // One partition per series: the scheduler hands series out one at a time as cores free up.
            ran = jsc.parallelize(todo, todo.size()).map(new SeriesTask(settings)).collect();
            runSeconds = (System.nanoTime() - r0) / 1e9;
            spark.sparkContext().removeSparkListener(progress);
            progress.finish();
        }
        List<SeriesResult> rows = new ArrayList<>(done.values());
        rows.addAll(ran);
        rows.sort(Comparator.comparingInt(SeriesResult::store).thenComparingInt(SeriesResult::brand));
        writeTable(spark, out, rows);
        double total = (System.nanoTime() - t0) / 1e9;
        List<String> header = new ArrayList<>();
        header.add("data: " + data);
        header.add("settings: " + Json.write(settings.toJson()));
        header.add("master: " + spark.sparkContext().master() + ", " + settings.threads() + " engine thread(s) per series");
        header.add(String.format(Locale.ROOT, "run: %d series in %.1f s (%.2f series/minute), job total %.1f s",
                ran.size(), runSeconds, runSeconds > 0 ? 60 * ran.size() / runSeconds : Double.NaN, total));
        FleetSummary summary = new FleetSummary(rows);
        summary.write(out, header);
        err.print(summary.text(header));
        return 0;
    }

    /** The series' recorded row, or null when it has not finished. */
    static SeriesResult finished(Path out, SeriesSpec s) {
        Path f = SeriesTask.folder(out, s).resolve(SeriesTask.RESULT);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return SeriesResult.fromJson(Json.readObject(f));
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: run it again
        }
    }

    /** The series of {@code --series}, or every store–brand pair of the data, in store, brand order. */
    static List<SeriesSpec> listSeries(SparkSession spark, String data, String seriesFile, int limit) {
        Dataset<Row> table;
        String source = seriesFile != null ? seriesFile : data;
        // Local paths as file: URIs, so a cluster whose default file system is HDFS reads the shared mount.
        String uri = uri(source);
        if (source.endsWith(".parquet")) {
            table = spark.read().parquet(uri);
        } else {
            table = spark.read().option("header", "true").option("inferSchema", "true").csv(uri);
        }
        List<String> cols = List.of(table.columns());
        for (String c : List.of("store", "brand")) {
            if (!cols.contains(c)) {
                throw new IllegalArgumentException(source + " has no column '" + c + "' (columns: " + cols + ")");
            }
        }
        boolean perSeriesData = seriesFile != null && cols.contains("data");
        Dataset<Row> keys = table.selectExpr("cast(store as int) as store", "cast(brand as int) as brand",
                perSeriesData ? "cast(data as string) as data" : "cast(null as string) as data").distinct()
                .orderBy("store", "brand");
        List<SeriesSpec> out = new ArrayList<>();
        for (Row r : keys.collectAsList()) {
            if (r.isNullAt(0) || r.isNullAt(1)) {
                throw new IllegalArgumentException(source + ": a row has no integer store or brand");
            }
            String d = r.isNullAt(2) ? data : r.getString(2);
            out.add(new SeriesSpec(r.getInt(0), r.getInt(1), d));
            if (out.size() == limit) {
                break;
            }
        }
        return out;
    }

    /** The results table as DIR/results.csv (one file) and DIR/results.parquet (Spark's folder). */
    private static void writeTable(SparkSession spark, Path out, List<SeriesResult> rows) throws IOException {
        StringBuilder csv = new StringBuilder(String.join(",", SeriesResult.COLUMNS)).append('\n');
        List<Row> data = new ArrayList<>();
        for (SeriesResult r : rows) {
            csv.append(r.csvRow()).append('\n');
            data.add(RowFactory.create(r.series(), r.store(), r.brand(), r.status(), r.reason(), r.policy(),
                    r.policyMean(), r.policyLow(), r.policyHigh(), r.bestHeuristic(), r.heuristicMean(),
                    r.heuristicLow(), r.heuristicHigh(), r.improvementPct(), r.improvementHalfWidthPct(),
                    r.oracleMean(), r.seconds(), r.policyFile(), r.report()));
        }
        AtomicFiles.writeString(out.resolve("results.csv"), csv.toString());
        List<StructField> fields = new ArrayList<>();
        for (String c : SeriesResult.COLUMNS) {
            boolean integer = c.equals("store") || c.equals("brand");
            boolean text = List.of("series", "status", "reason", "policy", "best_heuristic", "policy_file", "report")
                    .contains(c);
            fields.add(DataTypes.createStructField(c, integer ? DataTypes.IntegerType
                    : text ? DataTypes.StringType : DataTypes.DoubleType, !integer));
        }
        // Spark writes a folder of part files and renames it into place only when the job commits.
        spark.createDataFrame(data, new StructType(fields.toArray(StructField[]::new))).coalesce(1).write()
                .mode("overwrite").parquet(out.resolve("results.parquet").toUri().toString());
    }

    /** {@code path} as a URI for Spark: kept when it has a scheme (hdfs:, s3a:, file:), else a file: URI. */
    static String uri(String path) {
        return path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") ? path : Path.of(path).toAbsolutePath().normalize().toUri()
                .toString();
    }

    /**
     * Logs series done / total with the rate and an ETA as tasks end. Spark delivers task ends on
     * its listener thread, possibly after the job's action has returned, so the job calls
     * {@link #finish} then: the last line ({@code total/total}) is logged exactly once, by whichever
     * comes first, and nothing after it.
     */
    static final class Progress extends SparkListener {
        private final int total;
        private final PrintStream log;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicBoolean finished = new AtomicBoolean();
        private final long start = System.nanoTime();
        private volatile long lastLog;
        private volatile int lastPercent = -1;

        Progress(int total, PrintStream log) {
            this.total = total;
            this.log = log;
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            int n = done.incrementAndGet();
            long now = System.nanoTime();
            int percent = (int) (100L * n / total);
            boolean skip = n >= total ? !finished.compareAndSet(false, true)
                    : finished.get() || (percent == lastPercent && now - lastLog < 30_000_000_000L);
            if (skip) {
                return;
            }
            lastPercent = percent;
            lastLog = now;
            print(Math.min(n, total), now);
        }

        /** Logs the {@code total/total} line unless a task end already did; called when the job's action returned. */
        void finish() {
            if (finished.compareAndSet(false, true)) {
                print(total, System.nanoTime());
            }
        }

        private void print(int n, long now) {
            double s = (now - start) / 1e9;
            long eta = Math.round(s / n * (total - n));
            log.printf(Locale.ROOT, "fleet: %d/%d series done (%d%%), %.1f series/minute, elapsed %s, ETA %s%n", n,
                    total, (int) (100L * n / total), 60 * n / s, clock(Math.round(s)), clock(eta));
        }

        static String clock(long seconds) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
    }
}
