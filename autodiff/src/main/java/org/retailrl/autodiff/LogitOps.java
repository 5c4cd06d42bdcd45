package org.retailrl.autodiff;

import java.util.Arrays;

/**
 * Row reductions of logits over the last axis, fused so that no probability tensor is stored:
 * log-sum-exp and the entropy of the softmax distribution (the PPO entropy bonus, docs/model.md §8).
 * Both subtract the row maximum first, so large logits neither overflow nor lose precision.
 */
final class LogitOps {
    private LogitOps() {
    }

    /** {@code log Σ_j e^{x_j}} per row; output shape drops the last axis. */
    static Var logSumExp(Var a) {
        return reduce("logSumExp", a, false);
    }

    /** {@code −Σ_j p_j log p_j} with {@code p = softmax(x)} per row; output shape drops the last axis. */
    static Var entropy(Var a) {
        return reduce("entropyFromLogits", a, true);
    }

    private static Var reduce(String op, Var a, boolean entropy) {
        Tape t = OpSupport.tapeOf(op, a);
        int[] s = a.shape();
        if (s.length == 0 || s[s.length - 1] == 0) {
            throw new IllegalArgumentException(op + ": needs a non-empty last axis, shape " + OpSupport.str(s));
        }
        int c = s[s.length - 1];
        boolean req = OpSupport.needsGrad(t, a);
        Var out = OpSupport.output(t, req, Arrays.copyOf(s, s.length - 1));
        float[] x = a.value().data();
        float[] y = out.value().data();
        int rows = y.length;
        // log Σ e^{x − max} per row for backward (pooled). Kept apart from the max, which backward
        // recomputes, so that log p = (x − max) − logZ stays accurate for logits near ±1000.
        float[] logZs = req ? t.empty(rows).data() : null;
        for (int r = 0; r < rows; r++) {
            int off = r * c;
            float m = x[off];
            for (int j = 1; j < c; j++) {
                m = Math.max(m, x[off + j]);
            }
            double z = 0;
            double ez = 0;
            for (int j = 0; j < c; j++) {
                double u = x[off + j] - m;
                double e = Math.exp(u);
                z += e;
                ez += e * u;
            }
            double logZ = Math.log(z);
            // H = log Z − E_p[x − m]: the shift by m cancels, no p·log p with p = 0 to guard.
            y[r] = (float) (entropy ? logZ - ez / z : m + logZ);
            if (req) {
                logZs[r] = (float) logZ;
            }
        }
        if (req) {
            t.record(() -> {
                if (!out.hasGrad()) {
                    return;
                }
                float[] g = out.grad().data();
                float[] ga = a.grad().data();
                for (int r = 0; r < rows; r++) {
                    int off = r * c;
                    float m = x[off];
                    for (int j = 1; j < c; j++) {
                        m = Math.max(m, x[off + j]);
                    }
                    for (int j = 0; j < c; j++) {
                        double logp = (x[off + j] - m) - (double) logZs[r];
                        double p = Math.exp(logp);
                        // ∂lse/∂x_j = p_j;  ∂H/∂x_j = −p_j (log p_j + H)
                        double d = entropy ? -p * (logp + y[r]) : p;
                        ga[off + j] += (float) (g[r] * d);
                    }
                }
            });
        }
        return out;
    }
}
