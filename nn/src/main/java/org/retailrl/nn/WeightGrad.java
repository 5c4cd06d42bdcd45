package org.retailrl.nn;

import org.retailrl.core.simd.Kernels;

/**
 * Weight-gradient accumulation {@code dW += dYᵀ·X} over many rows (the backward of every
 * {@link Linear} and {@link GRULayer} of MODEL.md §8). Both operands are {@code rows} long; the
 * GEMM packs its right operand with row copies but its left operand element by element, so the
 * narrower of {@code dY} and {@code X} is put on the left: when {@code X} is narrower the product
 * is computed transposed ({@code dWᵀ = Xᵀ·dY}) into a scratch buffer and added back transposed.
 * Chosen by W1 profiling (JFR); re-check if the GEMM's packing changes.
 */
final class WeightGrad {
    private WeightGrad() {
    }

    /**
     * {@code dW[out, in] += dy[rows, out]ᵀ · x[rows, in]} (the arrays starting at the given
     * offsets); {@code scratch} holds at least
     * {@code in·out} floats.
     */
    static void accumulate(float[] dy, int dyOff, float[] x, int xOff, int rows, int out, int in, float[] dw, float[] scratch) {
        if (out <= in) {
            Kernels.gemm(true, false, out, in, rows, dy, dyOff, out, x, xOff, in, dw, 0, in, true);
            return;
        }
        Kernels.gemm(true, false, in, out, rows, x, xOff, in, dy, dyOff, out, scratch, 0, out, false);
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                dw[o * in + i] += scratch[i * out + o];
            }
        }
    }

    /** {@code dst[cols, rows] = src[rows, cols]ᵀ}. */
    static void transpose(float[] src, int rows, int cols, float[] dst) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[c * rows + r] = src[r * cols + c];
            }
        }
    }
}
