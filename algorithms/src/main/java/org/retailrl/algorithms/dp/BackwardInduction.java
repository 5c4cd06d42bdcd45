package org.retailrl.algorithms.dp;

/**
 * Finite-horizon exact dynamic programming for a small docs/model.md §1 instance: {@code V_{T+1} ≡ 0}
 * (leftover stock and undelivered orders are worth nothing), {@code V_t = T V_{t+1}} with the
 * undiscounted {@link BellmanOperator}, {@code t = T..1}. Cost {@code O(T · cap² · |P| · (Q+1))}
 * for {@code L = 1}, {@code O(T · cap · (cap·|P| + Q))} for {@code L = 0}.
 */
public final class BackwardInduction {
    private BackwardInduction() {
    }

    /** Solves {@code inst} over {@code horizon} periods (1..100000). */
    public static DpSolution solve(DpInstance inst, int horizon) {
        if (horizon < 1 || horizon > 100_000) {
            throw new IllegalArgumentException("horizon must be in [1, 100000], got " + horizon);
        }
        int n = inst.cap() + 1;
        BellmanOperator op = new BellmanOperator(inst);
        double[][] v = new double[horizon][n];
        int[][] price = new int[horizon][n];
        int[][] order = new int[horizon][n];
        double[] next = new double[n];
        for (int t = horizon - 1; t >= 0; t--) {
            op.apply(next, 1.0, v[t], price[t], order[t]);
            next = v[t];
        }
        return new DpSolution(inst, v, price, order, 1.0, 0, 0);
    }
}
