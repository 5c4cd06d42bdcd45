package org.retailrl.core.simd;

/**
 * The kernel contract shared by the Vector API implementation and its scalar twin. All arrays are
 * addressed as (array, offset) with explicit lengths so callers can work inside larger buffers
 * without copying. Outputs may alias inputs only where a method says so.
 */
interface Simd {
    /** A short name for reports, e.g. {@code "scalar"} or {@code "vector-512"}. */
    String name();

    /**
     * The GEMM's register tile as {@code "<rows>x<columns>"} (e.g. {@code "12x32"}), or
     * {@code "scalar"} for the scalar twin's plain loops.
     */
    String gemmTile();

    /** {@code Σ a[ao+i]·b[bo+i]}. */
    float dot(float[] a, int ao, float[] b, int bo, int n);

    /**
     * {@link #dot(float[], int, float[], int, int)}, the same bits, with {@code lanes} (at least one
     * float per vector lane) as scratch for the final lane sum, so a caller making many dot products allocates
     * nothing per call.
     */
    float dot(float[] a, int ao, float[] b, int bo, int n, float[] lanes);

    /** {@code Σ a[ao+i]}. */
    float sum(float[] a, int ao, int n);

    /** {@code y[yo+i] += alpha·x[xo+i]}. */
    void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n);

    /** {@code out = a + b} elementwise; out may alias a or b. */
    void add(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n);

    /** {@code out = a − b} elementwise; out may alias a or b. */
    void sub(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n);

    /** {@code out = a · b} elementwise; out may alias a or b. */
    void mul(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n);

    /** {@code out = alpha · x}; out may alias x. */
    void scale(float alpha, float[] x, int xo, float[] out, int oo, int n);

    /** {@code out = tanh(x)}; out may alias x. */
    void tanh(float[] x, int xo, float[] out, int oo, int n);

    /** {@code out = σ(x) = 1/(1+e^{−x})}; out may alias x. */
    void sigmoid(float[] x, int xo, float[] out, int oo, int n);

    /** {@code out = e^x}; out may alias x. */
    void exp(float[] x, int xo, float[] out, int oo, int n);

    /**
     * The elementwise tail of one GRU step for one row (docs/model.md §8, GRU): with the activated gates
     * {@code r = g[go..]}, {@code z = g[go+h..]} and the n pre-activation {@code g[go+2h..]}, sets
     * {@code n = tanh(n + (bIn + r·hn))} in place, then {@code out = n + z·(hPrev − n)}. Each
     * product and sum is rounded once, in that order; tanh as {@link #tanh}. {@code out} must not
     * alias {@code g}.
     */
    void gruForwardTail(float[] g, int go, float[] bIn, int bo, float[] hn, float[] hPrev, int ro,
                        float[] out, int oo, int h);

    /**
     * {@code out[oo+j] = Σ_r a[ao + r·lda + j]} for {@code j < cols}: the column sums of a
     * rows×cols block (bias gradients, docs/model.md §8), each summed from zero in row order with one
     * rounding per addition, so both implementations give the same bits. out must not alias a.
     */
    void columnSums(float[] a, int ao, int rows, int cols, int lda, float[] out, int oo);

    /**
     * {@code out = σ(a + (b + c))} elementwise, bit-identical to {@link #add} of b and c, then
     * {@link #add} of a, then {@link #sigmoid} (the r and z gates of a GRU step, docs/model.md §8:
     * input projection + (recurrent product + biases)); out may alias a, b or c.
     */
    void addSigmoid(float[] a, int ao, float[] b, int bo, float[] c, int co, float[] out, int oo, int n);

    /**
     * The gate gradients of one GRU row (docs/model.md §8, GRU backward), all arrays of one row:
     * gates {@code (r, z, n)} at {@code g[go..go+3h)}; {@code hn}, {@code hPrev} and {@code dy} at
     * {@code ro}; {@code dh} and {@code dhPrev} at {@code bo}. With {@code d = dh + dy}:
     * {@code dpn = d·(1−z)·(1−n·n)}, {@code dpr = dpn·hn·r·(1−r)}, {@code dpz = d·(hPrev−n)·z·(1−z)}
     * (left to right, one rounding per operation); writes {@code (dpr, dpz, dpn)} to {@code dgi} and
     * {@code (dpr, dpz, dpn·r)} to {@code dgh}, both at {@code dgo}, and {@code dhPrev = d·z}.
     */
    void gruBackwardRow(float[] g, int go, float[] hn, float[] hPrev, float[] dy, int ro,
                        float[] dh, float[] dhPrev, int bo, float[] dgi, float[] dgh, int dgo, int h);

    /**
     * {@code C = op(A)·op(B)} (or {@code C += ...} when {@code accumulate}), where C is m×n,
     * op(A) is m×k and op(B) is k×n, all row-major with leading dimensions lda, ldb, ldc.
     * {@code op(A) = Aᵀ} when {@code transA} (A stored k×m), likewise for B. C must not alias A or B.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc, boolean accumulate);

    /** Floats {@link #packRight} writes for a k×n right operand. */
    int packedRightSize(int k, int n);

    /**
     * Packs the right operand {@code op(B)} (k×n; {@code Bᵀ} stored n×k when {@code transB}) into
     * {@code dst[dstOff..dstOff + packedRightSize(k, n))} in this implementation's own layout, for
     * {@link #gemmPackedRight}.
     */
    void packRight(boolean transB, int k, int n, float[] b, int bOff, int ldb, float[] dst, int dstOff);

    /**
     * {@code C (+)= A·op(B)} with A untransposed (m×k) and op(B) packed by {@link #packRight} with the
     * same k and n: bit-identical to {@link #gemm} {@code (false, false, ...)} on op(B) stored
     * row-major (k×n), without packing op(B) again on every call.
     */
    void gemmPackedRight(int m, int n, int k, float[] a, int aOff, int lda, float[] packed, int pOff,
                         float[] c, int cOff, int ldc, boolean accumulate);

    /**
     * {@code out[i] ~ Poisson(lambda[i])} for {@code i < n}, drawn from raw stream {@code i}
     * ({@code seed[i]}, {@code gamma[i]}) exactly as {@code PoissonSampler.sample(seed, gamma, i, lambda[i])};
     * throws {@link IllegalArgumentException} (by {@code ScalarSamplers.checkMeans}) before any
     * stream moves when a mean is outside {@code [0, 1e9]}.
     */
    void poisson(double[] lambda, long[] seed, long[] gamma, double[] out, int n);

    /**
     * {@code out[i] ~ Binomial(trials[i], p[i])} for {@code i < n} from raw stream {@code i}, exactly as
     * {@code Rng.binomial} on that stream; arguments already checked.
     */
    void binomial(int[] trials, double[] p, long[] seed, long[] gamma, int[] out, int n);

    /**
     * {@code out[r]} drawn from the softmax of row {@code r} ({@code logits[off + r·ld .. + width)})
     * with stream {@code r}, for {@code r < rows}; see {@link Kernels#categorical}.
     */
    void categorical(float[] logits, int off, int ld, int width, long[] seed, long[] gamma, int[] out, int rows);

    /**
     * The index {@code Rng.invertWeights(w, n, u·Σw)} returns for {@code w_k = Math.exp(z[o + k] − max)}
     * summed in index order, {@code max} the row's maximum, to the bit; {@code w} is scratch; see
     * {@link Kernels#categoricalIndex}. Arguments already checked but the logits.
     */
    int categoricalIndex(float[] z, int o, int n, double u, double[] w);

    /**
     * {@code out[i] = PoissonMoments.expectedMin(lambda[i], x)} for {@code i < n}, to the bit;
     * arguments already checked.
     */
    void poissonExpectedMin(double[] lambda, int x, double[] out, int n);

    /** {@code x[i] = scale / (1 + e^{−x[i]})} for {@code i < n}, the exponential as {@link FastExp}. */
    void scaledLogistic(double scale, double[] x, int n);

    /** {@code out[i] = Math.log1p(x[i])} for {@code i < n}, to the bit; arguments already checked. */
    void log1p(double[] x, double[] out, int n);

    /**
     * {@code out[oo + i] = (float) Math.exp(x[xo + i])} for {@code i < n}, to the bit; arguments
     * already checked. {@code out} may alias {@code x}.
     */
    void expToFloat(float[] x, int xo, float[] out, int oo, int n);

    /**
     * {@code dz[dzo + k] += up·(−c·p + entScale·p·(logp[o + k] + h))} with
     * {@code p = (float) Math.exp(logp[o + k])} for {@code k < n}, each operation rounded to float
     * in that order, to the bit; arguments already checked.
     */
    void softmaxGradRow(float[] logp, int o, int n, float c, float entScale, float h, float up, float[] dz, int dzo);

    /**
     * {@code log softmax(z[o .. o+n))} into {@code logp[o ..]} and, when {@code probs} is not null,
     * the probabilities into {@code probs[o ..]}; returns the row's entropy. The floats written
     * are those of {@link ScalarSimd#logSoftmaxRowExact}, to the bit; the returned entropy is
     * within {@code (4n + 16)·2^-53} of its value, relative, and rounds to the same float.
     * Arguments already checked.
     */
    double logSoftmaxRow(float[] z, int o, int n, float[] logp, float[] probs);

    /**
     * {@code (float) (max + log Σ e^{z−max})} over {@code z[o .. o+n)}, to the bit that of
     * {@link ScalarSimd#logSumExpExact}; arguments already checked.
     */
    float logSumExp(float[] z, int o, int n);
}
