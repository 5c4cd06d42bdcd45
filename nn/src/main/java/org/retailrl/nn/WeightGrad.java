package org.retailrl.nn;

import org.retailrl.core.simd.Kernels;

/**
 * Weight-gradient accumulation {@code dW += dYᵀ·X} over many rows (the backward of every
 * {@link Linear} and {@link GRULayer} of MODEL.md §8). It is computed as the transposed product
 * {@code dWᵀ = Xᵀ·dY} into a scratch buffer and then added back transposed: the GEMM then packs the
 * wide, long operand {@code dY} untransposed (row copies) and only the narrower {@code X}
 * transposed, which measured cheaper than packing {@code dYᵀ} for the W1 shapes.
 */
final class WeightGrad {
    private WeightGrad() {
    }

    /**
     * {@code dW[out, in] += dy[rows, out]ᵀ · x[rows, in]}; {@code scratch} holds at least
     * {@code in·out} floats.
     */
    static void accumulate(float[] dy, float[] x, int rows, int out, int in, float[] dw, float[] scratch) {
        Kernels.gemm(true, false, in, out, rows, x, 0, in, dy, 0, out, scratch, 0, out, false);
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
