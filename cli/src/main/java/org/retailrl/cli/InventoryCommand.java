package org.retailrl.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.retailrl.algorithms.eval.Summary;
import org.retailrl.algorithms.inventory.HeuristicResult;
import org.retailrl.algorithms.inventory.LostSalesComparison;
import org.retailrl.algorithms.inventory.LostSalesHeuristics;
import org.retailrl.algorithms.inventory.LostSalesSimulation;
import org.retailrl.algorithms.inventory.LostSalesSolution;
import org.retailrl.algorithms.inventory.LostSalesSolver;
import org.retailrl.envs.inventory.DemandLaw;
import org.retailrl.envs.inventory.LostSalesScenario;
import org.retailrl.envs.inventory.LostSalesScenarioJson;

/**
 * {@code retail inventory solve|heuristics|compare|train}: the classic inventory problems of
 * docs/model.md §7 — exact optimum, the practitioners' heuristics and their gaps, one instance or
 * Zipkin's (2008) whole lost-sales test bed ({@code --table zipkin}). Learned policies are not wired
 * in yet: {@code train} says so and exits 2.
 */
final class InventoryCommand implements Command {
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
        return """
                usage: retail inventory solve|heuristics|compare [--problem lost-sales|dual-sourcing|serial]
                                 [--demand poisson|geometric] [--mean M] [--penalty p] [--lead L] [--holding h]
                                 [--scenario FILE] [--table zipkin] [--check N] [--out DIR]
                       retail inventory train      (not available yet: learned policies are not wired in)

                  solve       exact long-run average cost per period (relative value iteration on the
                              pipeline state; state bound, states, sweeps and solve time are printed)
                  heuristics  standard / best / capped base-stock, constant order, myopic, myopic2, each
                              fitted and scored exactly on its own Markov chain
                  compare     both, with every heuristic's gap to the optimum; writes table.txt, table.csv,
                              result.json and report.html into --out

                  --problem   lost-sales (default), dual-sourcing, serial
                  --demand    poisson or geometric                                (default poisson)
                  --mean      mean demand per period, (0, 1000]                   (default 5)
                  --penalty   lost-sales penalty p >= 0                           (default 9)
                  --lead      lead time L, 0..50                                  (default 2)
                  --holding   holding cost h >= 0                                 (default 1)
                  --scenario  a lost-sales scenario JSON file instead of the options above
                  --table     zipkin: the 32 instances of Zipkin (2008): Poisson and geometric demand of
                              mean 5, h = 1, p in {4, 9, 19, 39}, L in {1, 2, 3, 4}
                  --check     solve: simulate the optimal policy for N periods x 200 copies (seed 1)
                  --out       report folder of compare   (default runs/inventory-<problem>-<time>)""";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        List<String> words = args.positional();
        if (words.size() != 1) {
            throw new UsageException("give one action: solve, heuristics, compare or train; got " + words);
        }
        String action = words.get(0);
        String problem = args.string("problem", "lost-sales");
        if (action.equals("train")) {
            args.finish();
            err.println("error: learned policies for the inventory problems are not available yet (no learner is "
                    + "connected to these simulators); use solve, heuristics or compare");
            return 2;
        }
        if (!List.of("solve", "heuristics", "compare").contains(action)) {
            throw new UsageException("action must be solve, heuristics, compare or train, got '" + action + "'");
        }
        return switch (problem) {
            case "lost-sales" -> lostSales(action, args, out, err);
            case "dual-sourcing", "serial" -> InventoryNetworks.run(problem, action, args, out, err);
            default -> throw new UsageException("--problem must be lost-sales, dual-sourcing or serial, got '"
                    + problem + "'");
        };
    }

    private int lostSales(String action, Args args, PrintStream out, PrintStream err) throws Exception {
        String table = args.string("table", null);
        String scenarioFile = args.string("scenario", null);
        String demand = args.string("demand", "poisson");
        double mean = args.real("mean", 5, 1e-9, 1000);
        double penalty = args.real("penalty", 9, 0, 1e9);
        int lead = args.integer("lead", 2, 0, LostSalesScenario.MAX_LEAD);
        double holding = args.real("holding", 1, 0, 1e9);
        int check = args.integer("check", 0, 0, 100_000_000);
        String outDir = args.string("out", null);
        args.finish();
        List<LostSalesScenario> instances = new ArrayList<>();
        if (table != null) {
            if (!table.equals("zipkin")) {
                throw new UsageException("--table must be zipkin, got '" + table + "'");
            }
            if (!action.equals("compare")) {
                throw new UsageException("--table needs the compare action");
            }
            instances.addAll(LostSalesComparison.zipkinInstances());
        } else if (scenarioFile != null) {
            instances.add(LostSalesScenarioJson.load(Path.of(scenarioFile)));
        } else {
            DemandLaw law = switch (demand) {
                case "poisson" -> DemandLaw.poisson(mean);
                case "geometric" -> DemandLaw.geometric(mean);
                default -> throw new UsageException("--demand must be poisson or geometric, got '" + demand + "'");
            };
            instances.add(new LostSalesScenario(law, lead, holding, penalty, 0, law.max(), 100, 0,
                    new int[Math.max(lead - 1, 0)]));
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
                List<LostSalesComparison> rows = new ArrayList<>();
                for (int k = 0; k < instances.size(); k++) {
                    LostSalesScenario s = instances.get(k);
                    if (instances.size() > 1) {
                        err.printf(Locale.ROOT, "[%d/%d] %s, p = %s, L = %d%n", k + 1, instances.size(),
                                s.demand().label(), InventoryReport.num(s.penaltyCost()), s.leadTime());
                    }
                    rows.add(LostSalesComparison.run(s));
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                String text = InventoryReport.lostSalesText(rows);
                out.print(text);
                Path dir = Path.of(outDir != null ? outDir : "runs/inventory-lost-sales-" + TrainCommand.timestamp());
                InventoryReport.writeLostSales(dir, rows, text, secs, table != null ? "zipkin" : "single");
                out.printf(Locale.ROOT, "wall time %.1f s; report in %s%n", secs, dir);
            }
        }
        return 0;
    }
}
