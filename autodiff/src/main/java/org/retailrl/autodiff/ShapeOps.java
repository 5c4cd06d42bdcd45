package org.retailrl.autodiff;

import org.retailrl.core.simd.Kernels;

/**
 * Ops that move elements without arithmetic: reshape, concat, slice, gather and index-select.
 * Around an axis a tensor is {@code [outer, len, inner]}, so each part of a concat or slice is
 * {@code outer} contiguous blocks; backward adds the same blocks back (a scatter-add for
 * repeated indices).
 */
final class ShapeOps {
    private ShapeOps() {
    }

    static Var reshape(Var a, int... shape) {
        Tape t = OpSupport.tapeOf("reshape", a);
        boolean req = OpSupport.needsGrad(t, a);
        // A view of the same storage; values must not be modified after use, so sharing is safe.
        Var out = t.result(a.value().reshape(shape), req);
        if (req) {
            t.record(() -> {
                if (out.hasGrad()) {
                    float[] g = out.grad().data();
                    Kernels.axpy(1f, g, 0, a.grad().data(), 0, g.length);
                }
            });
        }
        return out;
    }

    static Var concat(int axis, Var... parts) {
        if (parts == null || parts.length == 0) {
            throw new IllegalArgumentException("concat: parts must hold at least one tensor");
        }
        Tape t = OpSupport.tapeOf("concat", parts);
        int[] s0 = parts[0].shape();
        int ax = OpSupport.axis("concat", axis, s0.length);
        int total = 0;
        for (Var p : parts) {
            int[] s = p.shape();
            boolean ok = s.length == s0.length;
            for (int i = 0; ok && i < s.length; i++) {
                ok = i == ax || s[i] == s0[i];
            }
            if (!ok) {
                throw new IllegalArgumentException("concat: shape " + OpSupport.str(s0) + " vs " + OpSupport.str(s)
                        + " on axis " + axis);
            }
            total += s[ax];
        }
        int outer = OpSupport.product(s0, 0, ax);
        int inner = OpSupport.product(s0, ax + 1, s0.length);
        int[] outShape = s0.clone();
        outShape[ax] = total;
        boolean req = OpSupport.needsGrad(t, parts);
        Var out = OpSupport.output(t, req, outShape);
        float[] o = out.value().data();
        int rowOut = total * inner;
        int start = 0;
        for (Var p : parts) {
            int block = p.shape()[ax] * inner;
            float[] x = p.value().data();
            for (int q = 0; q < outer; q++) {
                System.arraycopy(x, q * block, o, q * rowOut + start, block);
            }
            start += block;
        }
        if (req) {
            Var[] ps = parts.clone();
            t.record(() -> {
                if (!out.hasGrad()) {
                    return;
                }
                float[] g = out.grad().data();
                int st = 0;
                for (Var p : ps) {
                    int block = p.shape()[ax] * inner;
                    float[] gp = OpSupport.gradOrNull(p);
                    if (gp != null) {
                        for (int q = 0; q < outer; q++) {
                            Kernels.axpy(1f, g, q * rowOut + st, gp, q * block, block);
                        }
                    }
                    st += block;
                }
            });
        }
        return out;
    }

    static Var slice(Var a, int axis, int from, int to) {
        Tape t = OpSupport.tapeOf("slice", a);
        int[] s = a.shape();
        int ax = OpSupport.axis("slice", axis, s.length);
        if (from < 0 || to < from || to > s[ax]) {
            throw new IllegalArgumentException("slice: need 0 <= from <= to <= " + s[ax] + " on axis " + axis
                    + " of shape " + OpSupport.str(s) + ", got from=" + from + " to=" + to);
        }
        int outer = OpSupport.product(s, 0, ax);
        int inner = OpSupport.product(s, ax + 1, s.length);
        int[] outShape = s.clone();
        outShape[ax] = to - from;
        boolean req = OpSupport.needsGrad(t, a);
        Var out = OpSupport.output(t, req, outShape);
        float[] x = a.value().data();
        float[] o = out.value().data();
        int rowIn = s[ax] * inner;
        int block = (to - from) * inner;
        for (int q = 0; q < outer; q++) {
            System.arraycopy(x, q * rowIn + from * inner, o, q * block, block);
        }
        if (req) {
            t.record(() -> {
                if (out.hasGrad()) {
                    float[] g = out.grad().data();
                    float[] ga = a.grad().data();
                    for (int q = 0; q < outer; q++) {
                        Kernels.axpy(1f, g, q * block, ga, q * rowIn + from * inner, block);
                    }
                }
            });
        }
        return out;
    }

    /** {@code out[i] = a[i, index[i]]} for {@code a [..., c]}; {@code index} has one entry per row. */
    static Var gather(Var a, int[] index) {
        Tape t = OpSupport.tapeOf("gather", a);
        int[] s = a.shape();
        if (s.length < 1) {
            throw new IllegalArgumentException("gather: needs rank >= 1, shape " + OpSupport.str(s));
        }
        int c = s[s.length - 1];
        int rows = OpSupport.product(s, 0, s.length - 1);
        if (index == null || index.length != rows) {
            throw new IllegalArgumentException("gather: index length " + (index == null ? "null" : index.length)
                    + " vs " + rows + " rows of shape " + OpSupport.str(s));
        }
        for (int i = 0; i < rows; i++) {
            if (index[i] < 0 || index[i] >= c) {
                throw new IllegalArgumentException("gather: index[" + i + "] = " + index[i] + " outside [0, " + c + ")");
            }
        }
        int[] idx = index.clone();
        int[] outShape = java.util.Arrays.copyOf(s, s.length - 1);
        boolean req = OpSupport.needsGrad(t, a);
        Var out = OpSupport.output(t, req, outShape);
        float[] x = a.value().data();
        float[] o = out.value().data();
        for (int i = 0; i < rows; i++) {
            o[i] = x[i * c + idx[i]];
        }
        if (req) {
            t.record(() -> {
                if (out.hasGrad()) {
                    float[] g = out.grad().data();
                    float[] ga = a.grad().data();
                    for (int i = 0; i < rows; i++) {
                        ga[i * c + idx[i]] += g[i];
                    }
                }
            });
        }
        return out;
    }

    /** Rows (axis 0) of {@code a} in the given order; repeated rows scatter-add their gradients. */
    static Var indexSelect(Var a, int[] rows) {
        Tape t = OpSupport.tapeOf("indexSelect", a);
        int[] s = a.shape();
        if (s.length < 1) {
            throw new IllegalArgumentException("indexSelect: needs rank >= 1, shape " + OpSupport.str(s));
        }
        if (rows == null) {
            throw new IllegalArgumentException("indexSelect: rows must not be null");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= s[0]) {
                throw new IllegalArgumentException("indexSelect: rows[" + i + "] = " + rows[i] + " outside [0, " + s[0] + ")");
            }
        }
        int[] idx = rows.clone();
        int inner = OpSupport.product(s, 1, s.length);
        int[] outShape = s.clone();
        outShape[0] = idx.length;
        boolean req = OpSupport.needsGrad(t, a);
        Var out = OpSupport.output(t, req, outShape);
        float[] x = a.value().data();
        float[] o = out.value().data();
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(x, idx[i] * inner, o, i * inner, inner);
        }
        if (req) {
            t.record(() -> {
                if (out.hasGrad()) {
                    float[] g = out.grad().data();
                    float[] ga = a.grad().data();
                    for (int i = 0; i < idx.length; i++) {
                        Kernels.axpy(1f, g, i * inner, ga, idx[i] * inner, inner);
                    }
                }
            });
        }
        return out;
    }
}
