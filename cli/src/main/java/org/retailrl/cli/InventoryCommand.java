package org.retailrl.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.retailrl.algorithms.checkpoint.Algorithm;
import org.retailrl.algorithms.checkpoint.ResumableTrainer;
import org.retailrl.algorithms.checkpoint.RunSpec;
import org.retailrl.algorithms.eval.Summary;
import org.retailrl.algorithms.inventory.InventoryEvaluation;
import org.retailrl.algorithms.inventory.LearnedResult;
import org.retailrl.algorithms.inventory.HeuristicResult;
import org.retailrl.algorithms.inventory.LostSalesComparison;
import org.retailrl.algorithms.inventory.LostSalesHeuristics;
import org.retailrl.algorithms.inventory.LostSalesSimulation;
import org.retailrl.algorithms.inventory.LostSalesSolution;
import org.retailrl.algorithms.inventory.LostSalesSolver;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.LearnerConfigJson;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.nn.RecurrentNet;
import org.retailrl.core.json.Json;
import org.retailrl.envs.inventory.DemandLaw;
import org.retailrl.envs.inventory.LostSalesScenario;
import org.retailrl.envs.inventory.LostSalesScenarioJson;

/**
 * {@code retail inventory solve|heuristics|compare|train}: the classic inventory problems of
 * docs/model.md §7 — exact optimum, the practitioners' heuristics and their gaps, one instance or
 * Zipkin's (2008) whole lost-sales test bed ({@code --table zipkin}); PPO on the learner core
 * ({@code train}, and {@code compare --learn}), trained through the checkpointed {@link TrainingJob}
 * path and scored by simulation against the optimal policy on common random numbers.
 */
final class InventoryCommand implements Command {
    /** Rounds between checkpoints of an inventory training run. */
    static final int CHECKPOINT_EVERY = 50;

    @Override
    public String name() {
        return "inventory";
    }

    @Override
    public String summary() {
        return "classic inventory problems: exact optimum, heuristics, Zipkin's lost-sales table (docs/model.md §7)";
    }

    @Override
    public String usage() {
        return String.format(Locale.ROOT, """
                usage: retail inventory solve|heuristics|compare|train [--problem lost-sales|dual-sourcing|serial|owmr]
                                 [--demand poisson|geometric] [--mean M] [--penalty p] [--lead L] [--holding h]
                                 [--scenario FILE] [--table zipkin] [--check N] [--out DIR]
                                 [--learn] [--episodes N] [--copies N] [--seed N] [--horizon T] [--preset NAME]
                                 [--config run.json] [--checkpoint-every N] [--threads N]

                  solve       exact long-run average cost per period (relative value iteration on the
                              pipeline state; state bound, states, sweeps and solve time are printed)
                  heuristics  standard / best / capped base-stock, constant order, myopic, myopic2, each
                              fitted and scored exactly on its own Markov chain
                  compare     both, with every heuristic's gap to the optimum; writes table.txt, table.csv,
                              result.json and report.html into --out; with --learn also PPO per instance
                  train       PPO on one instance, then its simulated average cost and gap to the optimum.
                              lost sales: through the checkpointed training path (DIR/ppo-lost-sales-
                              seed<N>.ckpt, .rrpf policy file, -curve.csv, config.json; `retail resume`
                              continues a killed run), gap paired with the optimal policy on common random
                              numbers; dual-sourcing (example, --lead = l_r in 1..4) and serial (example):
                              trained in memory (config.json, curve.csv, result.txt into --out), gap to the
                              exact optimum (serial: paired with the Clark-Scarf policy)

                  --problem   lost-sales (default), dual-sourcing, serial, owmr (one warehouse, several
                              retailers: lower bound and base-stock heuristics fitted by simulation)
                  --demand    poisson or geometric                                (default poisson)
                  --mean      mean demand per period, (0, 1000]                   (default 5)
                  --penalty   lost-sales penalty p >= 0                           (default 9)
                  --lead      lead time L, 0..50                                  (default 2)
                  --holding   holding cost h >= 0                                 (default 1)
                  --scenario  a lost-sales (or, with --problem owmr, an OWMR) scenario JSON file
                  --table     zipkin: the 32 instances of Zipkin (2008): Poisson and geometric demand of
                              mean 5, h = 1, p in {4, 9, 19, 39}, L in {1, 2, 3, 4}
                  --check     solve: simulate the optimal policy for N periods x 200 copies (seed 1)
                  --out       report folder     (default runs/inventory-<problem>-<time>)

                learning (train, and compare --learn; preset ppo-inventory, docs/inventory.md):
                  --learn             compare: train and score PPO on every instance too
                  --episodes          training rounds per instance, 1..10000000        (default %d)
                  --copies            environment copies per round, 1..4096            (default %d)
                  --seed              training seed, 1..1000000                        (default 1)
                  --horizon           periods per training episode T, 1..100000 (default 100; a --scenario
                                      file keeps its own)
                  --preset, --config  hyperparameters: a preset of `retail train`, members overridden by a
                                      JSON file                                        (default ppo-inventory)
                  --checkpoint-every  rounds between checkpoints, 1..10000000          (default %d)
                  --threads           compare: instances run in parallel; train: rollout threads; results
                                      do not depend on it                              (default min(2, cores))
                The learned policy is scored greedily (and sampled) over %d copies x %d periods after %d
                of burn-in, paired with the optimal policy on the same demands (evaluation seed %d).""",
                Presets.INVENTORY_ROUNDS, Presets.INVENTORY_COPIES, CHECKPOINT_EVERY, InventoryEvaluation.COPIES,
                InventoryEvaluation.PERIODS, InventoryEvaluation.BURN_IN, TrainingDefaults.EVAL_SEED);
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        List<String> words = args.positional();
        if (words.size() != 1) {
            throw new UsageException("give one action: solve, heuristics, compare or train; got " + words);
        }
        String action = words.get(0);
        String problem = args.string("problem", "lost-sales");
        if (!List.of("solve", "heuristics", "compare", "train").contains(action)) {
            throw new UsageException("action must be solve, heuristics, compare or train, got '" + action + "'");
        }
        return switch (problem) {
            case "lost-sales" -> lostSales(action, args, out, err);
            case "dual-sourcing", "serial" -> action.equals("train") ? trainNetwork(problem, args, out, err)
                    : InventoryNetworks.run(problem, action, args, out, err);
            case "owmr" -> {
                if (action.equals("train")) {
                    throw new UsageException("train is available for --problem lost-sales, dual-sourcing and serial, "
                            + "got '" + problem + "'");
                }
                yield InventoryNetworks.run(problem, action, args, out, err);
            }
            default -> throw new UsageException("--problem must be lost-sales, dual-sourcing, serial or owmr, got '"
                    + problem + "'");
        };
    }

    /** The learning options of {@code train} and {@code compare --learn}. */
    private record Learning(boolean on, int episodes, int copies, long seed, LearnerConfig config, int every,
            int threads) {
    }

    private int lostSales(String action, Args args, PrintStream out, PrintStream err) throws Exception {
        String table = args.string("table", null);
        String scenarioFile = args.string("scenario", null);
        String demand = args.string("demand", "poisson");
        double mean = args.real("mean", 5, 1e-9, 1000);
        double penalty = args.real("penalty", 9, 0, 1e9);
        int lead = args.integer("lead", 2, 0, LostSalesScenario.MAX_LEAD);
        double holding = args.real("holding", 1, 0, 1e9);
        int horizon = args.integer("horizon", 100, 1, 100_000);
        int check = args.integer("check", 0, 0, 100_000_000);
        String outDir = args.string("out", null);
        Learning learning = learning(action, args);
        args.finish();
        List<LostSalesScenario> instances = new ArrayList<>();
        if (table != null) {
            if (!table.equals("zipkin")) {
                throw new UsageException("--table must be zipkin, got '" + table + "'");
            }
            if (!action.equals("compare")) {
                throw new UsageException("--table needs the compare action");
            }
            for (LostSalesScenario z : LostSalesComparison.zipkinInstances()) {
                instances.add(withHorizon(z, horizon));
            }
        } else if (scenarioFile != null) {
            instances.add(LostSalesScenarioJson.load(Path.of(scenarioFile)));
        } else {
            DemandLaw law = switch (demand) {
                case "poisson" -> DemandLaw.poisson(mean);
                case "geometric" -> DemandLaw.geometric(mean);
                default -> throw new UsageException("--demand must be poisson or geometric, got '" + demand + "'");
            };
            instances.add(new LostSalesScenario(law, lead, holding, penalty, 0, law.max(), horizon, 0,
                    new int[Math.max(lead - 1, 0)]));
        }
        if (action.equals("train")) {
            return train(instances.get(0), learning, outDir, out, err);
        }
        switch (action) {
            case "solve" -> {
                LostSalesScenario s = instances.get(0);
                LostSalesSolution sol = LostSalesSolver.solve(s);
                out.println(s);
                out.printf(Locale.ROOT, "optimal average cost per period: %.4f  (certified bracket [%.7f, %.7f])%n",
                        sol.cost(), sol.lower(), sol.upper());
                out.printf(Locale.ROOT, "state bound B = %d (backorder base-stock level %d), %d states, %d sweeps, "
                        + "%.3f s%n", sol.bound(), sol.standardLevel(), sol.states(), sol.sweeps(), sol.seconds());
                if (check > 0) {
                    Summary sim = LostSalesSimulation.simulate(s, sol.policy(), 200, 1000, check, 1);
                    out.printf(Locale.ROOT, "simulation, 200 copies x %d periods after 1000: %.4f +- %.4f (95%%) -> %s%n",
                            check, sim.mean(), sim.halfWidth(), sim.covers(sol.cost()) ? "covers the optimum"
                                    : "does NOT cover the optimum");
                }
            }
            case "heuristics" -> {
                LostSalesScenario s = instances.get(0);
                out.println(s);
                for (HeuristicResult h : LostSalesHeuristics.all(s, LostSalesSolver.solve(s).bound())) {
                    out.printf(Locale.ROOT, "  %-20s %-12s %10.4f   (%d policies evaluated, %.2f s)%n", h.name(),
                            h.parameters(), h.cost(), h.evaluations(), h.seconds());
                }
            }
            default -> {
                long t0 = System.nanoTime();
                Path dir = Path.of(outDir != null ? outDir : "runs/inventory-lost-sales-" + TrainCommand.timestamp());
                // Locked while this run writes it (see OutputFolder).
                try (OutputFolder claimed = OutputFolder.claim(err, dir)) {
                    List<LostSalesComparison> rows = compare(instances, learning, dir, err);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    String text = InventoryReport.lostSalesText(rows);
                    out.print(text);
                    InventoryReport.writeLostSales(dir, rows, text, secs, table != null ? "zipkin" : "single");
                    if (learning.on()) {
                        Experiment.writeConfigs(dir, Map.of(Algorithm.PPO_LOST_SALES.label(), learning.config()));
                    }
                    out.printf(Locale.ROOT, "wall time %.1f s; report in %s%n", secs, dir);
                }
            }
        }
        return 0;
    }

    /**
     * {@code train --problem dual-sourcing|serial}: one PPO run on the example instance (in memory:
     * these problems have no scenario file for checkpoints), then its greedy and sampled policies
     * simulated over the evaluation copies against the exact optimum — the optimal cost for dual
     * sourcing, the Clark–Scarf policy on the same demands for the serial system.
     */
    private static int trainNetwork(String problem, Args args, PrintStream out, PrintStream err) throws Exception {
        int lead = problem.equals("dual-sourcing") ? args.integer("lead", 2, 1, 4) : 0;
        String outDir = args.string("out", null);
        Learning l = learning("train", args);
        if (l.every() != CHECKPOINT_EVERY) {
            throw new UsageException("--checkpoint-every applies to --problem lost-sales only: " + problem
                    + " trains in memory without checkpoints");
        }
        args.finish();
        InventoryNetworks.Learned r = InventoryNetworks.train(problem, lead, l.episodes(), l.copies(), l.seed(),
                l.config(), l.threads(), err);
        out.print(r.text());
        if (outDir != null) {
            Path dir = Path.of(outDir);
            java.nio.file.Files.createDirectories(dir);
            Json.writeFile(dir.resolve("config.json"), LearnerConfigJson.toJson(l.config()));
            org.retailrl.core.io.AtomicFiles.writeString(dir.resolve("result.txt"), r.text());
            org.retailrl.core.io.AtomicFiles.writeString(dir.resolve("curve.csv"), r.curve());
            out.println("results in " + dir);
        }
        return 0;
    }

    /** {@code s} with training episodes of {@code horizon} periods. */
    private static LostSalesScenario withHorizon(LostSalesScenario s, int horizon) {
        return new LostSalesScenario(s.demand(), s.leadTime(), s.holdingCost(), s.penaltyCost(), s.unitCost(),
                s.maxOrder(), horizon, s.initialInventory(), s.initialPipeline());
    }

    /** The learning options; read only by train and compare --learn, so elsewhere they are refused as unknown. */
    private static Learning learning(String action, Args args) throws java.io.IOException {
        boolean on = action.equals("train") || action.equals("compare") && args.flag("learn");
        if (!on) {
            return new Learning(false, 0, 0, 0, null, 1, 1);
        }
        int episodes = args.integer("episodes", Presets.INVENTORY_ROUNDS, 1, 10_000_000);
        int copies = args.integer("copies", Presets.INVENTORY_COPIES, 1, 4096);
        long seed = args.longValue("seed", 1, 1, 1_000_000);
        String preset = args.string("preset", null);
        String configFile = args.string("config", null);
        int every = args.integer("checkpoint-every", CHECKPOINT_EVERY, 1, 10_000_000);
        int threads = args.integer("threads", Math.min(2, Runtime.getRuntime().availableProcessors()), 1, 64);
        LearnerConfig config = TrainCommand.resolveConfig(Algorithm.PPO_LOST_SALES, preset, configFile);
        return new Learning(on, episodes, copies, seed, config, every, threads);
    }

    private static RunSpec runSpec(LostSalesScenario s, Learning l) {
        try {
            return new RunSpec(Algorithm.PPO_LOST_SALES, s, l.copies(), l.seed(), l.episodes(), l.config());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** A folder name for instance {@code s}: {@code <law>-<mean>-p<p>-L<L>}. */
    static String slug(LostSalesScenario s) {
        return s.demand().label().replace("(", "-").replace(")", "").replaceAll("[^A-Za-z0-9.,-]", "") + "-p"
                + InventoryReport.num(s.penaltyCost()) + "-L" + s.leadTime();
    }

    /**
     * Every instance's optimum and heuristics, and with learning its PPO run (trained through
     * {@link Experiment#train}, checkpoints and policy files under {@code dir/ppo/<instance>}) scored
     * against the optimal policy; instances are tasks on {@code threads} threads, stored by index.
     */
    private static List<LostSalesComparison> compare(List<LostSalesScenario> instances, Learning l, Path dir,
            PrintStream err) throws Exception {
        ProgressBar bar = l.on() ? new ProgressBar(err, (long) instances.size() * l.episodes(),
                ProgressBar.isTerminal(err)) : null;
        Map<String, Double> latest = new java.util.concurrent.ConcurrentHashMap<>();
        List<java.util.concurrent.Callable<Object>> jobs = new ArrayList<>();
        for (int k = 0; k < instances.size(); k++) {
            LostSalesScenario s = instances.get(k);
            String tag = String.format(Locale.ROOT, "[%d/%d] %s, p = %s, L = %d", k + 1, instances.size(),
                    s.demand().label(), InventoryReport.num(s.penaltyCost()), s.leadTime());
            RunSpec run = l.on() ? runSpec(s, l) : null;
            jobs.add(() -> {
                if (!l.on() && instances.size() > 1) {
                    err.println(tag);
                }
                LostSalesComparison row = LostSalesComparison.run(s);
                if (run == null) {
                    return row;
                }
                long t0 = System.nanoTime();
                Experiment.Trained tr = Experiment.train(run, dir.resolve("ppo").resolve(slug(s)), l.every(),
                        "train ppo on " + instances.size() + " instance(s)", bar, latest, null);
                double secs = (System.nanoTime() - t0) / 1e9;
                return row.withLearned(InventoryEvaluation.scoreLostSales(s, row.optimum().policy(),
                        tr.actors().get(0), "ppo", run.episodes(), run.copies(), secs, TrainingDefaults.EVAL_SEED));
            });
        }
        List<Object> done = Experiment.runAll(jobs, l.threads());
        if (bar != null) {
            bar.finish();
        }
        List<LostSalesComparison> rows = new ArrayList<>();
        for (Object o : done) {
            rows.add((LostSalesComparison) o);
        }
        return rows;
    }

    /** {@code train}: one PPO run through the checkpointed path, then its score against the optimum. */
    private static int train(LostSalesScenario s, Learning l, String outDir, PrintStream out, PrintStream err)
            throws Exception {
        RunSpec run = runSpec(s, l);
        Path dir = Path.of(outDir != null ? outDir : "runs/inventory-train-" + slug(s) + "-seed" + l.seed() + "-"
                + TrainCommand.timestamp());
        // Locked while this run writes it: a second run into the same folder is refused, and
        // temporary files a killed write left there are removed.
        try (OutputFolder claimed = OutputFolder.claim(err, dir)) {
            Json.writeFile(dir.resolve("config.json"), LearnerConfigJson.toJson(run.config()));
            out.println(s);
            long t0 = System.nanoTime();
            RecurrentNet actor;
            try (ResumableTrainer t = ResumableTrainer.start(run)) {
                t.setThreads(l.threads());
                int rc = TrainCommand.train(t, TrainingJob.Outputs.of(run, dir, dir), l.every(), null, out, err, null);
                if (rc != 0) {
                    return rc;
                }
                actor = t.actors().get(0);
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            LostSalesSolution opt = LostSalesSolver.solve(s);
            LearnedResult r = InventoryEvaluation.scoreLostSales(s, opt.policy(), actor, "ppo", run.episodes(),
                    run.copies(), secs, TrainingDefaults.EVAL_SEED);
            out.printf(Locale.ROOT, "optimal average cost per period: %.4f (exact); simulated %.4f +- %.4f%n", opt.cost(),
                    r.optimal().mean(), r.optimal().halfWidth());
            out.printf(Locale.ROOT, "ppo greedy:  %.4f +- %.4f, gap to the optimal policy %+.2f%% +- %.2f%%%n",
                    r.greedy().mean(), r.greedy().halfWidth(), r.greedyGap().improvementPct(),
                    r.greedyGap().improvementHalfWidthPct());
            out.printf(Locale.ROOT, "ppo sampled: %.4f +- %.4f, gap to the optimal policy %+.2f%% +- %.2f%%%n",
                    r.sampled().mean(), r.sampled().halfWidth(), r.sampledGap().improvementPct(),
                    r.sampledGap().improvementHalfWidthPct());
            out.printf(Locale.ROOT, "(%d copies x %d periods after %d of burn-in, evaluation seed %d, common random "
                    + "numbers)%n", InventoryEvaluation.COPIES, InventoryEvaluation.PERIODS, InventoryEvaluation.BURN_IN,
                    TrainingDefaults.EVAL_SEED);
            return 0;
        }
    }
}
