package org.retailrl.core.simd;

/**
 * The kernel contract shared by the Vector API implementation and its scalar twin. All arrays are
 * addressed as (array, offset) with explicit lengths so callers can work inside larger buffers
 * without copying. Outputs may alias inputs only where a method says so.
 */
interface Simd {
    /** A short name for reports, e.g. {@code "scalar"} or {@code "vector-512"}. */
    String name();

    /** {@code Σ a[ao+i]·b[bo+i]}. */
    float dot(float[] a, int ao, float[] b, int bo, int n);

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
     * {@code C = op(A)·op(B)} (or {@code C += ...} when {@code accumulate}), where C is m×n,
     * op(A) is m×k and op(B) is k×n, all row-major with leading dimensions lda, ldb, ldc.
     * {@code op(A) = Aᵀ} when {@code transA} (A stored k×m), likewise for B. C must not alias A or B.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc, boolean accumulate);
}
