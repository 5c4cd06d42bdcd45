package org.retailrl.algorithms.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.retailrl.algorithms.eval.Summary;
import org.retailrl.envs.inventory.DemandLaw;
import org.retailrl.envs.inventory.OwmrBatch;
import org.retailrl.envs.inventory.OwmrScenario;

/**
 * The one-warehouse multi-retailer system of docs/model.md §7 ({@link OwmrScenario}): a lower bound
 * on the optimal average cost, and the base-stock heuristics a practitioner would run, fitted by
 * simulation with common random numbers.
 *
 * <p><b>Lower bound</b> ({@link #lowerBound}): the balance relaxation of Federgruen &amp; Zipkin
 * (1984). Allow the stock that reaches the warehouse to be split among the retailers' positions
 * without the constraint that an allocation be non-negative; the relaxed system is a two-echelon
 * serial system whose demand-facing stage has the convex cost
 * {@code R(z) = min_{Σ y_r = z} Σ_r G_r(y_r)}, {@code G_r(y) = (h_r − h_w)(y − (L_r+1)μ_r) +
 * (b + h_r) E[(D_r^{(L_r+1)} − y)^+]}, and the Clark–Scarf decomposition ({@link ClarkScarf})
 * solves it exactly. Every policy of the real system is feasible in the relaxation, so the relaxed
 * optimum is a lower bound; with one retailer it is the exact optimum. {@code R} is tabulated by
 * greedy marginal allocation, exact for separable convex functions: every {@code G_r} is linear with
 * the same slope {@code h_r − h_w − b − h_r} below 0, so the greedy walk may start with every
 * retailer at 0.
 *
 * <p><b>Heuristics</b> ({@link Policy}): each retailer orders up to its own base-stock level
 * {@code s_r} (its position: net inventory, in transit and owed); the warehouse orders up to an
 * echelon level {@code S_0} on the echelon position (everything in the system net of backlog), or
 * up to an installation level {@code S_w} on its own position after this period's retailer orders;
 * a short warehouse splits its stock by the scenario's allocation rule. The levels are fitted by
 * coordinate descent, every candidate scored on the same simulated demands
 * ({@link #fit}), starting from the lower bound's levels.
 */
public final class Owmr {
    /**
     * The relaxation's optimum.
     *
     * @param cost           lower bound on the optimal average cost per period
     * @param echelonLevel   the relaxation's optimal warehouse echelon level {@code S_0}
     * @param retailerLevels the retailers' positions when the relaxation's retailer echelon is at its
     *                       optimum (the greedy allocation of {@code argmin R})
     * @param seconds        wall time
     */
    public record Bound(double cost, int echelonLevel, int[] retailerLevels, double seconds) {
    }

    /**
     * A base-stock policy of the system.
     *
     * @param echelon        the warehouse level is on the echelon position (else on its installation position)
     * @param warehouseLevel {@code S_0} (echelon) or {@code S_w} (installation)
     * @param retailerLevels {@code s_1..s_n}
     */
    public record Policy(boolean echelon, int warehouseLevel, int[] retailerLevels) {
        /** Its name, e.g. {@code echelon base-stock}. */
        public String name() {
            return (echelon ? "echelon" : "installation") + " base-stock";
        }

        /** Its levels as text. */
        public String levels() {
            return (echelon ? "S0=" : "Sw=") + warehouseLevel + " s=" + Arrays.toString(retailerLevels);
        }
    }

    /**
     * A heuristic fitted and scored by simulation.
     *
     * @param scenario its scenario (the allocation rule)
     * @param policy   the fitted levels
     * @param cost     its simulated cost (95 % interval)
     * @param evaluations simulations run while fitting
     * @param seconds  wall time of fitting and scoring
     */
    public record Fitted(OwmrScenario scenario, Policy policy, Summary cost, int evaluations, double seconds) {
        /** A one-line name: policy and allocation rule. */
        public String name() {
            return policy.name() + ", " + scenario.allocation().label();
        }
    }

    private Owmr() {
    }

    /** The balance-relaxation lower bound of {@code s}. */
    public static Bound lowerBound(OwmrScenario s) {
        long t0 = System.nanoTime();
        int n = s.retailers();
        double e = s.retailerHolding() - s.warehouseHolding();
        double shortage = s.backlogCost() + s.retailerHolding();
        double[][] g = new double[n][];
        int top = 0;
        double[] total = {1.0};
        for (int r = 0; r < n; r++) {
            DemandLaw law = s.demand(r);
            int lr = s.retailerLead(r);
            double[] over = law.convolutionPower(lr + 1);
            g[r] = ClarkScarf.bottom(over, e, (lr + 1) * law.mean(), shortage, 0, over.length + 1);
            top += g[r].length - 1;
            total = DemandLaw.convolve(total, law.table());
        }
        // R on [0, top] by greedy marginal allocation; pos[r] the allocation at the current z.
        double[] rz = new double[top + 1];
        int[] pos = new int[n];
        int[] best = new int[n];
        for (int r = 0; r < n; r++) {
            rz[0] += g[r][0];
        }
        int sR = 0;
        for (int z = 1; z <= top; z++) {
            int pick = -1;
            double delta = Double.POSITIVE_INFINITY;
            for (int r = 0; r < n; r++) {
                double d = pos[r] + 1 < g[r].length ? g[r][pos[r] + 1] - g[r][pos[r]] : e;
                if (d < delta) {
                    delta = d;
                    pick = r;
                }
            }
            pos[pick]++;
            rz[z] = rz[z - 1] + delta;
            if (rz[z] < rz[sR]) {
                sR = z;
                best = pos.clone();
            }
        }
        int l0 = s.warehouseLead();
        double muTotal = 0;
        for (int r = 0; r < n; r++) {
            muTotal += s.demand(r).mean();
        }
        double[] law0 = total;
        for (int k = 1; k < l0; k++) {
            law0 = DemandLaw.convolve(law0, total);
        }
        // R extended below 0 with its common slope, so that min(y − D^{(L_0)}, S_R) stays on the grid for y >= 0.
        int gLo = -(law0.length - 1);
        double[] ext = new double[sR - gLo + 1];
        for (int z = gLo; z <= sR; z++) {
            ext[z - gLo] = z >= 0 ? rz[z] : rz[0] + (e - shortage) * z;
        }
        int hi = sR + law0.length + 5;
        double[] gw = ClarkScarf.upstream(ext, gLo, sR, law0, s.warehouseHolding(), (l0 + 1) * muTotal, 0, hi);
        int sW = ClarkScarf.argmin(gw, 0);
        return new Bound(gw[sW], sW, best, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Simulates {@code p} on {@code s}: {@code copies} runs on streams {@code 0..copies−1} of
     * {@code seed} (common random numbers across calls), {@code burnIn} periods discarded, orders cut
     * to the scenario's cap; 95 % interval over the copies' averages.
     */
    public static Summary simulate(OwmrScenario s, Policy p, int copies, int burnIn, int periods, long seed) {
        int n = s.retailers();
        if (p.retailerLevels().length != n) {
            throw new IllegalArgumentException("policy must give " + n + " retailer levels, got "
                    + p.retailerLevels().length);
        }
        OwmrBatch batch = new OwmrBatch(s, copies);
        batch.reset(seed, 0);
        int q = s.maxOrder();
        return BatchAverage.averageCost(batch, (b, actions) -> {
            for (int i = 0; i < copies; i++) {
                int ordered = 0;
                for (int r = 0; r < n; r++) {
                    int o = Math.min(q, Math.max(0, p.retailerLevels()[r] - batch.retailerPosition(i, r)));
                    actions[i * (n + 1) + 1 + r] = o;
                    ordered += o;
                }
                int position = p.echelon() ? batch.echelonPosition(i) : batch.warehousePosition(i) - ordered;
                actions[i * (n + 1)] = Math.min(q, Math.max(0, p.warehouseLevel() - position));
            }
        }, burnIn, periods);
    }

    /**
     * Fits the levels of a policy of kind {@code echelon} from {@code start} by coordinate descent,
     * every candidate scored by {@link #simulate} with the same {@code copies}, periods and
     * {@code seed}; then scores the fitted policy on {@code scoreCopies} copies of a separate
     * {@code scoreSeed}.
     */
    public static Fitted fit(OwmrScenario s, Policy start, int copies, int burnIn, int periods, long seed,
            int scoreCopies, int scorePeriods, long scoreSeed) {
        long t0 = System.nanoTime();
        int n = s.retailers();
        int[] x = new int[n + 1];
        x[0] = start.warehouseLevel();
        System.arraycopy(start.retailerLevels(), 0, x, 1, n);
        int[] lo = new int[n + 1];
        int[] hi = new int[n + 1];
        Arrays.fill(hi, 100 * s.maxOrder());
        lo[0] = start.echelon() ? 0 : -100 * s.maxOrder();
        IntegerSearch.Best[] b = IntegerSearch.minimize(v -> simulate(s, policy(start.echelon(), v), copies, burnIn,
                periods, seed).mean(), x, lo, hi);
        int[] v = new int[n + 1];
        for (int k = 0; k <= n; k++) {
            v[k] = b[k].arg();
        }
        Policy p = policy(start.echelon(), v);
        Summary cost = simulate(s, p, scoreCopies, burnIn, scorePeriods, scoreSeed);
        return new Fitted(s, p, cost, b[0].evaluations(), (System.nanoTime() - t0) / 1e9);
    }

    private static Policy policy(boolean echelon, int[] v) {
        return new Policy(echelon, v[0], Arrays.copyOfRange(v, 1, v.length));
    }

    /** Simulation sizes of {@link #heuristics}: fitting and scoring copies, burn-in and periods. */
    public static final int FIT_COPIES = 64;
    /** Periods per copy while fitting. */
    public static final int FIT_PERIODS = 2000;
    /** Periods discarded at the start of every simulation (the system starts empty). */
    public static final int BURN_IN = 200;
    /** Copies of the final scoring. */
    public static final int SCORE_COPIES = 200;
    /** Periods per copy of the final scoring. */
    public static final int SCORE_PERIODS = 10_000;

    /**
     * Echelon and installation base-stock under both allocation rules, each fitted from the bound's
     * levels (fitting seed 11, scoring seed 7 — the serial system's), in a fixed order.
     */
    public static List<Fitted> heuristics(OwmrScenario s, Bound bound) {
        int sum = 0;
        for (int v : bound.retailerLevels()) {
            sum += v;
        }
        List<Fitted> out = new ArrayList<>();
        for (OwmrScenario.Allocation a : OwmrScenario.Allocation.values()) {
            OwmrScenario sa = s.withAllocation(a);
            for (boolean echelon : new boolean[] {true, false}) {
                Policy start = new Policy(echelon, echelon ? bound.echelonLevel() : bound.echelonLevel() - sum,
                        bound.retailerLevels());
                out.add(fit(sa, start, FIT_COPIES, BURN_IN, FIT_PERIODS, 11, SCORE_COPIES, SCORE_PERIODS, 7));
            }
        }
        return out;
    }
}
