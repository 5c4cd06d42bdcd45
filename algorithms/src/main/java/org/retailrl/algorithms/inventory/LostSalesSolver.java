package org.retailrl.algorithms.inventory;

import org.retailrl.envs.inventory.LostSalesScenario;

/**
 * Exact average-cost optimum of the lost-sales problem with lead time of docs/model.md §7 by relative
 * value iteration on the pipeline state ({@link PipelineSpace}, {@link LostSalesBellman}).
 *
 * <p><b>State bound.</b> The space holds the vectors with inventory position at most {@code B},
 * starting from the backorder system's base-stock level {@code S̄} ({@link LostSalesModel#standardBaseStock}),
 * which by Morton's (1969) bound no optimal lost-sales policy exceeds. The solve checks it: if the
 * optimal policy orders up to exactly {@code B} in some state ({@code q = B − position > 0}, the order
 * limited by the bound), {@code B} grows by {@code max(2, B/10)} and the problem is solved again.
 * <b>Demand truncation</b>: only that of {@link org.retailrl.envs.inventory.DemandLaw}'s table (tail
 * below {@code 1e-15}); the transition law itself is exact (see {@link LostSalesModel}).
 * <b>Convergence</b>: span seminorm of {@code T v − v} below the tolerance, which brackets the
 * optimal cost within it (Odoni's bounds, {@link RelativeValueIteration}).
 */
public final class LostSalesSolver {
    /** Default span tolerance: the optimal cost is bracketed within 1e-7 per period. */
    public static final double TOLERANCE = 1e-7;

    private LostSalesSolver() {
    }

    /** Solves {@code scenario} with the default tolerance, starting from the bound {@code S̄}. */
    public static LostSalesSolution solve(LostSalesScenario scenario) {
        return solve(scenario, -1, TOLERANCE);
    }

    /**
     * Solves {@code scenario}; {@code bound < 0} starts from {@code S̄}, otherwise from {@code bound}
     * (still grown when it binds).
     */
    public static LostSalesSolution solve(LostSalesScenario scenario, int bound, double tolerance) {
        long t0 = System.nanoTime();
        int standard = LostSalesModel.standardBaseStock(scenario);
        int b = bound < 0 ? Math.max(standard, 1) : bound;
        double[] warm = null;
        PipelineSpace previous = null;
        while (true) {
            PipelineSpace space = new PipelineSpace(scenario.leadTime(), b);
            LostSalesModel model = new LostSalesModel(scenario, b);
            LostSalesBellman op = new LostSalesBellman(model, space);
            double[] v0 = warm == null ? null : extend(previous, warm, space);
            RelativeValueIteration.Result r = RelativeValueIteration.solve(space.size(), op, 0, v0, tolerance,
                    1_000_000, 1);
            int[] act = op.actions();
            if (!bindsAtBound(space, model, act)) {
                double secs = (System.nanoTime() - t0) / 1e9;
                return new LostSalesSolution(scenario, r.lower(), r.upper(), b, standard, space.size(), r.sweeps(),
                        secs, new PolicyTable("optimal", space, act));
            }
            warm = r.values();
            previous = space;
            b += Math.max(2, b / 10);
        }
    }

    /** True when some state's optimal order is cut by the position bound (and not by the order cap). */
    static boolean bindsAtBound(PipelineSpace space, LostSalesModel model, int[] act) {
        boolean[] hit = new boolean[1];
        int b = space.bound();
        space.forEach((s, st) -> {
            int room = b - LostSalesPolicy.position(st);
            if (model.lead == 0) {
                room = b - st[0];
            }
            if (act[s] > 0 && act[s] == room && room < model.scenario.maxOrder()) {
                hit[0] = true;
            }
        });
        return hit[0];
    }

    private static double[] extend(PipelineSpace from, double[] v, PipelineSpace to) {
        double[] out = new double[to.size()];
        to.forEach((s, st) -> {
            int i = from.index(st);
            out[s] = i >= 0 ? v[i] : 0;
        });
        return out;
    }

    /**
     * The {@code k}-period look-ahead policy: the greedy order of the {@code (L + k)}-th value-iteration
     * step from zero terminal values. For {@code k = 1} it minimises the expected cost of period
     * {@code t + L}, when the order arrives (Zipkin's myopic policy); for {@code k = 2} it minimises the
     * expected cost of periods {@code t + L} and {@code t + L + 1}, the next order chosen optimally
     * once the next period's state is known (myopic2). Computed on the space of bound {@code bound}.
     */
    public static PolicyTable lookahead(LostSalesScenario scenario, int k, int bound) {
        if (k < 1 || k > 10) {
            throw new IllegalArgumentException("look-ahead periods k must be in [1, 10], got " + k);
        }
        PipelineSpace space = new PipelineSpace(scenario.leadTime(), bound);
        LostSalesModel model = new LostSalesModel(scenario, bound);
        LostSalesBellman op = new LostSalesBellman(model, space);
        double[] v = new double[space.size()];
        double[] w = new double[space.size()];
        int steps = scenario.leadTime() + k;
        for (int i = 0; i < steps; i++) {
            op.apply(v, w);
            double[] t = v;
            v = w;
            w = t;
        }
        return new PolicyTable(k == 1 ? "myopic" : "myopic" + k, space, op.actions());
    }

    /** The backorder system's base-stock level {@code S̄} (Zipkin's standard base-stock level). */
    public static int standardBaseStock(LostSalesScenario scenario) {
        return LostSalesModel.standardBaseStock(scenario);
    }
}
