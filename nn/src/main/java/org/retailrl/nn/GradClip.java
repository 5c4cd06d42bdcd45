package org.retailrl.nn;

import java.util.List;
import org.retailrl.core.simd.Kernels;

/**
 * Global gradient-norm clipping as PyTorch's {@code clip_grad_norm_} (docs/model.md §8 PPO: max norm
 * 0.5): when the Euclidean norm of all gradients together exceeds {@code maxNorm}, every gradient
 * is scaled by {@code maxNorm / (norm + 1e-6)}.
 */
public final class GradClip {
    private GradClip() {
    }

    /** The global L2 norm of the gradients, accumulated in double. */
    public static double globalNorm(List<Parameter> params) {
        double s = 0;
        for (Parameter p : params) {
            float[] g = p.grad().data();
            s += Kernels.dot(g, 0, g, 0, g.length);
        }
        return Math.sqrt(s);
    }

    /** Clips in place and returns the norm before clipping. */
    public static double clipGlobalNorm(List<Parameter> params, double maxNorm) {
        if (!(maxNorm > 0) || !Double.isFinite(maxNorm)) {
            throw new IllegalArgumentException("maxNorm must be finite and > 0, got " + maxNorm);
        }
        double norm = globalNorm(params);
        double coef = maxNorm / (norm + 1e-6);
        if (coef < 1) {
            float c = (float) coef;
            for (Parameter p : params) {
                float[] g = p.grad().data();
                Kernels.scale(c, g, 0, g, 0, g.length);
            }
        }
        return norm;
    }
}
