package org.retailrl.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.retailrl.algorithms.checkpoint.Algorithm;
import org.retailrl.algorithms.checkpoint.RunSpec;
import org.retailrl.algorithms.recommendation.Learner;
import org.retailrl.algorithms.recommendation.PolicyOutcome;
import org.retailrl.algorithms.rl.Trainer;
import java.util.Map;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.recommendation.ComparisonOptions;
import org.retailrl.algorithms.recommendation.ComparisonResult;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.recommendation.RecommendationComparison;

/**
 * {@code compare --scenario recommendation-lost | recommendation-backlog}: the inventory-with-
 * recommendation comparison of docs/model.md §3 (Jiang et al. §VI.B, Fig. 2; Jiang, Han, Peng and Zhang MTMA). Trains
 * MTMA, Joint IM-RS, IM-Only and RS-Only on every seed, builds Naive IM-RS, fits the base-stock
 * heuristics, evaluates everything on common random numbers, prints the table and the verdict
 * on the papers' claims, and writes the report folder ({@link RecommendationReport}). Progress
 * (phase, percent, ETA) goes to the error stream. Profits are currency per episode.
 */
public final class RecommendationCompare {
    /** Default report folder (relative to the working directory). */
    public static final String DEFAULT_OUT = "runs/compare-<scenario>-<time>";
    /** Rounds between checkpoints of each training run. */
    static final int CHECKPOINT_EVERY = 100;

    private RecommendationCompare() {
    }

    /** The usage text. */
    public static String usage() {
        return """
                usage: compare --scenario recommendation-lost|recommendation-backlog [options]
                  --scenario NAME     recommendation-lost (small default, 5 products × 20 customers,
                                      lost sales; the default), recommendation-backlog (same with
                                      backlog), recommendation-large-lost, recommendation-large-backlog
                                      (50 products × 1,000 customers)
                  --seeds N           training seeds, 1..100 (default %d)
                  --episodes N        training episodes per learner and seed, 8..10000000 (default %d)
                  --eval-episodes N   evaluation episodes per policy and seed, 2..100000 (default %d)
                  --fit-episodes N    episodes to fit the heuristics' base-stock levels, 1..100000
                                      (default %d)
                  --threads N         worker threads, 1..256 (default: available processors); results
                                      are identical for every count
                  --config FILE       JSON {"mtma": {...}, "single": {...}} overriding members of the
                                      MTMA and single-agent presets (with --ablation: keyed by variant)
                  --ablation NAME     instead of the comparison, an ablation with seeds as replicates
                                      (each variant on the comparison's training seeds of its learner):
                                      exposure: MTMA and Joint IM-RS on the simplex against the discrete
                                      segment choices (keys mtma, mtma-discrete, mtma-discrete-constant,
                                      joint-im-rs, joint-im-rs-discrete); timescales: MTMA's decaying
                                      two-timescale steps against constant steps and against the
                                      replenishment agent fast (keys mtma, mtma-constant,
                                      mtma-replenishment-fast, joint-im-rs); writes ablation.{txt,csv},
                                      density.svg and report.html
                  --out DIR           report folder (default %s): results.csv, episodes.csv,
                                      curves.csv, differences.csv, seeds.csv, density.svg, result.json,
                                      config.json, report.html
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
        String ablation = args.string("ablation", null);
        if (outDir.isBlank()) {
            throw new UsageException("--out must be a non-empty folder path");
        }
        args.finish();
        List<CompareCommand.Contender> variants = ablation == null ? null : RecommendationAblation.variants(ablation);
        Map<String, LearnerConfig> defaults = new java.util.LinkedHashMap<>();
        if (variants == null) {
            defaults.put("mtma", Presets.MTMA);
            defaults.put("single", Presets.MTMA_SINGLE);
        } else {
            variants.forEach(v -> defaults.put(v.key(), v.config()));
        }
        Map<String, LearnerConfig> configs = TrainCommand.resolveConfigs(configFile, defaults);
        ComparisonOptions o = new ComparisonOptions(name, RecommendationComparison.scenario(name), seeds, episodes,
                evalEpisodes, fitEpisodes, threads, Presets.RECOMMENDATION_COPIES,
                configs.getOrDefault("mtma", Presets.MTMA), configs.getOrDefault("single", Presets.MTMA_SINGLE));
        Path dir = Path.of(outDir);
        // Locked while this run writes it: a second run into the same folder is refused, and
        // temporary files a killed write left there are removed.
        try (OutputFolder claimed = OutputFolder.claim(err, dir, dir.resolve("models"), dir.resolve("checkpoints"))) {
            Experiment.writeConfigs(dir, configs);
            long t0 = System.nanoTime();
            ComparisonResult r;
            try {
                if (variants != null) {
                    return ablate(o, ablation, variants, configs, dir, out, err, t0);
                }
                r = compare(o, dir, err);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof TrainingDivergedException d) {
                    err.println("error: " + d.getMessage());
                    return TrainCommand.EXIT_DIVERGED;
                }
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
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
            out.println("training seeds as replicates (paired by seed, 95 % t-interval):");
            out.print(RecommendationReport.seedsText(r));
            RecommendationReport.write(r, dir, seconds);
            out.printf(Locale.ROOT, "wall time %.1f s; report written to %s%n", seconds, dir.resolve("report.html"));
            return 0;
        }
    }

    private static int ablate(ComparisonOptions o, String ablation, List<CompareCommand.Contender> variants,
                              Map<String, LearnerConfig> configs, Path dir, PrintStream out, PrintStream err, long t0)
            throws Exception {
        RecommendationAblation.Result r = RecommendationAblation.run(o, variants, configs, dir, err);
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.print(RecommendationAblation.text(o, r));
        RecommendationAblation.write(o, ablation, r, dir, seconds);
        out.printf(Locale.ROOT, "wall time %.1f s; report written to %s%n", seconds, dir.resolve("report.html"));
        return 0;
    }

    private static String verdict(boolean holds) {
        return holds ? "holds" : "does not hold";
    }

    /**
     * Trains every learner of every seed through the experiment layer (checkpoints and policy
     * files under {@code dir}), fits the heuristics beside them, evaluates each seed's learned
     * policies on the common episodes and combines everything.
     */
    static ComparisonResult compare(ComparisonOptions o, Path dir, PrintStream err) throws Exception {
        Learner[] learners = Learner.values();
        int rounds = o.rounds();
        int seeds = o.seeds();
        ProgressBar bar = new ProgressBar(err, (long) seeds * learners.length * rounds + seeds + 1,
                ProgressBar.isTerminal(err));
        Map<String, Double> latest = new java.util.concurrent.ConcurrentHashMap<>();
        // Each learner's seeds form one group, scheduled longest first (JobScheduler); the
        // heuristics' job goes last. Results do not depend on the order.
        List<JobScheduler.Job> jobs = new ArrayList<>();
        for (int g = 0; g < seeds; g++) {
            for (Learner l : learners) {
                RunSpec run = new RunSpec(Algorithm.of(l), o.scenario(), o.copies(),
                        RecommendationComparison.trainingSeed(g, l), rounds, o.config(l));
                jobs.add(new JobScheduler.Job(l.name(), () -> Experiment.train(run, dir, CHECKPOINT_EVERY,
                        "train " + learners.length + " learners", bar, latest, null)));
            }
        }
        jobs.add(new JobScheduler.Job(null, () -> {
            List<PolicyOutcome> h = RecommendationComparison.heuristics(o);
            bar.advance("heuristics", 1, Double.NaN);
            return h;
        }));
        List<Object> trained = Experiment.runScheduled(jobs, o.threads());
        bar.phase("evaluate");
        List<Callable<Object>> evals = new ArrayList<>();
        for (int g = 0; g < seeds; g++) {
            List<Trainer> mine = new ArrayList<>();
            for (int l = 0; l < learners.length; l++) {
                mine.add(((Experiment.Trained) trained.get(g * learners.length + l)).trainer());
            }
            evals.add(() -> {
                double[][] rows = RecommendationComparison.evaluateSeed(o, mine);
                bar.advance("evaluate", 1, Double.NaN);
                return rows;
            });
        }
        List<Object> rows = Experiment.runAll(evals, o.threads());
        bar.finish();
        double[][][] rewards = new double[learners.length + 1][seeds][];
        for (int g = 0; g < seeds; g++) {
            double[][] r = (double[][]) rows.get(g);
            for (int p = 0; p < rewards.length; p++) {
                rewards[p][g] = r[p];
            }
        }
        List<double[][]> curves = new ArrayList<>();
        for (int l = 0; l < learners.length; l++) {
            double[][] c = new double[seeds][];
            for (int g = 0; g < seeds; g++) {
                c[g] = ((Experiment.Trained) trained.get(g * learners.length + l)).curve();
            }
            curves.add(c);
        }
        @SuppressWarnings("unchecked")
        List<PolicyOutcome> heuristics = (List<PolicyOutcome>) trained.get(trained.size() - 1);
        return RecommendationComparison.result(o, rewards, heuristics, curves);
    }
}
