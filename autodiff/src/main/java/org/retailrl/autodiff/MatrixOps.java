package org.retailrl.autodiff;

import java.util.Arrays;
import org.retailrl.core.simd.Kernels;

/**
 * Matrix products on the tape. Forward and backward all go through {@link Kernels#gemm} with
 * transpose flags and {@code accumulate = true} in backward, so no transposed copy is ever made:
 * for {@code C = op(A)·op(B)}, {@code d op(A) = dC·op(B)ᵀ} and {@code d op(B) = op(A)ᵀ·dC}, and a
 * transposed operand receives the transpose of that, which is again one GEMM with flipped flags.
 */
final class MatrixOps {
    private MatrixOps() {
    }

    /** {@code op(A)·op(B)}; without transA, A may have rank > 2 (leading dimensions are rows). */
    static Var matmul(Var a, Var b, boolean transA, boolean transB) {
        Tape t = OpSupport.tapeOf("matmul", a, b);
        int[] as = a.shape();
        int[] bs = b.shape();
        if (bs.length != 2 || as.length < 2 || (transA && as.length != 2)) {
            throw mismatch("matmul", as, bs, transA, transB);
        }
        int cols = as[as.length - 1];
        int rows = a.value().size() / Math.max(cols, 1);
        if (cols == 0) {
            rows = OpSupport.product(as, 0, as.length - 1);
        }
        int m = transA ? cols : rows;
        int k = transA ? rows : cols;
        int kb = transB ? bs[1] : bs[0];
        int n = transB ? bs[0] : bs[1];
        if (k != kb) {
            throw mismatch("matmul", as, bs, transA, transB);
        }
        int[] outShape;
        if (transA) {
            outShape = new int[] {m, n};
        } else {
            outShape = Arrays.copyOf(as, as.length);
            outShape[as.length - 1] = n;
        }
        boolean req = OpSupport.needsGrad(t, a, b);
        Var out = OpSupport.output(t, req, outShape);
        product(a, 0, b, 0, out, 0, transA, transB, m, n, k, false);
        if (req) {
            t.record(() -> {
                if (out.hasGrad()) {
                    productBackward(a, 0, b, 0, out, 0, transA, transB, m, n, k);
                }
            });
        }
        return out;
    }

    /** Batched {@code op(A[i])·op(B[i])} for {@code A [B,·,·]}, {@code B [B,·,·]}. */
    static Var bmm(Var a, Var b, boolean transA, boolean transB) {
        Tape t = OpSupport.tapeOf("bmm", a, b);
        int[] as = a.shape();
        int[] bs = b.shape();
        if (as.length != 3 || bs.length != 3 || as[0] != bs[0]) {
            throw mismatch("bmm", as, bs, transA, transB);
        }
        int batch = as[0];
        int m = transA ? as[2] : as[1];
        int k = transA ? as[1] : as[2];
        int kb = transB ? bs[2] : bs[1];
        int n = transB ? bs[1] : bs[2];
        if (k != kb) {
            throw mismatch("bmm", as, bs, transA, transB);
        }
        boolean req = OpSupport.needsGrad(t, a, b);
        Var out = OpSupport.output(t, req, batch, m, n);
        for (int i = 0; i < batch; i++) {
            product(a, i * m * k, b, i * k * n, out, i * m * n, transA, transB, m, n, k, false);
        }
        if (req) {
            t.record(() -> {
                if (out.hasGrad()) {
                    for (int i = 0; i < batch; i++) {
                        productBackward(a, i * m * k, b, i * k * n, out, i * m * n, transA, transB, m, n, k);
                    }
                }
            });
        }
        return out;
    }

    /** {@code x·W + bias} for {@code x [..., in]}, {@code W [in, out]}, {@code bias [out]} (bias may be null). */
    static Var linear(Var x, Var w, Var bias) {
        Tape t = OpSupport.tapeOf("linear", x, w);
        OpSupport.sameTape("linear", t, bias);
        int[] xs = x.shape();
        int[] ws = w.shape();
        if (ws.length != 2 || xs.length < 1 || xs[xs.length - 1] != ws[0]) {
            throw new IllegalArgumentException("linear: shape " + OpSupport.str(xs) + " vs " + OpSupport.str(ws));
        }
        int k = ws[0];
        int n = ws[1];
        if (bias != null && !bias.value().hasShape(n)) {
            throw new IllegalArgumentException("linear: bias shape " + OpSupport.str(bias.shape()) + " vs " + OpSupport.str(new int[] {n}));
        }
        int m = OpSupport.product(xs, 0, xs.length - 1);
        int[] outShape = xs.clone();
        outShape[xs.length - 1] = n;
        boolean req = OpSupport.needsGrad(t, x, w, bias);
        Var out = OpSupport.output(t, req, outShape);
        float[] o = out.value().data();
        if (bias != null) {
            float[] bv = bias.value().data();
            for (int r = 0; r < m; r++) {
                System.arraycopy(bv, 0, o, r * n, n);
            }
        }
        // The bias rows are already in place, so the product accumulates onto them.
        product(x, 0, w, 0, out, 0, false, false, m, n, k, bias != null);
        if (req) {
            t.record(() -> {
                if (!out.hasGrad()) {
                    return;
                }
                productBackward(x, 0, w, 0, out, 0, false, false, m, n, k);
                float[] gb = OpSupport.gradOrNull(bias);
                if (gb != null) {
                    float[] g = out.grad().data();
                    for (int r = 0; r < m; r++) {
                        Kernels.axpy(1f, g, r * n, gb, 0, n);
                    }
                }
            });
        }
        return out;
    }

    private static void product(Var a, int ao, Var b, int bo, Var out, int oo, boolean transA, boolean transB,
                                int m, int n, int k, boolean accumulate) {
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        Kernels.gemm(transA, transB, m, n, k, a.value().data(), ao, lda, b.value().data(), bo, ldb,
                out.value().data(), oo, n, accumulate);
    }

    private static void productBackward(Var a, int ao, Var b, int bo, Var out, int oo, boolean transA, boolean transB,
                                        int m, int n, int k) {
        float[] g = out.grad().data();
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        float[] av = a.value().data();
        float[] bv = b.value().data();
        float[] ga = OpSupport.gradOrNull(a);
        float[] gb = OpSupport.gradOrNull(b);
        if (ga != null) {
            if (!transA) {
                // dA (m×k) += dC · op(B)ᵀ
                Kernels.gemm(false, !transB, m, k, n, g, oo, n, bv, bo, ldb, ga, ao, lda, true);
            } else {
                // dA (k×m) += op(B) · dCᵀ
                Kernels.gemm(transB, true, k, m, n, bv, bo, ldb, g, oo, n, ga, ao, lda, true);
            }
        }
        if (gb != null) {
            if (!transB) {
                // dB (k×n) += op(A)ᵀ · dC
                Kernels.gemm(!transA, false, k, n, m, av, ao, lda, g, oo, n, gb, bo, ldb, true);
            } else {
                // dB (n×k) += dCᵀ · op(A)
                Kernels.gemm(true, transA, n, k, m, g, oo, n, av, ao, lda, gb, bo, ldb, true);
            }
        }
    }

    private static IllegalArgumentException mismatch(String op, int[] as, int[] bs, boolean transA, boolean transB) {
        return new IllegalArgumentException(op + ": shape " + OpSupport.str(as) + (transA ? "ᵀ" : "") + " vs "
                + OpSupport.str(bs) + (transB ? "ᵀ" : ""));
    }
}
