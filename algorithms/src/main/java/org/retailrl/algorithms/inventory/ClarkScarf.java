package org.retailrl.algorithms.inventory;

import org.retailrl.algorithms.eval.Summary;
import org.retailrl.envs.inventory.SerialBatch;
import org.retailrl.envs.inventory.SerialScenario;

/**
 * The optimal echelon base-stock levels of the serial system with backlog (docs/model.md §7) by the
 * Clark–Scarf decomposition in the form of Chen & Zheng (1994), exact for this model. Stage 0 faces
 * demand; with {@code D^{(n)}} the demand over {@code n} periods and {@code h'_0 = Σ_j h_j}:
 * <pre>
 *   G_0(y) = h_0 (y − (L_0+1)μ) + (b + h'_0) E[(D^{(L_0+1)} − y)^+]
 *   G_j(y) = h_j (y − (L_j+1)μ) + E[ G_{j−1}( min(y − D^{(L_j)}, S_{j−1}) ) ],   S_j = argmin G_j
 * </pre>
 * and the optimal long-run average cost is {@code G_{N−1}(S_{N−1})}. Stage {@code j}'s decision is
 * charged the echelon holding cost at the end of period {@code t + L_j} and, through {@code G_{j−1}},
 * the cost of the stock it makes available to stage {@code j − 1} {@code L_j} periods later.
 * Functions live on integer grids wide enough that {@code y − D^{(L_j)}} never leaves the grid of
 * {@code G_{j−1}} (demand truncated as in the {@link org.retailrl.envs.inventory.DemandLaw} table).
 */
public final class ClarkScarf {
    /**
     * @param levels  optimal echelon base-stock levels {@code S_0..S_{N−1}}
     * @param cost    optimal average cost per period
     * @param seconds wall time
     */
    public record Solution(int[] levels, double cost, double seconds) {
    }

    private ClarkScarf() {
    }

    /** Solves {@code s}. */
    public static Solution solve(SerialScenario s) {
        long t0 = System.nanoTime();
        int n = s.stages();
        int[] lead = s.leadTimes();
        double[] h = s.echelonHolding();
        int dmax = s.demand().max();
        double mu = s.demand().mean();
        int reach = 0;
        for (int j = 1; j < n; j++) {
            reach += lead[j] * dmax;
        }
        int hi = 0;
        for (int j = 0; j < n; j++) {
            hi += (lead[j] + 1) * dmax;
        }
        hi += 5;
        int lo = -reach - 5;
        // G_j is kept on [lo_j, hi]; lo_j rises by L_j·D_max per stage so that y − D^{(L_j)} stays on G_{j−1}'s grid.
        double[] g = bottom(s.demand().convolutionPower(lead[0] + 1), h[0], (lead[0] + 1) * mu,
                s.backlogCost() + s.localHolding(0), lo, hi);
        int gLo = lo;
        int[] levels = new int[n];
        levels[0] = argmin(g, gLo);
        for (int j = 1; j < n; j++) {
            int newLo = gLo + lead[j] * dmax;
            g = upstream(g, gLo, levels[j - 1], s.demand().convolutionPower(lead[j]), h[j], (lead[j] + 1) * mu, newLo,
                    hi);
            gLo = newLo;
            levels[j] = argmin(g, gLo);
        }
        double cost = g[levels[n - 1] - gLo];
        return new Solution(levels, cost, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The demand-facing echelon's cost on {@code [lo, hi]}: {@code h (y − meanOver) + shortage ·
     * E[(D − y)^+]} with {@code D} of law {@code law} (the demand over its lead time plus one period).
     */
    static double[] bottom(double[] law, double h, double meanOver, double shortage, int lo, int hi) {
        double[] g = new double[hi - lo + 1];
        for (int y = lo; y <= hi; y++) {
            double short0 = 0;
            for (int d = Math.max(y + 1, 0); d < law.length; d++) {
                short0 += (d - y) * law[d];
            }
            g[y - lo] = h * (y - meanOver) + shortage * short0;
        }
        return g;
    }

    /**
     * One step of the decomposition: the cost-to-go of an upstream echelon on {@code [newLo, hi]},
     * {@code h (y − meanOver) + Σ_d law[d] g(min(y − d, sPrev))}, from the downstream function
     * {@code g} on {@code [gLo, gLo + g.length)} with its optimal level {@code sPrev}, the demand law
     * over the upstream lead time and the mean demand over that lead time plus one period. The
     * caller makes {@code newLo − (law.length − 1) >= gLo}.
     */
    static double[] upstream(double[] g, int gLo, int sPrev, double[] law, double h, double meanOver, int newLo,
            int hi) {
        double[] next = new double[hi - newLo + 1];
        for (int y = newLo; y <= hi; y++) {
            double e = 0;
            for (int d = 0; d < law.length; d++) {
                int x = Math.min(y - d, sPrev);
                e += law[d] * g[x - gLo];
            }
            next[y - newLo] = h * (y - meanOver) + e;
        }
        return next;
    }

    static int argmin(double[] g, int lo) {
        int arg = 0;
        for (int i = 1; i < g.length; i++) {
            if (g[i] < g[arg]) {
                arg = i;
            }
        }
        return arg + lo;
    }

    /**
     * Simulates echelon base-stock levels {@code levels} in {@link SerialBatch}: every stage orders
     * {@code (S_j − echelon position)^+} (cut to the order cap); {@code copies} runs on streams
     * {@code 0..copies−1} of {@code seed} (common random numbers across calls), {@code burnIn}
     * periods discarded; 95 % interval over the copies' averages.
     */
    public static Summary simulate(SerialScenario s, int[] levels, int copies, int burnIn, int periods, long seed) {
        return Summary.of(perCopy(s, levels, copies, burnIn, periods, seed), 0.95);
    }

    /** As {@link #simulate}, every copy's average cost in copy order (for paired comparisons). */
    public static double[] perCopy(SerialScenario s, int[] levels, int copies, int burnIn, int periods, long seed) {
        int n = s.stages();
        SerialBatch batch = new SerialBatch(s, copies);
        batch.reset(seed, 0);
        return BatchAverage.perCopy(batch, (b, actions) -> {
            for (int i = 0; i < copies; i++) {
                for (int j = 0; j < n; j++) {
                    actions[i * n + j] = Math.min(s.maxOrder(), Math.max(0, levels[j] - batch.echelonPosition(i, j)));
                }
            }
        }, burnIn, periods);
    }

    /**
     * The echelon base-stock heuristic fitted by simulation: coordinate descent over the levels, each
     * candidate scored on the same simulated demands (common random numbers), starting from the
     * newsvendor-like levels {@code (L_0 + … + L_j + 1)·μ}. Returns the levels found.
     */
    public static int[] fitBySimulation(SerialScenario s, int copies, int burnIn, int periods, long seed) {
        int n = s.stages();
        int[] start = new int[n];
        int cum = 0;
        for (int j = 0; j < n; j++) {
            cum += s.leadTimes()[j];
            start[j] = (int) Math.round((cum + 1) * s.demand().mean());
        }
        int[] lo = new int[n];
        int[] hi = new int[n];
        java.util.Arrays.fill(hi, 20 * start[n - 1] + 20);
        IntegerSearch.Best[] b = IntegerSearch.minimize(
                lv -> simulate(s, lv, copies, burnIn, periods, seed).mean(), start, lo, hi);
        int[] out = new int[n];
        for (int j = 0; j < n; j++) {
            out[j] = b[j].arg();
        }
        return out;
    }
}
