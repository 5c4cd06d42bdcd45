package org.retailrl.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact global maximiser of the single-period profit {@code π(p, y)} of docs/model.md §2, the ground
 * truth against which the stochastic approximation is measured.
 *
 * <p>Stock: for fixed {@code p}, {@code π} is linear in {@code y} between integer nodes, so on any
 * segment {@code [n, n+1]} {@code max_p π(p, n+t) ≤ max(max_p π(p, n), max_p π(p, n+1))}; the global
 * maximum is therefore attained at an integer node or at an end of the feasible stock interval
 * (THEORY.md §4). The optimiser scans all of them.
 *
 * <p>Price: for each stock node it brackets every local maximum of {@code π(·, y)} by the sign of
 * the exact {@code ∂π/∂p} on a grid of {@link #GRID} cells, refines each by safeguarded Newton
 * (bisection whenever a Newton step leaves the bracket), and compares them with the box ends. It
 * is exact to the refinement tolerance whenever no grid cell holds two local maxima, which holds
 * wherever {@code π(·, y)} is concave or unimodal; it does not rely on the concavity the seed
 * claims (Thm. 3.9), which fails for some admissible parameters.
 */
public final class ExactOptimizer {
    /** Cells of the bracketing grid in price. */
    public static final int GRID = 64;

    private ExactOptimizer() {
    }

    /** A maximiser and the maximum: price, stock level and profit. */
    public record Optimum(double p, double y, double profit) {
    }

    /** The price maximising {@code π(·, y)} on {@code [pLo, pHi]} (the largest one on ties), and the maximum. */
    public static Optimum bestPrice(SinglePeriodModel m, double y) {
        m.checkStock(y);
        double lo = m.pLo();
        double hi = m.pHi();
        double bestP = lo;
        double bestV = ExactProfit.profit(m, lo, y);
        double vHi = ExactProfit.profit(m, hi, y);
        // Ties go to the larger price: where π(·, y) is flat (y = 0 with b = 0) every price is
        // optimal, and the largest maximiser is the selection that keeps p*(y) non-increasing.
        if (vHi >= bestV) {
            bestP = hi;
            bestV = vHi;
        }
        double prevP = lo;
        double prevG = ExactProfit.dProfitDp(m, lo, y);
        for (int i = 1; i <= GRID; i++) {
            double q = i == GRID ? hi : lo + (hi - lo) * i / GRID;
            double g = ExactProfit.dProfitDp(m, q, y);
            if (prevG > 0 && g <= 0) {
                double r = g == 0 ? q : refineRoot(m, y, prevP, q);
                double v = ExactProfit.profit(m, r, y);
                if (v > bestV || (v == bestV && r > bestP)) {
                    bestV = v;
                    bestP = r;
                }
            }
            prevP = q;
            prevG = g;
        }
        return new Optimum(bestP, y, bestV);
    }

    /** The stock levels the global search compares: integer nodes in the feasible interval and its ends. */
    public static List<Double> candidateStocks(SinglePeriodModel m) {
        List<Double> ys = new ArrayList<>();
        double lo = m.yMin();
        double hi = m.yHi();
        ys.add(lo);
        for (long n = (long) Math.ceil(lo); n <= (long) Math.floor(hi); n++) {
            if (n != lo) {
                ys.add((double) n);
            }
        }
        if (hi != ys.get(ys.size() - 1)) {
            ys.add(hi);
        }
        return ys;
    }

    /** The global maximiser {@code (p*, y*)} of {@code π} over the box; ties go to the smaller stock. */
    public static Optimum global(SinglePeriodModel m) {
        Optimum best = null;
        for (double y : candidateStocks(m)) {
            Optimum o = bestPrice(m, y);
            if (best == null || o.profit() > best.profit()) {
                best = o;
            }
        }
        return best;
    }

    /**
     * The points meeting the optimality conditions (15) of Zheng, Li, Jiang and Peng Thm. 3.9: for each candidate
     * stock node {@code n}, the best price {@code p°(n)} together with {@code n} when the left slope
     * of {@code π(p°, ·)} at {@code n} is ≥ 0 (or {@code n} is the lowest feasible stock) and the
     * right slope is ≤ 0 (or {@code n} is the highest). There can be more than one (THEORY.md §4),
     * and each is a limit point the stochastic approximation may settle at.
     */
    public static List<Optimum> stationaryPoints(SinglePeriodModel m) {
        List<Optimum> out = new ArrayList<>();
        for (double y : candidateStocks(m)) {
            Optimum o = bestPrice(m, y);
            ProfitParts pp = ExactProfit.evaluate(m, o.p(), y);
            boolean leftOk = y == m.yMin() || pp.slopeLeft() >= 0;
            boolean rightOk = y == m.yHi() || pp.slopeRight() <= 0;
            if (leftOk && rightOk) {
                out.add(o);
            }
        }
        return out;
    }

    /** The root of {@code ∂π/∂p(·, y)} in {@code [a, b]} where it changes sign from + to −. */
    static double refineRoot(SinglePeriodModel m, double y, double a, double b) {
        double x = 0.5 * (a + b);
        for (int it = 0; it < 200 && b - a > 1e-13 * Math.max(1.0, Math.abs(b)); it++) {
            ProfitParts pp = ExactProfit.evaluate(m, x, y);
            double g = pp.profit().dp();
            if (g > 0) {
                a = x;
            } else if (g < 0) {
                b = x;
            } else {
                return x;
            }
            double h = pp.profit().dpp();
            double nx = h < 0 ? x - g / h : Double.NaN;
            if (nx > a && nx < b) {
                if (Math.abs(nx - x) <= 1e-14 * Math.max(1.0, Math.abs(x))) {
                    return nx;
                }
                x = nx;
            } else {
                x = 0.5 * (a + b);
            }
        }
        return x;
    }
}
