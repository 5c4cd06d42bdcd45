package org.retailrl.algorithms.dp;

/**
 * Discounted infinite-horizon exact dynamic programming for a small docs/model.md §1 instance:
 * {@code V_{n+1} = T_γ V_n} from {@code V_0 ≡ 0} until {@code ‖V_{n+1} − V_n‖_∞ < ε(1 − γ)/(2γ)}.
 * With that stopping rule (Puterman 1994, Thm 6.3.1) the greedy policy of {@code V_{n+1}} is
 * {@code ε}-optimal and {@code ‖V_{n+1} − V*‖_∞ < ε/2}. Values are expected discounted profit,
 * {@code Σ_t γ^{t−1} r_t}, in currency.
 */
public final class ValueIteration {
    private ValueIteration() {
    }

    /**
     * Solves {@code inst} with discount {@code γ ∈ (0, 1)} to tolerance {@code ε > 0}, failing with
     * {@link IllegalStateException} after {@code maxIterations} sweeps.
     */
    public static DpSolution solve(DpInstance inst, double discount, double epsilon, int maxIterations) {
        if (!(discount > 0 && discount < 1)) {
            throw new IllegalArgumentException("discount must be in (0, 1), got " + discount);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        int n = inst.cap() + 1;
        BellmanOperator op = new BellmanOperator(inst);
        double[] v = new double[n];
        double[] w = new double[n];
        int[] price = new int[n];
        int[] order = new int[n];
        double threshold = epsilon * (1 - discount) / (2 * discount);
        for (int it = 1; it <= maxIterations; it++) {
            op.apply(v, discount, w, price, order);
            double diff = 0;
            for (int x = 0; x < n; x++) {
                diff = Math.max(diff, Math.abs(w[x] - v[x]));
            }
            double[] tmp = v;
            v = w;
            w = tmp;
            if (diff < threshold) {
                return new DpSolution(inst, new double[][] {v}, new int[][] {price}, new int[][] {order}, discount, it, diff);
            }
        }
        throw new IllegalStateException("value iteration did not reach tolerance " + epsilon + " in " + maxIterations
                + " sweeps");
    }
}
