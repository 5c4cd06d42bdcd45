package org.retailrl.autodiff;

/**
 * Ops that normalise each row of the last axis: softmax, log-softmax and layer normalisation. A
 * tensor {@code [..., c]} is a stack of {@code size / c} rows; every row is handled on its own,
 * with sums accumulated in double.
 */
final class RowOps {
    private RowOps() {
    }

    private static int lastDim(String op, Var a) {
        int[] s = a.shape();
        if (s.length == 0 || s[s.length - 1] == 0) {
            throw new IllegalArgumentException(op + ": needs a non-empty last axis, shape " + OpSupport.str(s));
        }
        return s[s.length - 1];
    }

    /**
     * Softmax (or log-softmax) over the last axis. The row maximum is subtracted first, and
     * log-softmax is formed as {@code (x − max) − log Σ e^{x − max}} so that large logits lose no
     * precision and never overflow.
     */
    static Var softmax(Var a, boolean log) {
        String op = log ? "logSoftmax" : "softmax";
        Tape t = OpSupport.tapeOf(op, a);
        int c = lastDim(op, a);
        boolean req = OpSupport.needsGrad(t, a);
        Var out = OpSupport.output(t, req, a.shape());
        float[] x = a.value().data();
        float[] y = out.value().data();
        int rows = x.length / c;
        for (int r = 0; r < rows; r++) {
            int off = r * c;
            float m = x[off];
            for (int j = 1; j < c; j++) {
                m = Math.max(m, x[off + j]);
            }
            double s = 0;
            for (int j = 0; j < c; j++) {
                double e = Math.exp(x[off + j] - m);
                s += e;
                if (!log) {
                    y[off + j] = (float) e;
                }
            }
            if (log) {
                double ls = Math.log(s);
                for (int j = 0; j < c; j++) {
                    y[off + j] = (float) ((x[off + j] - m) - ls);
                }
            } else {
                double inv = 1.0 / s;
                for (int j = 0; j < c; j++) {
                    y[off + j] = (float) (y[off + j] * inv);
                }
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
                    double s = 0;
                    if (log) {
                        // d/dx (x − lse) : g − softmax · Σg
                        for (int j = 0; j < c; j++) {
                            s += g[off + j];
                        }
                        for (int j = 0; j < c; j++) {
                            ga[off + j] += (float) (g[off + j] - Math.exp(y[off + j]) * s);
                        }
                    } else {
                        // Jacobian-vector product of softmax: y ⊙ (g − ⟨g, y⟩)
                        for (int j = 0; j < c; j++) {
                            s += (double) g[off + j] * y[off + j];
                        }
                        for (int j = 0; j < c; j++) {
                            ga[off + j] += (float) (y[off + j] * (g[off + j] - s));
                        }
                    }
                }
            });
        }
        return out;
    }

    /**
     * {@code γ ⊙ (x − μ)/√(σ² + ε) + β} per row, with the biased variance σ² (as PyTorch);
     * {@code gamma} and {@code beta} may be null (no affine part).
     */
    static Var layerNorm(Var x, Var gamma, Var beta, float eps) {
        Tape t = OpSupport.tapeOf("layerNorm", x);
        OpSupport.sameTape("layerNorm", t, gamma);
        OpSupport.sameTape("layerNorm", t, beta);
        int d = lastDim("layerNorm", x);
        if (!(eps > 0f) || !Float.isFinite(eps)) {
            throw new IllegalArgumentException("layerNorm: eps must be finite and > 0, got " + eps);
        }
        for (Var p : new Var[] {gamma, beta}) {
            if (p != null && !p.value().hasShape(d)) {
                throw new IllegalArgumentException("layerNorm: shape " + OpSupport.str(x.shape()) + " vs " + OpSupport.str(p.shape()));
            }
        }
        boolean req = OpSupport.needsGrad(t, x, gamma, beta);
        Var out = OpSupport.output(t, req, x.shape());
        float[] xv = x.value().data();
        float[] y = out.value().data();
        int rows = xv.length / d;
        float[] gv = gamma == null ? null : gamma.value().data();
        float[] bv = beta == null ? null : beta.value().data();
        // x̂ and 1/σ are kept for backward; pooled, so they are recycled with the tape.
        float[] xhat = req ? t.empty(xv.length).data() : null;
        float[] rstd = req ? t.empty(rows).data() : null;
        for (int r = 0; r < rows; r++) {
            int off = r * d;
            double mu = 0;
            for (int j = 0; j < d; j++) {
                mu += xv[off + j];
            }
            mu /= d;
            double var = 0;
            for (int j = 0; j < d; j++) {
                double u = xv[off + j] - mu;
                var += u * u;
            }
            var /= d;
            double rs = 1.0 / Math.sqrt(var + eps);
            if (req) {
                rstd[r] = (float) rs;
            }
            for (int j = 0; j < d; j++) {
                float h = (float) ((xv[off + j] - mu) * rs);
                if (req) {
                    xhat[off + j] = h;
                }
                float v = gv == null ? h : gv[j] * h;
                y[off + j] = bv == null ? v : v + bv[j];
            }
        }
        if (req) {
            t.record(() -> {
                if (!out.hasGrad()) {
                    return;
                }
                float[] g = out.grad().data();
                float[] gx = OpSupport.gradOrNull(x);
                float[] gg = OpSupport.gradOrNull(gamma);
                float[] gbeta = OpSupport.gradOrNull(beta);
                for (int r = 0; r < rows; r++) {
                    int off = r * d;
                    double mg = 0;
                    double mgh = 0;
                    for (int j = 0; j < d; j++) {
                        float dh = gv == null ? g[off + j] : g[off + j] * gv[j];
                        mg += dh;
                        mgh += (double) dh * xhat[off + j];
                        if (gg != null) {
                            gg[j] += g[off + j] * xhat[off + j];
                        }
                        if (gbeta != null) {
                            gbeta[j] += g[off + j];
                        }
                    }
                    if (gx == null) {
                        continue;
                    }
                    mg /= d;
                    mgh /= d;
                    // dx = (1/σ)(dx̂ − mean(dx̂) − x̂ · mean(dx̂ ⊙ x̂))
                    for (int j = 0; j < d; j++) {
                        double dh = gv == null ? g[off + j] : g[off + j] * gv[j];
                        gx[off + j] += (float) (rstd[r] * (dh - mg - xhat[off + j] * mgh));
                    }
                }
            });
        }
        return out;
    }
}
