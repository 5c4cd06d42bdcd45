package org.retailrl.autodiff;

import java.util.Arrays;
import org.retailrl.core.simd.Kernels;

/**
 * Sums and means, over everything or over one axis. A tensor is seen as
 * {@code [outer, len, inner]} around the reduced axis, so both passes are contiguous runs of
 * length {@code inner} handed to {@link Kernels}.
 */
final class ReduceOps {
    private ReduceOps() {
    }

    /** {@code factor · Σ a} as a scalar (shape {@code []}); the sum is accumulated in double. */
    static Var sumAll(String op, Var a, boolean mean) {
        Tape t = OpSupport.tapeOf(op, a);
        float[] x = a.value().data();
        if (mean && x.length == 0) {
            throw new IllegalArgumentException("mean: empty tensor of shape " + OpSupport.str(a.shape()));
        }
        boolean req = OpSupport.needsGrad(t, a);
        Var out = OpSupport.output(t, req);
        double s = 0;
        for (float v : x) {
            s += v;
        }
        float factor = mean ? 1f / x.length : 1f;
        out.value().data()[0] = (float) (mean ? s / x.length : s);
        if (req) {
            t.record(() -> {
                if (out.hasGrad()) {
                    float g = out.grad().data()[0] * factor;
                    float[] ga = a.grad().data();
                    for (int i = 0; i < ga.length; i++) {
                        ga[i] += g;
                    }
                }
            });
        }
        return out;
    }

    /** Sum (or mean) over one axis, keeping it as size 1 when {@code keepDim}. */
    static Var sumAxis(String op, Var a, int axis, boolean keepDim, boolean mean) {
        Tape t = OpSupport.tapeOf(op, a);
        int[] s = a.shape();
        int ax = OpSupport.axis(op, axis, s.length);
        int outer = OpSupport.product(s, 0, ax);
        int len = s[ax];
        int inner = OpSupport.product(s, ax + 1, s.length);
        if (mean && len == 0) {
            throw new IllegalArgumentException(op + ": axis " + axis + " of shape " + OpSupport.str(s) + " is empty");
        }
        int[] outShape;
        if (keepDim) {
            outShape = s.clone();
            outShape[ax] = 1;
        } else {
            outShape = new int[s.length - 1];
            System.arraycopy(s, 0, outShape, 0, ax);
            System.arraycopy(s, ax + 1, outShape, ax, s.length - ax - 1);
        }
        float factor = mean ? 1f / len : 1f;
        boolean req = OpSupport.needsGrad(t, a);
        Var out = OpSupport.output(t, req, outShape);
        float[] x = a.value().data();
        float[] o = out.value().data();
        Arrays.fill(o, 0f);
        for (int p = 0; p < outer; p++) {
            if (inner == 1) {
                o[p] = Kernels.sum(x, p * len, len) * factor;
                continue;
            }
            for (int j = 0; j < len; j++) {
                Kernels.axpy(factor, x, (p * len + j) * inner, o, p * inner, inner);
            }
        }
        if (req) {
            t.record(() -> {
                if (!out.hasGrad()) {
                    return;
                }
                float[] g = out.grad().data();
                float[] ga = a.grad().data();
                for (int p = 0; p < outer; p++) {
                    for (int j = 0; j < len; j++) {
                        Kernels.axpy(factor, g, p * inner, ga, (p * len + j) * inner, inner);
                    }
                }
            });
        }
        return out;
    }
}
