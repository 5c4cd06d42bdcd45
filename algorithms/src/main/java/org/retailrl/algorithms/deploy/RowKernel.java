package org.retailrl.algorithms.deploy;

/**
 * The one hot loop of single-row inference (MODEL.md §8 networks at batch size 1): the
 * matrix-vector product {@code y[j] = Σ_p x[xo + p]·wt[p·out + j]} for {@code j < out}, with the
 * weight stored transposed ({@code [in, out]}, row-major). Every output is one fused-multiply-add
 * chain over {@code p = 0, 1, …, in − 1} starting from zero — the order of the GEMM micro-kernel
 * the training forward pass uses — so implementations agree to the bit. The scalar one is the
 * reference; the Vector API one ({@code PanamaRowKernel}) is used when {@code jdk.incubator.vector}
 * is present and {@code -Dretailrl.simd} is not {@code scalar}. Units are the operands'.
 */
interface RowKernel {
    /** {@code "scalar"} or {@code "vector-<bits>"}. */
    String name();

    /** {@code y[0..out) = xᵀ·wt} as described above; {@code y} must not alias {@code x} or {@code wt}. */
    void matvec(float[] wt, float[] x, int xo, int in, int out, float[] y);

    /** The implementation to use in this JVM. */
    static RowKernel select() {
        String mode = System.getProperty("retailrl.simd", "auto");
        if (mode.equals("scalar") || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return new ScalarRowKernel();
        }
        try {
            // Loaded by name so that nothing else in this module links against the incubator module.
            Class<?> c = Class.forName("org.retailrl.algorithms.deploy.PanamaRowKernel");
            return (RowKernel) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return new ScalarRowKernel();
        }
    }
}
