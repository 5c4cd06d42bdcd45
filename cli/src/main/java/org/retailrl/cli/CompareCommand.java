package org.retailrl.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.retailrl.algorithms.checkpoint.Algorithm;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.LearnerConfigJson;
import org.retailrl.algorithms.checkpoint.ResumableTrainer;
import org.retailrl.algorithms.checkpoint.RunSpec;
import org.retailrl.algorithms.dp.BackwardInduction;
import org.retailrl.algorithms.dp.DpInstance;
import org.retailrl.algorithms.dp.DpSolution;
import org.retailrl.algorithms.eval.EvaluationReport;
import org.retailrl.algorithms.eval.PolicyEvaluator;
import org.retailrl.algorithms.pricing.LearnedPricingPolicy;
import org.retailrl.algorithms.heuristics.Heuristic;
import org.retailrl.algorithms.heuristics.HeuristicOptimizer;
import org.retailrl.algorithms.heuristics.HeuristicSuite;
import org.retailrl.algorithms.pricing.BatchPricingPolicy;
import org.retailrl.algorithms.pricing.PerCopyBatchPolicy;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.nn.RecurrentNet;

/**
 * {@code retail compare}, the main job (docs/model.md §8 evaluation protocol on a §1 scenario):
 * fits the heuristic baselines, trains FSDA and joint-action PPO for several seeds, scores every
 * policy on common random numbers, prints the comparison table and writes the report folder
 * ({@link CompareReport}). Seeds run in parallel on {@code --threads} threads; every job owns its
 * learner and random streams and results are gathered in a fixed order, so every number and file
 * is bit-identical whatever the thread count.
 */
final class CompareCommand implements Command {
    static final String FSDA = "FSDA";
    static final String PPO = "PPO-joint";
    private final TrainingJob.Listener faultHook;

    CompareCommand() {
        this(null);
    }

    /** With a hook called after every training episode of every run (tests inject faults through it). */
    CompareCommand(TrainingJob.Listener faultHook) {
        this.faultHook = faultHook;
    }

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "the main job: heuristics vs FSDA vs PPO on common random numbers, with a report folder";
    }

    @Override
    public String usage() {
        return String.format(Locale.ROOT, """
                usage: retail compare [--scenario a|b|c|d|<file.json>] [--seeds N|s1,s2,..] [--episodes N]
                                      [--copies N] [--threads N] [--eval-episodes N] [--eval-seed N]
                                      [--config run.json] [--out DIR]

                The main job (and the default command). On the scenario (default b: lost sales, no fixed
                cost; docs/model.md §1) it
                  1. fits BSLP, (s,S,p), Myopic and base-stock (Zheng, Li, Jiang and Peng §3.8: demand fitted to simulated
                     (price, demand) pairs, parameters optimised by simulation), once per seed;
                  2. trains FSDA (pricing agent fast, ordering agent slow) and single-agent PPO over the
                     joint (price, order) action for every seed, with checkpoints;
                  3. scores all of them on the same evaluation episodes (common random numbers, an
                     evaluation seed distinct from the training seeds) with greedy learned policies;
                  4. prints mean profit ± 95%% CI, the paired improvement over each baseline with its CI and
                     the gap to the exact DP optimum where the scenario is a small DP instance (n/a otherwise);
                  5. writes the report folder: report.html (learning curves, profit comparison, FSDA vs
                     Myopic price/inventory trajectory over one evaluation episode), summary.txt,
                     evaluation.{txt,csv,json}, compare.json, learning-curves.csv, trajectory.csv,
                     seeds.{txt,csv} (with 2+ seeds: per-seed means, intervals across seeds, paired
                     per-seed differences), heuristics.json, scenario.json, models/<algorithm>-seed<N>.rrpf and
                     checkpoints/<algorithm>-seed<N>.ckpt (continue one with `retail resume`).
                A progress bar with ETA and the current mean training profit goes to stderr.

                  --scenario       a, b, c, d or a JSON scenario file, also a data-driven one from
                                   `retail demand scenario` (docs/model.md §5.4)           (default b)
                  --seeds          a count N (seeds 1..N) or a list 4,7,9                  (default %d)
                  --episodes       training episodes per run, 1..10000000                  (default %d)
                  --copies         environment copies per training episode, 1..4096        (default %d)
                  --threads        worker threads, 1..64; results do not depend on it      (default: cores)
                  --eval-episodes  evaluation episodes, 2..1000000                         (default %d)
                  --eval-seed      seed of the evaluation episodes, > %d                   (default %d)
                  --config         JSON {"fsda": {...}, "ppo-joint": {...}} overriding members of the
                                   presets (see `retail train --help`); all configs go to config.json
                  --out            report folder                    (default runs/compare-<scenario>-<time>)

                With --scenario recommendation-lost or recommendation-backlog it runs the inventory-with-
                recommendation comparison instead (MTMA, Joint, IM-Only, RS-Only, Naive, heuristics; docs/model.md §3)
                with its own defaults:
                %s
                With --scenario multiproduct[-fixed|-backlog|-small] or a multi-product JSON file it runs the
                correlated multi-product comparison (FSDA-2N, HAPPO-2N, PPO per product, per-product BSLP,
                (s,S,p), Myopic, Subs, the exact DP on two products; docs/model.md §4):
                %s""",
                TrainingDefaults.SEEDS, TrainingDefaults.EPISODES, TrainingDefaults.COPIES,
                TrainingDefaults.EVAL_EPISODES, SeedList.MAX_SEED, TrainingDefaults.EVAL_SEED,
                RecommendationCompare.usage().strip().indent(2), MultiProductCompare.usage().strip().indent(2));
    }

    /** What the training and fitting phase produced for one seed. */
    record SeedResult(long seed, HeuristicSuite suite, List<RecurrentNet> fsda, double[] fsdaCurve,
                      List<RecurrentNet> ppo, double[] ppoCurve) {
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        String spec = args.string("scenario", "b");
        if (spec.startsWith("recommendation-")) {
            return delegateRecommendation(args, out, err);
        }
        if (MultiProductCompare.handles(spec)) {
            return MultiProductCompare.run(args, out, err);
        }
        List<Long> seeds = SeedList.parse(args.string("seeds", Integer.toString(TrainingDefaults.SEEDS)));
        int episodes = args.integer("episodes", TrainingDefaults.EPISODES, 1, 10_000_000);
        int copies = args.integer("copies", TrainingDefaults.COPIES, 1, 4096);
        int threads = args.integer("threads", Math.min(64, Runtime.getRuntime().availableProcessors()), 1, 64);
        int evalEpisodes = args.integer("eval-episodes", TrainingDefaults.EVAL_EPISODES, 2, 1_000_000);
        long evalSeed = args.longValue("eval-seed", TrainingDefaults.EVAL_SEED, SeedList.MAX_SEED + 1, Long.MAX_VALUE);
        String outDir = args.string("out", null);
        String configFile = args.string("config", null);
        args.finish();
        if (!args.positional().isEmpty()) {
            throw new UsageException("compare takes no positional arguments, got '" + args.positional().get(0) + "'");
        }
        PricingScenario scenario = EvaluateCommand.resolveScenario(spec);
        Map<String, LearnerConfig> configs = TrainCommand.resolveConfigs(configFile,
                Map.of(Algorithm.FSDA.label(), Algorithm.FSDA.defaults(), Algorithm.PPO_JOINT.label(),
                        Algorithm.PPO_JOINT.defaults()));
        Path dir = Path.of(outDir != null ? outDir : "runs/compare-" + TrainCommand.label(spec) + "-" + TrainCommand.timestamp());
        Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(dir.resolve("checkpoints"));
        Experiment.writeConfigs(dir, configs);
        long t0 = System.nanoTime();

        ProgressBar bar = new ProgressBar(err, 2L * episodes * seeds.size() + seeds.size(), ProgressBar.isTerminal(err));
        Map<String, Double> latest = new ConcurrentHashMap<>();
        List<Callable<Object>> jobs = new ArrayList<>();
        for (long s : seeds) {
            jobs.add(() -> {
                HeuristicSuite suite = HeuristicSuite.fit(scenario, HeuristicSuite.Settings.defaults(s));
                bar.advance("fit heuristics", 1, Double.NaN);
                return suite;
            });
            for (Algorithm a : new Algorithm[] {Algorithm.FSDA, Algorithm.PPO_JOINT}) {
                RunSpec run = new RunSpec(a, scenario, copies, s, episodes, configs.get(a.label()));
                jobs.add(() -> Experiment.train(run, dir, TrainingDefaults.CHECKPOINT_EVERY, "train FSDA and PPO", bar,
                        latest, faultHook));
            }
        }
        List<Object> results;
        try {
            results = Experiment.runAll(jobs, threads);
        } catch (ExecutionException e) {
            bar.finish();
            if (e.getCause() instanceof TrainingDivergedException d) {
                err.println("error: " + d.getMessage());
                return TrainCommand.EXIT_DIVERGED;
            }
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
        List<SeedResult> perSeed = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            Experiment.Trained f = (Experiment.Trained) results.get(3 * i + 1);
            Experiment.Trained p = (Experiment.Trained) results.get(3 * i + 2);
            perSeed.add(new SeedResult(seeds.get(i), (HeuristicSuite) results.get(3 * i), f.actors(), f.curve(),
                    p.actors(), p.curve()));
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;

        bar.phase("evaluate");
        List<PolicyEvaluator.Candidate> candidates = new ArrayList<>();
        candidates.add(learned(FSDA, perSeed, true));
        candidates.add(learned(PPO, perSeed, false));
        Map<String, List<BatchPricingPolicy>> heuristics = new java.util.LinkedHashMap<>();
        for (SeedResult r : perSeed) {
            for (HeuristicOptimizer.Result h : r.suite().all()) {
                Heuristic policy = h.policy();
                heuristics.computeIfAbsent(policy.name(), k -> new ArrayList<>()).add(new PerCopyBatchPolicy(() -> policy));
            }
        }
        heuristics.forEach((n, list) -> candidates.add(new PolicyEvaluator.Candidate(n, list)));
        double optimum = Double.NaN;
        if (DpInstance.whyNotSmall(scenario) == null) {
            DpSolution sol = BackwardInduction.solve(DpInstance.of(scenario), scenario.horizon());
            optimum = sol.optimum();
            candidates.add(new PolicyEvaluator.Candidate("DP", List.of(new PerCopyBatchPolicy(sol::policy))));
        }
        EvaluationReport report = PolicyEvaluator.evaluate(spec, scenario, candidates, evalEpisodes, evalSeed, optimum);
        bar.finish();
        double totalSeconds = (System.nanoTime() - t0) / 1e9;

        CompareTable table = CompareTable.of(report);
        out.printf(Locale.ROOT, "scenario %s: %d training episodes x %d copies per run, seeds %s; %d evaluation "
                + "episodes (seed %d), 95%% t-intervals%n%n", spec, episodes, copies, seeds, evalEpisodes, evalSeed);
        out.print(table.text());
        CompareReport files = new CompareReport(spec, scenario, seeds, episodes, copies, report, table, perSeed);
        files.write(dir, candidates.get(0).perSeed().get(0), heuristics.get("Myopic").get(0));
        if (SeedTable.applies(report)) {
            SeedTable bySeed = new SeedTable(report, List.of(FSDA, PPO));
            out.println();
            out.print(bySeed.text());
            org.retailrl.core.io.AtomicFiles.writeString(dir.resolve("seeds.txt"), bySeed.text());
            org.retailrl.core.io.AtomicFiles.writeString(dir.resolve("seeds.csv"), bySeed.csv());
        }
        out.printf(Locale.ROOT, "%ntraining %.1f s, total %.1f s on %d threads; report: %s%n", trainSeconds,
                totalSeconds, threads, dir.resolve("report.html"));
        return 0;
    }

    private static PolicyEvaluator.Candidate learned(String name, List<SeedResult> perSeed, boolean fsda) {
        List<BatchPricingPolicy> ps = new ArrayList<>();
        for (SeedResult r : perSeed) {
            ps.add(new LearnedPricingPolicy(name, fsda ? r.fsda() : r.ppo(), true, 0));
        }
        return new PolicyEvaluator.Candidate(name, ps);
    }

    /**
     * The single place where recommendation scenarios ({@code --scenario recommendation-...}) are
     * handed to their own main job (docs/model.md §3, {@link RecommendationCompare}).
     */
    static int delegateRecommendation(Args args, PrintStream out, PrintStream err) throws Exception {
        return RecommendationCompare.run(args, out, err);
    }
}
