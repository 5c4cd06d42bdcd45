package org.retailrl.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CholeskyTest {
    @Test
    void solvesASymmetricPositiveDefiniteSystem() {
        // A = M Mᵀ + I for a fixed M; b = A x* for a known x*.
        double[] m = {2, -1, 0.5, 1, 3, -2, 0, 1, 4};
        int p = 3;
        double[] a = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = i == j ? 1 : 0;
                for (int k = 0; k < p; k++) {
                    s += m[i * p + k] * m[j * p + k];
                }
                a[i * p + j] = s;
            }
        }
        double[] x = {1.5, -2, 0.25};
        double[] b = new double[p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                b[i] += a[i * p + j] * x[j];
            }
        }
        // Only the lower triangle is read: spoil the upper one.
        a[1] = 1e6;
        a[2] = -1e6;
        a[5] = 42;
        assertArrayEquals(x, Cholesky.solve(a, b, p, 1e-300), 1e-12);
    }

    @Test
    void refusesBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Cholesky.solve(new double[4], new double[2], 2, 0));
        assertThrows(IllegalArgumentException.class, () -> Cholesky.solve(new double[3], new double[2], 2, 1));
    }
}
