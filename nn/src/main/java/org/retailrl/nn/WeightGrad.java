package org.retailrl.nn;

import org.retailrl.core.parallel.TeamKernels;
import org.retailrl.core.parallel.WorkerTeam;

/**
 * Weight-gradient accumulation {@code dW += dYᵀ·X} over many rows (the backward of every
 * {@link Linear} and {@link GRULayer} of docs/model.md §8), as one GEMM with a transposed left
 * operand. The GEMM packs a transposed left operand with contiguous copies, so {@code dW} is
 * produced in its own layout: no scratch product and no transposed add-back. For the GRU's
 * {@code [3H, in]} gradients this also makes the output height 3H = 192 a whole number of
 * micro-tiles (the transposed product, 64 high, left a ragged tile). Chosen by W1 profiling (JFR).
 */
final class WeightGrad {
    private WeightGrad() {
    }

    /**
     * {@code dW[out, in] += dy[rows, out]ᵀ · x[rows, in]} (the arrays starting at the given
     * offsets), the rows of {@code dW} split over {@code team} (each element summed over all rows
     * in the serial order, so the result does not depend on the team).
     */
    static void accumulate(WorkerTeam team, float[] dy, int dyOff, float[] x, int xOff, int rows, int out, int in, float[] dw) {
        TeamKernels.gemm(team, true, false, out, in, rows, dy, dyOff, out, x, xOff, in, dw, 0, in, true);
    }

    /**
     * Part {@code part} of {@code parts} of {@link #accumulate(WorkerTeam, float[], int, float[], int, int, int, int,
     * float[])}: its rows of {@code dW}, for a caller already inside a team region.
     */
    static void accumulatePart(int part, int parts, float[] dy, int dyOff, float[] x, int xOff, int rows, int out, int in,
                               float[] dw) {
        TeamKernels.gemmPart(part, parts, true, false, out, in, rows, dy, dyOff, out, x, xOff, in, dw, 0, in, true);
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
