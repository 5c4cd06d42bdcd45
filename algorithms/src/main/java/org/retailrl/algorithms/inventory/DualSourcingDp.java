package org.retailrl.algorithms.inventory;

import java.util.Arrays;
import org.retailrl.envs.inventory.DualSourcingScenario;

/**
 * Exact average-cost dynamic programming for dual sourcing with backlog (docs/model.md §7), for
 * small lead-time differences {@code k = l_r − l_e}.
 *
 * <p><b>Reduced state</b> (the standard reduction for backlog): {@code x} = net inventory plus every
 * order (of either source) arriving within {@code l_e} periods, and {@code r_1..r_{k−1}} = the
 * regular orders arriving after that. With post-order {@code y = x + q_e}, the cost charged to the
 * decision is {@code c_r q_r + c_e q_e + E[h (y − D^{(l_e+1)})^+ + b (y − D^{(l_e+1)})^-]} (the net
 * inventory at the end of period {@code t + l_e}), and {@code x' = y + r_1 − D} ({@code k = 1}:
 * {@code y + q_r − D}), pipeline {@code (r_2, …, r_{k−1}, q_r)}. States: {@code (x_hi − x_lo + 1)(Q_r + 1)^{k−1}}.
 *
 * <p><b>Truncation</b> (documented, not exact at the edges): {@code x ∈ [x_lo, x_hi]} with
 * {@code x_lo = −2·D_max} and {@code x_hi = (l_r + 2)·D_max + Q_r}; a transition below {@code x_lo}
 * or above {@code x_hi} is moved to the edge. Sensible policies keep {@code y >= 0}, so
 * {@code x' >= −D_max} never reaches {@code x_lo}; the top edge is far above any order-up-to level.
 * Demand truncation is that of the {@link org.retailrl.envs.inventory.DemandLaw} table. Convergence:
 * span below the tolerance ({@link RelativeValueIteration}).
 *
 * <p>Bellman sweep: {@code E V} is tabulated once per next-state tail, then minimised over {@code q_r}
 * (which only enters the tail) and finally over {@code q_e}, so a sweep costs
 * {@code O(states · (|D| + Q_r + Q_e))}.
 */
public final class DualSourcingDp {
    private final DualSourcingScenario s;
    private final int k;
    private final int xLo;
    private final int xHi;
    private final int width;
    private final int qr;
    private final int qe;
    private final int radix;
    private final int tails;
    private final int midCodes;
    private final double[] pmf;
    private final double[] periodCost;
    private final int states;

    /** The model of {@code scenario}; lead-time difference at most 4 and at most 5 million states. */
    public DualSourcingDp(DualSourcingScenario scenario) {
        this.s = scenario;
        this.k = scenario.regularLead() - scenario.expeditedLead();
        if (k > 4) {
            throw new IllegalArgumentException("exact dual sourcing needs l_r − l_e <= 4, got " + k);
        }
        int dmax = scenario.demand().max();
        this.qr = scenario.maxRegular();
        this.qe = scenario.maxExpedited();
        this.xLo = -2 * dmax;
        this.xHi = (scenario.regularLead() + 2) * dmax + qr;
        this.width = xHi - xLo + 1;
        this.radix = qr + 1;
        long t = 1;
        for (int j = 0; j < k - 1; j++) {
            t *= radix;
        }
        if (t * width > 5_000_000) {
            throw new IllegalArgumentException("dual sourcing with l_r − l_e = " + k + " and maxRegular = " + qr
                    + " has " + t * width + " states (limit 5000000)");
        }
        this.tails = (int) t;
        this.midCodes = Math.max(1, tails / radix);
        this.states = tails * width;
        this.pmf = scenario.demand().table();
        double[] lead = scenario.demand().convolutionPower(scenario.expeditedLead() + 1);
        periodCost = new double[width];
        for (int y = xLo; y <= xHi; y++) {
            double c = 0;
            for (int d = 0; d < lead.length; d++) {
                int n = y - d;
                c += lead[d] * (n >= 0 ? scenario.holdingCost() * n : -scenario.backlogCost() * n);
            }
            periodCost[y - xLo] = c;
        }
    }

    /** Number of states. */
    public int states() {
        return states;
    }

    /** The lead-time difference {@code k}. */
    public int leadDifference() {
        return k;
    }

    private int clampX(int x) {
        return x < xLo ? 0 : (x > xHi ? width - 1 : x - xLo);
    }

    /** Decodes state {@code s} into {@code r} (length {@code k − 1}) and returns {@code x}. */
    int decode(int state, int[] r) {
        int code = state / width;
        for (int j = 0; j < k - 1; j++) {
            r[j] = code % radix;
            code /= radix;
        }
        return xLo + state % width;
    }

    /** The optimum: average cost with its bracket, states, sweeps and seconds, and the optimal orders. */
    public record Solution(double cost, double halfWidth, int states, int sweeps, double seconds) {
    }

    /** Solves to span tolerance {@code tolerance}. */
    public Solution solve(double tolerance) {
        long t0 = System.nanoTime();
        double[] ev = new double[(width + qr) * tails];
        double[] a = new double[(width + qr) * midCodes];
        RelativeValueIteration.Operator op = (v, out) -> {
            for (int tail = 0; tail < tails; tail++) {
                for (int m = 0; m < width + qr; m++) {
                    double acc = 0;
                    for (int d = 0; d < pmf.length; d++) {
                        acc += pmf[d] * v[tail * width + clampX(m + xLo - d)];
                    }
                    ev[tail * (width + qr) + m] = acc;
                }
            }
            int pow = tails / radix;
            for (int mid = 0; mid < midCodes; mid++) {
                for (int m = 0; m < width + qr; m++) {
                    double best = Double.POSITIVE_INFINITY;
                    for (int q = 0; q <= qr; q++) {
                        int tail = k == 1 ? 0 : mid + pow * q;
                        int mm = k == 1 ? m + q : m;
                        if (mm >= width + qr) {
                            break;
                        }
                        best = Math.min(best, s.regularCost() * q + ev[tail * (width + qr) + mm]);
                    }
                    a[mid * (width + qr) + m] = best;
                }
            }
            int[] r = new int[Math.max(k - 1, 1)];
            for (int st = 0; st < states; st++) {
                int x = decode(st, r);
                int r1 = k == 1 ? 0 : r[0];
                int mid = 0;
                for (int j = k - 2; j >= 1; j--) {
                    mid = mid * radix + r[j];
                }
                double best = Double.POSITIVE_INFINITY;
                for (int q = 0; q <= qe && x + q <= xHi; q++) {
                    int y = x + q - xLo;
                    best = Math.min(best, s.expeditedCost() * q + periodCost[y] + a[mid * (width + qr) + y + r1]);
                }
                out[st] = best;
            }
        };
        RelativeValueIteration.Result res = RelativeValueIteration.solve(states, op, -xLo, null, tolerance, 1_000_000,
                1);
        return new Solution(res.gain(), res.halfWidth(), states, res.sweeps(), (System.nanoTime() - t0) / 1e9);
    }

    /** The exact average cost of {@code policy} (orders cut to the caps and to {@code x_hi}). */
    public double evaluate(DualSourcingPolicy policy, double tolerance) {
        int[] next = new int[states];
        int[] mOf = new int[states];
        double[] fixed = new double[states];
        int[] r = new int[Math.max(k - 1, 1)];
        int[] rr = new int[k - 1];
        int[] q = new int[2];
        int pow = tails / radix;
        for (int st = 0; st < states; st++) {
            int x = decode(st, r);
            System.arraycopy(r, 0, rr, 0, k - 1);
            policy.order(x, rr, q);
            int qR = Math.max(0, Math.min(q[0], qr));
            int qE = Math.max(0, Math.min(Math.min(q[1], qe), xHi - x));
            int y = x + qE;
            int mid = 0;
            for (int j = k - 2; j >= 1; j--) {
                mid = mid * radix + r[j];
            }
            next[st] = k == 1 ? 0 : mid + pow * qR;
            mOf[st] = k == 1 ? y + qR : y + r[0];
            fixed[st] = s.regularCost() * qR + s.expeditedCost() * qE + periodCost[y - xLo];
        }
        RelativeValueIteration.Operator op = (v, out) -> {
            for (int st = 0; st < states; st++) {
                double acc = 0;
                int base = next[st] * width;
                for (int d = 0; d < pmf.length; d++) {
                    acc += pmf[d] * v[base + clampX(mOf[st] - d)];
                }
                out[st] = fixed[st] + acc;
            }
        };
        return RelativeValueIteration.solve(states, op, -xLo, null, tolerance, 1_000_000, 1).gain();
    }

    /** Fits and scores single index, dual index, capped dual index and tailored base-surge exactly. */
    public java.util.List<HeuristicResult> heuristics(double tolerance) {
        java.util.List<HeuristicResult> out = new java.util.ArrayList<>();
        int hi = xHi;
        int mean = (int) Math.round(s.demand().mean());
        int[] lo2 = {xLo, xLo};
        int[] hi2 = {hi, hi + qr * k};
        HeuristicResult di = fit("dual index", p -> DualSourcingPolicy.dualIndex(p[0], p[1], Integer.MAX_VALUE),
                new int[] {mean, mean * (k + 1)}, lo2, hi2, tolerance);
        int[] diArgs = parse(di.parameters());
        // Single index: descent from two starts (its cost has flat regions where no expedited order is placed).
        HeuristicResult si1 = fit("single index", p -> DualSourcingPolicy.singleIndex(p[0], p[1]),
                new int[] {mean, mean * 3}, lo2, hi2, tolerance);
        HeuristicResult si2 = fit("single index", p -> DualSourcingPolicy.singleIndex(p[0], p[1]),
                new int[] {diArgs[1] - 1, diArgs[1]}, lo2, hi2, tolerance);
        out.add(si1.cost() <= si2.cost() ? si1 : si2);
        out.add(di);
        // Capped dual index: every cap (the cost is flat in the cap where it never binds, so descent over
        // the cap alone stalls), the two levels fitted for each.
        HeuristicResult cdi = null;
        for (int cap = 0; cap <= qr; cap++) {
            int c = cap;
            HeuristicResult h = fit("capped dual index", p -> DualSourcingPolicy.dualIndex(p[0], p[1], c),
                    new int[] {diArgs[0], diArgs[1]}, lo2, hi2, tolerance);
            if (cdi == null || h.cost() < cdi.cost()) {
                cdi = h;
            }
        }
        out.add(cdi);
        out.add(fit("tailored base-surge", p -> DualSourcingPolicy.tailoredBaseSurge(p[0], p[1]),
                new int[] {Math.max(0, mean - 1), mean}, new int[] {0, xLo}, new int[] {qr, hi}, tolerance));
        return out;
    }

    private static int[] parse(String params) {
        String[] parts = params.split(" ");
        int[] v = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Integer.parseInt(parts[i].substring(parts[i].indexOf('=') + 1));
        }
        return v;
    }

    private HeuristicResult fit(String name, java.util.function.Function<int[], DualSourcingPolicy> make, int[] start,
            int[] lo, int[] hi, double tolerance) {
        long t0 = System.nanoTime();
        IntegerSearch.Best[] b = IntegerSearch.minimize(p -> evaluate(make.apply(p), tolerance), start, lo, hi);
        int[] arg = new int[b.length];
        for (int c = 0; c < b.length; c++) {
            arg[c] = b[c].arg();
        }
        DualSourcingPolicy p = make.apply(arg);
        return new HeuristicResult(name, p.parameters(), b[0].value(), tolerance / 2, b[0].evaluations(),
                (System.nanoTime() - t0) / 1e9);
    }

    @Override
    public String toString() {
        return "DualSourcingDp[k=" + k + ", x in [" + xLo + ", " + xHi + "], states=" + states + ", pmf="
                + Arrays.toString(pmf) + "]";
    }
}
