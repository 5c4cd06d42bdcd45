package org.retailrl.autodiff;

import org.retailrl.core.simd.Kernels;

/**
 * Fused causal multi-head self-attention on the tape (docs/model.md §6.3, the Decision Transformer;
 * GELU and dropout are elementwise and live in {@link UnaryOps}). Products go through {@link Kernels#gemm} with
 * leading dimensions that step over the packed projections, so no head is ever copied out; row
 * softmaxes subtract the row maximum and sum in double, as {@link RowOps} does.
 */
final class TransformerOps {
    private TransformerOps() {
    }

    /**
     * Causal self-attention of {@code qkv [B, T, 3D]} (queries, keys and values side by side in
     * the last axis) with {@code heads} heads of width {@code D / heads}; result {@code [B, T, D]},
     * the heads side by side. Position {@code i} attends to positions {@code 0..i} with weights
     * {@code softmax(q_i·k_j / √d_h)}.
     */
    static Var causalSelfAttention(Var qkv, int heads) {
        Tape t = OpSupport.tapeOf("causalSelfAttention", qkv);
        int[] s = qkv.shape();
        if (s.length != 3 || s[2] % 3 != 0 || s[1] < 1) {
            throw new IllegalArgumentException("causalSelfAttention: qkv must be [B, T >= 1, 3D], got " + OpSupport.str(s));
        }
        int b = s[0];
        int len = s[1];
        int d = s[2] / 3;
        if (heads < 1 || d % heads != 0) {
            throw new IllegalArgumentException("causalSelfAttention: heads must be >= 1 and divide the width " + d
                    + ", got " + heads);
        }
        int dh = d / heads;
        int ld = 3 * d;
        float scale = (float) (1.0 / Math.sqrt(dh));
        boolean req = OpSupport.needsGrad(t, qkv);
        Var out = OpSupport.output(t, req, b, len, d);
        float[] x = qkv.value().data();
        float[] o = out.value().data();
        // Attention weights of every (batch, head), kept for backward; one scratch block otherwise.
        float[] p = t.empty(req ? b * heads * len * len : len * len).data();
        for (int bi = 0; bi < b; bi++) {
            for (int h = 0; h < heads; h++) {
                int po = req ? (bi * heads + h) * len * len : 0;
                int qo = bi * len * ld + h * dh;
                Kernels.gemm(false, true, len, len, dh, x, qo, ld, x, qo + d, ld, p, po, len, false);
                causalSoftmaxRows(p, po, len, scale);
                Kernels.gemm(false, false, len, dh, len, p, po, len, x, qo + 2 * d, ld, o, bi * len * d + h * dh, d, false);
            }
        }
        if (req) {
            t.record(() -> {
                if (!out.hasGrad()) {
                    return;
                }
                float[] g = out.grad().data();
                float[] gx = qkv.grad().data();
                float[] dp = t.empty(len * len).data();
                for (int bi = 0; bi < b; bi++) {
                    for (int h = 0; h < heads; h++) {
                        int po = (bi * heads + h) * len * len;
                        int qo = bi * len * ld + h * dh;
                        int oo = bi * len * d + h * dh;
                        // dP = dO·Vᵀ, dV += Pᵀ·dO
                        Kernels.gemm(false, true, len, len, dh, g, oo, d, x, qo + 2 * d, ld, dp, 0, len, false);
                        Kernels.gemm(true, false, len, dh, len, p, po, len, g, oo, d, gx, qo + 2 * d, ld, true);
                        // dS = P ⊙ (dP − ⟨dP, P⟩_row) · scale; masked entries have P = 0 and stay 0.
                        for (int i = 0; i < len; i++) {
                            int r = i * len;
                            double dot = 0;
                            for (int j = 0; j <= i; j++) {
                                dot += (double) dp[r + j] * p[po + r + j];
                            }
                            for (int j = 0; j <= i; j++) {
                                dp[r + j] = (float) (p[po + r + j] * (dp[r + j] - dot)) * scale;
                            }
                            for (int j = i + 1; j < len; j++) {
                                dp[r + j] = 0f;
                            }
                        }
                        // dQ += dS·K, dK += dSᵀ·Q
                        Kernels.gemm(false, false, len, dh, len, dp, 0, len, x, qo + d, ld, gx, qo, ld, true);
                        Kernels.gemm(true, false, len, dh, len, dp, 0, len, x, qo, ld, gx, qo + d, ld, true);
                    }
                }
            });
        }
        return out;
    }

    /**
     * Row {@code i} of the {@code len × len} block at {@code off}: scaled, softmaxed over columns
     * {@code 0..i} (maximum subtracted, exponentials by {@link Kernels#exp}, sum in double) and zero
     * beyond (the causal mask).
     */
    static void causalSoftmaxRows(float[] s, int off, int len, float scale) {
        for (int i = 0; i < len; i++) {
            int r = off + i * len;
            float m = Float.NEGATIVE_INFINITY;
            for (int j = 0; j <= i; j++) {
                s[r + j] *= scale;
                m = Math.max(m, s[r + j]);
            }
            for (int j = 0; j <= i; j++) {
                s[r + j] -= m;
            }
            Kernels.exp(s, r, s, r, i + 1);
            double sum = 0;
            for (int j = 0; j <= i; j++) {
                sum += s[r + j];
            }
            float inv = (float) (1.0 / sum);
            for (int j = 0; j <= i; j++) {
                s[r + j] *= inv;
            }
            for (int j = i + 1; j < len; j++) {
                s[r + j] = 0f;
            }
        }
    }
}
