package org.retailrl.nn;

import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.simd.Kernels;

/**
 * Elementwise activations of the MLPs (docs/model.md §8 networks), each applied as one fused tape op
 * whose backward uses the saved output ({@code tanh' = 1 − y²}, {@code relu' = [y > 0]}).
 */
public enum Activation {
    /** Hyperbolic tangent (CleanRL's default for PPO networks). */
    TANH,
    /** {@code max(x, 0)}. */
    RELU,
    /** The identity (no op is recorded). */
    IDENTITY;

    /** Parses {@code "tanh"}, {@code "relu"} or {@code "identity"} (case-insensitive). */
    public static Activation parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "tanh" -> TANH;
            case "relu" -> RELU;
            case "identity", "none" -> IDENTITY;
            default -> throw new IllegalArgumentException("activation must be one of tanh, relu, identity; got '" + s + "'");
        };
    }

    /** Applies the activation as a tape op. */
    public Var apply(Var x) {
        if (this == IDENTITY) {
            return x;
        }
        Tape tape = x.tape();
        float[] xd = x.value().data();
        int n = xd.length;
        Tensor y = tape.empty(x.shape());
        float[] yd = y.data();
        if (this == TANH) {
            Kernels.tanh(xd, 0, yd, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                yd[i] = Math.max(xd[i], 0f);
            }
        }
        boolean grad = x.requiresGrad() && tape.isGradEnabled();
        Var out = tape.result(y, grad);
        if (grad) {
            Activation self = this;
            tape.record(() -> {
                if (!out.hasGrad()) {
                    return;
                }
                float[] dy = out.grad().data();
                Tensor fresh = x.freshGrad();
                float[] dx = x.grad().data();
                if (self == TANH && fresh != null) {
                    // 0f + t, not t: the same bits as adding into a zeroed buffer (−0 becomes +0).
                    for (int i = 0; i < n; i++) {
                        float v = yd[i];
                        dx[i] = 0f + dy[i] * (1f - v * v);
                    }
                } else if (self == TANH) {
                    for (int i = 0; i < n; i++) {
                        float v = yd[i];
                        dx[i] += dy[i] * (1f - v * v);
                    }
                } else {
                    if (fresh != null) {
                        java.util.Arrays.fill(dx, 0f);
                    }
                    for (int i = 0; i < n; i++) {
                        if (yd[i] > 0f) {
                            dx[i] += dy[i];
                        }
                    }
                }
            });
        }
        return out;
    }
}
