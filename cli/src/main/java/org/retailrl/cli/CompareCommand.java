package org.retailrl.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import org.retailrl.algorithms.checkpoint.Algorithm;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.LearnerConfigJson;
import org.retailrl.algorithms.rl.Presets;
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
    /** Continue the runs from the checkpoints in --out ({@link CompareResume}). */
    private final boolean resuming;
    private final LongFunction<HeuristicSuite.Settings> fit;

    CompareCommand() {
        this(null);
    }

    /** With a hook called after every training episode of every run (tests inject faults through it). */
    CompareCommand(TrainingJob.Listener faultHook) {
        this(faultHook, false, HeuristicSuite.Settings::defaults);
    }

    /**
     * With the fault hook, continuing from the checkpoints in --out when {@code resuming}, and the
     * heuristics fitted with {@code fit}'s settings for a seed (tests use smaller fits).
     */
    CompareCommand(TrainingJob.Listener faultHook, boolean resuming, LongFunction<HeuristicSuite.Settings> fit) {
        this.faultHook = faultHook;
        this.resuming = resuming;
        this.fit = fit;
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
                                      [--copies N] [--checkpoint-every N] [--threads N] [--eval-episodes N] [--eval-seed N]
                                      [--config run.json] [--ablation timescales] [--learners L1,L2]
                                      [--heuristic-fit S,E,R]
                                      [--efficiency [E1,E2,..]] [--out DIR] [--yes]
                       retail compare --resume DIR [--threads N]

                The main job (and the default command). On the scenario (default b: lost sales, no fixed
                cost; docs/model.md §1) it
                  1. fits BSLP, (s,S,p), Myopic and base-stock (Zheng, Li, Jiang and Peng §3.8: demand fitted to simulated
                     (price, demand) pairs, parameters optimised by simulation), once per seed;
                  2. trains FSDA (pricing agent fast, ordering agent slow) and single-agent PPO over the
                     joint (price, order) action for every seed, with checkpoints;
                  3. scores all of them on the same evaluation episodes (common random numbers, an
                     evaluation seed distinct from the training seeds), the learned policies both greedy
                     (the headline: the decision Policy.decide deploys) and sampled ('<name> sampled');
                  4. prints mean profit with two 95%% t-intervals, over evaluation episodes (of the
                     seed-averaged profit) and over training seeds (of the per-seed means), the paired
                     improvement over each baseline on the same episodes and the gap to the exact DP
                     optimum where the scenario is a small DP instance (n/a otherwise), then the seeds-as-
                     replicates table: per-seed means and paired per-seed differences;
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
                  --checkpoint-every  episodes between a run's checkpoints, 1..10000000  (default %d)
                  --threads        worker threads, 1..64; results do not depend on it      (default: cores)
                  --eval-episodes  evaluation episodes, 2..1000000                         (default %d)
                  --eval-seed      seed of the evaluation episodes, > %d                   (default %d)
                  --learners       the learners to train, fsda and/or ppo-joint      (default fsda,ppo-joint)
                  --heuristic-fit  SAMPLES,EPISODES,ROUNDS of the heuristics' fit: simulated (price, demand)
                                   pairs 2..10000000, optimisation episodes 1..1000000, rounds 1..100;
                                   smaller fits cost less (a catalogue of many series)  (default %d,%d,%d)
                  --config         JSON {"fsda": {...}, "ppo-joint": {...}} overriding members of the
                                   presets (see `retail train --help`); all configs go to config.json
                  --ablation       timescales: train FSDA, plain HAPPO (both agents every round, equal
                                   steps), FSDA with reversed timescales, FSDA with two-timescale step
                                   sizes and PPO-joint (config keys fsda, happo, fsda-reversed,
                                   fsda-two-timescale, ppo-joint); the seeds table says which paired
                                   differences are significant
                  --efficiency     sample efficiency: keep each learner's actors after E1, E2, ..
                                   training episodes (default 50,100,200,500,1000 and the budget) and
                                   score them greedy on the evaluation episodes; efficiency.{txt,csv}
                                   and a chart with every heuristic as a horizontal line
                  --out            report folder                    (default runs/compare-<scenario>-<time>)
                  --yes            run a budget estimated above one hour without asking (needed when not
                                   on a terminal)
                  --resume         continue the interrupted comparison in DIR from its checkpoints and
                                   rebuild its report (the same results as an uninterrupted run)

                With --scenario recommendation-lost or recommendation-backlog it runs the inventory-with-
                recommendation comparison instead (MTMA, Joint, IM-Only, RS-Only, Naive, heuristics; docs/model.md §3)
                with its own defaults:
                %s
                With --scenario multiproduct[-fixed|-backlog|-small] or a multi-product JSON file it runs the
                correlated multi-product comparison (FSDA-2N, HAPPO-2N, PPO per product, per-product BSLP,
                (s,S,p), Myopic, Subs, the exact DP on two products; docs/model.md §4):
                %s""",
                TrainingDefaults.PRICING_SEEDS, TrainingDefaults.EPISODES, TrainingDefaults.COPIES,
                TrainingDefaults.CHECKPOINT_EVERY, TrainingDefaults.EVAL_EPISODES, SeedList.MAX_SEED, TrainingDefaults.EVAL_SEED,
                HeuristicSuite.Settings.defaults(0).samples(), HeuristicSuite.Settings.defaults(0).episodes(),
                HeuristicSuite.Settings.defaults(0).maxRounds(),
                RecommendationCompare.usage().strip().indent(2), MultiProductCompare.usage().strip().indent(2));
    }

    /**
     * One learner of a comparison.
     *
     * @param name      its row in the tables
     * @param key       its file stem prefix and its key in {@code --config}
     * @param algorithm the problem and agents it trains
     * @param config    its default configuration
     */
    record Contender(String name, String key, Algorithm algorithm, LearnerConfig config) {
    }

    /** The default learners: FSDA and PPO over the joint action. */
    static final List<Contender> DEFAULT = List.of(
            new Contender(FSDA, "fsda", Algorithm.FSDA, Algorithm.FSDA.defaults()),
            new Contender(PPO, "ppo-joint", Algorithm.PPO_JOINT, Algorithm.PPO_JOINT.defaults()));

    /** What the timescales buy (docs/model.md §8.7): FSDA against its variants and PPO-joint. */
    static final List<Contender> TIMESCALES = List.of(
            DEFAULT.get(0),
            new Contender("HAPPO", "happo", Algorithm.FSDA, Presets.HAPPO),
            new Contender("FSDA reversed", "fsda-reversed", Algorithm.FSDA, Presets.FSDA_REVERSED),
            new Contender("FSDA two-timescale", "fsda-two-timescale", Algorithm.FSDA, Presets.FSDA_TWO_TIMESCALE),
            DEFAULT.get(1));

    /** Episode counts of the sample-efficiency checkpoints (those within the budget, and the budget). */
    static final int[] EFFICIENCY = {50, 100, 200, 500, 1000};

    /**
     * What the training and fitting phase produced for one seed.
     *
     * @param learned one trained run per contender, in contender order
     */
    record SeedResult(long seed, HeuristicSuite suite, List<Experiment.Trained> learned) {
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        String resume = args.string("resume", null);
        if (resume != null) {
            String threads = args.string("threads", null);
            try {
                args.finish();
            } catch (UsageException e) {
                throw new UsageException("compare --resume DIR takes only --threads (the comparison's options are "
                        + "recorded in DIR/" + CompareResume.ARGS + "); " + e.getMessage());
            }
            return CompareResume.run(Path.of(resume), threads, new CompareCommand(faultHook, true, fit), out, err);
        }
        try (OutputFolder claimed = OutputFolder.claimLater()) {
            return compare(args, out, err, claimed);
        }
    }

    private int compare(Args args, PrintStream out, PrintStream err, OutputFolder claimed) throws Exception {
        String spec = args.string("scenario", "b");
        if (spec.startsWith("recommendation-")) {
            return delegateRecommendation(args, out, err);
        }
        if (MultiProductCompare.handles(spec)) {
            return MultiProductCompare.run(args, out, err);
        }
        String seedText = args.string("seeds", Integer.toString(TrainingDefaults.PRICING_SEEDS));
        List<Long> seeds = SeedList.parse(seedText);
        int episodes = args.integer("episodes", TrainingDefaults.EPISODES, 1, 10_000_000);
        int copies = args.integer("copies", TrainingDefaults.COPIES, 1, 4096);
        int every = args.integer("checkpoint-every", TrainingDefaults.CHECKPOINT_EVERY, 1, 10_000_000);
        int threads = args.integer("threads", Math.min(64, Runtime.getRuntime().availableProcessors()), 1, 64);
        int evalEpisodes = args.integer("eval-episodes", TrainingDefaults.EVAL_EPISODES, 2, 1_000_000);
        long evalSeed = args.longValue("eval-seed", TrainingDefaults.EVAL_SEED, SeedList.MAX_SEED + 1, Long.MAX_VALUE);
        String outDir = args.string("out", null);
        String configFile = args.string("config", null);
        String ablation = args.string("ablation", null);
        String efficiency = args.string("efficiency", null);
        String learners = args.string("learners", null);
        String heuristicFit = args.string("heuristic-fit", null);
        LongFunction<HeuristicSuite.Settings> fitFor = heuristicFit == null ? fit : heuristicFit(heuristicFit);
        boolean yes = args.flag("yes");
        args.finish();
        if (!args.positional().isEmpty()) {
            throw new UsageException("compare takes no positional arguments, got '" + args.positional().get(0) + "'");
        }
        List<Contender> contenders = learners == null ? contenders(ablation) : learners(learners, ablation);
        int[] efficiencyAt = efficiency == null ? new int[0] : checkpoints(efficiency, episodes);
        // The last checkpoint is the budget: the trained actors themselves, scored by the main evaluation.
        int[] snapshotAt = java.util.Arrays.copyOf(efficiencyAt, Math.max(0, efficiencyAt.length - 1));
        PricingScenario scenario = EvaluateCommand.resolveScenario(spec);
        Map<String, LearnerConfig> defaults = new java.util.LinkedHashMap<>();
        for (Contender c : contenders) {
            defaults.put(c.key(), c.config());
        }
        Map<String, LearnerConfig> configs = TrainCommand.resolveConfigs(configFile, defaults);
        int runs = seeds.size() * contenders.size();
        // A resumed comparison was confirmed when it started.
        BudgetCheck.confirm("comparing " + contenders.size() + " learners on " + seeds.size() + " seeds",
                BudgetCheck.seconds(new RunSpec(contenders.get(0).algorithm(), scenario, copies, seeds.get(0), episodes,
                        configs.get(contenders.get(0).key())), runs, Math.min(threads, runs)), yes || resuming, err);
        Path dir = Path.of(outDir != null ? outDir : "runs/compare-" + TrainCommand.label(spec) + "-" + TrainCommand.timestamp());
        claimed.add(err, dir, dir.resolve("models"), dir.resolve("checkpoints"));
        if (!resuming) {
            Experiment.writeConfigs(dir, configs);
            CompareResume.record(dir, "scenario", spec, "seeds", seedText, "episodes", Integer.toString(episodes), "copies",
                    Integer.toString(copies), "checkpoint-every", Integer.toString(every), "eval-episodes", Integer.toString(evalEpisodes), "eval-seed",
                    Long.toString(evalSeed), "ablation", ablation, "efficiency", efficiency, "learners", learners,
                    "heuristic-fit", heuristicFit);
        }
        long t0 = System.nanoTime();

        ProgressBar bar = new ProgressBar(err, (long) contenders.size() * episodes * seeds.size() + seeds.size(),
                ProgressBar.isTerminal(err));
        Map<String, Double> latest = new ConcurrentHashMap<>();
        // The training runs are scheduled longest first, each learner's seeds as one group
        // (JobScheduler), and the seeds' heuristic fits (a few seconds each) last, so the short
        // jobs fill the threads' tails instead of one long training running alone at the end.
        // Results are the same in any order: every job is independent and reads only its own seed.
        List<JobScheduler.Job> jobs = new ArrayList<>();
        for (long s : seeds) {
            for (Contender c : contenders) {
                RunSpec run = new RunSpec(c.algorithm(), scenario, copies, s, episodes, configs.get(c.key()));
                // A resumed comparison's finished runs return at once and would make their group
                // look cheap, so it keeps list order.
                String stem = c.key() + "-seed" + s;
                jobs.add(new JobScheduler.Job(resuming ? null : c.key(), () -> CompareResume.train(resuming, run,
                        stem, snapshotAt, dir, every, "train " + names(contenders), bar, latest, faultHook)));
            }
        }
        int trainingJobs = jobs.size();
        for (long s : seeds) {
            jobs.add(new JobScheduler.Job(null, () -> {
                HeuristicSuite suite = HeuristicSuite.fit(scenario, fitFor.apply(s));
                bar.advance("fit heuristics", 1, Double.NaN);
                return suite;
            }));
        }
        List<Object> results;
        try {
            results = Experiment.runScheduled(jobs, threads);
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
            List<Experiment.Trained> learned = new ArrayList<>();
            for (int c = 0; c < contenders.size(); c++) {
                learned.add((Experiment.Trained) results.get(contenders.size() * i + c));
            }
            perSeed.add(new SeedResult(seeds.get(i), (HeuristicSuite) results.get(trainingJobs + i), learned));
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;

        bar.phase("evaluate");
        List<PolicyEvaluator.Candidate> candidates = new ArrayList<>();
        for (int c = 0; c < contenders.size(); c++) {
            candidates.add(learned(contenders.get(c).name(), perSeed, c, true, evalSeed));
        }
        for (int c = 0; c < contenders.size(); c++) {
            candidates.add(learned(contenders.get(c).name() + SAMPLED, perSeed, c, false, evalSeed));
        }
        Map<String, List<BatchPricingPolicy>> heuristics = new java.util.LinkedHashMap<>();
        for (SeedResult r : perSeed) {
            for (HeuristicOptimizer.Result h : r.suite().all()) {
                Heuristic policy = h.policy();
                heuristics.computeIfAbsent(policy.name(), k -> new ArrayList<>()).add(new PerCopyBatchPolicy(() -> policy));
            }
        }
        heuristics.forEach((n, list) -> candidates.add(new PolicyEvaluator.Candidate(n, list)));
        EvaluateCommand.Exact exact = EvaluateCommand.Exact.of(scenario);
        if (exact != null) {
            candidates.add(exact.candidate());
        }
        double optimum = exact == null ? Double.NaN : exact.optimum();
        EvaluationReport report = Experiment.evaluate(spec, scenario, candidates, evalEpisodes, evalSeed, optimum, threads);
        EfficiencyTable eff = null;
        if (efficiencyAt.length > 0) {
            bar.phase("evaluate checkpoints");
            eff = EfficiencyTable.evaluate(spec, scenario, contenders, perSeed, efficiencyAt, report, evalEpisodes, evalSeed,
                    threads);
        }
        bar.finish();
        double totalSeconds = (System.nanoTime() - t0) / 1e9;

        CompareTable table = CompareTable.of(report);
        out.printf(Locale.ROOT, "scenario %s: %d training episodes x %d copies per run, seeds %s; %d evaluation "
                + "episodes (seed %d); learned policies greedy unless marked sampled%n%n", spec, episodes, copies, seeds,
                evalEpisodes, evalSeed);
        out.print(table.text());
        if (exact != null && exact.note() != null) {
            out.println(exact.note());
        }
        CompareReport files = new CompareReport(spec, scenario, seeds, episodes, copies, report, table, contenders,
                perSeed, eff);
        files.write(dir, candidates.get(0).perSeed().get(0), heuristics.get("Myopic").get(0));
        if (SeedTable.applies(report)) {
            SeedTable bySeed = new SeedTable(report, names(contenders, ""));
            out.println();
            out.print(bySeed.text());
            org.retailrl.core.io.AtomicFiles.writeString(dir.resolve("seeds.txt"), bySeed.text());
            org.retailrl.core.io.AtomicFiles.writeString(dir.resolve("seeds.csv"), bySeed.csv());
        }
        if (eff != null) {
            out.println();
            out.print(eff.text());
            org.retailrl.core.io.AtomicFiles.writeString(dir.resolve("efficiency.txt"), eff.text());
            org.retailrl.core.io.AtomicFiles.writeString(dir.resolve("efficiency.csv"), eff.csv());
        }
        out.printf(Locale.ROOT, "%ntraining %.1f s, total %.1f s on %d threads; report: %s%n", trainSeconds,
                totalSeconds, threads, dir.resolve("report.html"));
        return 0;
    }

    /** The heuristics' fit settings of {@code --heuristic-fit SAMPLES,EPISODES,ROUNDS}, per seed. */
    static LongFunction<HeuristicSuite.Settings> heuristicFit(String text) {
        String[] w = text.split(",", -1);
        if (w.length != 3) {
            throw new UsageException("--heuristic-fit must be SAMPLES,EPISODES,ROUNDS (e.g. 10000,200,4), got '" + text + "'");
        }
        int[] v = new int[3];
        String[] names = {"SAMPLES", "EPISODES", "ROUNDS"};
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Integer.parseInt(w[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--heuristic-fit " + names[i] + " must be an integer, got '" + w[i] + "'");
            }
        }
        try {
            new HeuristicSuite.Settings(v[0], v[1], v[2], 0);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--heuristic-fit: " + e.getMessage());
        }
        return seed -> new HeuristicSuite.Settings(v[0], v[1], v[2], seed);
    }

    /** Suffix of the sampled-decision row of a learned policy. */
    static final String SAMPLED = " sampled";

    /** The learners of {@code --ablation} (null: the default pair). */
    static List<Contender> contenders(String ablation) {
        if (ablation == null) {
            return DEFAULT;
        }
        if (ablation.equals("timescales")) {
            return TIMESCALES;
        }
        throw new UsageException("--ablation must be 'timescales', got '" + ablation + "'");
    }

    /** The default learners named in {@code --learners} (keys, comma-separated), in the default order. */
    static List<Contender> learners(String keys, String ablation) {
        if (ablation != null) {
            throw new UsageException("--learners and --ablation exclude each other (an ablation fixes its learners)");
        }
        java.util.Set<String> asked = new java.util.LinkedHashSet<>();
        for (String k : keys.split(",", -1)) {
            asked.add(k.trim());
        }
        List<Contender> out = new ArrayList<>();
        for (Contender c : DEFAULT) {
            if (asked.remove(c.key())) {
                out.add(c);
            }
        }
        if (!asked.isEmpty() || out.isEmpty()) {
            throw new UsageException("--learners must list fsda and/or ppo-joint, got '" + keys + "'");
        }
        return out;
    }

    /** The checkpoints of {@code --efficiency}: the given list ("true": the defaults within the budget) and the budget. */
    static int[] checkpoints(String efficiency, int episodes) {
        java.util.TreeSet<Integer> at = new java.util.TreeSet<>();
        if (efficiency.equals("true")) {
            for (int e : EFFICIENCY) {
                if (e < episodes) {
                    at.add(e);
                }
            }
        } else {
            for (String w : efficiency.split(",")) {
                int e;
                try {
                    e = Integer.parseInt(w.trim());
                } catch (NumberFormatException x) {
                    throw new UsageException("--efficiency must be a list of episode counts like 50,100,200, got '"
                            + efficiency + "'");
                }
                if (e < 1 || e > episodes) {
                    throw new UsageException("--efficiency episode counts must be in 1.." + episodes
                            + " (the training budget), got " + e);
                }
                at.add(e);
            }
        }
        at.add(episodes);
        return at.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String names(List<Contender> cs) {
        return String.join(" and ", names(cs, ""));
    }

    private static List<String> names(List<Contender> cs, String suffix) {
        List<String> out = new ArrayList<>();
        for (Contender c : cs) {
            out.add(c.name() + suffix);
        }
        return out;
    }

    /**
     * Contender {@code c}'s trained actors of every seed as one candidate: greedy, or sampled from
     * streams seeded with the evaluation seed (common to every sampled policy).
     */
    private static PolicyEvaluator.Candidate learned(String name, List<SeedResult> perSeed, int c, boolean greedy,
                                                     long evalSeed) {
        List<BatchPricingPolicy> ps = new ArrayList<>();
        for (SeedResult r : perSeed) {
            ps.add(new LearnedPricingPolicy(name, r.learned().get(c).actors(), greedy, evalSeed));
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
