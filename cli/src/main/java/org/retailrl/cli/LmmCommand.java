package org.retailrl.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.retailrl.algorithms.eval.Summary;
import org.retailrl.algorithms.lmm.DatasetBuilder;
import org.retailrl.algorithms.lmm.DecisionTransformer;
import org.retailrl.algorithms.lmm.DtTraining;
import org.retailrl.algorithms.lmm.LmmEvaluation;
import org.retailrl.algorithms.lmm.TaskFamily;
import org.retailrl.algorithms.lmm.TrajectoryDataset;

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
                usage: retail lmm dataset  --out FILE [--tasks N] [--episodes E] [--eps e1,e2] [--seed S]
                       retail lmm train    --data FILE --out CKPT [--seed S] [--bc] [--steps N] [--batch B]
                                           [--width d] [--layers n] [--heads h] [--context K] [--dropout p]
                                           [--lr a] [--weight-decay w] [--checkpoint-every N] [--resume]
                       retail lmm evaluate --data FILE --dt CKPT[,CKPT...] [--bc CKPT[,CKPT...]] [--tasks N]
                                           [--episodes E] [--targets k1,k2,..] [--eval-seed S] [--out DIR]
                       retail lmm run      [--dir DIR] [--seeds N|list] (small default: 16 tasks, DT and BC of 600 steps per
                                           seed, default 2 seeds; evaluated on 4 + 4 tasks x 50 episodes)

                The task family (docs/model.md §6.4): the pricing-and-replenishment problem of docs/model.md §1
                over 50 periods with drawn unit cost c in [7, 13], holding cost h in [0.5, 1.5], shortage
                cost b in [2, 8], fixed order cost K in {0, 20}, lead time 1..3, lost sales or backlog,
                undercutting or uniform competitor, market size 600..1000. Held-out tasks draw c in [13, 15],
                market size 1000..1200 and lead time 1..4.

                dataset: per seen task, the eight heuristics of docs/model.md §8.10 fitted to it, each played
                greedily and with each noise level eps, plus the random policy.
                  --tasks     seen tasks, 1..1000                                   (default 16)
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
                evaluate: on --tasks seen and --tasks held-out tasks (default 6 each), --episodes per policy
                  (default 100, common random numbers, seed --eval-seed, default 20261124); the DT is
                  conditioned on H + (k - 1)|H| for each k of --targets (default 0.8,1,1.2), H the best
                  heuristic's mean return on that task. Scores: 100 (R - random)/(H - random).""";
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

    private int dataset(Args args, PrintStream out, PrintStream err) throws IOException {
        Path file = required(args, "out");
        int tasks = args.integer("tasks", 16, 1, 1000);
        int episodes = args.integer("episodes", 10, 1, 10_000);
        double[] eps = reals("eps", args.string("eps", "0.3"), 0, 1, true);
        long seed = args.longValue("seed", 1, 0, Long.MAX_VALUE / 4);
        args.finish();
        return writeDataset(file, new DatasetBuilder.Settings(seed, tasks, episodes, eps), out, err);
    }

    private static int writeDataset(Path file, DatasetBuilder.Settings s, PrintStream out, PrintStream err) throws IOException {
        long t0 = System.nanoTime();
        ProgressBar bar = new ProgressBar(err, s.tasks(), ProgressBar.isTerminal(err));
        TrajectoryDataset d = DatasetBuilder.build(s, j -> bar.advance("dataset", 1, Double.NaN));
        bar.finish();
        d.write(file);
        double best = Double.NEGATIVE_INFINITY;
        double worst = Double.POSITIVE_INFINITY;
        for (int e = 0; e < d.episodes(); e++) {
            best = Math.max(best, d.episodeReturn(e));
            worst = Math.min(worst, d.episodeReturn(e));
        }
        out.printf(Locale.ROOT, "dataset %s: %d episodes x %d steps, %d tasks, %d behaviour policies, returns %.0f .. %.0f, %.1f s%n",
                file, d.episodes(), TaskFamily.HORIZON, s.tasks(), d.policies().size(), worst, best,
                (System.nanoTime() - t0) / 1e9);
        return 0;
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
        return train(tr, file, o.every(), out, err);
    }

    private static int train(DtTraining tr, Path file, int every, PrintStream out, PrintStream err) throws IOException {
        long t0 = System.nanoTime();
        int total = stepsOf(tr);
        ProgressBar bar = new ProgressBar(err, total, ProgressBar.isTerminal(err));
        bar.advance("train", tr.step(), Double.NaN);
        double ema = Double.NaN;
        while (!tr.done()) {
            double l = tr.trainStep();
            ema = Double.isNaN(ema) ? l : 0.98 * ema + 0.02 * l;
            bar.advance("train (loss " + String.format(Locale.ROOT, "%.3f", ema) + ")", 1, Double.NaN);
            if (tr.step() % every == 0 || tr.done()) {
                tr.save(file);
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

    private int evaluate(Args args, PrintStream out, PrintStream err) throws IOException {
        Path data = required(args, "data");
        String dtList = args.string("dt", null);
        if (dtList == null) {
            throw new UsageException("--dt is required (one checkpoint per training seed, comma-separated)");
        }
        String bcList = args.string("bc", "");
        int tasks = args.integer("tasks", 6, 1, 1000);
        int episodes = args.integer("episodes", 100, 1, 100_000);
        double[] targets = reals("targets", args.string("targets", "0.8,1,1.2"), 0, 10, false);
        long evalSeed = args.longValue("eval-seed", 20261124, 0, Long.MAX_VALUE / 4);
        String dir = args.string("out", null);
        args.finish();
        TrajectoryDataset d = TrajectoryDataset.read(data);
        return evaluate(d, load(dtList), load(bcList), tasks, episodes, targets, evalSeed, dir == null ? null : Path.of(dir),
                out, err);
    }

    private static int evaluate(TrajectoryDataset d, List<DtTraining.Loaded> dt, List<DtTraining.Loaded> bc, int tasks,
                                int episodes, double[] targets, long evalSeed, Path dir, PrintStream out, PrintStream err)
            throws IOException {
        long t0 = System.nanoTime();
        long seed = d.meta().getLong("seed");
        int seen = d.meta().getInt("tasks");
        if (tasks > seen) {
            throw new UsageException("--tasks must be at most the dataset's " + seen + " seen tasks, got " + tasks);
        }
        ProgressBar bar = new ProgressBar(err, 2L * tasks, ProgressBar.isTerminal(err));
        List<LmmEvaluation.TaskResult> rs = LmmEvaluation.run(new LmmEvaluation.Settings(seed, tasks, episodes, evalSeed, targets),
                dt, bc, r -> bar.advance("evaluate", 1, Double.NaN));
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

    private int runAll(Args args, PrintStream out, PrintStream err) throws IOException {
        Path dir = Path.of(args.string("dir", "runs/lmm"));
        List<Long> seeds = SeedList.parse(args.string("seeds", "2"));
        args.finish();
        Files.createDirectories(dir);
        Path data = dir.resolve("dataset.rlmd");
        writeDataset(data, new DatasetBuilder.Settings(1, 16, 10, new double[] {0.3}), out, err);
        TrajectoryDataset d = TrajectoryDataset.read(data);
        List<DtTraining.Loaded> dt = new ArrayList<>();
        List<DtTraining.Loaded> bc = new ArrayList<>();
        for (long s : seeds) {
            for (boolean conditioned : new boolean[] {true, false}) {
                TrainOptions o = trainOptions(new Args(conditioned ? List.of("--steps", "600")
                        : List.of("--steps", "600", "--bc")), s);
                Path ck = dir.resolve((conditioned ? "dt" : "bc") + "-seed" + s + ".ckpt");
                train(new DtTraining(o.config(), o.settings(), d), ck, o.every(), out, err);
                (conditioned ? dt : bc).add(DtTraining.loadModel(ck));
            }
        }
        return evaluate(d, dt, bc, 4, 50, new double[] {0.8, 1, 1.2}, 20261124, dir, out, err);
    }
}
