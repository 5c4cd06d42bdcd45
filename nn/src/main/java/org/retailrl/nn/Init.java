package org.retailrl.nn;

import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * Weight initialisers (docs/model.md §8: "orthogonal initialisation, gain √2 hidden, 0.01 policy head,
 * 1 value head"). The orthogonal initialiser follows Saxe et al. and PyTorch's
 * {@code nn.init.orthogonal_}: the Q factor of a Gaussian matrix, with the signs of R's diagonal
 * folded into Q so the result is Haar-distributed, times a gain.
 */
public final class Init {
    /** Gain for hidden layers followed by tanh/relu (docs/model.md §8). */
    public static final double GAIN_HIDDEN = Math.sqrt(2.0);
    /** Gain for the policy (logits) head (docs/model.md §8). */
    public static final double GAIN_POLICY = 0.01;
    /** Gain for the value head (docs/model.md §8). */
    public static final double GAIN_VALUE = 1.0;

    private Init() {
    }

    /**
     * Fills the matrix {@code w} of shape {@code [rows, cols]} with a (semi-)orthogonal matrix times
     * {@code gain}: orthonormal rows when rows ≤ cols, orthonormal columns otherwise. The QR is a
     * modified Gram–Schmidt in double precision.
     */
    public static void orthogonal(Tensor w, double gain, Rng rng) {
        if (w.rank() != 2) {
            throw new IllegalArgumentException("orthogonal: w must have rank 2, got shape " + java.util.Arrays.toString(w.shape()));
        }
        if (!(gain > 0) || !Double.isFinite(gain)) {
            throw new IllegalArgumentException("gain must be finite and > 0, got " + gain);
        }
        int rows = w.dim(0);
        int cols = w.dim(1);
        boolean transpose = rows < cols;
        int n = transpose ? cols : rows; // tall dimension
        int k = transpose ? rows : cols; // number of orthonormal vectors
        // Column j of the tall n×k Gaussian matrix, stored as q[j][·].
        double[][] q = new double[k][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                q[j][i] = rng.normal();
            }
        }
        for (int j = 0; j < k; j++) {
            for (int p = 0; p < j; p++) {
                double d = 0;
                for (int i = 0; i < n; i++) {
                    d += q[p][i] * q[j][i];
                }
                for (int i = 0; i < n; i++) {
                    q[j][i] -= d * q[p][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += q[j][i] * q[j][i];
            }
            norm = Math.sqrt(norm);
            // R's diagonal is +norm in Gram–Schmidt, so the sign correction of PyTorch is already
            // satisfied; the norm cannot vanish for a Gaussian draw except with probability zero.
            for (int i = 0; i < n; i++) {
                q[j][i] /= norm;
            }
        }
        float[] out = w.data();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = transpose ? q[r][c] : q[c][r];
                out[r * cols + c] = (float) (gain * v);
            }
        }
    }

    /** Fills {@code t} with independent uniform draws on {@code [-bound, bound)}. */
    public static void uniform(Tensor t, double bound, Rng rng) {
        if (!(bound >= 0) || !Double.isFinite(bound)) {
            throw new IllegalArgumentException("bound must be finite and >= 0, got " + bound);
        }
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.uniform(-bound, bound);
        }
    }
}
