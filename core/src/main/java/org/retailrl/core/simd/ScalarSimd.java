package org.retailrl.core.simd;

import org.retailrl.core.random.PoissonMoments;
import org.retailrl.core.random.Rng;

/**
 * The scalar twin of the Vector API kernels: plain Java loops, used when
 * {@code jdk.incubator.vector} is absent or when {@code -Dretailrl.simd=scalar} forces it
 * (docs/model.md §8 networks run on either). Units are those of the operands. Activations evaluate
 * {@code Math} in double and round once to float. How far its results may differ from the vector
 * implementation is stated, per kernel, in {@code PanamaSimd}'s class documentation.
 */
final class ScalarSimd implements Simd {
    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public String gemmTile() {
        return "scalar";
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n, float[] lanes) {
        return dot(a, ao, b, bo, n);
    }

    @Override
    public float sum(float[] a, int ao, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += a[ao + i];
        }
        return s;
    }

    @Override
    public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) {
            y[yo + i] += alpha * x[xo + i];
        }
    }

    @Override
    public void add(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = a[ao + i] + b[bo + i];
        }
    }

    @Override
    public void sub(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = a[ao + i] - b[bo + i];
        }
    }

    @Override
    public void mul(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = a[ao + i] * b[bo + i];
        }
    }

    @Override
    public void scale(float alpha, float[] x, int xo, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = alpha * x[xo + i];
        }
    }

    @Override
    public void tanh(float[] x, int xo, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = (float) Math.tanh(x[xo + i]);
        }
    }

    @Override
    public void sigmoid(float[] x, int xo, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = (float) (1.0 / (1.0 + Math.exp(-x[xo + i])));
        }
    }

    @Override
    public void exp(float[] x, int xo, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = (float) Math.exp(x[xo + i]);
        }
    }

    @Override
    public void gruForwardTail(float[] g, int go, float[] bIn, int bo, float[] hn, float[] hPrev, int ro,
                               float[] out, int oo, int h) {
        int zo = go + h;
        int no = go + 2 * h;
        for (int j = 0; j < h; j++) {
            float n = (float) Math.tanh(g[no + j] + (bIn[bo + j] + g[go + j] * hn[ro + j]));
            g[no + j] = n;
            out[oo + j] = n + g[zo + j] * (hPrev[ro + j] - n);
        }
    }

    @Override
    public void columnSums(float[] a, int ao, int rows, int cols, int lda, float[] out, int oo) {
        java.util.Arrays.fill(out, oo, oo + cols, 0f);
        for (int r = 0; r < rows; r++) {
            int o = ao + r * lda;
            for (int j = 0; j < cols; j++) {
                out[oo + j] += a[o + j];
            }
        }
    }

    /** The unfused sequence itself: this twin's reference for the vector kernel's fusion. */
    @Override
    public void addSigmoid(float[] a, int ao, float[] b, int bo, float[] c, int co, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = a[ao + i] + (b[bo + i] + c[co + i]);
        }
        sigmoid(out, oo, out, oo, n);
    }

    @Override
    public void gruBackwardRow(float[] g, int go, float[] hn, float[] hPrev, float[] dy, int ro,
                               float[] dh, float[] dhPrev, int bo, float[] dgi, float[] dgh, int dgo, int h) {
        for (int j = 0; j < h; j++) {
            float d = dh[bo + j] + dy[ro + j];
            float r = g[go + j];
            float z = g[go + h + j];
            float n = g[go + 2 * h + j];
            float dn = d * (1f - z);
            float dz = d * (hPrev[ro + j] - n);
            float dpn = dn * (1f - n * n);
            float dpr = dpn * hn[ro + j] * r * (1f - r);
            float dpz = dz * z * (1f - z);
            dgi[dgo + j] = dpr;
            dgi[dgo + h + j] = dpz;
            dgi[dgo + 2 * h + j] = dpn;
            dgh[dgo + j] = dpr;
            dgh[dgo + h + j] = dpz;
            dgh[dgo + 2 * h + j] = dpn * r;
            dhPrev[bo + j] = d * z;
        }
    }

    /**
     * Loop order chosen for cache behaviour, not speed records: with B untransposed, i-p-j streams
     * one row of B and one row of C per multiply-add (unit stride inner loop); with B transposed,
     * i-j-p is a dot product of two contiguous rows.
     */
    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (transB) {
                for (int j = 0; j < n; j++) {
                    int bj = bOff + j * ldb;
                    float s = 0;
                    for (int p = 0; p < k; p++) {
                        float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                        s += av * b[bj + p];
                    }
                    c[ci + j] = accumulate ? c[ci + j] + s : s;
                }
            } else {
                if (!accumulate) {
                    java.util.Arrays.fill(c, ci, ci + n, 0f);
                }
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    int bp = bOff + p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += av * b[bp + j];
                    }
                }
            }
        }
    }

    /** The packed form is op(B) as a plain row-major k×n copy. */
    @Override
    public int packedRightSize(int k, int n) {
        return k * n;
    }

    @Override
    public void packRight(boolean transB, int k, int n, float[] b, int bOff, int ldb, float[] dst, int dstOff) {
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                dst[dstOff + p * n + j] = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
            }
        }
    }

    /** {@link #gemm} on the row-major copy, i.e. exactly the untransposed-B call of the contract. */
    @Override
    public void gemmPackedRight(int m, int n, int k, float[] a, int aOff, int lda, float[] packed, int pOff,
                                float[] c, int cOff, int ldc, boolean accumulate) {
        gemm(false, false, m, n, k, a, aOff, lda, packed, pOff, n, c, cOff, ldc, accumulate);
    }

    @Override
    public void poisson(double[] lambda, long[] seed, long[] gamma, double[] out, int n) {
        ScalarSamplers.poisson(lambda, seed, gamma, out, 0, n);
    }

    @Override
    public void log1p(double[] x, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.log1p(x[i]);
        }
    }

    @Override
    public void expToFloat(float[] x, int xo, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = (float) Math.exp(x[xo + i]);
        }
    }

    @Override
    public void softmaxGradRow(float[] logp, int o, int n, float c, float entScale, float h, float up,
                               float[] dz, int dzo) {
        for (int k = 0; k < n; k++) {
            float l = logp[o + k];
            float p = (float) Math.exp(l);
            dz[dzo + k] += up * (-c * p + entScale * p * (l + h));
        }
    }

    @Override
    public double logSoftmaxRow(float[] z, int o, int n, float[] logp, float[] probs) {
        return logSoftmaxRowExact(z, o, n, logp, probs);
    }

    @Override
    public float logSumExp(float[] z, int o, int n) {
        return logSumExpExact(z, o, n);
    }

    /**
     * The reference of {@link Kernels#logSumExp}: the float maximum, {@code Math.exp} of each float
     * difference summed in order, {@code (float) (max + Math.log(Σ))} — the {@code lse} of
     * {@link #logSoftmaxRowExact}.
     */
    static float logSumExpExact(float[] z, int o, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, z[o + k]);
        }
        double se = 0;
        for (int k = 0; k < n; k++) {
            se += Math.exp(z[o + k] - max);
        }
        return (float) (max + Math.log(se));
    }

    /**
     * The reference log-softmax of {@link Kernels#logSoftmaxRow}: max-subtracted, one
     * {@code Math.exp} per entry summed in order, {@code lse = (float) (max + log Σe)},
     * {@code logp = z − lse} in float, {@code p = (float) e · (1/Σe)} and the entropy
     * {@code −Σ p·logp} in order, in double.
     */
    static double logSoftmaxRowExact(float[] z, int o, int a, float[] logp, float[] probs) {
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < a; k++) {
            max = Math.max(max, z[o + k]);
        }
        // One exp per entry: e^{z−max} is parked in logp (as float) and reused for p = e/Σe,
        // instead of a second exp of the rounded logp. The float rounding of e (relative 2⁻²⁴) is
        // no larger than the error exp(logp) inherited from the rounding of logp.
        double se = 0;
        for (int k = 0; k < a; k++) {
            double e = Math.exp(z[o + k] - max);
            logp[o + k] = (float) e;
            se += e;
        }
        float lse = (float) (max + Math.log(se));
        double inv = 1.0 / se;
        double ent = 0;
        for (int k = 0; k < a; k++) {
            double p = logp[o + k] * inv;
            float lp = z[o + k] - lse;
            logp[o + k] = lp;
            if (probs != null) {
                probs[o + k] = (float) p;
            }
            ent -= p * lp;
        }
        return ent;
    }

    @Override
    public void poissonExpectedMin(double[] lambda, int x, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = PoissonMoments.expectedMin(lambda[i], x);
        }
    }

    @Override
    public void binomial(int[] trials, double[] p, long[] seed, long[] gamma, int[] out, int n) {
        ScalarSamplers.binomial(trials, p, seed, gamma, out, 0, n);
    }

    @Override
    public void categorical(float[] logits, int off, int ld, int width, long[] seed, long[] gamma, int[] out,
                            int rows) {
        ScalarSamplers.categorical(logits, off, ld, width, seed, gamma, out, rows);
    }

    @Override
    public int categoricalIndex(float[] z, int o, int n, double u, double[] w) {
        return Rng.categoricalIndex(z, o, n, Rng.categoricalMax(z, o, n), u, w);
    }

    @Override
    public void scaledLogistic(double scale, double[] x, int n) {
        ScalarSamplers.scaledLogistic(scale, x, 0, n);
    }
}
