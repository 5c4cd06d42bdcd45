package org.retailrl.nn;

import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.parallel.TeamKernels;
import org.retailrl.core.parallel.WorkerTeam;
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
        Activation self = this;
        // Elementwise, so any split gives the same bits; parts start on whole rows of 16 floats
        // (one 512-bit vector) so every element takes the same code path as in one call.
        WorkerTeam team = tape.team();
        int parts = TeamKernels.parts(team, n / 1024, (long) n * 4);
        team.forEachPart(parts, n, 16, (lo, hi) -> self.values(xd, yd, lo, hi));
        boolean grad = x.requiresGrad() && tape.isGradEnabled();
        Var out = tape.result(y, grad);
        if (grad) {
            tape.record(() -> {
                if (!out.hasGrad()) {
                    return;
                }
                float[] dy = out.grad().data();
                boolean fresh = x.freshGrad() != null;
                float[] dx = x.grad().data();
                team.forEachPart(parts, n, 16, (lo, hi) -> backward(self, fresh, yd, dy, dx, lo, hi));
            });
        }
        return out;
    }

    /**
     * The activation of {@code x[0, n)} in place, without a tape: the elementwise operations of
     * {@link #apply}, so the same bits (one-step inference, {@link RecurrentNet#step}).
     */
    void applyInPlace(float[] x, int n) {
        if (this != IDENTITY) {
            values(x, x, 0, n);
        }
    }

    /** {@code y[lo, hi) = f(x[lo, hi))} for TANH and RELU ({@code y} may be {@code x}). */
    private void values(float[] x, float[] y, int lo, int hi) {
        if (this == TANH) {
            Kernels.tanh(x, lo, y, lo, hi - lo);
        } else {
            for (int i = lo; i < hi; i++) {
                y[i] = Math.max(x[i], 0f);
            }
        }
    }

    /** {@code dx[lo, hi)} (+)= {@code dy · f'} from the saved outputs {@code y}; {@code fresh}: dx holds garbage to overwrite. */
    private static void backward(Activation self, boolean fresh, float[] yd, float[] dy, float[] dx, int lo, int hi) {
        if (self == TANH && fresh) {
            // 0f + t, not t: the same bits as adding into a zeroed buffer (−0 becomes +0).
            for (int i = lo; i < hi; i++) {
                float v = yd[i];
                dx[i] = 0f + dy[i] * (1f - v * v);
            }
        } else if (self == TANH) {
            for (int i = lo; i < hi; i++) {
                float v = yd[i];
                dx[i] += dy[i] * (1f - v * v);
            }
        } else {
            if (fresh) {
                java.util.Arrays.fill(dx, lo, hi, 0f);
            }
            for (int i = lo; i < hi; i++) {
                if (yd[i] > 0f) {
                    dx[i] += dy[i];
                }
            }
        }
    }
}
