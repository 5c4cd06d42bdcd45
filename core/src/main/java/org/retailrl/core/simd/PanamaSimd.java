package org.retailrl.core.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API ({@code jdk.incubator.vector}) implementation of {@link Simd}: the dense kernels
 * under every network of MODEL.md §8 (Linear/GRU forward and backward are GEMMs, activations are
 * the elementwise maps). The only class of core that links against the incubator module;
 * {@link Kernels} loads it by name, so a JVM without the module never touches it.
 *
 * <p>Width: {@link FloatVector#SPECIES_PREFERRED} (16 float lanes on AVX-512), or forced by
 * {@code -Dretailrl.simd.width=128|256|512}. {@link #name()} reports {@code "vector-<bits>"}.
 *
 * <p>Agreement with {@link ScalarSimd} (checked by the differential tests), with
 * {@code u = 2⁻²⁴} and {@code γ_n = n·u/(1−n·u)}:
 * <ul>
 *   <li>add, sub, mul, scale: bit-identical (one IEEE rounding per element in both).</li>
 *   <li>axpy: {@code |Δ| ≤ 2u·(|y| + |αx|)} per element (fused multiply-add here, two roundings there).</li>
 *   <li>dot, sum: both within {@code γ_n·Σ|terms|} of the exact value, so {@code |Δ| ≤ 2γ_n·Σ|terms|}
 *       (summation order differs: 4·lanes partial sums here).</li>
 *   <li>gemm: each output within {@code γ_{k+1}·(Σ_p|a_ip·b_pj| + |c_ij|)} of exact.</li>
 *   <li>exp, tanh, sigmoid: {@code |Δ| ≤ 4·ulp(scalar result) + Float.MIN_NORMAL} — the JDK's
 *       vector EXP/TANH (SVML intrinsics on x86) are accurate to about 1 ulp; the scalar twin rounds
 *       a double-precision {@code Math} result; the absolute term covers sigmoid's subnormal range,
 *       where float {@code e^{−x}} overflows here but not in double there.</li>
 * </ul>
 *
 * <p>Thread-safe: the GEMM packing buffers are per thread.
 */
final class PanamaSimd implements Simd {
    /** System property forcing the vector width in bits. */
    static final String WIDTH_PROPERTY = "retailrl.simd.width";

    private static final String WIDTH = System.getProperty(WIDTH_PROPERTY, "");
    // static final so C2 folds the species (and everything derived from it) into constants;
    // a species held in an instance field defeats intrinsification of most operations.
    private static final VectorSpecies<Float> S = species(WIDTH);
    private static final int L = S.length();

    /** GEMM micro-tile: MR rows × NV vectors of C in registers (6×2 = 12 of the 32 zmm registers,
     *  leaving room for the 2 B vectors and the broadcast without spilling). */
    private static final int MR = 6;
    private static final int NV = 2;
    private static final int NR = NV * L;
    /** Cache blocking: a kc×NR B micro-panel (256·32·4 B = 32 KiB) stays in the 48 KiB L1 while the
     *  A micro-panels stream past it; the MC×KC packed A block (≈120 KiB) sits in L2, and the
     *  KC×NC packed B block (1 MiB) in the 2 MiB L2 / L3. */
    private static final int KC = 256;
    private static final int MC = 120;
    private static final int NC = 1024;

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /** Per-thread packing buffers, grown on demand so small GEMMs never allocate the full block. */
    private static final class Workspace {
        float[] packA = new float[0];
        float[] packB = new float[0];
        final float[] tile = new float[MR * NR];

        float[] a(int size) {
            if (packA.length < size) {
                packA = new float[size];
            }
            return packA;
        }

        float[] b(int size) {
            if (packB.length < size) {
                packB = new float[size];
            }
            return packB;
        }
    }

    PanamaSimd() {
        if (!WIDTH.isEmpty() && !WIDTH.equals("128") && !WIDTH.equals("256") && !WIDTH.equals("512")) {
            throw new IllegalArgumentException("-D" + WIDTH_PROPERTY + " must be 128, 256 or 512, got '" + WIDTH + "'");
        }
    }

    private static VectorSpecies<Float> species(String width) {
        return switch (width) {
            case "128" -> FloatVector.SPECIES_128;
            case "256" -> FloatVector.SPECIES_256;
            case "512" -> FloatVector.SPECIES_512;
            // Invalid values are reported by the constructor, where the exception reaches the caller
            // as an IllegalArgumentException rather than an ExceptionInInitializerError.
            default -> FloatVector.SPECIES_PREFERRED;
        };
    }

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n) {
        // Four independent accumulators: an FMA has ~4 cycles latency and two issue ports, so a
        // single accumulator chain would leave the units idle most of the time.
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (int bound = n - 4 * L; i <= bound; i += 4 * L) {
            s0 = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), s0);
            s1 = FloatVector.fromArray(S, a, ao + i + L).fma(FloatVector.fromArray(S, b, bo + i + L), s1);
            s2 = FloatVector.fromArray(S, a, ao + i + 2 * L).fma(FloatVector.fromArray(S, b, bo + i + 2 * L), s2);
            s3 = FloatVector.fromArray(S, a, ao + i + 3 * L).fma(FloatVector.fromArray(S, b, bo + i + 3 * L), s3);
        }
        for (int bound = n - L; i <= bound; i += L) {
            s0 = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), s0);
        }
        float s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        // Scalar tail instead of a masked load: masked loads are slow (or not intrinsified) on
        // some hardware/JDK combinations, and the tail is shorter than one vector.
        for (; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }

    @Override
    public float sum(float[] a, int ao, int n) {
        // Four accumulators for the same latency reason as dot (vector add latency ~4 cycles).
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (int bound = n - 4 * L; i <= bound; i += 4 * L) {
            s0 = s0.add(FloatVector.fromArray(S, a, ao + i));
            s1 = s1.add(FloatVector.fromArray(S, a, ao + i + L));
            s2 = s2.add(FloatVector.fromArray(S, a, ao + i + 2 * L));
            s3 = s3.add(FloatVector.fromArray(S, a, ao + i + 3 * L));
        }
        for (int bound = n - L; i <= bound; i += L) {
            s0 = s0.add(FloatVector.fromArray(S, a, ao + i));
        }
        float s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[ao + i];
        }
        return s;
    }

    @Override
    public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            va.fma(FloatVector.fromArray(S, x, xo + i), FloatVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = Math.fma(alpha, x[xo + i], y[yo + i]);
        }
    }

    @Override
    public void add(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, a, ao + i).add(FloatVector.fromArray(S, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = a[ao + i] + b[bo + i];
        }
    }

    @Override
    public void sub(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, a, ao + i).sub(FloatVector.fromArray(S, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = a[ao + i] - b[bo + i];
        }
    }

    @Override
    public void mul(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, a, ao + i).mul(FloatVector.fromArray(S, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = a[ao + i] * b[bo + i];
        }
    }

    @Override
    public void scale(float alpha, float[] x, int xo, float[] out, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xo + i).mul(alpha).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = alpha * x[xo + i];
        }
    }

    @Override
    public void tanh(float[] x, int xo, float[] out, int oo, int n) {
        // VectorOperators.TANH is intrinsified on x86-64 (SVML stubs since JDK 16/21); elsewhere it
        // falls back to per-lane Math.tanh, which is still correct.
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xo + i).lanewise(VectorOperators.TANH).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = (float) Math.tanh(x[xo + i]);
        }
    }

    @Override
    public void sigmoid(float[] x, int xo, float[] out, int oo, int n) {
        // σ(x) = 1/(1+e^{−x}) stays finite for all x in float: e^{−x} = +∞ gives 0, e^{−x} = 0 gives 1.
        FloatVector one = FloatVector.broadcast(S, 1f);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector e = FloatVector.fromArray(S, x, xo + i).neg().lanewise(VectorOperators.EXP);
            one.div(e.add(one)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = (float) (1.0 / (1.0 + Math.exp(-x[xo + i])));
        }
    }

    @Override
    public void exp(float[] x, int xo, float[] out, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xo + i).lanewise(VectorOperators.EXP).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = (float) Math.exp(x[xo + i]);
        }
    }

    /**
     * Blocked GEMM (the BLIS loop nest): for each NC-wide column block and KC-deep slice, pack
     * op(B) once; for each MC-high row block pack op(A); then sweep MR×NR micro-tiles with the
     * register kernel. Packing makes all four transpose variants the same inner loop.
     */
    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
                }
            }
            return;
        }
        Workspace ws = WORKSPACE.get();
        float[] pb = ws.b(GemmPack.bSize(Math.min(k, KC), Math.min(n, NC), NR));
        float[] pa = ws.a(GemmPack.aSize(Math.min(m, MC), Math.min(k, KC), MR));
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                boolean add = accumulate || pc > 0;
                GemmPack.packB(transB, b, bOff, ldb, pc, kc, jc, nc, NR, pb);
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    GemmPack.packA(transA, a, aOff, lda, ic, mc, pc, kc, MR, pa);
                    macroKernel(mc, nc, kc, pa, pb, c, cOff + ic * ldc + jc, ldc, add, ws.tile);
                }
            }
        }
    }

    /** Sweeps the micro-tiles of one packed block pair; edge tiles go through {@code tile}. */
    private static void macroKernel(int mc, int nc, int kc, float[] pa, float[] pb,
                                    float[] c, int c0, int ldc, boolean add, float[] tile) {
        for (int j = 0; j < nc; j += NR) {
            int cols = Math.min(NR, nc - j);
            int pbOff = (j / NR) * NR * kc;
            for (int i = 0; i < mc; i += MR) {
                int rows = Math.min(MR, mc - i);
                int paOff = (i / MR) * MR * kc;
                int ct = c0 + i * ldc + j;
                if (rows == MR && cols == NR) {
                    microKernel(kc, pa, paOff, pb, pbOff, c, ct, ldc, add);
                } else {
                    // Edge tile: compute the full padded tile into a scratch buffer and copy the
                    // valid part with scalar code, instead of masked vector stores in the kernel.
                    microKernel(kc, pa, paOff, pb, pbOff, tile, 0, NR, false);
                    for (int r = 0; r < rows; r++) {
                        int cr = ct + r * ldc;
                        for (int q = 0; q < cols; q++) {
                            c[cr + q] = add ? c[cr + q] + tile[r * NR + q] : tile[r * NR + q];
                        }
                    }
                }
            }
        }
    }

    /**
     * C[0..MR, 0..NR] (+)= Apanel·Bpanel over kc steps: per step, two B vectors are loaded and each
     * of the MR A scalars is broadcast and FMA-ed into its row's two accumulators. The twelve
     * accumulators are plain locals so C2 keeps them in registers for the whole k loop; C is read
     * and written once per tile, not once per step.
     */
    private static void microKernel(int kc, float[] pa, int paOff, float[] pb, int pbOff,
                                    float[] c, int c0, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        int ia = paOff, ib = pbOff;
        for (int p = 0; p < kc; p++, ia += MR, ib += NR) {
            FloatVector b0 = FloatVector.fromArray(S, pb, ib);
            FloatVector b1 = FloatVector.fromArray(S, pb, ib + L);
            FloatVector a0 = FloatVector.broadcast(S, pa[ia]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, pa[ia + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, pa[ia + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, pa[ia + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, pa[ia + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, pa[ia + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
        }
        store(c00, c01, c, c0, add);
        store(c10, c11, c, c0 + ldc, add);
        store(c20, c21, c, c0 + 2 * ldc, add);
        store(c30, c31, c, c0 + 3 * ldc, add);
        store(c40, c41, c, c0 + 4 * ldc, add);
        store(c50, c51, c, c0 + 5 * ldc, add);
    }

    private static void store(FloatVector v0, FloatVector v1, float[] c, int off, boolean add) {
        if (add) {
            v0 = v0.add(FloatVector.fromArray(S, c, off));
            v1 = v1.add(FloatVector.fromArray(S, c, off + L));
        }
        v0.intoArray(c, off);
        v1.intoArray(c, off + L);
    }
}
