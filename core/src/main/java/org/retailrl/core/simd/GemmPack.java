package org.retailrl.core.simd;

/**
 * Packing of GEMM operand blocks into the contiguous, zero-padded panel layout the register-tiled
 * micro-kernel of {@link PanamaSimd} streams through (MODEL.md §8: the dense layers and GRU cells
 * all reduce to this GEMM). Pure scalar array code, kept apart from the Vector API class so that
 * class stays about the kernels.
 *
 * <p>Layouts (all floats, no units — the operands' own):
 * <ul>
 *   <li>A block (mc×kc of op(A)) → panels of {@code mr} rows, each panel row-major
 *       ({@code mr} rows of {@code kc} contiguous values) — the same shape as untransposed A read
 *       in place, so one kernel serves both.</li>
 *   <li>B block (kc×nc of op(B)) → panels of {@code nr} columns; inside a panel, for each p the
 *       {@code nr} values {@code op(B)[p, j..j+nr]} are contiguous, i.e. whole vectors.</li>
 * </ul>
 * Rows/columns past the block's edge are zero, so the kernel never needs a masked load; the edge
 * tile's extra outputs are simply discarded by the caller.
 */
final class GemmPack {
    private GemmPack() {
    }

    /** Floats needed for a packed A block of {@code mc×kc} with panel height {@code mr}. */
    static int aSize(int mc, int kc, int mr) {
        return ceilDiv(mc, mr) * mr * kc;
    }

    /** Floats needed for a packed B block of {@code kc×nc} with panel width {@code nr}. */
    static int bSize(int kc, int nc, int nr) {
        return ceilDiv(nc, nr) * nr * kc;
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    /** Packs {@code op(A)[ic..ic+mc, pc..pc+kc]} into {@code dst} (see class comment). */
    static void packA(boolean transA, float[] a, int aOff, int lda, int ic, int mc, int pc, int kc,
                      int mr, float[] dst) {
        int panels = ceilDiv(mc, mr);
        for (int ip = 0; ip < panels; ip++) {
            int rows = Math.min(mr, mc - ip * mr);
            for (int r = 0; r < mr; r++) {
                int d = ip * mr * kc + r * kc;
                int i = ic + ip * mr + r;
                if (r >= rows) {
                    java.util.Arrays.fill(dst, d, d + kc, 0f);
                } else if (transA) {
                    for (int p = 0; p < kc; p++) {
                        dst[d + p] = a[aOff + (pc + p) * lda + i];
                    }
                } else {
                    System.arraycopy(a, aOff + i * lda + pc, dst, d, kc);
                }
            }
        }
    }

    /** Packs {@code op(B)[pc..pc+kc, jc..jc+nc]} into {@code dst} (see class comment). */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc,
                      int nr, float[] dst) {
        int panels = ceilDiv(nc, nr);
        for (int jp = 0; jp < panels; jp++) {
            int base = jp * nr * kc;
            int cols = Math.min(nr, nc - jp * nr);
            int j0 = jc + jp * nr;
            if (transB) {
                // op(B)[p, j] = b[j·ldb + p]: read each source row of b sequentially.
                for (int jj = 0; jj < cols; jj++) {
                    int src = bOff + (j0 + jj) * ldb + pc;
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * nr + jj] = b[src + p];
                    }
                }
                if (cols < nr) {
                    for (int p = 0; p < kc; p++) {
                        java.util.Arrays.fill(dst, base + p * nr + cols, base + (p + 1) * nr, 0f);
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int d = base + p * nr;
                    System.arraycopy(b, bOff + (pc + p) * ldb + j0, dst, d, cols);
                    if (cols < nr) {
                        java.util.Arrays.fill(dst, d + cols, d + nr, 0f);
                    }
                }
            }
        }
    }
}
