package org.retailrl.autodiff;

import java.util.Arrays;

/**
 * The NumPy broadcasting layout of a binary elementwise op (package-info, "Broadcasting"):
 * shapes are aligned at their trailing dimensions, a missing or size-1 dimension repeats. The
 * output is walked as a few contiguous runs: adjacent dimensions in which each input is either
 * contiguous or repeated in the same way are merged, so {@code [B,T,C] + [C]} becomes
 * {@code B·T} runs of length {@code C}, and equal shapes become one run of the whole size.
 */
final class Broadcast {
    /** A contiguous run of {@code n} outputs starting at {@code oo}; inputs start at {@code ao, bo}. */
    interface Run {
        void run(int ao, int bo, int oo, int n);
    }

    final int[] outShape;
    final int outSize;
    private final int[] dims;
    private final int[] strideA;
    private final int[] strideB;

    Broadcast(String op, int[] a, int[] b) {
        int r = Math.max(a.length, b.length);
        outShape = new int[r];
        int[] da = new int[r];
        int[] db = new int[r];
        for (int i = 0; i < r; i++) {
            int x = i - (r - a.length) >= 0 ? a[i - (r - a.length)] : 1;
            int y = i - (r - b.length) >= 0 ? b[i - (r - b.length)] : 1;
            if (x != y && x != 1 && y != 1) {
                throw new IllegalArgumentException(op + ": shape " + Arrays.toString(a) + " vs " + Arrays.toString(b)
                        + " (not broadcastable)");
            }
            da[i] = x;
            db[i] = y;
            outShape[i] = x == 1 ? y : x;
        }
        outSize = OpSupport.product(outShape, 0, r);
        // Merge adjacent dimensions with the same (contiguous, repeated) pattern for both inputs.
        int[] cd = new int[r + 1];
        boolean[] pa = new boolean[r + 1];
        boolean[] pb = new boolean[r + 1];
        int m = 0;
        for (int i = 0; i < r; i++) {
            if (outShape[i] == 1) {
                continue;
            }
            boolean ca = da[i] == outShape[i];
            boolean cb = db[i] == outShape[i];
            if (m > 0 && pa[m - 1] == ca && pb[m - 1] == cb) {
                cd[m - 1] *= outShape[i];
            } else {
                cd[m] = outShape[i];
                pa[m] = ca;
                pb[m] = cb;
                m++;
            }
        }
        if (m == 0) {
            cd[0] = 1;
            pa[0] = true;
            pb[0] = true;
            m = 1;
        }
        dims = Arrays.copyOf(cd, m);
        strideA = new int[m];
        strideB = new int[m];
        int sa = 1;
        int sb = 1;
        for (int i = m - 1; i >= 0; i--) {
            strideA[i] = pa[i] ? sa : 0;
            strideB[i] = pb[i] ? sb : 0;
            if (pa[i]) {
                sa *= dims[i];
            }
            if (pb[i]) {
                sb *= dims[i];
            }
        }
    }

    /** Stride (0 or 1) of input a along a run. */
    int innerA() {
        return strideA[dims.length - 1];
    }

    /** Stride (0 or 1) of input b along a run. */
    int innerB() {
        return strideB[dims.length - 1];
    }

    /** Visits every run in output order: an odometer over the outer dimensions, no recursion. */
    void forEachRun(Run r) {
        if (outSize == 0) {
            return;
        }
        int rank = dims.length;
        int inner = dims[rank - 1];
        int outer = outSize / inner;
        int[] idx = new int[rank];
        int ao = 0;
        int bo = 0;
        int oo = 0;
        for (int t = 0; t < outer; t++) {
            r.run(ao, bo, oo, inner);
            oo += inner;
            for (int d = rank - 2; d >= 0; d--) {
                idx[d]++;
                ao += strideA[d];
                bo += strideB[d];
                if (idx[d] < dims[d]) {
                    break;
                }
                ao -= strideA[d] * dims[d];
                bo -= strideB[d] * dims[d];
                idx[d] = 0;
            }
        }
    }
}
