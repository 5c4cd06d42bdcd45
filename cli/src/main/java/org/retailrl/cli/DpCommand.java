package org.retailrl.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.retailrl.algorithms.dp.BackwardInduction;
import org.retailrl.algorithms.dp.CompetitiveDp;
import org.retailrl.algorithms.dp.CompetitiveInstance;
import org.retailrl.algorithms.dp.CompetitiveSolution;
import org.retailrl.algorithms.dp.DpInstance;
import org.retailrl.algorithms.dp.DpSolution;
import org.retailrl.algorithms.dp.ValueIteration;
import org.retailrl.algorithms.eval.Rollout;
import org.retailrl.algorithms.eval.Summary;
import org.retailrl.algorithms.pricing.PerCopyBatchPolicy;
import org.retailrl.envs.pricing.CompetitorKind;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.PricingScenarioBuilder;
import org.retailrl.envs.pricing.PricingScenarioJson;

/**
 * {@code retail dp}: solves a small instance of docs/model.md §1 exactly (backward induction over a
 * finite horizon, or value iteration when a discount is given) and prints the optimum, the first
 * decisions and, on request, a Monte Carlo check of the optimal policy in the simulator.
 */
final class DpCommand implements Command {
    @Override
    public String name() {
        return "dp";
    }

    @Override
    public String summary() {
        return "solve a small pricing-and-replenishment instance exactly (docs/model.md §1)";
    }

    @Override
    public String usage() {
        return """
                usage: retail dp [--lead 0|1] [--horizon T] [--fixed-cost K] [--cap I_max] [--start-inventory I0]
                                 [--pipeline q] [--competitor o|reactive] [--reference r]
                                 [--reference-weight w [--reference-step h]] [--discount g [--tolerance e]]
                                 [--check N] [--save-scenario FILE]

                Lost sales, docs/model.md §1 defaults otherwise (prices 10..50 step 2, Q = 20, c = 10, h = 1, b = 5),
                competitor and reference price fixed, stock capped on arrival. The state x is the stock
                available after arrival (L = 1: min(I0 + pipeline, cap)) or before ordering (L = 0). Expected
                sales are exact (the last atom of min(D, A) carries the whole Poisson tail).

                  --lead             lead time L, 0 or 1                                  (default 1)
                  --horizon          periods T, 1..100000                                 (default 20)
                  --fixed-cost       fixed ordering cost K >= 0                           (default 0)
                  --cap              stock cap on arrival, 1..10000                       (default 40)
                  --start-inventory  I_0, 0..cap                                          (default 10)
                  --pipeline         order in transit at the start (L = 1), 0..20         (default 0)
                  --competitor       fixed competitor price > 0, or 'reactive': the undercutting competitor
                                     of docs/model.md §1.4 (o_1 = 30, o_t = p_(t-1) - 1, p_max below p_min),
                                     solved over the state (stock, competitor price) (default 30)
                  --reference        reference price > 0: fixed, or r_0 when it moves     (default 30)
                  --reference-weight w in (0, 1]: below 1 the reference price moves as in the simulator and the
                                     DP runs on a reference grid (an approximation; --check measures it) (default 1)
                  --reference-step   reference grid spacing h > 0 when w < 1              (default 0.5)
                  --discount         discount factor in (0, 1): value iteration instead (infinite horizon)
                  --tolerance        value-iteration epsilon (epsilon-optimal policy)     (default 1e-6)
                  --check            Monte Carlo episodes of the optimal policy in the simulator, seed 1 (default 0)
                  --save-scenario    write the instance as a scenario JSON file, so that learners can be
                                     trained on it and scored against V*: retail compare --scenario FILE""";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws IOException {
        int lead = args.integer("lead", 1, 0, 1);
        int horizon = args.integer("horizon", 20, 1, 100_000);
        double k = args.real("fixed-cost", 0, 0, 1e9);
        int cap = args.integer("cap", 40, 1, 10_000);
        int start = args.integer("start-inventory", 10, 0, cap);
        int pipeline = args.integer("pipeline", 0, 0, 20);
        // 'reactive' names the undercutting competitor, whose first price is the scenario default 30.
        boolean reactive = args.string("competitor", "30").trim().equalsIgnoreCase("reactive");
        double competitor = reactive ? 30 : args.real("competitor", 30, 1e-9, 1e9);
        double reference = args.real("reference", 30, 1e-9, 1e9);
        double weight = args.real("reference-weight", 1, 1e-9, 1);
        double refStep = args.real("reference-step", 0.5, 1e-3, 40);
        String discountText = args.string("discount", null);
        double discount = args.real("discount", 1, 1e-9, 1 - 1e-12);
        double tolerance = args.real("tolerance", 1e-6, 1e-12, 1e9);
        int check = args.integer("check", 0, 0, 10_000_000);
        String saveScenario = args.string("save-scenario", null);
        args.finish();
        boolean discounted = discountText != null;
        int simHorizon = horizon;
        if (discounted) {
            // Long enough that the discounted tail beyond it is below 1e-9 of one period's scale.
            simHorizon = (int) Math.min(100_000, Math.ceil(Math.log(1e-9) / Math.log(discount)));
        }
        if (pipeline > 0 && lead == 0) {
            throw new UsageException("--pipeline needs --lead 1 (with L = 0 nothing is in transit)");
        }
        PricingScenario sc = DpInstance.smallScenario(lead, simHorizon, k, cap, start, competitor, reference);
        if (pipeline > 0) {
            sc = sc.toBuilder().initialPipeline(pipeline).build();
        }
        boolean competitive = reactive || weight < 1;
        if (competitive) {
            if (discounted) {
                throw new UsageException("--discount is for the fixed-competitor instance; with --competitor reactive "
                        + "or --reference-weight < 1 the DP has a finite horizon (--horizon)");
            }
            PricingScenarioBuilder b = sc.toBuilder().referenceWeight(weight).initialReference(reference);
            sc = (reactive ? b.competitor(CompetitorKind.UNDERCUT).initialCompetitorPrice(competitor) : b).build();
        }
        if (saveScenario != null) {
            if (discounted) {
                throw new UsageException("--save-scenario needs a finite horizon (no --discount): the simulator's "
                        + "episode is the DP's horizon");
            }
            PricingScenarioJson.save(Path.of(saveScenario), sc);
            err.println("scenario written to " + saveScenario);
        }
        if (competitive) {
            return competitive(sc, horizon, refStep, check, out);
        }
        DpInstance inst = DpInstance.of(sc);
        long t0 = System.nanoTime();
        DpSolution sol = discounted ? ValueIteration.solve(inst, discount, tolerance, 1_000_000)
                : BackwardInduction.solve(inst, horizon);
        double secs = (System.nanoTime() - t0) / 1e9;
        out.println(inst);
        if (discounted) {
            out.printf(Locale.ROOT, "value iteration: discount %.6f, epsilon %.1e, %d sweeps, last change %.3e%n",
                    discount, tolerance, sol.iterations(), sol.residual());
            out.printf(Locale.ROOT, "optimal expected discounted profit V*(x=%d) = %.4f  (within epsilon/2)%n",
                    inst.startInventory(), sol.optimum());
        } else {
            out.printf(Locale.ROOT, "backward induction: T = %d%n", horizon);
            out.printf(Locale.ROOT, "optimal expected total profit V_1(x=%d) = %.4f%n", inst.startInventory(),
                    sol.optimum());
        }
        out.printf(Locale.ROOT, "first decision: price %.0f, order %d    (solve %.3f s)%n",
                inst.price(sol.priceIndex(1, inst.startInventory())), sol.order(1, inst.startInventory()), secs);
        out.println("period-1 decisions by state (stock available" + (lead == 1 ? " after arrival" : " before ordering")
                + "):");
        StringBuilder sb = new StringBuilder();
        for (int x = 0; x <= Math.min(cap, 40); x++) {
            sb.append(String.format(Locale.ROOT, "  x=%2d p=%2.0f q=%2d", x, inst.price(sol.priceIndex(1, x)),
                    sol.order(1, x)));
            if (x % 4 == 3) {
                sb.append('\n');
            }
        }
        out.println(sb.toString().stripTrailing());
        if (check > 0) {
            double[] profits = Rollout.profits(sc, new PerCopyBatchPolicy(sol::policy), 1L, check, discounted ? discount : 1);
            Summary s = Summary.of(profits, 0.99);
            out.printf(Locale.ROOT, "Monte Carlo (%d episodes%s): %.4f, 99%% CI [%.4f, %.4f] -> %s%n", check,
                    discounted ? ", " + simHorizon + " periods" : "", s.mean(), s.lower(), s.upper(),
                    s.covers(sol.optimum()) ? "covers V*" : "does NOT cover V*");
        }
        return 0;
    }

    /**
     * The competitive DP (docs/model.md §1.9): the optimum over (stock, competitor price[, reference
     * grid point]), the period-1 decisions at the start competitor price, and the Monte Carlo check of
     * the optimal table in the simulator, whose reference price is continuous.
     */
    private static int competitive(PricingScenario sc, int horizon, double refStep, int check, PrintStream out) {
        CompetitiveInstance inst;
        try {
            inst = CompetitiveInstance.of(sc, refStep);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        long t0 = System.nanoTime();
        CompetitiveSolution sol = CompetitiveDp.solve(inst, horizon);
        double secs = (System.nanoTime() - t0) / 1e9;
        out.println(inst);
        boolean exact = inst.referenceCount() == 1;
        out.printf(Locale.ROOT, "backward induction over %d states per period: T = %d%n", inst.states(), horizon);
        out.printf(Locale.ROOT, "optimal expected total profit V_1(x=%d, o=%.0f, r=%.2f) = %.4f%s%n",
                inst.startInventory(), sc.initialCompetitorPrice(), sc.initialReference(), sol.optimum(),
                exact ? "" : "  (reference-grid model)");
        int x0 = inst.startInventory();
        int m0 = inst.referenceCount() == 1 ? 0 : (int) Math.round((sc.initialReference() - inst.referencePrice(0))
                / (inst.referencePrice(1) - inst.referencePrice(0)));
        out.printf(Locale.ROOT, "first decision: price %.0f, order %d    (solve %.3f s)%n",
                inst.price(sol.priceIndex(1, x0, 0, m0)), sol.order(1, x0, 0, m0), secs);
        out.println("period-1 prices by competitor price (rows) and stock available (columns " + "x = 0, 5, ..., "
                + Math.min(inst.cap(), 40) + "):");
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < inst.competitorCount(); k++) {
            sb.append(String.format(Locale.ROOT, "  o=%4.0f:", inst.competitorPrice(k)));
            for (int x = 0; x <= Math.min(inst.cap(), 40); x += 5) {
                sb.append(String.format(Locale.ROOT, " %3.0f", inst.price(sol.priceIndex(1, x, k, m0))));
            }
            sb.append('\n');
        }
        out.print(sb);
        if (check > 0) {
            double[] profits = Rollout.profits(sc, new PerCopyBatchPolicy(sol::policy), 1L, check);
            Summary s = Summary.of(profits, 0.99);
            out.printf(Locale.ROOT, "Monte Carlo (%d episodes): %.4f, 99%% CI [%.4f, %.4f] -> %s%n", check, s.mean(),
                    s.lower(), s.upper(), s.covers(sol.optimum()) ? "covers V*" : "does NOT cover V*");
            if (!exact) {
                out.printf(Locale.ROOT, "reference-grid error: simulated value of the grid policy minus the grid "
                        + "model's V* = %.4f (%.3f%% of V*), 99%% CI [%.4f, %.4f]%n", s.mean() - sol.optimum(),
                        100 * (s.mean() - sol.optimum()) / Math.abs(sol.optimum()), s.lower() - sol.optimum(),
                        s.upper() - sol.optimum());
            }
        }
        return 0;
    }
}
