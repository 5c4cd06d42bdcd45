package org.retailrl.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.recommendation.ComparisonOptions;
import org.retailrl.algorithms.recommendation.ComparisonResult;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.recommendation.RecommendationComparison;

/**
 * {@code compare --scenario recommendation-lost | recommendation-backlog}: the inventory-with-
 * recommendation comparison of MODEL.md §3 (seed 002 §VI.B, Fig. 2; seeds 000/001 MTMA). Trains
 * MTMA, Joint IM-RS, IM-Only and RS-Only on every seed, builds Naive IM-RS, fits the base-stock
 * heuristics, evaluates everything on common random numbers, prints the table and the verdict
 * on the seeds' claims, and writes the report folder ({@link RecommendationReport}). Progress
 * (phase, percent, ETA) goes to the error stream. Profits are currency per episode.
 */
public final class RecommendationCompare {
    /** Default report folder (relative to the working directory). */
    public static final String DEFAULT_OUT = "runs/compare-<scenario>-<time>";

    private RecommendationCompare() {
    }

    /** The usage text. */
    public static String usage() {
        return """
                usage: compare --scenario recommendation-lost|recommendation-backlog [options]
                  --scenario NAME     recommendation-lost (small default, lost sales; the default) or
                                      recommendation-backlog (same with backlog)
                  --seeds N           training seeds, 1..100 (default %d)
                  --episodes N        training episodes per learner and seed, 8..10000000 (default %d)
                  --eval-episodes N   evaluation episodes per policy and seed, 2..100000 (default %d)
                  --fit-episodes N    episodes to fit the heuristics' base-stock levels, 1..100000
                                      (default %d)
                  --threads N         worker threads, 1..256 (default: available processors); results
                                      are identical for every count
                  --config FILE       JSON {"mtma": {...}, "single": {...}} overriding members of the
                                      MTMA and single-agent presets
                  --out DIR           report folder (default %s): results.csv, episodes.csv,
                                      curves.csv, differences.csv, result.json, config.json, report.html
                  --help              this text
                """.formatted(ComparisonOptions.DEFAULT_SEEDS, ComparisonOptions.DEFAULT_TRAIN_EPISODES,
                ComparisonOptions.DEFAULT_EVAL_EPISODES, ComparisonOptions.DEFAULT_FIT_EPISODES, DEFAULT_OUT);
    }

    /**
     * Runs the command.
     *
     * @return 0 on success
     * @throws UsageException naming the bad option and its allowed values
     */
    public static int run(Args args, PrintStream out, PrintStream err) throws Exception {
        if (args.flag("help")) {
            out.print(usage());
            return 0;
        }
        String name = args.string("scenario", RecommendationComparison.SCENARIOS.get(0));
        if (!RecommendationComparison.SCENARIOS.contains(name)) {
            throw new UsageException("--scenario must be one of " + String.join(", ", RecommendationComparison.SCENARIOS)
                    + ", got '" + name + "'");
        }
        int seeds = args.integer("seeds", ComparisonOptions.DEFAULT_SEEDS, 1, 100);
        int episodes = args.integer("episodes", ComparisonOptions.DEFAULT_TRAIN_EPISODES, 8, 10_000_000);
        int evalEpisodes = args.integer("eval-episodes", ComparisonOptions.DEFAULT_EVAL_EPISODES, 2, 100_000);
        int fitEpisodes = args.integer("fit-episodes", ComparisonOptions.DEFAULT_FIT_EPISODES, 1, 100_000);
        int threads = args.integer("threads", Math.max(1, Math.min(256, Runtime.getRuntime().availableProcessors())),
                1, 256);
        String outDir = args.string("out", "runs/compare-" + name + "-" + TrainCommand.timestamp());
        String configFile = args.string("config", null);
        if (outDir.isBlank()) {
            throw new UsageException("--out must be a non-empty folder path");
        }
        args.finish();
        Map<String, LearnerConfig> configs = TrainCommand.resolveConfigs(configFile,
                Map.of("mtma", Presets.MTMA, "single", Presets.MTMA_SINGLE));
        ComparisonOptions o = new ComparisonOptions(name, RecommendationComparison.scenario(name), seeds, episodes,
                evalEpisodes, fitEpisodes, threads, Presets.RECOMMENDATION_COPIES, configs.get("mtma"),
                configs.get("single"));
        long t0 = System.nanoTime();
        ProgressLine progress = new ProgressLine(err, t0);
        ComparisonResult r = RecommendationComparison.run(o, progress::report);
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "%s: %d seeds × %d training episodes per learner, %d evaluation episodes per policy"
                + " and seed, common random numbers; episode profit (currency), 95%% CI%n", name, seeds,
                o.rounds() * o.copies() * o.mtma().episodesPerUpdate(), evalEpisodes);
        out.print(RecommendationComparison.table(r));
        out.println("claims (95 % confidence):");
        out.println("  coordinated (MTMA, Joint) above siloed: " + verdict(r.claims().coordinatedAboveSiloed()));
        out.println("  Naive IM-RS worse than coordinated:    " + verdict(r.claims().naiveWorse()));
        out.println("  MTMA rewards more concentrated:        " + verdict(r.claims().mtmaConcentrated()));
        for (String e : r.claims().evidence()) {
            out.println("    " + e);
        }
        Path dir = Path.of(outDir);
        RecommendationReport.write(r, dir, seconds);
        CompareCommand.writeConfigs(dir, configs);
        out.printf(Locale.ROOT, "wall time %.1f s; report written to %s%n", seconds, dir.resolve("report.html"));
        return 0;
    }

    private static String verdict(boolean holds) {
        return holds ? "holds" : "does not hold";
    }

    /** Prints "phase, percent, ETA" on the error stream whenever the whole percent changes. */
    private static final class ProgressLine {
        private final PrintStream err;
        private final long t0;
        private int lastPercent = -1;

        ProgressLine(PrintStream err, long t0) {
            this.err = err;
            this.t0 = t0;
        }

        synchronized void report(String phase, double fraction) {
            int pct = (int) Math.floor(fraction * 100);
            if (pct == lastPercent) {
                return;
            }
            lastPercent = pct;
            double elapsed = (System.nanoTime() - t0) / 1e9;
            String eta = fraction > 0 ? String.format(Locale.ROOT, "%.0f s", elapsed * (1 - fraction) / fraction) : "?";
            err.printf(Locale.ROOT, "[compare] %-26s %3d%%  elapsed %.0f s  ETA %s%n", phase, pct, elapsed, eta);
        }
    }
}
