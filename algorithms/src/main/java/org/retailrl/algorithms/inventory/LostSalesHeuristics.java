package org.retailrl.algorithms.inventory;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.envs.inventory.LostSalesScenario;

/**
 * The practitioner's heuristics for the lost-sales problem of docs/model.md §7 (the set of Zipkin
 * (2008)), each fitted and scored exactly — every cost is a relative value iteration of the policy's
 * own Markov chain ({@link PolicyEvaluation}), not a simulation:
 * <ul>
 * <li><b>standard base-stock</b>: order up to {@code S̄}, the backorder system's level ({@link LostSalesSolver#standardBaseStock});</li>
 * <li><b>best base-stock</b>: the level minimising the lost-sales cost;</li>
 * <li><b>capped base-stock</b> (Xin 2021): order {@code min((S − position)^+, r)}, both fitted;</li>
 * <li><b>constant order</b> (Reiman 2004): {@code r} units every period, {@code r} an integer below the mean demand
 *     (at or above it on-hand stock drifts up without bound);</li>
 * <li><b>myopic</b> and <b>myopic2</b>: the one- and two-period look-ahead policies of
 *     {@link LostSalesSolver#lookahead}, on the optimum's state bound.</li>
 * </ul>
 */
public final class LostSalesHeuristics {
    /** Span tolerance of every policy evaluation (cost per period). */
    public static final double TOLERANCE = 1e-7;
    /** Truncation of the on-hand chain of the constant-order policy. */
    static final int CONSTANT_ORDER_CAP = 400;

    private LostSalesHeuristics() {
    }

    /** Every heuristic, in the order of the class description; {@code stateBound} is the optimum's bound. */
    public static List<HeuristicResult> all(LostSalesScenario s, int stateBound) {
        List<HeuristicResult> out = new ArrayList<>();
        out.add(standardBaseStock(s));
        HeuristicResult best = bestBaseStock(s);
        out.add(best);
        out.add(cappedBaseStock(s, Integer.parseInt(best.parameters().substring(2))));
        out.add(constantOrder(s));
        out.add(lookahead(s, 1, stateBound));
        out.add(lookahead(s, 2, stateBound));
        return out;
    }

    /** Order up to {@code S̄}. */
    public static HeuristicResult standardBaseStock(LostSalesScenario s) {
        long t0 = System.nanoTime();
        int level = LostSalesSolver.standardBaseStock(s);
        PolicyEvaluation.Result r = baseStock(s, level);
        return new HeuristicResult("standard base-stock", "S=" + level, r.cost(), r.halfWidth(), 1, since(t0));
    }

    /** The best base-stock level, by descent from {@code S̄}. */
    public static HeuristicResult bestBaseStock(LostSalesScenario s) {
        long t0 = System.nanoTime();
        int start = LostSalesSolver.standardBaseStock(s);
        IntegerSearch.Best b = IntegerSearch.minimize(level -> baseStock(s, level).cost(), start, 0, 4 * start + 10);
        PolicyEvaluation.Result r = baseStock(s, b.arg());
        return new HeuristicResult("best base-stock", "S=" + b.arg(), r.cost(), r.halfWidth(), b.evaluations(),
                since(t0));
    }

    private static PolicyEvaluation.Result baseStock(LostSalesScenario s, int level) {
        return PolicyEvaluation.evaluate(s, LostSalesPolicy.baseStock("base-stock", level), Math.max(level, 0),
                TOLERANCE);
    }

    /** Capped base-stock: for each cap the best level (descent), and descent over the cap. */
    public static HeuristicResult cappedBaseStock(LostSalesScenario s, int bestLevel) {
        long t0 = System.nanoTime();
        int[] levelFor = new int[1];
        levelFor[0] = bestLevel;
        int[] evaluations = new int[1];
        int maxLevel = 4 * Math.max(bestLevel, 1) + 10;
        java.util.Map<Integer, Integer> argLevel = new java.util.HashMap<>();
        IntegerSearch.Best cap = IntegerSearch.minimize(r -> {
            IntegerSearch.Best lv = IntegerSearch.minimize(level -> capped(s, level, r).cost(), levelFor[0], 0,
                    maxLevel);
            evaluations[0] += lv.evaluations();
            levelFor[0] = lv.arg();
            argLevel.put(r, lv.arg());
            return lv.value();
        }, (int) Math.ceil(s.demand().mean()) + 1, 1, Math.max(2, s.demand().max()));
        int level = argLevel.get(cap.arg());
        PolicyEvaluation.Result r = capped(s, level, cap.arg());
        return new HeuristicResult("capped base-stock", "S=" + level + " r=" + cap.arg(), r.cost(), r.halfWidth(),
                evaluations[0], since(t0));
    }

    private static PolicyEvaluation.Result capped(LostSalesScenario s, int level, int cap) {
        return PolicyEvaluation.evaluate(s, LostSalesPolicy.cappedBaseStock(level, cap), level, TOLERANCE);
    }

    /** The best constant order {@code r ∈ 0..⌈mean⌉ − 1}. */
    public static HeuristicResult constantOrder(LostSalesScenario s) {
        long t0 = System.nanoTime();
        int top = (int) Math.ceil(s.demand().mean() - 1e-9) - 1;
        double best = Double.POSITIVE_INFINITY;
        double half = 0;
        int arg = 0;
        for (int r = 0; r <= top; r++) {
            PolicyEvaluation.Result res = PolicyEvaluation.constantOrder(s, r, CONSTANT_ORDER_CAP, TOLERANCE);
            if (res.cost() < best) {
                best = res.cost();
                half = res.halfWidth();
                arg = r;
            }
        }
        return new HeuristicResult("constant order", "r=" + arg, best, half, top + 1, since(t0));
    }

    /** The {@code k}-period look-ahead policy on the space of bound {@code bound}, evaluated there. */
    public static HeuristicResult lookahead(LostSalesScenario s, int k, int bound) {
        long t0 = System.nanoTime();
        PolicyTable p = LostSalesSolver.lookahead(s, k, bound);
        PolicyEvaluation.Result r = PolicyEvaluation.evaluate(s, p, bound, TOLERANCE);
        return new HeuristicResult(p.name(), "", r.cost(), r.halfWidth(), 1, since(t0));
    }

    private static double since(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
