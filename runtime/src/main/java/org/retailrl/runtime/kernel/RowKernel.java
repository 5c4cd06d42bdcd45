package org.retailrl.runtime.kernel;

/**
 * The one hot loop of single-row inference (docs/model.md §8 networks at batch size 1): the
 * matrix-vector product {@code y[j] = Σ_p x[xo + p]·W[p, j]} for {@code j < out}, {@code p < in},
 * with the weight given transposed ({@code [in, out]}, row-major) to {@link #pack}, which returns
 * it in the layout {@link #matvec} reads. Every output is one fused-multiply-add chain over
 * {@code p = 0, 1, …, in − 1} starting from zero — the order of the GEMM micro-kernel the training
 * forward pass uses — so implementations agree to the bit. The scalar one is the reference; the
 * Vector API one ({@code PanamaRowKernel}) is used when {@code jdk.incubator.vector} is present
 * and {@code -Dretailrl.simd} is not {@code scalar}. Units are the operands'.
 */
public interface RowKernel {
    /** {@code "scalar"} or {@code "vector-<bits>"}. */
    String name();

    /** {@code wt [in, out]} (row-major, not kept) in this kernel's layout. */
    float[] pack(float[] wt, int in, int out);

    /** {@code y[0..out) = Σ_p x[xo + p]·W[p, ·]} for {@code packed = pack(W, in, out)}; {@code y} must not alias the inputs. */
    void matvec(float[] packed, float[] x, int xo, int in, int out, float[] y);

    /** The implementation to use in this JVM. */
    static RowKernel select() {
        String mode = System.getProperty("retailrl.simd", "auto");
        if (mode.equals("scalar") || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return new ScalarRowKernel();
        }
        try {
            // Loaded by name so that nothing else in this module links against the incubator module.
            Class<?> c = Class.forName("org.retailrl.runtime.kernel.PanamaRowKernel");
            return (RowKernel) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return new ScalarRowKernel();
        }
    }

    /** Argument checks of {@link #pack}. */
    static void checkPack(float[] wt, int in, int out) {
        if (in < 0 || out < 0 || wt == null || wt.length < (long) in * out) {
            throw new IllegalArgumentException("pack: in and out must be >= 0 and wt hold in·out floats; got in=" + in
                    + ", out=" + out + ", wt " + (wt == null ? "null" : wt.length + " floats"));
        }
    }

    /** Argument checks of {@link #matvec}. */
    static void checkMatvec(float[] packed, float[] x, int xo, int in, int out, float[] y) {
        if (in < 0 || out < 0 || xo < 0 || xo > x.length - in || packed.length < in * out || y.length < out) {
            throw new IllegalArgumentException("matvec: x needs " + in + " floats from " + xo + ", packed " + in * out
                    + ", y " + out + "; got " + x.length + ", " + packed.length + ", " + y.length);
        }
    }
}
