package org.retailrl.cli.demand;

import org.retailrl.core.linalg.Cholesky;

/**
 * Ordinary least squares by the normal equations {@code (XᵀX + εI) β = Xᵀy}, solved with a
 * Cholesky factorisation; the tiny ridge {@code ε} (relative to the diagonal) keeps a collinear
 * design (a price that never moves within a store) solvable. Accumulate rows with
 * {@link #add(double[], double)}, then {@link #solve()}. For the log-log demand baseline of
 * docs/model.md §5.
 */
public final class LeastSquares {
    private static final double RIDGE = 1e-9;
    private final int p;
    private final double[] xtx;
    private final double[] xty;
    private long rows;

    /** A problem with {@code p} coefficients. */
    public LeastSquares(int p) {
        if (p < 1) {
            throw new IllegalArgumentException("need at least one coefficient, got " + p);
        }
        this.p = p;
        xtx = new double[p * p];
        xty = new double[p];
    }

    /** Adds one observation {@code y ≈ x·β}. */
    public void add(double[] x, double y) {
        for (int i = 0; i < p; i++) {
            double xi = x[i];
            xty[i] += xi * y;
            for (int j = 0; j <= i; j++) {
                xtx[i * p + j] += xi * x[j];
            }
        }
        rows++;
    }

    /** Number of observations added. */
    public long rows() {
        return rows;
    }

    /** The least-squares coefficients (all zero when no rows were added). */
    public double[] solve() {
        double[] a = new double[p * p];
        double scale = 0;
        for (int i = 0; i < p; i++) {
            scale = Math.max(scale, xtx[i * p + i]);
        }
        double eps = RIDGE * Math.max(scale, 1e-300);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                a[i * p + j] = xtx[i * p + j];
            }
            a[i * p + i] += eps;
        }
        return Cholesky.solve(a, xty, p, eps);
    }
}
