package org.retailrl.core.simd;

/**
 * GEMM for very narrow outputs ({@code n ≤ MAX_N} columns), such as the critic's value head
 * (Linear → 1, docs/model.md §8) and its gradient. The register-tiled kernel of {@link PanamaSimd}
 * computes 2·lanes columns per tile, so at n = 1 it would spend 31 of every 32 FMAs on padding;
 * here each output column is instead one dot product per row (op(A) untransposed: its rows are
 * contiguous) or one axpy per step (op(A) transposed: its stored rows are contiguous), both
 * through the vector kernels of the given {@link Simd}. Units are the operands'.
 *
 * <p>Same contract and error bound as {@link Simd#gemm}: every output is a sum of k products
 * accumulated in float (at most k + 1 roundings with the accumulate add). Thread-safe: the
 * column buffer is per thread.
 */
final class GemmNarrow {
    /** Widest C handled here: from n = 5 on the tiled kernel was faster (NN, m = 6400, k = 64). */
    static final int MAX_N = 4;

    /**
     * Per thread: the column buffer, and the dot products' lane scratch (64 floats: the lanes of
     * the widest vector any JVM offers, 2,048 bits).
     */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[][] {new float[0],
        new float[64]});

    private GemmNarrow() {
    }

    private static float[] scratch(int size) {
        float[][] holder = SCRATCH.get();
        if (holder[0].length < size) {
            holder[0] = new float[size];
        }
        return holder[0];
    }

    /** {@code C (+)= op(A)·op(B)} for {@code 1 ≤ n ≤ MAX_N}, {@code k ≥ 1}; arguments already checked. */
    static void gemm(Simd simd, boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        float[] t = scratch(Math.max(k, m));
        float[] lanes = SCRATCH.get()[1];
        for (int j = 0; j < n; j++) {
            if (!transA) {
                // Column j of op(B) into a contiguous buffer, then one dot product per row of A.
                for (int p = 0; p < k; p++) {
                    t[p] = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                }
                for (int i = 0; i < m; i++) {
                    float s = simd.dot(a, aOff + i * lda, t, 0, k, lanes);
                    int ci = cOff + i * ldc + j;
                    c[ci] = accumulate ? c[ci] + s : s;
                }
            } else {
                // C[:, j] = Σ_p op(B)[p, j] · A[p, :], the stored rows of A being contiguous.
                java.util.Arrays.fill(t, 0, m, 0f);
                for (int p = 0; p < k; p++) {
                    float bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    simd.axpy(bv, a, aOff + p * lda, t, 0, m);
                }
                for (int i = 0; i < m; i++) {
                    int ci = cOff + i * ldc + j;
                    c[ci] = accumulate ? c[ci] + t[i] : t[i];
                }
            }
        }
    }
}
