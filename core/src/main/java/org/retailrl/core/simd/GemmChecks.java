package org.retailrl.core.simd;

/** Argument checks for GEMM, shared by both implementations so the hot loops stay check-free. */
final class GemmChecks {
    private GemmChecks() {
    }

    static void check(boolean transA, boolean transB, int m, int n, int k,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float[] c, int cOff, int ldc) {
        sizes(m, n, k);
        if (c == a || c == b) {
            throw new IllegalArgumentException("gemm: C must not alias A or B");
        }
        if (m == 0 || n == 0) {
            return;
        }
        int aRows = transA ? k : m, aCols = transA ? m : k;
        int bRows = transB ? n : k, bCols = transB ? k : n;
        need("A", a, aOff, aRows, aCols, lda);
        need("B", b, bOff, bRows, bCols, ldb);
        need("C", c, cOff, m, n, ldc);
    }

    /** Rejects negative sizes. */
    static void sizes(int m, int n, int k) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: sizes must be >= 0, got m=" + m + " n=" + n + " k=" + k);
        }
    }

    /** Checks that {@code x} holds a rows×cols matrix with leading dimension ld from {@code off}. */
    static void need(String what, float[] x, int off, int rows, int cols, int ld) {
        if (rows == 0 || cols == 0) {
            return;
        }
        if (ld < cols) {
            throw new IllegalArgumentException("gemm: leading dimension of " + what + " is " + ld + " < " + cols + " columns");
        }
        long last = (long) off + (long) (rows - 1) * ld + cols;
        if (off < 0 || last > x.length) {
            throw new IllegalArgumentException("gemm: " + what + " (" + rows + "x" + cols + ", ld " + ld + ", offset " + off
                    + ") needs " + last + " elements, array has " + x.length);
        }
    }
}
