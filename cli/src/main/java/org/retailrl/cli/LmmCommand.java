package org.retailrl.cli;

import java.io.IOException;
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
import java.util.concurrent.ExecutionException;
import org.retailrl.algorithms.checkpoint.Algorithm;
import org.retailrl.algorithms.checkpoint.RunSpec;
import org.retailrl.algorithms.pricing.BatchPricingPolicy;
import org.retailrl.algorithms.pricing.LearnedPricingPolicy;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.core.json.JsonArray;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonString;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.algorithms.lmm.DatasetBuilder;
import org.retailrl.algorithms.lmm.DecisionTransformer;
import org.retailrl.algorithms.lmm.DtTraining;
import org.retailrl.algorithms.lmm.LmmEvaluation;
import org.retailrl.algorithms.lmm.TaskFamily;
import org.retailrl.algorithms.lmm.TrajectoryDataset;
import org.retailrl.nn.RecurrentNet;

/**
 * {@code retail lmm}: the large management model of docs/model.md §6 — a Decision Transformer
 * trained offline on logged episodes of many pricing-and-replenishment tasks, and its comparison
 * with the specialised policies on seen and held-out tasks. Subcommands {@code dataset},
 * {@code train}, {@code evaluate}, and {@code run} (all three on a small default).
 */
final class LmmCommand implements Command {
    @Override
    public String name() {
        return "lmm";
    }

    @Override
    public String summary() {
        return "large management model: offline Decision Transformer over a task family (docs/model.md §6)";
    }

    @Override
    public String usage() {
        return """
                usage: retail lmm dataset  --out FILE [--tasks N] [--production-tasks N] [--recommendation-tasks N]
                                           [--episodes E] [--eps e1,e2] [--seed S]
                                           [--learned fsda,ppo-joint] [--learned-tasks N] [--learned-episodes E]
                                           [--threads N]
                       retail lmm train    --data FILE --out CKPT [--seed S] [--bc] [--steps N] [--batch B]
                                           [--width d] [--layers n] [--heads h] [--context K] [--dropout p]
                                           [--lr a] [--weight-decay w] [--checkpoint-every N] [--resume]
                       retail lmm evaluate --data FILE --dt CKPT[,CKPT...] [--bc CKPT[,CKPT...]] [--tasks N] [--production-tasks N]
                                           [--recommendation-tasks N] [--dp-variants N]
                                           [--episodes E] [--targets k1,k2,..] [--eval-seed S] [--out DIR]
                                           [--online fsda,ppo-joint] [--online-episodes E] [--online-seeds N]
                                           [--threads N]
                       retail lmm run      [--dir DIR] [--seeds N|list] [--learned L] [--learned-tasks N]
                                           [--learned-episodes E] [--online L] [--online-episodes E] [--threads N]
                                           (small default: 16 pricing + 4 production + 4 recommendation tasks, FSDA behaviour actors on 4
                                           pricing tasks (100 episodes), DT and BC of 600 steps per seed, default 2 seeds;
                                           evaluated on 4 + 4 pricing, 2 + 2 production and 2 + 2 recommendation tasks x 50 episodes beside FSDA
                                           and PPO-joint trained online for 100 episodes)

                The task family (docs/model.md §6.4): the pricing-and-replenishment problem of docs/model.md §1
                over 50 periods with drawn unit cost c in [7, 13], holding cost h in [0.5, 1.5], shortage
                cost b in [2, 8], fixed order cost K in {0, 20}, lead time 1..3, lost sales or backlog,
                undercutting or uniform competitor, market size 600..1000. Held-out tasks draw c in [13, 15],
                market size 1000..1200 and lead time 1..4. Production tasks (docs/model.md §6.1): one product, a
                cheap slow method (unit cost 5..9, lead time 1..3) and a dear fast one (2..5 dearer, lead time 0),
                price grid and quantities as above, three recommendation levels lifting the rating (cost 0.5..3 per
                level and period), market size 150..250; held out: slow cost 9..11, lead time 4, market 250..300.
                Recommendation tasks (docs/model.md §3): one product of a small §3 scenario competing with the rest
                of the catalogue for 3 customer segments; the order, and three exposure levels (share 1/3, 0.6 or 1
                of the product's exposure to its top segment); selling price 10..30, lead time 0..2, 8..16 purchases
                per period; held out: price 30..40, lead time 3, 18..22 purchases.
                One token layout covers all: padding components are masked per task (pricing: method and level;
                recommendation: price and method).

                dataset: per seen pricing task, the eight heuristics of docs/model.md §8.10 fitted to it, each
                played greedily and with each noise level eps, plus the random policy; per production task a
                base-stock baseline per method (myopic price and level) fitted to it, greedy and noisy, plus
                random; per recommendation task base-stock with uniform, rating-greedy and stock-aware exposure,
                fitted to it, greedy and noisy, plus random. With --learned, each learner is trained on the first --learned-tasks pricing tasks
                (default: all) for --learned-episodes episodes (default 300; files in FILE.learned/), and its
                actors after a tenth of the budget ("early") and at the end ("late") are played greedily and
                with each noise level too. --threads: training runs in parallel (default: cores); the data
                does not depend on it.
                  --production-tasks  seen production tasks, 0..1000                 (default 4)
                  --recommendation-tasks  seen recommendation tasks, 0..1000         (default 4)
                  --tasks     seen pricing tasks, 1..1000                           (default 16)
                  --episodes  episodes per behaviour policy and task, 1..10000      (default 10)
                  --eps       noise levels in (0, 1), comma-separated                (default 0.3)
                  --seed      seed of the family, the fits and the episodes, >= 0   (default 1)
                train: AdamW, warm-up then cosine decay, global gradient clip 1.
                  --bc        behaviour cloning: the same network with the return token held at 0
                  --steps 1..10^7 (default 1200)   --batch 1..4096 (default 32)   --lr (0, 1] (default 1e-3)
                  --width 8..1024 (default 64)     --layers 1..16 (default 2)     --heads (default 4)
                  --context 1..50 (default 10)     --dropout [0, 0.5] (default 0.1)
                  --weight-decay [0, 1] (default 0.1)   --checkpoint-every N steps (default 200)
                  --resume    continue from --out (same dataset); ends bit-identical to an uninterrupted run
                  A loss or gradient that becomes NaN or infinite stops training with exit code 3, naming the
                  step; the last checkpoint is left untouched.
                evaluate: on --tasks seen and --tasks held-out pricing tasks (default 6 each), --production-tasks and
                  --recommendation-tasks of each split (default: --tasks, at most the dataset's), --episodes per policy
                  (default 100, common random numbers, seed --eval-seed, default 20261124); the DT is
                  conditioned on H + (k - 1)|H| for each k of --targets (default 0.8,1,1.2), H the best
                  heuristic's mean return on that task. Scores: 100 (R - random)/(H - random). Beside them: the
                  best behaviour policy's mean logged return (seen tasks), the exact DP where a task is a small
                  instance (docs/model.md §1.9: none of the family's, but --dp-variants N, 0..4, default 2, adds
                  that many small held-out variants — capped stock, fixed competitor and reference — on which it
                  exists), and with --online each learner trained on every evaluated pricing task itself
                  (seeds 1..--online-seeds, default 1; --online-episodes, default 300; files in OUT/online).""";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        List<String> pos = args.positional();
        if (pos.size() != 1) {
            throw new UsageException("lmm needs one subcommand: dataset, train, evaluate or run");
        }
        return switch (pos.get(0)) {
            case "dataset" -> dataset(args, out, err);
            case "train" -> train(args, out, err);
            case "evaluate" -> evaluate(args, out, err);
            case "run" -> runAll(args, out, err);
            default -> throw new UsageException("lmm subcommand must be dataset, train, evaluate or run, got '" + pos.get(0) + "'");
        };
    }

    private static Path required(Args args, String name) {
        String v = args.string(name, null);
        if (v == null || v.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return Path.of(v);
    }

    private static double[] reals(String option, String v, double lo, double hi, boolean open) {
        String[] parts = v.split(",");
        double[] x = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                x[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--" + option + " must be comma-separated numbers, got '" + v + "'");
            }
            boolean ok = open ? x[i] > lo && x[i] < hi : x[i] >= lo && x[i] <= hi;
            if (!ok) {
                throw new UsageException("--" + option + " values must be in " + (open ? "(" : "[") + lo + ", " + hi
                        + (open ? ")" : "]") + ", got " + parts[i].trim());
            }
        }
        return x;
    }

    /**
     * Learned policies of docs/model.md §8 trained per task through the experiment layer.
     *
     * @param algorithms the learners, none for no training
     * @param episodes   training episodes per run
     * @param seeds      training seeds per task (evaluation yardstick) or 1 (behaviour data)
     * @param threads    training runs in parallel; the results do not depend on it
     */
    record Learned(List<Algorithm> algorithms, int episodes, int seeds, int threads) {

        boolean any() {
            return !algorithms.isEmpty();
        }
    }

    /** The learners of a comma-separated list of {@code fsda} and {@code ppo-joint} (empty: none). */
    static List<Algorithm> algorithms(String option, String v) {
        List<Algorithm> out = new ArrayList<>();
        if (v == null || v.isBlank() || v.equals("none")) {
            return out;
        }
        for (String w : v.split(",")) {
            Algorithm a;
            try {
                a = Algorithm.of(w.trim());
            } catch (IllegalArgumentException e) {
                a = null;
            }
            if (a != Algorithm.FSDA && a != Algorithm.PPO_JOINT) {
                throw new UsageException("--" + option + " must be a comma-separated list of fsda and ppo-joint, got '" + v + "'");
            }
            if (!out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    /** The row name of a pricing learner. */
    static String display(Algorithm a) {
        return a == Algorithm.FSDA ? CompareCommand.FSDA : CompareCommand.PPO;
    }

    private static int threads(Args args) {
        return args.integer("threads", Math.min(64, Runtime.getRuntime().availableProcessors()), 1, 64);
    }

    private int dataset(Args args, PrintStream out, PrintStream err) throws Exception {
        Path file = required(args, "out");
        int tasks = args.integer("tasks", 16, 1, 1000);
        int episodes = args.integer("episodes", 10, 1, 10_000);
        double[] eps = reals("eps", args.string("eps", "0.3"), 0, 1, true);
        long seed = args.longValue("seed", 1, 0, Long.MAX_VALUE / 4);
        int production = args.integer("production-tasks", 4, 0, 1000);
        int recommendation = args.integer("recommendation-tasks", 4, 0, 1000);
        List<Algorithm> algs = algorithms("learned", args.string("learned", null));
        int learnedTasks = args.integer("learned-tasks", tasks, 1, tasks);
        int learnedEpisodes = args.integer("learned-episodes", 300, 2, 1_000_000);
        int threads = threads(args);
        args.finish();
        return writeDataset(file, new DatasetBuilder.Settings(seed, tasks, episodes, eps, production, recommendation),
                new Learned(algs, learnedEpisodes, 1, threads), learnedTasks, out, err);
    }

    /**
     * Builds and writes the dataset; with learners in {@code learned}, each is first trained on the
     * first {@code learnedTasks} seen tasks (files under {@code FILE.learned/}), and its actors after
     * a tenth of the budget ("early") and at the end ("late") join those tasks' behaviour policies.
     */
    private static int writeDataset(Path file, DatasetBuilder.Settings s, Learned learned, int learnedTasks, PrintStream out,
                                    PrintStream err) throws Exception {
        long t0 = System.nanoTime();
        Map<Integer, List<BatchPricingPolicy>> extra = new LinkedHashMap<>();
        JsonObject about = JsonObject.builder().build();
        if (learned.any()) {
            int early = Math.max(1, learned.episodes() / 10);
            List<RunSpec> runs = new ArrayList<>();
            List<String> stems = new ArrayList<>();
            for (int j = 0; j < learnedTasks; j++) {
                PricingScenario task = TaskFamily.task(s.seed(), TaskFamily.Split.SEEN, j);
                for (Algorithm a : learned.algorithms()) {
                    runs.add(new RunSpec(a, task, Presets.PRICING_COPIES, s.seed() + 1 + j, learned.episodes(), a.defaults()));
                    stems.add(a.label() + "-task" + j);
                }
            }
            Path dir = file.resolveSibling(file.getFileName() + ".learned");
            List<Experiment.Trained> trained = trainAll(runs, stems, new int[] {early}, dir, learned.threads(),
                    "train behaviour policies", err);
            if (trained == null) {
                return TrainCommand.EXIT_DIVERGED;
            }
            int k = 0;
            for (int j = 0; j < learnedTasks; j++) {
                List<BatchPricingPolicy> ps = new ArrayList<>();
                for (Algorithm a : learned.algorithms()) {
                    Experiment.Trained t = trained.get(k++);
                    ps.add(new LearnedPricingPolicy(display(a) + " early", t.snapshots().get(0), true, 0));
                    ps.add(new LearnedPricingPolicy(display(a) + " late", t.actors(), true, 0));
                }
                extra.put(j, ps);
            }
            List<org.retailrl.core.json.JsonValue> names = new ArrayList<>();
            learned.algorithms().forEach(a -> names.add(new JsonString(a.label())));
            about = JsonObject.builder().put("learners", new JsonArray(names)).put("learnedTasks", learnedTasks)
                    .put("earlyEpisodes", early).put("lateEpisodes", learned.episodes()).build();
        }
        ProgressBar bar = new ProgressBar(err, s.tasks() + s.productionTasks() + s.recommendationTasks(), ProgressBar.isTerminal(err));
        TrajectoryDataset d = DatasetBuilder.build(s, (j, task) -> extra.getOrDefault(j, List.of()), about,
                j -> bar.advance("dataset", 1, Double.NaN));
        bar.finish();
        d.write(file);
        double best = Double.NEGATIVE_INFINITY;
        double worst = Double.POSITIVE_INFINITY;
        for (int e = 0; e < d.episodes(); e++) {
            best = Math.max(best, d.episodeReturn(e));
            worst = Math.min(worst, d.episodeReturn(e));
        }
        out.printf(Locale.ROOT, "dataset %s: %d episodes x %d steps, %d pricing + %d production + %d recommendation tasks, "
                + "%d behaviour policies, returns %.0f .. %.0f, %.1f s%n", file, d.episodes(), TaskFamily.HORIZON, s.tasks(),
                s.productionTasks(), s.recommendationTasks(),
                d.policies().size(), worst, best,
                (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /**
     * Trains {@code runs} through the experiment layer on {@code threads} threads (files
     * {@code dir/checkpoints/<stem>.ckpt}, {@code dir/models/<stem>.rrpf}), keeping the actors after
     * each episode count of {@code snapshotAt}; null (after the message) when a run diverged.
     */
    private static List<Experiment.Trained> trainAll(List<RunSpec> runs, List<String> stems, int[] snapshotAt, Path dir,
                                                     int threads, String phase, PrintStream err) throws Exception {
        long total = 0;
        for (RunSpec r : runs) {
            total += r.episodes();
        }
        ProgressBar bar = new ProgressBar(err, total, ProgressBar.isTerminal(err));
        Map<String, Double> latest = new ConcurrentHashMap<>();
        List<Callable<Object>> jobs = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunSpec r = runs.get(i);
            String stem = stems.get(i);
            jobs.add(() -> Experiment.train(r, stem, snapshotAt, dir, TrainingDefaults.CHECKPOINT_EVERY * 10, phase, bar,
                    latest, null));
        }
        List<Object> res;
        try {
            res = Experiment.runAll(jobs, threads);
        } catch (ExecutionException e) {
            bar.finish();
            if (e.getCause() instanceof TrainingDivergedException d) {
                err.println("error: " + d.getMessage());
                return null;
            }
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
        bar.finish();
        List<Experiment.Trained> out = new ArrayList<>();
        res.forEach(o -> out.add((Experiment.Trained) o));
        return out;
    }

    private record TrainOptions(DecisionTransformer.Config config, DtTraining.Settings settings, int every) {
    }

    private static TrainOptions trainOptions(Args args, long seed) {
        boolean bc = args.flag("bc");
        int steps = args.integer("steps", 1200, 1, 10_000_000);
        int batch = args.integer("batch", 32, 1, 4096);
        double lr = args.real("lr", 1e-3, 1e-9, 1);
        double wd = args.real("weight-decay", 0.1, 0, 1);
        int width = args.integer("width", 64, 8, 1024);
        int layers = args.integer("layers", 2, 1, 16);
        int heads = args.integer("heads", 4, 1, 64);
        int context = args.integer("context", 10, 1, TaskFamily.HORIZON);
        double dropout = args.real("dropout", 0.1, 0, 0.5);
        int every = args.integer("checkpoint-every", 200, 1, 10_000_000);
        if (width % heads != 0) {
            throw new UsageException("--heads must divide --width " + width + ", got " + heads);
        }
        return new TrainOptions(new DecisionTransformer.Config(width, layers, heads, context, dropout, !bc),
                new DtTraining.Settings(steps, batch, lr, wd, Math.max(0, Math.min(steps - 1, steps / 10)), 1.0, seed), every);
    }

    private int train(Args args, PrintStream out, PrintStream err) throws IOException {
        Path data = required(args, "data");
        Path file = required(args, "out");
        long seed = args.longValue("seed", 1, 0, Long.MAX_VALUE / 4);
        boolean resume = args.flag("resume");
        TrainOptions o = trainOptions(args, seed);
        args.finish();
        TrajectoryDataset d = TrajectoryDataset.read(data);
        DtTraining tr = resume ? DtTraining.resume(file, d) : new DtTraining(o.config(), o.settings(), d);
        return train(tr, file, o.every(), resume ? tr.step() : -1, out, err);
    }

    /**
     * Trains to the planned steps, a checkpoint every {@code every} steps and at the end. A loss or
     * gradient that becomes NaN or infinite stops training with {@link TrainCommand#EXIT_DIVERGED},
     * naming the step and the last good checkpoint (after step {@code lastGood}, -1: none), which is
     * left as it was.
     */
    private static int train(DtTraining tr, Path file, int every, int lastGood, PrintStream out, PrintStream err)
            throws IOException {
        long t0 = System.nanoTime();
        int total = stepsOf(tr);
        ProgressBar bar = new ProgressBar(err, total, ProgressBar.isTerminal(err));
        bar.advance("train", tr.step(), Double.NaN);
        double ema = Double.NaN;
        while (!tr.done()) {
            double l;
            try {
                l = tr.trainStep();
            } catch (ArithmeticException e) {
                bar.finish();
                err.println("error: " + file.getFileName() + ": " + e.getMessage() + "; " + (lastGood < 0
                        ? "no checkpoint had been written yet"
                        : "the last good checkpoint (after step " + lastGood + ") is " + file
                                + " (unchanged; continue with: retail lmm train --resume --data DATA --out " + file + ")"));
                return TrainCommand.EXIT_DIVERGED;
            }
            ema = Double.isNaN(ema) ? l : 0.98 * ema + 0.02 * l;
            bar.advance("train (loss " + String.format(Locale.ROOT, "%.3f", ema) + ")", 1, Double.NaN);
            if (tr.step() % every == 0 || tr.done()) {
                tr.save(file);
                lastGood = tr.step();
            }
        }
        bar.finish();
        out.printf(Locale.ROOT, "trained %s: %d parameters, %d steps, final loss (smoothed) %.4f, %.1f s -> %s%n",
                tr.model().config().returnConditioned() ? "DT" : "BC", tr.model().parameterCount(), tr.step(), ema,
                (System.nanoTime() - t0) / 1e9, file);
        return 0;
    }

    private static int stepsOf(DtTraining tr) {
        int s = tr.step();
        return Math.max(s, tr.plannedSteps());
    }

    private static List<DtTraining.Loaded> load(String list) throws IOException {
        List<DtTraining.Loaded> out = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String p : list.split(",")) {
            out.add(DtTraining.loadModel(Path.of(p.trim())));
        }
        return out;
    }

    private int evaluate(Args args, PrintStream out, PrintStream err) throws Exception {
        Path data = required(args, "data");
        String dtList = args.string("dt", null);
        if (dtList == null) {
            throw new UsageException("--dt is required (one checkpoint per training seed, comma-separated)");
        }
        String bcList = args.string("bc", "");
        int tasks = args.integer("tasks", 6, 1, 1000);
        int production = args.integer("production-tasks", -1, 0, 1000);
        int recommendation = args.integer("recommendation-tasks", -1, 0, 1000);
        int dpVariants = args.integer("dp-variants", 2, 0, TaskFamily.DP_VARIANTS);
        int episodes = args.integer("episodes", 100, 1, 100_000);
        double[] targets = reals("targets", args.string("targets", "0.8,1,1.2"), 0, 10, false);
        long evalSeed = args.longValue("eval-seed", 20261124, 0, Long.MAX_VALUE / 4);
        String dir = args.string("out", null);
        List<Algorithm> algs = algorithms("online", args.string("online", null));
        int onlineEpisodes = args.integer("online-episodes", 300, 1, 1_000_000);
        int onlineSeeds = args.integer("online-seeds", 1, 1, 100);
        int threads = threads(args);
        args.finish();
        if (!algs.isEmpty() && dir == null) {
            throw new UsageException("--online needs --out (the online runs' checkpoints and policy files go to OUT/online)");
        }
        TrajectoryDataset d = TrajectoryDataset.read(data);
        if (production < 0) {
            production = Math.min(tasks, d.meta().getInt("productionTasks", 0));
        }
        if (recommendation < 0) {
            recommendation = Math.min(tasks, d.meta().getInt("recommendationTasks", 0));
        }
        return evaluate(d, load(dtList), load(bcList), tasks, production, recommendation, dpVariants, episodes, targets, evalSeed,
                new Learned(algs, onlineEpisodes, onlineSeeds, threads), dir == null ? null : Path.of(dir), out, err);
    }

    /**
     * The further specialists of every evaluated task: the learners of {@code online} trained on
     * the task itself (seeds 1..N, files under {@code dir/online}), and the exact DP where the task
     * is a small instance of docs/model.md §1.9. Null when a training run diverged.
     */
    static LmmEvaluation.Specialists specialists(long taskSeed, int tasks, Learned online, Path dir, PrintStream err)
            throws Exception {
        Map<String, List<RecurrentNet>> actors = new LinkedHashMap<>();
        if (online.any()) {
            List<RunSpec> runs = new ArrayList<>();
            List<String> stems = new ArrayList<>();
            for (TaskFamily.Split split : TaskFamily.Split.values()) {
                for (int j = 0; j < tasks; j++) {
                    PricingScenario task = TaskFamily.task(taskSeed, split, j);
                    for (Algorithm a : online.algorithms()) {
                        for (int seed = 1; seed <= online.seeds(); seed++) {
                            runs.add(new RunSpec(a, task, Presets.PRICING_COPIES, seed, online.episodes(), a.defaults()));
                            stems.add(onlineStem(a, split, j, seed));
                        }
                    }
                }
            }
            List<Experiment.Trained> trained = trainAll(runs, stems, new int[0], dir.resolve("online"), online.threads(),
                    "train online specialists", err);
            if (trained == null) {
                return null;
            }
            for (int i = 0; i < stems.size(); i++) {
                actors.put(stems.get(i), trained.get(i).actors());
            }
        }
        return (split, j, task) -> {
            List<LmmEvaluation.Specialist> out = new ArrayList<>();
            // The online runs were trained on the family's tasks; a small variant (capped stock) has none.
            for (Algorithm a : task.capped() ? List.<Algorithm>of() : online.algorithms()) {
                List<BatchPricingPolicy> ps = new ArrayList<>();
                for (int seed = 1; seed <= online.seeds(); seed++) {
                    ps.add(new LearnedPricingPolicy(display(a), actors.get(onlineStem(a, split, j, seed)), true, 0));
                }
                out.add(new LmmEvaluation.Specialist(display(a) + " online (" + online.episodes() + " ep.)", ps));
            }
            EvaluateCommand.Exact exact = EvaluateCommand.Exact.of(task);
            if (exact != null) {
                out.add(new LmmEvaluation.Specialist("DP", List.copyOf(exact.candidate().perSeed())));
            }
            return out;
        };
    }

    private static String onlineStem(Algorithm a, TaskFamily.Split split, int j, int seed) {
        return a.label() + "-" + (split == TaskFamily.Split.SEEN ? "seen" : "heldout") + j + "-seed" + seed;
    }

    private static int evaluate(TrajectoryDataset d, List<DtTraining.Loaded> dt, List<DtTraining.Loaded> bc, int tasks,
                                int production, int recommendation, int dpVariants, int episodes, double[] targets, long evalSeed, Learned online, Path dir, PrintStream out,
                                PrintStream err) throws Exception {
        long t0 = System.nanoTime();
        long seed = d.meta().getLong("seed");
        int seen = d.meta().getInt("tasks");
        if (tasks > seen) {
            throw new UsageException("--tasks must be at most the dataset's " + seen + " seen tasks, got " + tasks);
        }
        int seenProduction = d.meta().getInt("productionTasks", 0);
        if (production > seenProduction) {
            throw new UsageException("--production-tasks must be at most the dataset's " + seenProduction
                    + " seen production tasks, got " + production);
        }
        int seenRecommendation = d.meta().getInt("recommendationTasks", 0);
        if (recommendation > seenRecommendation) {
            throw new UsageException("--recommendation-tasks must be at most the dataset's " + seenRecommendation
                    + " seen recommendation tasks, got " + recommendation);
        }
        LmmEvaluation.Specialists extra = specialists(seed, tasks, online, dir, err);
        if (extra == null) {
            return TrainCommand.EXIT_DIVERGED;
        }
        ProgressBar bar = new ProgressBar(err, 2L * (tasks + production + recommendation) + dpVariants, ProgressBar.isTerminal(err));
        List<LmmEvaluation.TaskResult> rs = LmmEvaluation.run(new LmmEvaluation.Settings(seed, tasks, episodes, evalSeed, targets,
                        production, dpVariants, recommendation),
                dt, bc, extra, LmmEvaluation.bestLogged(d), r -> bar.advance("evaluate", 1, Double.NaN));
        bar.finish();
        String table = LmmReport.table(rs, targets, dt.size(), bc.size());
        out.print(table);
        out.printf(Locale.ROOT, "evaluated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        if (dir != null) {
            Files.createDirectories(dir);
            LmmReport.write(dir, rs, targets, table);
            out.println("report: " + dir.resolve("report.html"));
        }
        return 0;
    }

    private int runAll(Args args, PrintStream out, PrintStream err) throws Exception {
        Path dir = Path.of(args.string("dir", "runs/lmm"));
        List<Long> seeds = SeedList.parse(args.string("seeds", "2"));
        List<Algorithm> learned = algorithms("learned", args.string("learned", "fsda"));
        int learnedTasks = args.integer("learned-tasks", 4, 1, 16);
        int learnedEpisodes = args.integer("learned-episodes", 100, 2, 1_000_000);
        List<Algorithm> online = algorithms("online", args.string("online", "fsda,ppo-joint"));
        int onlineEpisodes = args.integer("online-episodes", 100, 1, 1_000_000);
        int threads = threads(args);
        args.finish();
        Files.createDirectories(dir);
        Path data = dir.resolve("dataset.rlmd");
        int code = writeDataset(data, new DatasetBuilder.Settings(1, 16, 10, new double[] {0.3}, 4, 4),
                new Learned(learned, learnedEpisodes, 1, threads), learnedTasks, out, err);
        if (code != 0) {
            return code;
        }
        TrajectoryDataset d = TrajectoryDataset.read(data);
        List<DtTraining.Loaded> dt = new ArrayList<>();
        List<DtTraining.Loaded> bc = new ArrayList<>();
        for (long s : seeds) {
            for (boolean conditioned : new boolean[] {true, false}) {
                TrainOptions o = trainOptions(new Args(conditioned ? List.of("--steps", "600")
                        : List.of("--steps", "600", "--bc")), s);
                Path ck = dir.resolve((conditioned ? "dt" : "bc") + "-seed" + s + ".ckpt");
                code = train(new DtTraining(o.config(), o.settings(), d), ck, o.every(), -1, out, err);
                if (code != 0) {
                    return code;
                }
                (conditioned ? dt : bc).add(DtTraining.loadModel(ck));
            }
        }
        return evaluate(d, dt, bc, 4, 2, 2, 0, 50, new double[] {0.8, 1, 1.2}, 20261124, new Learned(online, onlineEpisodes, 1, threads),
                dir, out, err);
    }
}
