package org.retailrl.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.retailrl.algorithms.checkpoint.Algorithm;
import org.retailrl.algorithms.checkpoint.RunSpec;
import org.retailrl.algorithms.eval.EvaluationReport;
import org.retailrl.algorithms.eval.PolicyEvaluator;
import org.retailrl.algorithms.heuristics.HeuristicSuite;
import org.retailrl.algorithms.multiproduct.LearnedMultiProductPolicy;
import org.retailrl.algorithms.multiproduct.MultiProductPolicy;
import org.retailrl.algorithms.multiproduct.MultiProductRollout;
import org.retailrl.algorithms.multiproduct.ProductHeuristicFit;
import org.retailrl.algorithms.multiproduct.SubsPolicy;
import org.retailrl.algorithms.multiproduct.TwoProductDp;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.core.io.AtomicFiles;
import org.retailrl.core.json.Json;
import org.retailrl.envs.multiproduct.MultiProductScenario;
import org.retailrl.envs.multiproduct.MultiProductScenarioJson;

/**
 * {@code compare --scenario multiproduct…}: the correlated multi-product comparison of docs/model.md
 * §4 (Zheng, Li, Jiang &amp; Peng §4.3). Trains the 2N-agent FSDA, HAPPO over the 2N agents and
 * independent joint-action PPO per product (optionally the one factorised agent) for every seed
 * through the experiment layer (checkpoints, policy files), fits the per-product BSLP, (s,S,p) and
 * Myopic once per seed, adds Subs and — on a small two-product instance — the exact DP, scores all
 * of them on common evaluation episodes with greedy learned policies, prints the comparison table
 * (the pricing comparison's, with Subs among the baselines) and the table across seeds, and writes
 * the report folder ({@link MultiProductReport}). Results do not depend on the thread count.
 */
final class MultiProductCompare {
    /** The learners trained by default, in table order. */
    static final List<Algorithm> DEFAULT_LEARNERS = List.of(Algorithm.FSDA_2N, Algorithm.HAPPO_2N,
            Algorithm.PPO_PER_PRODUCT);
    static final int DEFAULT_EPISODES = 100;
    static final int DEFAULT_EVAL_EPISODES = 500;
    static final int DEFAULT_FIT_EPISODES = 100;

    private MultiProductCompare() {
    }

    /**
     * Whether {@code spec} names a multi-product scenario, or a JSON file with member {@code names}
     * or a {@code base} that is one.
     */
    static boolean handles(String spec) {
        if (spec.toLowerCase(Locale.ROOT).startsWith("multiproduct")) {
            return true;
        }
        Path p = Path.of(spec);
        if (spec.endsWith(".json") && Files.isRegularFile(p)) {
            try {
                org.retailrl.core.json.JsonObject o = Json.readObject(p);
                return o.has("names") || o.getString("base", "").toLowerCase(Locale.ROOT).startsWith("multiproduct");
            } catch (Exception e) {
                return false;
            }
        }
        return false;
    }

    static String usage() {
        return String.format(Locale.ROOT, """
                usage: compare --scenario multiproduct|multiproduct-fixed|multiproduct-backlog|multiproduct-small|<file.json>
                               [--seeds N|s1,s2,..] [--episodes N] [--copies N] [--learners a,b,..] [--threads N]
                               [--eval-episodes N] [--eval-seed N] [--fit-episodes N] [--config run.json] [--out DIR]
                  --scenario       a built-in multi-product scenario (docs/model.md §4.2) or a JSON file with
                                   member "names" or "base": "multiproduct…" (MultiProductScenarioJson)
                  --seeds          a count N (seeds 1..N) or a list                        (default %d)
                  --episodes       training rounds per learner and seed, 1..10000000        (default %d)
                  --copies         environment copies per round, 1..4096                    (default %d)
                  --learners       from fsda-2n, happo-2n, ppo-per-product, ppo-factored, ppo-shared
                                                                (default fsda-2n,happo-2n,ppo-per-product)
                  --eval-episodes  common evaluation episodes, 2..1000000                   (default %d)
                  --eval-seed      seed of the evaluation episodes                          (default %d)
                  --fit-episodes   optimisation episodes of the heuristics' search, 1..100000 (default %d)
                  --config         JSON {"fsda-2n": {...}, ...} overriding preset members
                  --out            report folder               (default runs/compare-<scenario>-<time>)
                """, TrainingDefaults.SEEDS, DEFAULT_EPISODES, TrainingDefaults.COPIES, DEFAULT_EVAL_EPISODES,
                TrainingDefaults.EVAL_SEED, DEFAULT_FIT_EPISODES);
    }

    static MultiProductScenario resolve(String spec) throws java.io.IOException {
        if (spec.endsWith(".json")) {
            return MultiProductScenarioJson.load(Path.of(spec));
        }
        try {
            return MultiProductScenario.named(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--scenario: " + e.getMessage());
        }
    }

    static int run(Args args, PrintStream out, PrintStream err) throws Exception {
        if (args.flag("help")) {
            out.print(usage());
            return 0;
        }
        String spec = args.string("scenario", "multiproduct");
        List<Long> seeds = SeedList.parse(args.string("seeds", Integer.toString(TrainingDefaults.SEEDS)));
        int episodes = args.integer("episodes", DEFAULT_EPISODES, 1, 10_000_000);
        int copies = args.integer("copies", TrainingDefaults.COPIES, 1, 4096);
        int threads = args.integer("threads", Math.min(64, Runtime.getRuntime().availableProcessors()), 1, 64);
        int evalEpisodes = args.integer("eval-episodes", DEFAULT_EVAL_EPISODES, 2, 1_000_000);
        long evalSeed = args.longValue("eval-seed", TrainingDefaults.EVAL_SEED, SeedList.MAX_SEED + 1, Long.MAX_VALUE);
        int fitEpisodes = args.integer("fit-episodes", DEFAULT_FIT_EPISODES, 1, 100_000);
        String learnerList = args.string("learners", null);
        String outDir = args.string("out", null);
        String configFile = args.string("config", null);
        args.finish();
        if (!args.positional().isEmpty()) {
            throw new UsageException("compare takes no positional arguments, got '" + args.positional().get(0) + "'");
        }
        List<Algorithm> learners = new ArrayList<>();
        if (learnerList == null) {
            learners.addAll(DEFAULT_LEARNERS);
        } else {
            for (String l : learnerList.split(",")) {
                Algorithm a;
                try {
                    a = Algorithm.of(l.trim());
                } catch (IllegalArgumentException e) {
                    a = null;
                }
                if (a == null || a.problem() != Algorithm.Problem.MULTIPRODUCT) {
                    throw new UsageException("--learners must list fsda-2n, happo-2n, ppo-per-product, ppo-factored or ppo-shared,"
                            + " got '" + l.trim() + "'");
                }
                learners.add(a);
            }
        }
        MultiProductScenario scenario = resolve(spec);
        // Every multi-product learner may be configured, so one file serves any --learners selection.
        Map<String, LearnerConfig> defaults = new LinkedHashMap<>();
        for (Algorithm a : Algorithm.values()) {
            if (a.problem() == Algorithm.Problem.MULTIPRODUCT) {
                defaults.put(a.label(), a.defaults());
            }
        }
        Map<String, LearnerConfig> all = TrainCommand.resolveConfigs(configFile, defaults);
        Map<String, LearnerConfig> configs = new LinkedHashMap<>();
        for (Algorithm a : learners) {
            configs.put(a.label(), all.get(a.label()));
        }
        String label = TrainCommand.label(spec);
        Path dir = Path.of(outDir != null ? outDir : "runs/compare-" + label + "-" + TrainCommand.timestamp());
        // Locked while this run writes it: a second run into the same folder is refused, and
        // temporary files a killed write left there are removed.
        try (OutputFolder claimed = OutputFolder.claim(err, dir, dir.resolve("models"), dir.resolve("checkpoints"))) {
            Experiment.writeConfigs(dir, configs);
            long t0 = System.nanoTime();

            ProgressBar bar = new ProgressBar(err, (long) learners.size() * episodes * seeds.size() + seeds.size(),
                    ProgressBar.isTerminal(err));
            Map<String, Double> latest = new ConcurrentHashMap<>();
            // Each learner's seeds form one group and the seeds' heuristic fits another, scheduled
            // longest first (JobScheduler); results do not depend on the order.
            List<JobScheduler.Job> jobs = new ArrayList<>();
            for (long s : seeds) {
                jobs.add(new JobScheduler.Job("heuristic fit", () -> {
                    List<ProductHeuristicFit.Fitted> f = ProductHeuristicFit.fit(scenario,
                            new HeuristicSuite.Settings(10_000, fitEpisodes, 3, s));
                    bar.advance("fit heuristics", 1, Double.NaN);
                    return f;
                }));
                for (Algorithm a : learners) {
                    RunSpec run = new RunSpec(a, scenario, copies, s, episodes, configs.get(a.label()));
                    jobs.add(new JobScheduler.Job(a.label(), () -> Experiment.train(run, dir,
                            TrainingDefaults.CHECKPOINT_EVERY, "train", bar, latest, null)));
                }
            }
            List<Object> results;
            try {
                results = Experiment.runScheduled(jobs, threads);
            } catch (java.util.concurrent.ExecutionException e) {
                bar.finish();
                if (e.getCause() instanceof TrainingDivergedException d) {
                    err.println("error: " + d.getMessage());
                    return TrainCommand.EXIT_DIVERGED;
                }
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            int per = 1 + learners.size();
            // candidates: name → one policy per seed
            Map<String, List<MultiProductPolicy>> candidates = new LinkedHashMap<>();
            Map<String, List<double[]>> curves = new LinkedHashMap<>();
            for (Algorithm a : learners) {
                candidates.put(name(a), new ArrayList<>());
                curves.put(name(a), new ArrayList<>());
            }
            for (String k : ProductHeuristicFit.KINDS) {
                candidates.put(k, new ArrayList<>());
            }
            for (int g = 0; g < seeds.size(); g++) {
                @SuppressWarnings("unchecked")
                List<ProductHeuristicFit.Fitted> fits = (List<ProductHeuristicFit.Fitted>) results.get(g * per);
                for (int l = 0; l < learners.size(); l++) {
                    Experiment.Trained t = (Experiment.Trained) results.get(g * per + 1 + l);
                    Algorithm a = learners.get(l);
                    candidates.get(name(a)).add(new LearnedMultiProductPolicy(name(a), t.actors(), a.split()));
                    curves.get(name(a)).add(t.curve());
                }
                for (ProductHeuristicFit.Fitted f : fits) {
                    candidates.get(f.policy().name()).add(f.policy());
                }
            }
            // Deterministic policies fitted to nothing count once per seed, so that the table across
            // seeds covers them too; each is played only once (the evaluation below reuses the result).
            candidates.put("Subs", java.util.Collections.nCopies(seeds.size(), new SubsPolicy(scenario)));
            double optimum = Double.NaN;
            if (TwoProductDp.whyNotSmall(scenario) == null) {
                TwoProductDp dp = TwoProductDp.solve(scenario);
                optimum = dp.optimum();
                candidates.put("DP", java.util.Collections.nCopies(seeds.size(), dp.policy()));
            }
            bar.phase("evaluate");
            List<String> names = new ArrayList<>(candidates.keySet());
            List<Callable<Object>> evals = new ArrayList<>();
            Map<MultiProductPolicy, Integer> job = new java.util.IdentityHashMap<>();
            for (String n : names) {
                for (MultiProductPolicy p : candidates.get(n)) {
                    if (!job.containsKey(p)) {
                        job.put(p, evals.size());
                        evals.add(() -> MultiProductRollout.play(scenario, p, evalSeed, evalEpisodes, null));
                    }
                }
            }
            List<Object> played = Experiment.runAll(evals, threads);
            bar.finish();
            List<double[][]> totals = new ArrayList<>();
            Map<String, double[]> perProduct = new LinkedHashMap<>();
            for (String n : names) {
                int m = candidates.get(n).size();
                double[][] tot = new double[m][];
                double[] prod = new double[scenario.products()];
                for (int s = 0; s < m; s++) {
                    MultiProductRollout.Profits pr = (MultiProductRollout.Profits) played.get(job.get(candidates.get(n).get(s)));
                    tot[s] = pr.total();
                    for (int i = 0; i < prod.length; i++) {
                        prod[i] += mean(pr.perProduct()[i]) / m;
                    }
                }
                totals.add(tot);
                perProduct.put(n, prod);
            }
            EvaluationReport report = PolicyEvaluator.fromProfits(label, names, totals, evalSeed, optimum);
            double totalSeconds = (System.nanoTime() - t0) / 1e9;
            CompareTable table = CompareTable.of(report);
            out.printf(Locale.ROOT, "scenario %s (%d products): %d training rounds x %d copies per run, seeds %s; %d "
                    + "evaluation episodes (seed %d), greedy learned policies, 95%% t-intervals%n%n", label,
                    scenario.products(), episodes, copies, seeds, evalEpisodes, evalSeed);
            out.print(table.text());
            out.println();
            out.print(MultiProductReport.perProductText(scenario, perProduct));
            List<String> learnedNames = new ArrayList<>();
            for (Algorithm a : learners) {
                learnedNames.add(name(a));
            }
            if (SeedTable.applies(report)) {
                SeedTable bySeed = new SeedTable(report, learnedNames);
                out.println();
                out.print(bySeed.text());
                AtomicFiles.writeString(dir.resolve("seeds.txt"), bySeed.text());
                AtomicFiles.writeString(dir.resolve("seeds.csv"), bySeed.csv());
            }
            String best = learnedNames.get(0);
            MultiProductReport files = new MultiProductReport(label, scenario, seeds, episodes, copies, report, table,
                    perProduct, curves);
            files.write(dir, candidates.get(best).get(0), candidates.get("Subs").get(0));
            out.printf(Locale.ROOT, "%ntraining %.1f s, total %.1f s on %d threads; report: %s%n", trainSeconds,
                    totalSeconds, threads, dir.resolve("report.html"));
            return 0;
        }
    }

    /** The table name of a learner. */
    static String name(Algorithm a) {
        return switch (a) {
            case FSDA_2N -> "FSDA-2N";
            case HAPPO_2N -> "HAPPO-2N";
            case PPO_PER_PRODUCT -> "PPO-per-product";
            case PPO_FACTORED -> "PPO-factored";
            case PPO_SHARED -> "PPO-shared";
            default -> a.label();
        };
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
