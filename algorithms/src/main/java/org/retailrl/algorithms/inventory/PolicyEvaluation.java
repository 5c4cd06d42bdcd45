package org.retailrl.algorithms.inventory;

/**
 * The exact long-run average cost of a stationary lost-sales policy (docs/model.md §7): relative
 * value iteration with the policy's operator {@code (T_π v)(s) = C(y) + c q + E v(next)} on a
 * {@link PipelineSpace} whose bound is at least the highest position the policy raises the state
 * to. Orders above the cap {@code Q} are cut to it, as in the simulator; orders that would exceed the
 * bound are cut to it and counted ({@link Result#clipped()}); a
 * policy evaluated with {@code clipped() > 0} is not the policy asked for, and callers enlarge the bound.
 */
public final class PolicyEvaluation {
    /**
     * @param cost      average cost per period (midpoint of the bracket)
     * @param halfWidth half-width of the certified bracket
     * @param states    states of the space
     * @param sweeps    sweeps used
     * @param clipped   states whose order was cut to the bound
     */
    public record Result(double cost, double halfWidth, int states, int sweeps, int clipped) {
    }

    private PolicyEvaluation() {
    }

    /** Evaluates {@code policy} on the space of position bound {@code bound} to span tolerance {@code tolerance}. */
    static Result evaluate(LostSalesModel model, LostSalesPolicy policy, int bound, double tolerance) {
        PipelineSpace space = new PipelineSpace(model.lead, bound);
        LostSalesModel mb = model.bound == bound ? model : new LostSalesModel(model.scenario, bound);
        int n = space.size();
        int[] y = new int[n];
        int[] next = new int[n];
        int[] z = new int[n];
        double[] fixed = new double[n];
        int[] clipped = new int[1];
        int lead = model.lead;
        int midCodes = space.codes() / space.radix();
        int radix = space.radix();
        space.forEach((s, st) -> {
            int room = bound - LostSalesPolicy.position(st);
            // The order cap Q applies silently, as in the simulator; the state bound is counted.
            int q = Math.min(policy.order(st), mb.scenario.maxOrder());
            if (q < 0) {
                throw new IllegalArgumentException(policy.name() + " ordered " + q + " < 0");
            }
            if (q > room) {
                clipped[0]++;
                q = room;
            }
            if (lead == 0) {
                y[s] = st[0] + q;
                next[s] = 0;
                z[s] = 0;
            } else if (lead == 1) {
                y[s] = st[0];
                next[s] = 0;
                z[s] = q;
            } else {
                y[s] = st[0];
                int mid = space.code(st) / radix;
                next[s] = space.offset(mid + midCodes * q);
                z[s] = st[1];
            }
            fixed[s] = mb.periodCost[y[s]] + mb.unitCost * q;
        });
        double[] pmf = mb.pmf;
        double[] tail = mb.tail;
        RelativeValueIteration.Operator op = (v, out) -> {
            for (int s = 0; s < n; s++) {
                int yy = y[s];
                int top = next[s] + z[s] + yy;
                double acc = tail[yy] * v[top - yy];
                for (int d = 0; d < yy; d++) {
                    acc += pmf[d] * v[top - d];
                }
                out[s] = fixed[s] + acc;
            }
        };
        RelativeValueIteration.Result r = RelativeValueIteration.solve(n, op, 0, null, tolerance, 1_000_000, 1);
        return new Result(r.gain(), r.halfWidth(), n, r.sweeps(), clipped[0]);
    }

    /** Evaluates {@code policy} for {@code scenario} with position bound {@code bound}. */
    public static Result evaluate(org.retailrl.envs.inventory.LostSalesScenario scenario, LostSalesPolicy policy,
            int bound, double tolerance) {
        return evaluate(new LostSalesModel(scenario, bound), policy, bound, tolerance);
    }

    /**
     * The exact average cost of ordering {@code r} units every period: on hand follows the
     * one-dimensional chain {@code y' = (y − D)^+ + r} whatever the lead time. Its stationary law is
     * found by iterating the law from the empty system ({@code y = r}) until the total-variation change
     * per step is below {@code 1e-13}; the chain is kept on {@code 0..cap} and the call fails if more
     * than {@code 1e-12} of the mass reaches {@code cap} (then {@code r} is too close to the mean demand).
     * The half-width reported is the largest period cost times the last change.
     */
    public static Result constantOrder(org.retailrl.envs.inventory.LostSalesScenario sc, int r, int cap,
            double tolerance) {
        int n = cap + 1;
        double[] pmf = sc.demand().table();
        double[] cost = new double[n];
        double maxCost = 0;
        for (int y = 0; y < n; y++) {
            cost[y] = sc.expectedPeriodCost(y) + sc.unitCost() * r;
            maxCost = Math.max(maxCost, cost[y]);
        }
        double[] pi = new double[n];
        double[] next = new double[n];
        pi[Math.min(r, cap)] = 1;
        for (int sweep = 1; sweep <= 10_000_000; sweep++) {
            java.util.Arrays.fill(next, 0);
            for (int y = 0; y < n; y++) {
                double m = pi[y];
                if (m == 0) {
                    continue;
                }
                next[Math.min(r, cap)] += m * sc.demand().tail(y);
                for (int d = 0; d < y && d < pmf.length; d++) {
                    next[Math.min(y - d + r, cap)] += m * pmf[d];
                }
            }
            double change = 0;
            for (int y = 0; y < n; y++) {
                change += Math.abs(next[y] - pi[y]);
            }
            double[] t = pi;
            pi = next;
            next = t;
            if (pi[cap] > 1e-12) {
                throw new IllegalStateException("constant order r = " + r + ": the on-hand chain reaches the cap "
                        + cap + "; r is too close to the mean demand");
            }
            if (change < 1e-13 || maxCost * change < tolerance * 1e-3) {
                double g = 0;
                for (int y = 0; y < n; y++) {
                    g += pi[y] * cost[y];
                }
                return new Result(g, maxCost * change, n, sweep, 0);
            }
        }
        throw new IllegalStateException("constant order r = " + r + ": the on-hand law did not settle");
    }
}
