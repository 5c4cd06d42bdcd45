package org.retailrl.core.linalg;

/**
 * Solves {@code A x = b} for a small symmetric positive-definite matrix by the Cholesky
 * factorisation {@code A = L Lᵀ}: the normal equations of a least-squares fit and the Newton step
 * of a likelihood fit (the observed information is symmetric positive-definite at a well-posed
 * maximum). Dense, row-major, {@code O(p³)}; meant for a handful of coefficients.
 */
public final class Cholesky {
    private Cholesky() {
    }

    /**
     * Factorises {@code a} in place and returns {@code x}. Only the lower triangle of {@code a}
     * ({@code a[i·p + j]}, {@code j ≤ i}) is read; it is overwritten with {@code L}. Each pivot
     * {@code L_jj²} is raised to at least {@code floor} before its square root, so a nearly
     * singular matrix yields a large but finite solution instead of NaN; {@code floor > 0} is the
     * caller's regularisation scale.
     *
     * @param a     {@code p × p} row-major matrix, lower triangle used and overwritten
     * @param b     right-hand side of length {@code p}, not modified
     * @param p     dimension, {@code ≥ 1}
     * @param floor smallest accepted squared pivot, finite and {@code > 0}
     */
    public static double[] solve(double[] a, double[] b, int p, double floor) {
        if (p < 1 || a == null || b == null || a.length < p * p || b.length < p) {
            throw new IllegalArgumentException("a must be p x p and b of length p, with p >= 1; got p = " + p);
        }
        if (!(floor > 0) || !Double.isFinite(floor)) {
            throw new IllegalArgumentException("floor must be finite and > 0, got " + floor);
        }
        for (int j = 0; j < p; j++) {
            double d = a[j * p + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * p + k] * a[j * p + k];
            }
            d = Math.sqrt(Math.max(d, floor));
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
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= a[i * p + k] * z[k];
            }
            z[i] = s / a[i * p + i];
        }
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < p; k++) {
                s -= a[k * p + i] * x[k];
            }
            x[i] = s / a[i * p + i];
        }
        return x;
    }
}
