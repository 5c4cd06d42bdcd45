package org.retailrl.cli.demand;

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
        // Cholesky a = L Lᵀ, L in the lower triangle.
        for (int j = 0; j < p; j++) {
            double d = a[j * p + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * p + k] * a[j * p + k];
            }
            d = Math.sqrt(Math.max(d, eps));
            a[j * p + j] = d;
            for (int i = j + 1; i < p; i++) {
                double s = a[i * p + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * p + k] * a[j * p + k];
                }
                a[i * p + j] = s / d;
            }
        }
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double s = xty[i];
            for (int k = 0; k < i; k++) {
                s -= a[i * p + k] * z[k];
            }
            z[i] = s / a[i * p + i];
        }
        double[] beta = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < p; k++) {
                s -= a[k * p + i] * beta[k];
            }
            beta[i] = s / a[i * p + i];
        }
        return beta;
    }
}
