package org.retailrl.core.simd;

/**
 * Packing of GEMM operand blocks into the contiguous, zero-padded panel layout the register-tiled
 * micro-kernel of {@link PanamaSimd} streams through (docs/model.md §8: the dense layers and GRU cells
 * all reduce to this GEMM). Pure scalar array code, kept apart from the Vector API class so that
 * class stays about the kernels.
 *
 * <p>Layouts (all floats, no units — the operands' own):
 * <ul>
 *   <li>A block (mc×kc of op(A)) → panels of {@code mr} rows, each panel column-major: for each
 *       p the {@code mr} values {@code op(A)[i..i+mr, p]} are contiguous (the BLIS layout). For
 *       transposed A these are a contiguous run of a stored row, so packing is a plain copy;
 *       untransposed A is mostly read in place instead and only its ragged last panel is packed.</li>
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

    /** Packs {@code op(A)[ic..ic+mc, pc..pc+kc]} into {@code dst} from {@code dstOff} (see class comment). */
    static void packA(boolean transA, float[] a, int aOff, int lda, int ic, int mc, int pc, int kc,
                      int mr, float[] dst, int dstOff) {
        int panels = ceilDiv(mc, mr);
        for (int ip = 0; ip < panels; ip++) {
            int rows = Math.min(mr, mc - ip * mr);
            int i0 = ic + ip * mr;
            for (int p = 0; p < kc; p++) {
                int d = dstOff + ip * mr * kc + p * mr;
                if (transA) {
                    System.arraycopy(a, aOff + (pc + p) * lda + i0, dst, d, rows);
                } else {
                    for (int r = 0; r < rows; r++) {
                        dst[d + r] = a[aOff + (i0 + r) * lda + pc + p];
                    }
                }
                if (rows < mr) {
                    java.util.Arrays.fill(dst, d + rows, d + mr, 0f);
                }
            }
        }
    }

    /** Packs {@code op(B)[pc..pc+kc, jc..jc+nc]} into {@code dst} from {@code dstOff} (see class comment). */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc,
                      int nr, float[] dst, int dstOff) {
        int panels = ceilDiv(nc, nr);
        for (int jp = 0; jp < panels; jp++) {
            int base = dstOff + jp * nr * kc;
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
