package org.retailrl.nn;

import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;

/**
 * Layout ops for sequence batches (docs/model.md §8 recurrent networks): swapping the first two axes
 * ({@code [B, T, F] ↔ [T, B, F]}) and taking or stacking contiguous blocks, each as one tape op
 * whose backward adds the gradient back into place.
 */
public final class SeqOps {
    private SeqOps() {
    }

    /** {@code [A, C, F] → [C, A, F]} (batch-major ↔ time-major). */
    public static Var swapLeadingAxes(Var x) {
        int[] s = x.shape();
        if (s.length != 3) {
            throw new IllegalArgumentException("swapLeadingAxes: shape " + java.util.Arrays.toString(s) + " must have rank 3");
        }
        int a = s[0];
        int c = s[1];
        int f = s[2];
        Tape tape = x.tape();
        Tensor y = tape.empty(c, a, f);
        swap(x.value().data(), y.data(), a, c, f, false);
        boolean grad = x.requiresGrad() && tape.isGradEnabled();
        Var out = tape.result(y, grad);
        if (grad) {
            tape.record(() -> {
                if (out.hasGrad()) {
                    swap(out.grad().data(), x.grad().data(), c, a, f, true);
                }
            });
        }
        return out;
    }

    /** Writes (or adds) the axis swap of {@code src [a, c, f]} into {@code dst [c, a, f]}. */
    public static void swap(float[] src, float[] dst, int a, int c, int f, boolean accumulate) {
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < c; j++) {
                int so = (i * c + j) * f;
                int dof = (j * a + i) * f;
                if (accumulate) {
                    for (int k = 0; k < f; k++) {
                        dst[dof + k] += src[so + k];
                    }
                } else {
                    System.arraycopy(src, so, dst, dof, f);
                }
            }
        }
    }

    /** Time-major copy {@code [T·B]} of a batch-major {@code [B, T]} array. */
    public static float[] timeMajor(float[] batchMajor, int batch, int steps) {
        if (batchMajor.length != batch * steps) {
            throw new IllegalArgumentException("timeMajor: length " + batchMajor.length + " must be B·T = " + batch * steps);
        }
        float[] out = new float[batchMajor.length];
        swap(batchMajor, out, batch, steps, 1, false);
        return out;
    }

    /** Index {@code i} of axis 0 of {@code x} (a contiguous block), with the leading axis dropped. */
    public static Var select(Var x, int i) {
        int[] s = x.shape();
        if (s.length < 1 || i < 0 || i >= s[0]) {
            throw new IllegalArgumentException("select: index " + i + " out of range for shape " + java.util.Arrays.toString(s));
        }
        int[] rest = java.util.Arrays.copyOfRange(s, 1, s.length);
        Tape tape = x.tape();
        Tensor y = tape.empty(rest);
        int n = y.size();
        System.arraycopy(x.value().data(), i * n, y.data(), 0, n);
        boolean grad = x.requiresGrad() && tape.isGradEnabled();
        Var out = tape.result(y, grad);
        if (grad) {
            tape.record(() -> {
                if (out.hasGrad()) {
                    float[] d = x.grad().data();
                    float[] g = out.grad().data();
                    for (int k = 0; k < n; k++) {
                        d[i * n + k] += g[k];
                    }
                }
            });
        }
        return out;
    }

    /** Stacks equally shaped vars along a new leading axis. */
    public static Var stack(java.util.List<Var> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("stack: parts must not be empty");
        }
        int[] s = parts.get(0).shape();
        int n = parts.get(0).value().size();
        int[] shape = new int[s.length + 1];
        shape[0] = parts.size();
        System.arraycopy(s, 0, shape, 1, s.length);
        Tape tape = parts.get(0).tape();
        Tensor y = tape.empty(shape);
        boolean any = false;
        for (int p = 0; p < parts.size(); p++) {
            Var v = parts.get(p);
            if (!java.util.Arrays.equals(v.shape(), s)) {
                throw new IllegalArgumentException("stack: shape " + java.util.Arrays.toString(v.shape()) + " vs " + java.util.Arrays.toString(s));
            }
            System.arraycopy(v.value().data(), 0, y.data(), p * n, n);
            any |= v.requiresGrad();
        }
        any &= tape.isGradEnabled();
        Var out = tape.result(y, any);
        if (any) {
            tape.record(() -> {
                if (!out.hasGrad()) {
                    return;
                }
                float[] g = out.grad().data();
                for (int p = 0; p < parts.size(); p++) {
                    Var v = parts.get(p);
                    if (v.requiresGrad()) {
                        float[] d = v.grad().data();
                        for (int k = 0; k < n; k++) {
                            d[k] += g[p * n + k];
                        }
                    }
                }
            });
        }
        return out;
    }
}
