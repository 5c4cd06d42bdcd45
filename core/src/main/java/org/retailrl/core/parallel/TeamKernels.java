package org.retailrl.core.parallel;

import org.retailrl.core.simd.Kernels;

/**
 * Kernels split over a {@link WorkerTeam} by output (docs/model.md §8.12): a GEMM by rows of C,
 * a column sum by columns. Every output element is computed by one member with exactly the
 * arithmetic of the serial {@link Kernels} call — the engine's GEMM computes each element of C
 * from its own row of op(A), whatever other rows share the call (checked by
 * {@code GemmRowInvarianceTest}) — so the result is bit-identical for every team size.
 *
 * <p>The {@code …Part} methods do one member's share inside a region the caller already runs;
 * the others start a region of their own when the work is big enough to pay for it.
 */
public final class TeamKernels {
    /**
     * Multiply-adds below which a part is not worth a fork and join ({@code -Dretailrl.team.minWork}).
     * Only speed depends on it, never results.
     */
    private static final long MIN_PART_WORK = Long.getLong("retailrl.team.minWork", 1L << 17);
    /** Rows of C per GEMM register tile: parts start on tile boundaries so no tile is split. */
    private static final int ROW_ALIGN = 12;
    /** Columns per part boundary of a column sum: a whole number of 512-bit vectors. */
    private static final int COLUMN_ALIGN = 16;

    private TeamKernels() {
    }

    /** How many parts a job of {@code units} independent outputs and {@code work} multiply-adds is worth on {@code team}. */
    public static int parts(WorkerTeam team, int units, long work) {
        long byWork = Math.max(1, work / MIN_PART_WORK);
        return (int) Math.max(1, Math.min(Math.min(team.size(), units), byWork));
    }

    /** {@link Kernels#gemm}, its rows of C split over the team when the product is big enough. */
    public static void gemm(WorkerTeam team, boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float[] c, int cOff, int ldc, boolean accumulate) {
        int parts = parts(team, Math.max(1, m / ROW_ALIGN), (long) m * n * k);
        if (parts == 1) {
            Kernels.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
            return;
        }
        team.run(w -> {
            if (w < parts) {
                gemmPart(w, parts, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
            }
        });
    }

    /** Part {@code part} of {@code parts} of {@link #gemm}: the rows {@code [start, end)} of C. */
    public static void gemmPart(int part, int parts, boolean transA, boolean transB, int m, int n, int k,
                                float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                float[] c, int cOff, int ldc, boolean accumulate) {
        int lo = WorkerTeam.start(part, parts, m, ROW_ALIGN);
        int hi = WorkerTeam.start(part + 1, parts, m, ROW_ALIGN);
        if (hi > lo) {
            // Row i of op(A) is stored row i (untransposed) or stored column i (transposed).
            int a0 = transA ? aOff + lo : aOff + lo * lda;
            Kernels.gemm(transA, transB, hi - lo, n, k, a, a0, lda, b, bOff, ldb, c, cOff + lo * ldc, ldc, accumulate);
        }
    }

    /** {@link Kernels#columnSums}, its columns split over the team when big enough. */
    public static void columnSums(WorkerTeam team, float[] a, int ao, int rows, int cols, int lda, float[] out, int oo) {
        int parts = parts(team, Math.max(1, cols / COLUMN_ALIGN), (long) rows * cols / 4);
        if (parts == 1) {
            Kernels.columnSums(a, ao, rows, cols, lda, out, oo);
            return;
        }
        team.run(w -> {
            if (w < parts) {
                columnSumsPart(w, parts, a, ao, rows, cols, lda, out, oo);
            }
        });
    }

    /** Part {@code part} of {@code parts} of {@link Kernels#columnSums}: the columns {@code [start, end)}. */
    private static void columnSumsPart(int part, int parts, float[] a, int ao, int rows, int cols, int lda, float[] out, int oo) {
        int lo = columnStart(part, parts, cols);
        int hi = columnStart(part + 1, parts, cols);
        if (hi > lo) {
            Kernels.columnSums(a, ao + lo, rows, hi - lo, lda, out, oo + lo);
        }
    }

    /** First column of part {@code part} of {@code parts} in a column split of {@code cols} columns. */
    public static int columnStart(int part, int parts, int cols) {
        return WorkerTeam.start(part, parts, cols, COLUMN_ALIGN);
    }
}
