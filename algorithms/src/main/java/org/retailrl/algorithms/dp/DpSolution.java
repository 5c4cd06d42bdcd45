package org.retailrl.algorithms.dp;

/**
 * The result of exact dynamic programming on a {@link DpInstance}: optimal values and the optimal
 * decision table, per period (finite horizon, row {@code t − 1} for period {@code t}) or one
 * stationary row (discounted). The state index is that of {@link BellmanOperator}: available stock
 * after arrival for {@code L = 1}, previous ending inventory for {@code L = 0}. Values in currency
 * (expected total profit, discounted where {@code discount < 1}).
 *
 * <p>docs/model.md §1 (the Bellman recursion over the §1 state, lost sales).
 */
public final class DpSolution {
    private final DpInstance instance;
    private final double[][] values;
    private final int[][] priceIndex;
    private final int[][] order;
    private final double discount;
    private final int iterations;
    private final double residual;

    DpSolution(DpInstance instance, double[][] values, int[][] priceIndex, int[][] order, double discount,
            int iterations, double residual) {
        this.instance = instance;
        this.values = values;
        this.priceIndex = priceIndex;
        this.order = order;
        this.discount = discount;
        this.iterations = iterations;
        this.residual = residual;
    }

    /** The solved instance. */
    public DpInstance instance() {
        return instance;
    }

    /** True for a stationary (discounted, infinite-horizon) solution. */
    public boolean stationary() {
        return values.length == 1 && iterations > 0;
    }

    /** Number of periods covered by the table (1 for a stationary solution). */
    public int rows() {
        return values.length;
    }

    /** Discount factor used (1 for the undiscounted finite horizon). */
    public double discount() {
        return discount;
    }

    /** Value-iteration sweeps (0 for backward induction). */
    public int iterations() {
        return iterations;
    }

    /** Last sup-norm change between sweeps (0 for backward induction). */
    public double residual() {
        return residual;
    }

    /** Optimal expected profit from the instance's start state (start inventory, empty pipeline). */
    public double optimum() {
        return values[0][instance.startInventory()];
    }

    /** Optimal value in period {@code t} (1-based; ignored when stationary) and state {@code x}. */
    public double value(int t, int x) {
        return values[row(t)][x];
    }

    /** Optimal price index in period {@code t} and state {@code x}. */
    public int priceIndex(int t, int x) {
        return priceIndex[row(t)][x];
    }

    /** Optimal order quantity in period {@code t} and state {@code x}. */
    public int order(int t, int x) {
        return order[row(t)][x];
    }

    private int row(int t) {
        if (values.length == 1) {
            return 0;
        }
        if (t < 1 || t > values.length) {
            throw new IllegalArgumentException("period must be in [1, " + values.length + "], got " + t);
        }
        return t - 1;
    }

    /** The optimal decision table as a policy. */
    public DpPolicy policy() {
        return new DpPolicy(this);
    }
}
