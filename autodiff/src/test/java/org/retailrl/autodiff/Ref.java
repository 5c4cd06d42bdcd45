package org.retailrl.autodiff;

import java.util.function.DoubleBinaryOperator;

/**
 * Double-precision reference implementations, written independently of the ops (plain index
 * arithmetic, no shared code) so that a property compares two different computations.
 */
final class Ref {
    private Ref() {
    }

    static int size(int[] s) {
        return Gen.size(s);
    }

    /** NumPy broadcasting by multi-index: a missing or size-1 dimension reads index 0. */
    static int[] broadcastShape(int[] a, int[] b) {
        int r = Math.max(a.length, b.length);
        int[] o = new int[r];
        for (int i = 0; i < r; i++) {
            int x = i - (r - a.length) >= 0 ? a[i - (r - a.length)] : 1;
            int y = i - (r - b.length) >= 0 ? b[i - (r - b.length)] : 1;
            o[i] = Math.max(x, y);
        }
        return o;
    }

    static double[] broadcast(double[] a, int[] as, double[] b, int[] bs, DoubleBinaryOperator f) {
        int[] os = broadcastShape(as, bs);
        double[] out = new double[size(os)];
        int[] idx = new int[os.length];
        for (int flat = 0; flat < out.length; flat++) {
            int rem = flat;
            for (int d = os.length - 1; d >= 0; d--) {
                idx[d] = rem % os[d];
                rem /= os[d];
            }
            out[flat] = f.applyAsDouble(a[index(idx, as)], b[index(idx, bs)]);
        }
        return out;
    }

    private static int index(int[] outIdx, int[] s) {
        int off = 0;
        int shift = outIdx.length - s.length;
        for (int d = 0; d < s.length; d++) {
            int i = s[d] == 1 ? 0 : outIdx[d + shift];
            off = off * s[d] + i;
        }
        return off;
    }

    /** {@code op(A)·op(B)} with A stored {@code [rowsA, colsA]}, B stored {@code [rowsB, colsB]}. */
    static double[] matmul(double[] a, int rowsA, int colsA, boolean ta, double[] b, int rowsB, int colsB, boolean tb) {
        int m = ta ? colsA : rowsA;
        int k = ta ? rowsA : colsA;
        int n = tb ? rowsB : colsB;
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[p * colsA + i] : a[i * colsA + p];
                    double y = tb ? b[j * colsB + p] : b[p * colsB + j];
                    s += x * y;
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    static double[] map(double[] x, java.util.function.DoubleUnaryOperator f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(x[i]);
        }
        return y;
    }

    /** Softmax or log-softmax of each row of length c, max-subtracted in double. */
    static double[] softmax(double[] x, int c, boolean log) {
        double[] y = new double[x.length];
        for (int r = 0; r < x.length / c; r++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                m = Math.max(m, x[r * c + j]);
            }
            double s = 0;
            for (int j = 0; j < c; j++) {
                s += Math.exp(x[r * c + j] - m);
            }
            for (int j = 0; j < c; j++) {
                double l = x[r * c + j] - m - Math.log(s);
                y[r * c + j] = log ? l : Math.exp(l);
            }
        }
        return y;
    }

    /** Sum over an axis of shape {@code s} (optionally scaled to a mean). */
    static double[] sumAxis(double[] x, int[] s, int axis, boolean mean) {
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= s[i];
        }
        int inner = 1;
        for (int i = axis + 1; i < s.length; i++) {
            inner *= s[i];
        }
        int len = s[axis];
        double[] y = new double[outer * inner];
        for (int p = 0; p < outer; p++) {
            for (int j = 0; j < len; j++) {
                for (int q = 0; q < inner; q++) {
                    y[p * inner + q] += x[(p * len + j) * inner + q] / (mean ? len : 1);
                }
            }
        }
        return y;
    }
}
