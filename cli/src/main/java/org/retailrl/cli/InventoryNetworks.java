package org.retailrl.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.retailrl.algorithms.eval.Summary;
import org.retailrl.algorithms.inventory.ClarkScarf;
import org.retailrl.algorithms.inventory.DualSourcingDp;
import org.retailrl.algorithms.eval.PairedComparison;
import org.retailrl.algorithms.inventory.DualSourcingAgentEnv;
import org.retailrl.algorithms.inventory.HeuristicResult;
import org.retailrl.algorithms.inventory.InventoryAgentEnv;
import org.retailrl.algorithms.inventory.InventoryEvaluation;
import org.retailrl.algorithms.inventory.InventoryLearners;
import org.retailrl.algorithms.inventory.SerialAgentEnv;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.algorithms.inventory.Owmr;
import org.retailrl.cli.report.HtmlReport;
import org.retailrl.core.io.AtomicFiles;
import org.retailrl.envs.inventory.DualSourcingScenario;
import org.retailrl.envs.inventory.OwmrScenario;
import org.retailrl.envs.inventory.OwmrScenarioJson;
import org.retailrl.envs.inventory.SerialScenario;

/**
 * The dual-sourcing, serial and one-warehouse multi-retailer parts of {@code retail inventory}
 * (docs/model.md §7): the example instances ({@link DualSourcingScenario#example},
 * {@link SerialScenario#example}, {@link OwmrScenario#example} or an OWMR scenario file), their exact
 * optimum or lower bound and the heuristics; {@code compare} writes {@code table.txt} and {@code report.html}
 * (atomically) into the report folder.
 */
final class InventoryNetworks {
    /** Simulation size of the serial checks: copies, burn-in and measured periods. */
    static final int COPIES = 64;
    static final int BURN_IN = 200;
    static final int PERIODS = 2000;

    private InventoryNetworks() {
    }

    static int run(String problem, String action, Args args, PrintStream out, PrintStream err) throws Exception {
        String lead = args.string("lead", null);
        String outDir = args.string("out", null);
        String scenarioFile = problem.equals("owmr") ? args.string("scenario", null) : null;
        args.finish();
        long t0 = System.nanoTime();
        StringBuilder text = new StringBuilder();
        HtmlReport html;
        if (problem.equals("dual-sourcing")) {
            int[] leads = lead != null ? new int[] {parseLead(lead)}
                    : action.equals("compare") ? new int[] {2, 3, 4} : new int[] {2};
            html = new HtmlReport("Dual sourcing: exact optimum and heuristics");
            html.paragraph("docs/model.md §7. Demand uniform on 0..4, expedited lead time 0, c_r = 100, c_e = 105, h = 5, "
                    + "b = 495 (backlog), orders up to 8 per source. Long-run average cost per period; the optimum is "
                    + "relative value iteration on the reduced state, every heuristic is fitted and scored exactly.");
            List<List<String>> rows = new ArrayList<>();
            for (int lr : leads) {
                DualSourcingScenario s = DualSourcingScenario.example(lr);
                DualSourcingDp dp = new DualSourcingDp(s);
                DualSourcingDp.Solution sol = action.equals("heuristics") ? null : dp.solve(1e-7);
                text.append(s).append('\n');
                if (sol != null) {
                    text.append(String.format(Locale.ROOT, "  %-22s %-22s %10.4f   (%d states, %d sweeps, %.2f s)%n",
                            "optimal", "l_r - l_e = " + dp.leadDifference(), sol.cost(), sol.states(), sol.sweeps(),
                            sol.seconds()));
                    rows.add(List.of(Integer.toString(lr), "optimal", "", String.format(Locale.ROOT, "%.2f", sol.cost()),
                            "0.00"));
                }
                if (!action.equals("solve")) {
                    for (HeuristicResult h : dp.heuristics(1e-7)) {
                        String gap = sol == null ? "" : String.format(Locale.ROOT, "%+.2f%%", h.gapPercent(sol.cost()));
                        text.append(String.format(Locale.ROOT, "  %-22s %-22s %10.4f %s%n", h.name(), h.parameters(),
                                h.cost(), gap));
                        rows.add(List.of(Integer.toString(lr), h.name(), h.parameters(),
                                String.format(Locale.ROOT, "%.2f", h.cost()),
                                sol == null ? "" : String.format(Locale.ROOT, "%.2f", h.gapPercent(sol.cost()))));
                    }
                }
            }
            html.table("Average cost per period by regular lead time", List.of("l_r", "policy", "parameters", "cost",
                    "gap %"), rows);
        } else if (problem.equals("owmr")) {
            OwmrScenario s = scenarioFile != null ? OwmrScenarioJson.load(Path.of(scenarioFile)) : OwmrScenario.example();
            html = owmr(s, action, text);
        } else {
            SerialScenario s = SerialScenario.example();
            html = new HtmlReport("Serial supply chain: Clark–Scarf optimum and echelon base-stock");
            html.paragraph("docs/model.md §7. " + s + ". The optimum is the Clark–Scarf decomposition (exact); the echelon "
                    + "base-stock heuristic is fitted by simulation with common random numbers (" + COPIES + " copies x "
                    + PERIODS + " periods after " + BURN_IN + "), and both are checked in the simulator.");
            text.append(s).append('\n');
            List<List<String>> rows = new ArrayList<>();
            if (!action.equals("heuristics")) {
                ClarkScarf.Solution cs = ClarkScarf.solve(s);
                Summary sim = ClarkScarf.simulate(s, cs.levels(), 200, BURN_IN, 5 * PERIODS, 7);
                text.append(String.format(Locale.ROOT, "  %-32s %-20s %10.4f   simulated %.4f +- %.4f (%.3f s)%n",
                        "optimal (Clark-Scarf)", Arrays.toString(cs.levels()), cs.cost(), sim.mean(), sim.halfWidth(),
                        cs.seconds()));
                rows.add(List.of("optimal (Clark–Scarf)", Arrays.toString(cs.levels()),
                        String.format(Locale.ROOT, "%.4f", cs.cost()),
                        String.format(Locale.ROOT, "%.4f ± %.4f", sim.mean(), sim.halfWidth())));
                if (!action.equals("solve")) {
                    heuristic(s, text, rows, cs.cost());
                }
            } else {
                heuristic(s, text, rows, Double.NaN);
            }
            html.table("Average cost per period", List.of("policy", "echelon levels", "cost", "simulated ± 95 %"), rows);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        out.print(text);
        if (action.equals("compare")) {
            Path dir = Path.of(outDir != null ? outDir : "runs/inventory-" + problem + "-" + TrainCommand.timestamp());
            Files.createDirectories(dir);
            AtomicFiles.writeString(dir.resolve("table.txt"), text.toString());
            html.metadata("wall time", String.format(Locale.ROOT, "%.1f s", secs));
            html.write(dir.resolve("report.html"));
            out.printf(Locale.ROOT, "wall time %.1f s; report in %s%n", secs, dir);
        }
        return 0;
    }

    /** The one-warehouse multi-retailer system: the lower bound and the four fitted base-stock heuristics. */
    private static HtmlReport owmr(OwmrScenario s, String action, StringBuilder text) {
        HtmlReport html = new HtmlReport("One warehouse, several retailers: lower bound and base-stock heuristics");
        html.paragraph("docs/model.md §7. " + s + ". The lower bound is the balance relaxation (Federgruen & Zipkin "
                + "1984) solved exactly by the Clark–Scarf decomposition; every heuristic is fitted by coordinate "
                + "descent on " + Owmr.FIT_COPIES + " copies x " + Owmr.FIT_PERIODS + " periods with common random "
                + "numbers and scored on " + Owmr.SCORE_COPIES + " copies x " + Owmr.SCORE_PERIODS + " periods of "
                + "other demands (after " + Owmr.BURN_IN + " periods of burn-in).");
        text.append(s).append('\n');
        Owmr.Bound bound = Owmr.lowerBound(s);
        List<List<String>> rows = new ArrayList<>();
        text.append(String.format(Locale.ROOT, "  %-42s %-26s %10.4f   (%.3f s)%n", "lower bound (balance relaxation)",
                "S0=" + bound.echelonLevel() + " s=" + Arrays.toString(bound.retailerLevels()), bound.cost(),
                bound.seconds()));
        rows.add(List.of("lower bound (balance relaxation)", "", "S0=" + bound.echelonLevel() + " s="
                + Arrays.toString(bound.retailerLevels()), String.format(Locale.ROOT, "%.4f", bound.cost()), ""));
        if (!action.equals("solve")) {
            for (Owmr.Fitted f : Owmr.heuristics(s, bound)) {
                double gap = 100 * (f.cost().mean() - bound.cost()) / bound.cost();
                text.append(String.format(Locale.ROOT, "  %-42s %-26s %10.4f +- %.4f  gap to bound %+.2f%%  (%d sims, "
                        + "%.1f s)%n", f.name(), f.policy().levels(), f.cost().mean(), f.cost().halfWidth(), gap,
                        f.evaluations(), f.seconds()));
                rows.add(List.of(f.policy().name(), f.scenario().allocation().label(), f.policy().levels(),
                        String.format(Locale.ROOT, "%.4f ± %.4f", f.cost().mean(), f.cost().halfWidth()),
                        String.format(Locale.ROOT, "%+.2f", gap)));
            }
        }
        html.table("Average cost per period", List.of("policy", "allocation", "levels", "cost (± 95 %)",
                "gap to bound %"), rows);
        return html;
    }

    private static void heuristic(SerialScenario s, StringBuilder text, List<List<String>> rows, double optimum) {
        int[] fit = ClarkScarf.fitBySimulation(s, COPIES, BURN_IN, PERIODS, 11);
        Summary sim = ClarkScarf.simulate(s, fit, 200, BURN_IN, 5 * PERIODS, 7);
        String gap = Double.isNaN(optimum) ? "" : String.format(Locale.ROOT, " gap %+.2f%%",
                100 * (sim.mean() - optimum) / optimum);
        text.append(String.format(Locale.ROOT, "  %-32s %-20s %10s   simulated %.4f +- %.4f%s%n",
                "echelon base-stock (fit by sim)", Arrays.toString(fit), "", sim.mean(), sim.halfWidth(), gap));
        rows.add(List.of("echelon base-stock, fitted by simulation", Arrays.toString(fit), "",
                String.format(Locale.ROOT, "%.4f ± %.4f", sim.mean(), sim.halfWidth())));
    }

    /**
     * A PPO run on a network example: the report text and the learning curve (CSV: round, average
     * cost per period of the round's episodes, entropy).
     */
    record Learned(String text, String curve) {
    }

    /**
     * Trains PPO on the dual-sourcing example with regular lead time {@code lead} or on the serial
     * example, then scores it ({@link InventoryEvaluation}) with the table's evaluation seed.
     */
    static Learned train(String problem, int lead, int rounds, int copies, long seed, LearnerConfig config,
            int threads, PrintStream err) {
        boolean dual = problem.equals("dual-sourcing");
        DualSourcingScenario ds = dual ? DualSourcingScenario.example(lead) : null;
        SerialScenario ss = dual ? null : SerialScenario.example();
        StringBuilder text = new StringBuilder().append(dual ? ds : ss).append('\n');
        long t0 = System.nanoTime();
        Trainer t = dual ? InventoryLearners.dualSourcing(ds, copies, config, seed, rounds)
                : InventoryLearners.serial(ss, copies, config, seed, rounds);
        t.setRolloutThreads(threads);
        StringBuilder curve = new StringBuilder("round,avg_cost,entropy\n");
        for (int n = 0; n < rounds; n++) {
            Trainer.RoundStats r = t.round();
            curve.append(String.format(Locale.ROOT, "%d,%.6f,%.6f%n", n, -r.meanEpisodeReward(),
                    r.agents()[0].entropy()));
            if ((n + 1) % Math.max(1, rounds / 10) == 0) {
                err.printf(Locale.ROOT, "round %d/%d: average cost %.3f, entropy %.3f%n", n + 1, rounds,
                        -r.meanEpisodeReward(), r.agents()[0].entropy());
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        t.close();
        long evalSeed = TrainingDefaults.EVAL_SEED;
        int c = InventoryEvaluation.COPIES;
        double optimum;
        double[] reference = null;
        if (dual) {
            optimum = new DualSourcingDp(ds).solve(1e-7).cost();
            text.append(String.format(Locale.ROOT, "optimal average cost per period: %.4f (exact DP)%n", optimum));
        } else {
            ClarkScarf.Solution cs = ClarkScarf.solve(ss);
            optimum = cs.cost();
            reference = ClarkScarf.perCopy(ss, cs.levels(), c, InventoryEvaluation.BURN_IN, InventoryEvaluation.PERIODS,
                    evalSeed);
            Summary sim = Summary.of(reference, 0.95);
            text.append(String.format(Locale.ROOT, "optimal average cost per period: %.4f (Clark-Scarf %s); simulated "
                    + "%.4f +- %.4f%n", optimum, Arrays.toString(cs.levels()), sim.mean(), sim.halfWidth()));
        }
        for (boolean sampled : new boolean[] {false, true}) {
            InventoryAgentEnv env = dual ? new DualSourcingAgentEnv(ds, c) : new SerialAgentEnv(ss, c);
            double[] cost = InventoryEvaluation.learned(env, t.actor(0), InventoryEvaluation.BURN_IN,
                    InventoryEvaluation.PERIODS, evalSeed, sampled);
            Summary sum = Summary.of(cost, 0.95);
            String gap;
            if (reference != null) {
                PairedComparison pc = PairedComparison.of("ppo", cost, "clark-scarf", reference, 0.95);
                gap = String.format(Locale.ROOT, "%+.2f%% +- %.2f%% (paired with the Clark-Scarf policy)",
                        pc.improvementPct(), pc.improvementHalfWidthPct());
            } else {
                gap = String.format(Locale.ROOT, "%+.2f%% +- %.2f%%", 100 * (sum.mean() - optimum) / optimum,
                        100 * sum.halfWidth() / optimum);
            }
            text.append(String.format(Locale.ROOT, "ppo %s %.4f +- %.4f, gap to the optimum %s%n",
                    sampled ? "sampled:" : "greedy: ", sum.mean(), sum.halfWidth(), gap));
        }
        text.append(String.format(Locale.ROOT, "(%d rounds x %d copies x %d periods, seed %d, %.1f s of training; "
                + "evaluation %d copies x %d periods after %d, seed %d)%n", rounds, copies, dual ? ds.horizon()
                        : ss.horizon(), seed, secs, c, InventoryEvaluation.PERIODS, InventoryEvaluation.BURN_IN,
                evalSeed));
        return new Learned(text.toString(), curve.toString());
    }

    private static int parseLead(String v) {
        try {
            int x = Integer.parseInt(v.trim());
            if (x < 1 || x > 4) {
                throw new UsageException("--lead (regular lead time, expedited 0) must be in [1, 4], got " + x);
            }
            return x;
        } catch (NumberFormatException e) {
            throw new UsageException("--lead must be an integer in [1, 4], got '" + v + "'");
        }
    }
}
