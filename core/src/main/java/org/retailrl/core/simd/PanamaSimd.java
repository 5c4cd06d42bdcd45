package org.retailrl.core.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.retailrl.core.random.PoissonMoments;
import org.retailrl.core.random.PoissonSampler;
import org.retailrl.core.random.RawStreams;
import org.retailrl.core.random.Rng;

/**
 * The Vector API ({@code jdk.incubator.vector}) implementation of {@link Simd}: the dense kernels
 * under every network of docs/model.md §8 (Linear/GRU forward and backward are GEMMs, activations are
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
 *   <li>gemm: both within {@code γ_{k+⌈k/256⌉+1}·(Σ_p|a_ip·b_pj| + |c_ij|)} of exact (one rounding
 *       per FMA, one per 256-deep block added into C, one for the accumulate add).</li>
 *   <li>exp, tanh, sigmoid: {@code |Δ| ≤ 4·ulp(scalar result) + Float.MIN_NORMAL}. Here they are
 *       computed by {@link DetMath} (not the Vector API's EXP/TANH, whose last bits change when C2
 *       intrinsifies them, which broke same-seed reproducibility). Measured against the double
 *       reference over 1.6·10⁷ random inputs per function (normal results): exp ≤ 0.93 ulp,
 *       tanh ≤ 1.35 ulp, sigmoid ≤ 2.37 ulp; the scalar twin rounds the double {@code Math} result
 *       (≤ 0.5 ulp, sigmoid ≤ 1 ulp). The absolute term covers results below the normal range,
 *       where σ's float {@code e^{−x}} overflows here but not in double there, and exp's
 *       subnormal outputs carry only absolute accuracy.</li>
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

    /** System property forcing the GEMM micro-tile's height: 12 or 6 rows. */
    static final String ROWS_PROPERTY = "retailrl.gemm.rows";

    private static final String ROWS = System.getProperty(ROWS_PROPERTY, "");

    /**
     * GEMM micro-tile: MR rows × NV vectors of C held in registers (see microKernel). 12 rows need
     * 24 accumulators + 2 B vectors + 1 broadcast = 27 vector registers: AVX-512 and AArch64
     * have 32. AVX2 has 16, where the 12-row tile spills to the stack; there 6 rows (12 + 2 + 1 =
     * 15 registers, the shape BLIS uses on Haswell) are taken. The tile does not change any
     * element's operations or their order, so results are the same bits with either.
     */
    private static final int MR = microTileRows(ROWS);
    private static final int NV = 2;
    private static final int NR = NV * L;
    /** Cache blocking: a KC×NR B micro-panel (256·32·4 B = 32 KiB) stays in the 48 KiB L1 while the
     *  A micro-panels stream past it; the MC×KC block of A (144 KiB; MC a multiple of MR so only
     *  the matrix edge is ragged) stays in the 2 MiB L2 across all NR-wide column panels, next to
     *  the KC×NC packed B block (1 MiB). */
    private static final int KC = 256;
    private static final int MC = 144;
    private static final int NC = 1024;

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /** Per-thread packing buffers, grown on demand so small GEMMs never allocate the full block. */
    private static final class Workspace {
        float[] packA = new float[0];
        float[] packB = new float[0];
        final float[] tile = new float[MR * NR];
        final int[] rowIndex = new int[L];
        /** Scratch rows of the samplers (uniforms, per-element constants). */
        final double[][] dbl = new double[5][0];

        double[] d(int which, int size) {
            if (dbl[which].length < size) {
                dbl[which] = LaneArrays.doubles(size);
            }
            return dbl[which];
        }

        /** Gather offsets of L consecutive rows of a matrix with leading dimension ld. */
        int[] rows(int ld) {
            for (int l = 0; l < L; l++) {
                rowIndex[l] = l * ld;
            }
            return rowIndex;
        }

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
        if (!ROWS.isEmpty() && !ROWS.equals("6") && !ROWS.equals("12")) {
            throw new IllegalArgumentException("-D" + ROWS_PROPERTY + " must be 6 or 12, got '" + ROWS + "'");
        }
    }

    /**
     * The micro-tile height: forced by {@code rows}, else 12 where the CPU has 32 vector registers
     * (AArch64; x86 with AVX-512, seen as a 512-bit preferred species — also when a narrower width
     * is forced, since the registers are still there) and 6 where it has 16 (x86 up to AVX2).
     * Invalid values are reported by the constructor.
     */
    private static int microTileRows(String rows) {
        return switch (rows) {
            case "6" -> 6;
            case "12" -> 12;
            default -> System.getProperty("os.arch", "").equals("aarch64")
                    || FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 512 ? 12 : 6;
        };
    }

    @Override
    public String gemmTile() {
        return MR + "x" + NR;
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
        return dot(a, ao, b, bo, n, new float[L]);
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n, float[] lanes) {
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
        float s = sumLanesInOrder(s0.add(s1).add(s2.add(s3)), lanes);
        // Scalar tail instead of a masked load: masked loads are slow (or not intrinsified) on
        // some hardware/JDK combinations, and the tail is shorter than one vector.
        for (; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }

    /**
     * Adds the lanes left to right. Not {@code reduceLanes(ADD)}: its float summation order is
     * unspecified and differs between the Java fallback and the C2 intrinsic, so the same call
     * returned different bits before and after compilation — which broke same-seed reproducibility.
     */
    private static float sumLanesInOrder(FloatVector v, float[] lanes) {
        // Through an array the caller may reuse: C2 does not remove an array the vector store
        // writes into, and reading the lanes one by one (v.lane(i)) made a 64-float dot 25% slower.
        v.intoArray(lanes, 0);
        float s = 0f;
        for (int i = 0; i < L; i++) {
            s += lanes[i];
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
        float s = sumLanesInOrder(s0.add(s1).add(s2.add(s3)), new float[L]);
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
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            tanhV(FloatVector.fromArray(S, x, xo + i)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = DetMath.tanh(x[xo + i]);
        }
    }

    @Override
    public void sigmoid(float[] x, int xo, float[] out, int oo, int n) {
        // σ(x) = 1/(1+e^{−x}) stays finite for all x in float: e^{−x} = +∞ gives 0, e^{−x} = 0 gives 1.
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector e = expV(FloatVector.fromArray(S, x, xo + i).neg());
            FloatVector.broadcast(S, 1f).div(e.add(FloatVector.broadcast(S, 1f))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = DetMath.sigmoid(x[xo + i]);
        }
    }

    @Override
    public void exp(float[] x, int xo, float[] out, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            expV(FloatVector.fromArray(S, x, xo + i)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = DetMath.exp(x[xo + i]);
        }
    }

    @Override
    public void gruForwardTail(float[] g, int go, float[] bIn, int bo, float[] hn, float[] hPrev, int ro,
                               float[] out, int oo, int h) {
        int zo = go + h;
        int no = go + 2 * h;
        int j = 0;
        for (int bound = S.loopBound(h); j < bound; j += L) {
            FloatVector r = FloatVector.fromArray(S, g, go + j);
            FloatVector pre = FloatVector.fromArray(S, g, no + j)
                    .add(FloatVector.fromArray(S, bIn, bo + j).add(r.mul(FloatVector.fromArray(S, hn, ro + j))));
            FloatVector n = tanhV(pre);
            n.intoArray(g, no + j);
            FloatVector z = FloatVector.fromArray(S, g, zo + j);
            n.add(z.mul(FloatVector.fromArray(S, hPrev, ro + j).sub(n))).intoArray(out, oo + j);
        }
        for (; j < h; j++) {
            float n = DetMath.tanh(g[no + j] + (bIn[bo + j] + g[go + j] * hn[ro + j]));
            g[no + j] = n;
            out[oo + j] = n + g[zo + j] * (hPrev[ro + j] - n);
        }
    }

    /**
     * Four vectors of columns at a time are summed over all rows in registers and stored once,
     * instead of loading and storing the running sums for every row (W1: the GRU and Linear bias
     * gradients). Lane order equals the scalar twin's, so the bits agree.
     */
    @Override
    public void columnSums(float[] a, int ao, int rows, int cols, int lda, float[] out, int oo) {
        int j = 0;
        for (; j + 4 * L <= cols; j += 4 * L) {
            FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
            for (int r = 0; r < rows; r++) {
                int o = ao + r * lda + j;
                s0 = s0.add(FloatVector.fromArray(S, a, o));
                s1 = s1.add(FloatVector.fromArray(S, a, o + L));
                s2 = s2.add(FloatVector.fromArray(S, a, o + 2 * L));
                s3 = s3.add(FloatVector.fromArray(S, a, o + 3 * L));
            }
            s0.intoArray(out, oo + j);
            s1.intoArray(out, oo + j + L);
            s2.intoArray(out, oo + j + 2 * L);
            s3.intoArray(out, oo + j + 3 * L);
        }
        for (; j + L <= cols; j += L) {
            FloatVector s0 = FloatVector.zero(S);
            for (int r = 0; r < rows; r++) {
                s0 = s0.add(FloatVector.fromArray(S, a, ao + r * lda + j));
            }
            s0.intoArray(out, oo + j);
        }
        for (; j < cols; j++) {
            float s = 0f;
            for (int r = 0; r < rows; r++) {
                s += a[ao + r * lda + j];
            }
            out[oo + j] = s;
        }
    }

    /**
     * One pass instead of three, with the lanes' operations in the order of the two
     * {@link #add}s then {@link #sigmoid}, so the result is bit-identical to them. Kept to one exp per iteration:
     * a row kernel that also did the tanh tail outgrew C2's inlining budget, the Vector API
     * calls were left as boxed Java fallbacks and the step ran several times slower.
     */
    @Override
    public void addSigmoid(float[] x, int xo, float[] y, int yo, float[] z, int zo, float[] out, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector s = FloatVector.fromArray(S, y, yo + i).add(FloatVector.fromArray(S, z, zo + i));
            FloatVector e = expV(FloatVector.fromArray(S, x, xo + i).add(s).neg());
            FloatVector.broadcast(S, 1f).div(e.add(FloatVector.broadcast(S, 1f))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = DetMath.sigmoid(x[xo + i] + (y[yo + i] + z[zo + i]));
        }
    }

    @Override
    public void gruBackwardRow(float[] g, int go, float[] hn, float[] hPrev, float[] dy, int ro,
                               float[] dh, float[] dhPrev, int bo, float[] dgi, float[] dgh, int dgo, int h) {
        int zo = go + h;
        int no = go + 2 * h;
        int dzo = dgo + h;
        int dno = dgo + 2 * h;
        int j = 0;
        // Only exactly rounded lane operations, in the scalar twin's order, so both paths agree bit
        // for bit whatever the JIT does.
        for (int bound = S.loopBound(h); j < bound; j += L) {
            FloatVector d = FloatVector.fromArray(S, dh, bo + j).add(FloatVector.fromArray(S, dy, ro + j));
            FloatVector r = FloatVector.fromArray(S, g, go + j);
            FloatVector z = FloatVector.fromArray(S, g, zo + j);
            FloatVector n = FloatVector.fromArray(S, g, no + j);
            FloatVector dn = d.mul(FloatVector.broadcast(S, 1f).sub(z));
            FloatVector dz = d.mul(FloatVector.fromArray(S, hPrev, ro + j).sub(n));
            FloatVector dpn = dn.mul(FloatVector.broadcast(S, 1f).sub(n.mul(n)));
            FloatVector dpr = dpn.mul(FloatVector.fromArray(S, hn, ro + j)).mul(r).mul(FloatVector.broadcast(S, 1f).sub(r));
            FloatVector dpz = dz.mul(z).mul(FloatVector.broadcast(S, 1f).sub(z));
            dpr.intoArray(dgi, dgo + j);
            dpz.intoArray(dgi, dzo + j);
            dpn.intoArray(dgi, dno + j);
            dpr.intoArray(dgh, dgo + j);
            dpz.intoArray(dgh, dzo + j);
            dpn.mul(r).intoArray(dgh, dno + j);
            d.mul(z).intoArray(dhPrev, bo + j);
        }
        for (; j < h; j++) {
            float d = dh[bo + j] + dy[ro + j];
            float r = g[go + j];
            float z = g[zo + j];
            float n = g[no + j];
            float dn = d * (1f - z);
            float dz = d * (hPrev[ro + j] - n);
            float dpn = dn * (1f - n * n);
            float dpr = dpn * hn[ro + j] * r * (1f - r);
            float dpz = dz * z * (1f - z);
            dgi[dgo + j] = dpr;
            dgi[dzo + j] = dpz;
            dgi[dno + j] = dpn;
            dgh[dgo + j] = dpr;
            dgh[dzo + j] = dpz;
            dgh[dno + j] = dpn * r;
            dhPrev[bo + j] = d * z;
        }
    }

    // ---- Batched samplers (docs/model.md §1, §3 Eq. 9, §8). Lanes of doubles and longs at the
    // float species' shape. The uniforms and 2^k scalings convert between long and double lanes,
    // which HotSpot compiles only with AVX-512DQ; at narrower shapes these conversions run boxed,
    // far slower than scalar code, so below 512 bits the samplers run the scalar twin (same bits).
    private static final VectorSpecies<Double> DS = VectorSpecies.of(double.class, S.vectorShape());
    private static final VectorSpecies<Long> LS = VectorSpecies.of(long.class, S.vectorShape());
    private static final int DL = DS.length();
    private static final boolean LANES64 = S.vectorBitSize() == 512;
    /** Lane searches (Poisson and binomial inversion) longer than this finish in scalar code. */
    static final int MAX_LANE_STEPS = 40;
    private static final int UNROLL = 4;

    @Override
    public void poisson(double[] lambda, long[] seed, long[] gamma, double[] out, int n) {
        if (!LANES64) {
            ScalarSamplers.poisson(lambda, seed, gamma, out, 0, n);
            return;
        }
        int bound = DS.loopBound(n);
        double[] u = WORKSPACE.get().d(0, bound);
        ScalarSamplers.checkMeans(lambda, bound, n);
        if (!negExpD(lambda, out, bound)) {
            ScalarSamplers.checkMeans(lambda, 0, bound);
        }
        uniformsD(seed, gamma, u, bound);
        poissonSearch(lambda, u, seed, gamma, out, bound);
        ScalarSamplers.poisson(lambda, seed, gamma, out, bound, n);
    }

    /**
     * {@code out[i] = e^{−x[i]}} as {@link FastExp}; false when some {@code x[i]} is outside
     * {@code [0, 1e9]} (or NaN).
     */
    private static boolean negExpD(double[] x, double[] out, int bound) {
        VectorMask<Double> bad = DS.maskAll(false);
        for (int i = 0; i < bound; i += DL) {
            DoubleVector v = DoubleVector.fromArray(DS, x, i);
            // NaN fails both comparisons, so the in-range test catches it too.
            bad = bad.or(v.compare(VectorOperators.GE, 0.0).and(v.compare(VectorOperators.LE, 1e9)).not());
        }
        expNegArray(x, out, bound);
        return !bad.anyTrue();
    }

    /**
     * {@code y[i] = e^{−x[i]}} as {@link FastExp} (the operations of {@link #fastExpD}), two vectors
     * per step with their operations interleaved: each exponential is a chain of 13 dependent
     * multiply-adds, and one vector's chain alone leaves the FMA units idle most of its latency
     * (docs/performance.md, "The environment step on Zen 4"). Written out, not two calls of
     * {@code fastExpD}: a second inlined copy is what C2 is likeliest to refuse, and a call it does
     * not inline boxes its vectors. {@code y} may be {@code x}.
     */
    private static void expNegArray(double[] x, double[] y, int bound) {
        double[] c = FastExp.COEFFS;
        int i = 0;
        for (; i + 2 * DL <= bound; i += 2 * DL) {
            DoubleVector x1 = DoubleVector.fromArray(DS, x, i).neg();
            DoubleVector x2 = DoubleVector.fromArray(DS, x, i + DL).neg();
            x1 = x1.blend(-FastExp.CLAMP, x1.compare(VectorOperators.LT, -FastExp.CLAMP));
            x2 = x2.blend(-FastExp.CLAMP, x2.compare(VectorOperators.LT, -FastExp.CLAMP));
            x1 = x1.blend(FastExp.CLAMP, x1.compare(VectorOperators.GT, FastExp.CLAMP));
            x2 = x2.blend(FastExp.CLAMP, x2.compare(VectorOperators.GT, FastExp.CLAMP));
            DoubleVector t1 = x1.mul(FastExp.LOG2E).add(FastExp.SHIFT);
            DoubleVector t2 = x2.mul(FastExp.LOG2E).add(FastExp.SHIFT);
            DoubleVector k1 = t1.sub(FastExp.SHIFT);
            DoubleVector k2 = t2.sub(FastExp.SHIFT);
            DoubleVector hi = DoubleVector.broadcast(DS, -FastExp.LN2_HI);
            DoubleVector lo = DoubleVector.broadcast(DS, -FastExp.LN2_LO);
            DoubleVector r1 = k1.fma(lo, k1.fma(hi, x1));
            DoubleVector r2 = k2.fma(lo, k2.fma(hi, x2));
            DoubleVector q1 = DoubleVector.broadcast(DS, c[0]);
            DoubleVector q2 = q1;
            for (int j = 1; j < 14; j++) {
                DoubleVector cj = DoubleVector.broadcast(DS, c[j]);
                q1 = q1.fma(r1, cj);
                q2 = q2.fma(r2, cj);
            }
            q1.mul(scaleOfShifted(t1)).intoArray(y, i);
            q2.mul(scaleOfShifted(t2)).intoArray(y, i + DL);
        }
        if (i < bound) {
            fastExpD(DoubleVector.fromArray(DS, x, i).neg()).intoArray(y, i);
        }
    }

    /**
     * {@link FastExp#exp} in lanes, with the same results to the bit in fewer operations:
     * {@code fma(k, −c, r)} is {@code fma(−k, c, r)} exactly (one rounding of the same exact
     * value), and {@code 2^k} comes from the bits of {@code t = x·log₂e + 1.5·2^52} instead of a
     * double-to-long conversion of {@code k = t − 1.5·2^52} ({@link #scaleOfShifted}).
     */
    private static DoubleVector fastExpD(DoubleVector x) {
        double[] c = FastExp.COEFFS;
        // The clamp as compare and blend: the same value as max and min for every input (NaN
        // fails both tests and stays NaN, −0.0 stays −0.0), where C2's max and min, which must
        // order −0.0 below +0.0 and propagate NaN, take several instructions each.
        x = x.blend(-FastExp.CLAMP, x.compare(VectorOperators.LT, -FastExp.CLAMP));
        x = x.blend(FastExp.CLAMP, x.compare(VectorOperators.GT, FastExp.CLAMP));
        DoubleVector t = x.mul(FastExp.LOG2E).add(FastExp.SHIFT);
        DoubleVector kd = t.sub(FastExp.SHIFT);
        DoubleVector rr = kd.fma(DoubleVector.broadcast(DS, -FastExp.LN2_HI), x);
        rr = kd.fma(DoubleVector.broadcast(DS, -FastExp.LN2_LO), rr);
        DoubleVector q = DoubleVector.broadcast(DS, c[0]);
        for (int j = 1; j < 14; j++) {
            q = q.fma(rr, DoubleVector.broadcast(DS, c[j]));
        }
        return q.mul(scaleOfShifted(t));
    }

    /**
     * {@code 2^k} for {@code t = k + 1.5·2^52}, {@code |k| <= 1011}: such a {@code t} lies in
     * {@code [2^52, 2^53)}, where doubles are the integers, so its bits are those of
     * {@code 1.5·2^52} plus {@code k}, and {@code k + 1023} shifted into the exponent field is
     * {@code 2^k} ({@code (long) (t − 1.5·2^52)} would give the same {@code k}, by a conversion
     * that costs more than this integer add). A NaN {@code t} gives some scale; the product with the
     * polynomial's NaN is NaN either way.
     */
    private static DoubleVector scaleOfShifted(DoubleVector t) {
        return t.reinterpretAsLongs().add(1023L - Double.doubleToRawLongBits(FastExp.SHIFT))
                .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    }

    /** The next SplitMix64 uniform of every stream in {@code [i, i + DL)}, as {@code RawStreams.nextDouble}. */
    private static DoubleVector uniformD(long[] seed, long[] gamma, int i) {
        LongVector s = LongVector.fromArray(LS, seed, i).add(LongVector.fromArray(LS, gamma, i));
        s.intoArray(seed, i);
        return toUniform(s);
    }

    /** As {@link #uniformD} for the lanes of {@code m} only; the other streams do not move. */
    private static DoubleVector uniformD(long[] seed, long[] gamma, int i, VectorMask<Long> m) {
        LongVector s = LongVector.fromArray(LS, seed, i).add(LongVector.fromArray(LS, gamma, i));
        s.intoArray(seed, i, m);
        return toUniform(s);
    }

    private static DoubleVector toUniform(LongVector s) {
        LongVector m = s.lanewise(VectorOperators.XOR, s.lanewise(VectorOperators.LSHR, 30)).mul(0xbf58476d1ce4e5b9L);
        m = m.lanewise(VectorOperators.XOR, m.lanewise(VectorOperators.LSHR, 27)).mul(0x94d049bb133111ebL);
        m = m.lanewise(VectorOperators.XOR, m.lanewise(VectorOperators.LSHR, 31));
        return ((DoubleVector) m.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0)).mul(0x1.0p-53);
    }

    private static void uniformsD(long[] seed, long[] gamma, double[] u, int bound) {
        for (int i = 0; i < bound; i += DL) {
            uniformD(seed, gamma, i).intoArray(u, i);
        }
    }

    /** {@code ⌊x⌋} for {@code |x| < 2^53}: truncation, one down where it rounded up. */
    private static DoubleVector floorD(DoubleVector x) {
        DoubleVector t = (DoubleVector) ((LongVector) x.convert(VectorOperators.D2L, 0)).convert(VectorOperators.L2D, 0);
        return t.sub(1.0, t.compare(VectorOperators.GT, x));
    }

    /**
     * The CDF search of {@link PoissonSampler#search} in lanes ({@code out} holds {@code e^{−λ}}
     * on entry), then PTRS's first trial for the means at or above the inversion limit. Four
     * blocks of lanes are searched together: each block's steps form chains of dependent
     * multiplies and adds, and four independent chains keep the FMA units busier than two, more
     * than making up for the steps the slowest of 32 lanes adds over the slowest of 16
     * (docs/performance.md, "The environment step on Zen 4"). Each lane runs the scalar search's
     * operations in its order whichever block it is searched with.
     */
    private static void poissonSearch(double[] lam, double[] u, long[] seed, long[] gamma, double[] out, int bound) {
        int i = 0;
        for (; i + 4 * DL <= bound; i += 4 * DL) {
            poissonSearch4(lam, u, seed, gamma, out, i);
        }
        for (; i < bound; i += DL) {
            poissonSearch1(lam, u, seed, gamma, out, i);
        }
    }

    private static void poissonSearch4(double[] lam, double[] u, long[] seed, long[] gamma, double[] out, int i) {
        int i1 = i + DL;
        int i2 = i + 2 * DL;
        int i3 = i + 3 * DL;
        double limit = PoissonSampler.INVERSION_LIMIT;
        DoubleVector one = DoubleVector.broadcast(DS, 1.0);
        DoubleVector l0 = DoubleVector.fromArray(DS, lam, i);
        DoubleVector l1 = DoubleVector.fromArray(DS, lam, i1);
        DoubleVector l2 = DoubleVector.fromArray(DS, lam, i2);
        DoubleVector l3 = DoubleVector.fromArray(DS, lam, i3);
        DoubleVector u0 = DoubleVector.fromArray(DS, u, i);
        DoubleVector u1 = DoubleVector.fromArray(DS, u, i1);
        DoubleVector u2 = DoubleVector.fromArray(DS, u, i2);
        DoubleVector u3 = DoubleVector.fromArray(DS, u, i3);
        DoubleVector p0 = DoubleVector.fromArray(DS, out, i);
        DoubleVector p1 = DoubleVector.fromArray(DS, out, i1);
        DoubleVector p2 = DoubleVector.fromArray(DS, out, i2);
        DoubleVector p3 = DoubleVector.fromArray(DS, out, i3);
        DoubleVector c0 = p0;
        DoubleVector c1 = p1;
        DoubleVector c2 = p2;
        DoubleVector c3 = p3;
        VectorMask<Double> s0 = l0.compare(VectorOperators.LT, limit);
        VectorMask<Double> s1 = l1.compare(VectorOperators.LT, limit);
        VectorMask<Double> s2 = l2.compare(VectorOperators.LT, limit);
        VectorMask<Double> s3 = l3.compare(VectorOperators.LT, limit);
        // The CDF never decreases, so the smallest k with u < cdf_k is the number of j with
        // u >= cdf_j: count in every lane and test for completion only every UNROLL steps,
        // which keeps a data-dependent branch out of the inner steps.
        DoubleVector k0 = DoubleVector.zero(DS);
        DoubleVector k1 = k0;
        DoubleVector k2 = k0;
        DoubleVector k3 = k0;
        int j = 1;
        while (true) {
            for (int s = 0; s < UNROLL; s++, j++) {
                double inv = PoissonSampler.reciprocal(j);
                k0 = k0.add(one, u0.compare(VectorOperators.GE, c0));
                k1 = k1.add(one, u1.compare(VectorOperators.GE, c1));
                k2 = k2.add(one, u2.compare(VectorOperators.GE, c2));
                k3 = k3.add(one, u3.compare(VectorOperators.GE, c3));
                // Same rounding as the scalar search: p *= lambda * (1/k); cdf += p.
                p0 = p0.mul(l0.mul(inv));
                p1 = p1.mul(l1.mul(inv));
                p2 = p2.mul(l2.mul(inv));
                p3 = p3.mul(l3.mul(inv));
                c0 = c0.add(p0);
                c1 = c1.add(p1);
                c2 = c2.add(p2);
                c3 = c3.add(p3);
            }
            if (j > MAX_LANE_STEPS || !u0.compare(VectorOperators.GE, c0).and(s0)
                    .or(u1.compare(VectorOperators.GE, c1).and(s1))
                    .or(u2.compare(VectorOperators.GE, c2).and(s2))
                    .or(u3.compare(VectorOperators.GE, c3).and(s3)).anyTrue()) {
                break;
            }
        }
        k0.intoArray(out, i);
        k1.intoArray(out, i1);
        k2.intoArray(out, i2);
        k3.intoArray(out, i3);
        // Lanes left to scalar code: those still searching (past the step limit) and the large
        // means; both are rare, so one test covers the four blocks.
        VectorMask<Double> o0 = u0.compare(VectorOperators.GE, c0);
        VectorMask<Double> o1 = u1.compare(VectorOperators.GE, c1);
        VectorMask<Double> o2 = u2.compare(VectorOperators.GE, c2);
        VectorMask<Double> o3 = u3.compare(VectorOperators.GE, c3);
        if (o0.or(o1).or(o2).or(o3).or(s0.and(s1).and(s2).and(s3).not()).anyTrue()) {
            poissonRest(o0.and(s0).toLong(), s0.not().toLong(), lam, u, seed, gamma, out, i);
            poissonRest(o1.and(s1).toLong(), s1.not().toLong(), lam, u, seed, gamma, out, i1);
            poissonRest(o2.and(s2).toLong(), s2.not().toLong(), lam, u, seed, gamma, out, i2);
            poissonRest(o3.and(s3).toLong(), s3.not().toLong(), lam, u, seed, gamma, out, i3);
        }
    }

    private static void poissonSearch1(double[] lam, double[] u, long[] seed, long[] gamma, double[] out, int i) {
        DoubleVector one = DoubleVector.broadcast(DS, 1.0);
        DoubleVector lv = DoubleVector.fromArray(DS, lam, i);
        DoubleVector uv = DoubleVector.fromArray(DS, u, i);
        DoubleVector pk = DoubleVector.fromArray(DS, out, i);
        DoubleVector cdf = pk;
        VectorMask<Double> small = lv.compare(VectorOperators.LT, PoissonSampler.INVERSION_LIMIT);
        DoubleVector k = DoubleVector.zero(DS);
        int j = 1;
        while (true) {
            for (int s = 0; s < UNROLL; s++, j++) {
                k = k.add(one, uv.compare(VectorOperators.GE, cdf));
                pk = pk.mul(lv.mul(PoissonSampler.reciprocal(j)));
                cdf = cdf.add(pk);
            }
            if (j > MAX_LANE_STEPS || !uv.compare(VectorOperators.GE, cdf).and(small).anyTrue()) {
                break;
            }
        }
        k.intoArray(out, i);
        poissonRest(uv.compare(VectorOperators.GE, cdf).and(small).toLong(), small.not().toLong(), lam, u, seed,
                gamma, out, i);
    }

    /**
     * Finishes a block's unfinished inversion lanes (bits of {@code unfinished}) in scalar code
     * and its large means (bits of {@code big}) by PTRS. Lane sets come as bits, not masks: this
     * runs once per block, outside the search's registers.
     */
    private static void poissonRest(long unfinished, long big, double[] lam, double[] u, long[] seed, long[] gamma,
                                    double[] out, int i) {
        for (long lanes = unfinished; lanes != 0; lanes &= lanes - 1) {
            int l = Long.numberOfTrailingZeros(lanes);
            out[i + l] = PoissonSampler.finish(seed, gamma, i + l, u[i + l], lam[i + l]);
        }
        if (big != 0) {
            ptrsFirstTrial(DoubleVector.fromArray(DS, lam, i), VectorMask.fromLong(DS, big), seed, gamma, out, i);
        }
    }

    /**
     * {@code Rng.ptrsTrial}'s quick acceptance in the lanes of {@code big} (the trial's two
     * uniforms drawn in lanes); lanes it does not accept continue in {@link PoissonSampler#ptrs}.
     */
    private static void ptrsFirstTrial(DoubleVector lv, VectorMask<Double> big, long[] seed, long[] gamma,
                                       double[] out, int i) {
        VectorMask<Long> bl = big.cast(LS);
        DoubleVector u = uniformD(seed, gamma, i, bl).sub(0.5);
        DoubleVector v = uniformD(seed, gamma, i, bl);
        DoubleVector b = lv.sqrt().mul(2.53).add(0.931);
        DoubleVector a = b.mul(0.02483).add(-0.059);
        DoubleVector vr = DoubleVector.broadcast(DS, 0.9277).sub(DoubleVector.broadcast(DS, 3.6224).div(b.sub(2)));
        DoubleVector us = DoubleVector.broadcast(DS, 0.5).sub(u.abs());
        DoubleVector k = floorD(a.mul(2).div(us).add(b).mul(u).add(lv).add(0.43));
        VectorMask<Double> accept = big.and(us.compare(VectorOperators.GE, 0.07)).and(v.compare(VectorOperators.LE, vr));
        k.intoArray(out, i, accept);
        long rest = big.andNot(accept).toLong();
        if (rest != 0) {
            for (int l = 0; l < DL; l++) {
                if ((rest >>> l & 1) != 0) {
                    out[i + l] = PoissonSampler.ptrs(seed, gamma, i + l, lv.lane(l), u.lane(l), v.lane(l));
                }
            }
        }
    }

    @Override
    public void binomial(int[] trials, double[] p, long[] seed, long[] gamma, int[] out, int n) {
        if (!LANES64) {
            ScalarSamplers.binomial(trials, p, seed, gamma, out, 0, n);
            return;
        }
        int bound = DS.loopBound(n);
        Workspace w = WORKSPACE.get();
        double[] pp = w.d(0, bound);
        double[] r0 = w.d(1, bound);
        double[] nn = w.d(2, bound);
        double[] x = w.d(3, bound);
        // Per element: certain results and BTRS draws here (each element reads only its own
        // stream, so the order across elements does not matter); the inversion searches are
        // prepared for the lanes: nn = n (or −1: not in lanes), pp = min(p, 1 − p) as
        // Rng.binomial flips it, r0 = (1 − pp)^n as Rng.binomialP0 takes it, exp(n·log1p(−pp)),
        // with the log1p in lanes (its bits are Math.log1p's) and the exp per element.
        for (int i = 0; i < bound; i++) {
            int t = trials[i];
            double q = p[i];
            nn[i] = -1;
            // A placeholder inside the log1p lanes' range (the lane's result is not used), so the
            // kernel does not send the elements that are not searched to its scalar code.
            r0[i] = -0.25;
            if (t == 0 || q == 0) {
                out[i] = 0;
            } else if (q == 1) {
                out[i] = t;
            } else {
                double f = q > 0.5 ? 1 - q : q;
                if (t * f < 10) {
                    nn[i] = t;
                    pp[i] = f;
                    r0[i] = -f;
                } else {
                    int k = ScalarSamplers.btrs(seed, gamma, i, t, f, RawStreams.nextDouble(seed, gamma, i) - 0.5,
                            RawStreams.nextDouble(seed, gamma, i));
                    out[i] = q > 0.5 ? t - k : k;
                }
            }
        }
        log1p(r0, r0, bound);
        for (int i = 0; i < bound; i++) {
            if (nn[i] >= 0) {
                r0[i] = Math.exp(nn[i] * r0[i]);
            }
        }
        binomialSearch(pp, r0, nn, x, seed, gamma, bound);
        for (int i = 0; i < bound; i++) {
            if (nn[i] >= 0) {
                int k = (int) x[i];
                out[i] = p[i] > 0.5 ? trials[i] - k : k;
            }
        }
        ScalarSamplers.binomial(trials, p, seed, gamma, out, bound, n);
    }

    /**
     * {@link PoissonMoments#expectedMin} for eight means at a time: each lane runs the scalar loop's
     * recurrence ({@code pmf ·= λ/k}, {@code cdf += pmf}, {@code sum += 1 − cdf}) and stops adding
     * where the scalar loop would break; the block ends when every lane has stopped or at
     * {@code k = x}. The starting {@code Math.exp(−λ)} is taken per element (no lane exponential has
     * its bits), and means outside {@code (0, 600]} (or NaN) go to the scalar code.
     */
    @Override
    public void poissonExpectedMin(double[] lambda, int x, double[] out, int n) {
        int bound = LANES64 && x > 0 ? DS.loopBound(n) : 0;
        double[] e0 = WORKSPACE.get().d(0, bound);
        for (int i = 0; i < bound; i++) {
            double l = lambda[i];
            e0[i] = l > 0 && l <= PoissonMoments.DIRECT_LIMIT ? Math.exp(-l) : 0;
        }
        DoubleVector one = DoubleVector.broadcast(DS, 1.0);
        for (int i = 0; i < bound; i += DL) {
            DoubleVector lv = DoubleVector.fromArray(DS, lambda, i);
            VectorMask<Double> direct = lv.compare(VectorOperators.GT, 0.0)
                    .and(lv.compare(VectorOperators.LE, PoissonMoments.DIRECT_LIMIT));
            if (direct.anyTrue()) {
                DoubleVector pmf = DoubleVector.fromArray(DS, e0, i);
                DoubleVector cdf = DoubleVector.zero(DS);
                DoubleVector sum = cdf;
                VectorMask<Double> going = direct;
                for (int k = 0; k < x; k++) {
                    if (k > 0) {
                        pmf = pmf.mul(lv.div(k));
                    }
                    cdf = cdf.add(pmf);
                    DoubleVector tail = one.sub(cdf);
                    // The scalar loop's break (tail < TAIL and k > λ) before its sum += tail.
                    going = going.andNot(tail.compare(VectorOperators.LT, PoissonMoments.TAIL)
                            .and(lv.compare(VectorOperators.LT, (double) k)));
                    sum = sum.add(tail, going);
                    if ((k & 3) == 3 && !going.anyTrue()) {
                        break;
                    }
                }
                sum.intoArray(out, i, direct);
            }
            long rest = direct.not().toLong();
            for (int l = 0; rest != 0 && l < DL; l++) {
                if ((rest >>> l & 1) != 0) {
                    out[i + l] = PoissonMoments.expectedMin(lambda[i + l], x);
                }
            }
        }
        for (int i = bound; i < n; i++) {
            out[i] = PoissonMoments.expectedMin(lambda[i], x);
        }
    }

    /** {@code Rng.inversionSearch} in the lanes with {@code nn >= 0}, from one fresh uniform each. */
    private static void binomialSearch(double[] pp, double[] r0, double[] nn, double[] x, long[] seed, long[] gamma,
                                       int bound) {
        DoubleVector one = DoubleVector.broadcast(DS, 1.0);
        for (int i = 0; i < bound; i += DL) {
            DoubleVector nv = DoubleVector.fromArray(DS, nn, i);
            VectorMask<Double> m = nv.compare(VectorOperators.GE, 0.0);
            if (!m.anyTrue()) {
                continue;
            }
            DoubleVector pv = DoubleVector.fromArray(DS, pp, i);
            // s = p/q and a = (n + 1)·s, as the scalar search computes them.
            DoubleVector s = pv.div(one.sub(pv));
            DoubleVector a = nv.add(1.0).mul(s);
            DoubleVector r = DoubleVector.fromArray(DS, r0, i);
            DoubleVector u = uniformD(seed, gamma, i, m.cast(LS));
            DoubleVector xv = DoubleVector.zero(DS);
            int j = 0;
            VectorMask<Double> going;
            while (true) {
                for (int t = 0; t < UNROLL; t++, j++) {
                    // One step of: while (u > r) { u -= r; if (x == n) fail; x++; r *= a/x − s; }
                    VectorMask<Double> step = m.and(u.compare(VectorOperators.GT, r))
                            .and(xv.compare(VectorOperators.NE, nv));
                    u = u.sub(r, step);
                    xv = xv.add(one, step);
                    r = r.blend(r.mul(a.div(xv).sub(s)), step);
                }
                going = m.and(u.compare(VectorOperators.GT, r));
                if (j >= MAX_LANE_STEPS || !going.and(xv.compare(VectorOperators.NE, nv)).anyTrue()) {
                    break;
                }
            }
            xv.intoArray(x, i);
            long rest = going.toLong();
            if (rest != 0) {
                // Searches still running, or stopped at x = n with mass left (the scalar code
                // then redraws): finish them there from the lanes' state.
                for (int l = 0; l < DL; l++) {
                    if ((rest >>> l & 1) != 0) {
                        x[i + l] = ScalarSamplers.inversionFrom(seed, gamma, i + l, (int) nn[i + l], pp[i + l],
                                u.lane(l), (int) xv.lane(l), r.lane(l));
                    }
                }
            }
        }
    }

    @Override
    public void categorical(float[] logits, int off, int ld, int width, long[] seed, long[] gamma, int[] out,
                            int rows) {
        if (!LANES64) {
            ScalarSamplers.categorical(logits, off, ld, width, seed, gamma, out, rows);
            return;
        }
        double[] w = WORKSPACE.get().d(4, width);
        int bound = DS.loopBound(width);
        for (int r = 0; r < rows; r++) {
            int o = off + r * ld;
            float max = ScalarSamplers.rowMax(logits, o, width, r);
            for (int j = 0; j < width; j++) {
                w[j] = logits[o + j];
            }
            for (int j = 0; j < bound; j += DL) {
                DoubleVector x = DoubleVector.fromArray(DS, w, j).sub(max);
                fastExpD(x).blend(0.0, x.compare(VectorOperators.LT, -FastExp.CLAMP)).intoArray(w, j);
            }
            for (int j = bound; j < width; j++) {
                w[j] = ScalarSamplers.weight(logits[o + j], max);
            }
            out[r] = ScalarSamplers.pick(w, width, seed, gamma, r);
        }
    }

    /** Draws narrower than this take the reference arithmetic: too few lanes to gain. */
    private static final int CATEGORICAL_INDEX_MIN = 16;

    /**
     * {@link Kernels#categoricalIndex} in lanes: {@link #fastExpD} weights (0 below {@code −700},
     * where the reference's are below {@code 2^-1009}), their sum in lanes, then their running sum in
     * index order up to the first that exceeds {@code t = u·Σ}. Error bound, first order,
     * {@code ε = 2^-53}, {@code A} the exact sum of {@code e^{d_k}}: each weight lies within
     * {@code 6ε·e^{d_k}} of the reference's (2 ulp and 1 ulp of the exact value) or within
     * {@code 2^-1009}; a sum of up to {@code n} positive terms in any order within {@code (n−1)ε} of
     * its terms' exact sum; so every running sum, and the total, lie within
     * {@code (2n + 6)ε·A + n·2^-1009} of the reference's, and {@code t} (one more product) within
     * {@code (2n + 8)ε·A + n·2^-1009} of its. Both running sums around the index found lying farther
     * from {@code t} than the two bounds together, the reference's lie on the same sides of its
     * {@code t}, and its inversion returns the same index (running sums of positive terms never
     * decrease). The margin, {@code (4n + 32)ε·Σ + 2n·2^-1009}, exceeds that sum for
     * {@code Σ >= 1} (the maximum's own weight is 1) with room for the second-order terms. A
     * {@code max} below some logit, a NaN, or a total outside {@code [1, ∞)} sends the draw to the
     * reference. The maximum is taken in lanes ({@code Math.max}'s order, so the same value); a
     * non-finite one goes to {@code Rng.categoricalMax}, which names the offending logit.
     */
    @Override
    public int categoricalIndex(float[] z, int o, int n, double u, double[] w) {
        if (!LANES64 || n < CATEGORICAL_INDEX_MIN) {
            return Rng.categoricalIndex(z, o, n, Rng.categoricalMax(z, o, n), u, w);
        }
        float m = maxLanes(z, o, n);
        double max = Float.isFinite(m) ? m : Rng.categoricalMax(z, o, n);
        int k = categoricalIndexLanes(z, o, n, max, u, w);
        return k >= 0 ? k : Rng.categoricalIndex(z, o, n, max, u, w);
    }

    /** The lanes' index of {@link #categoricalIndex}, or −1 where the reference must decide. */
    static int categoricalIndexLanes(float[] z, int o, int n, double max, double u, double[] w) {
        int bound = DS.loopBound(n);
        DoubleVector sV = DoubleVector.zero(DS);
        VectorMask<Double> above = DS.maskAll(false);
        for (int k = 0; k < bound; k += DL) {
            DoubleVector d = ((DoubleVector) FloatVector.fromArray(HALF, z, o + k)
                    .convertShape(VectorOperators.F2D, DS, 0)).sub(max);
            above = above.or(d.compare(VectorOperators.GT, 0.0));
            DoubleVector y = fastExpD(d).blend(0.0, d.compare(VectorOperators.LT, -FastExp.CLAMP));
            y.intoArray(w, k);
            sV = sV.add(y);
        }
        double total = 0;
        for (int l = 0; l < DL; l++) {
            total += sV.lane(l);
        }
        for (int k = bound; k < n; k++) {
            double e = Math.exp(z[o + k] - max);
            w[k] = e;
            total += e;
        }
        if (above.anyTrue() || !(total >= 1 && total < Double.POSITIVE_INFINITY)) {
            return -1;
        }
        double t = u * total;
        double margin = (4.0 * n + 32) * U * total + 2.0 * n * 0x1p-1009;
        double acc = 0;
        for (int k = 0; k < n; k++) {
            double prev = acc;
            acc += w[k];
            if (t < acc) {
                // Index 0 has no running sum before it: the reference returns it whenever its t
                // lies below the first weight.
                return acc - t > margin && (k == 0 || t - prev > margin) ? k : -1;
            }
        }
        return -1;
    }

    /**
     * FdLibm's {@code log1p} in double lanes, operation for operation (the same IEEE operations in
     * the same order as {@code StrictMath.log1p}, which {@link Math#log1p} is; FdLibm's constants
     * and notice are below). Both of its main
     * paths run in every lane and the lane keeps its own: {@code k = 0} ({@code −0.2929 < x <
     * 0.41422}: {@code f = x}) and the argument reduction {@code 1 + x = 2^k·(1 + f)} with its
     * correction term {@code c}. Lanes outside {@code −1 < x < 2^53, |x| ≥ 2^−29} (NaN included),
     * and lanes where FdLibm takes its {@code |f| < 2^−20} shortcut, are redone in scalar code.
     */
    @Override
    public void log1p(double[] x, double[] out, int n) {
        int bound = LANES64 ? DS.loopBound(n) : 0;
        for (int i = 0; i < bound; i += DL) {
            DoubleVector xv = DoubleVector.fromArray(DS, x, i);
            LongVector hx = xv.reinterpretAsLongs().lanewise(VectorOperators.ASHR, 32);
            long inRange = xv.compare(VectorOperators.GT, -1.0).and(xv.compare(VectorOperators.LT, 0x1p53)).toLong()
                    & hx.and(0x7fff_ffffL).compare(VectorOperators.GE, 0x3e20_0000L).toLong();
            VectorMask<Long> direct = hx.compare(VectorOperators.LT, 0x3FDA_827AL)
                    .and(hx.compare(VectorOperators.GT, 0L).or(hx.compare(VectorOperators.LE, (long) (int) 0xbfd2_bec3)));
            // The reduction: u = 1 + x, k its exponent, c the rounding of 1 + x divided by u.
            DoubleVector one = DoubleVector.broadcast(DS, 1.0);
            DoubleVector u = xv.add(one);
            LongVector ub = u.reinterpretAsLongs();
            LongVector hu = ub.lanewise(VectorOperators.ASHR, 32);
            LongVector k = hu.lanewise(VectorOperators.ASHR, 20).sub(1023L);
            DoubleVector cNeg = xv.sub(u.sub(one));
            DoubleVector cPos = one.sub(u.sub(xv));
            DoubleVector c = cNeg.reinterpretAsLongs()
                    .blend(cPos.reinterpretAsLongs(), k.compare(VectorOperators.GT, 0L))
                    .reinterpretAsDoubles().div(u);
            LongVector hm = hu.and(0x000f_ffffL);
            VectorMask<Long> below = hm.compare(VectorOperators.LT, 0x6_a09eL);
            LongVector hi = hm.or(0x3fe0_0000L).blend(hm.or(0x3ff0_0000L), below);
            k = k.add(1L).blend(k, below);
            hm = LongVector.broadcast(LS, 0x0010_0000L).sub(hm).lanewise(VectorOperators.ASHR, 2).blend(hm, below);
            DoubleVector f = ub.and(0xffff_ffffL).or(hi.lanewise(VectorOperators.LSHL, 32)).reinterpretAsDoubles().sub(one);
            // The k = 0 lanes: f = x, k = 0, and FdLibm's hu = 1 (never its shortcut).
            f = f.reinterpretAsLongs().blend(xv.reinterpretAsLongs(), direct).reinterpretAsDoubles();
            k = k.blend(0L, direct);
            hm = hm.blend(1L, direct);
            long done = inRange & ~hm.compare(VectorOperators.EQ, 0L).toLong();
            DoubleVector hfsq = f.mul(0.5).mul(f);
            DoubleVector s = f.div(f.add(2.0));
            DoubleVector z = s.mul(s);
            DoubleVector r = z.mul(DoubleVector.broadcast(DS, LP7)).add(LP6);
            r = z.mul(r).add(LP5);
            r = z.mul(r).add(LP4);
            r = z.mul(r).add(LP3);
            r = z.mul(r).add(LP2);
            r = z.mul(r).add(LP1);
            r = z.mul(r);
            DoubleVector sr = s.mul(hfsq.add(r));
            DoubleVector atZero = f.sub(hfsq.sub(sr));
            DoubleVector kd = (DoubleVector) k.convert(VectorOperators.L2D, 0);
            DoubleVector reduced = kd.mul(LN2_HI).sub(hfsq.sub(sr.add(kd.mul(LN2_LO).add(c))).sub(f));
            // Only the finished lanes are stored, so the others can still be read from x when out is x.
            reduced.reinterpretAsLongs().blend(atZero.reinterpretAsLongs(), k.compare(VectorOperators.EQ, 0L))
                    .reinterpretAsDoubles().intoArray(out, i, VectorMask.fromLong(DS, done));
            long rest = ~done & ((1L << DL) - 1);
            for (int l = 0; rest != 0 && l < DL; l++) {
                if ((rest >>> l & 1) != 0) {
                    out[i + l] = Math.log1p(x[i + l]);
                }
            }
        }
        for (int i = bound; i < n; i++) {
            out[i] = Math.log1p(x[i]);
        }
    }

    /** Float lanes as many as the double lanes (only the 512-bit path uses them): DL floats convert
     *  to one vector of doubles. */
    private static final VectorSpecies<Float> HALF = LANES64 ? FloatVector.SPECIES_256 : FloatVector.SPECIES_64;
    /** Lanes whose double lies within this many ulp of a float rounding boundary are redone. */
    static final long EXP_TO_FLOAT_MARGIN = 256;
    /** Arguments in [EXP_TO_FLOAT_LO, EXP_TO_FLOAT_HI] have normal, finite float results. */
    static final double EXP_TO_FLOAT_LO = -87.3;
    static final double EXP_TO_FLOAT_HI = 88.7;

    /**
     * {@code (float) Math.exp(x)} by way of {@link #fastExpD}: a double is rounded to float by its
     * low 29 significand bits, and a rounding boundary (the midpoint between two floats) is where
     * they read {@code 2^28}. FastExp is within 2 ulp of {@code e^x} and Math.exp within 1, so
     * when FastExp's double is more than 3 ulp from a boundary both round the same way; the
     * lanes within {@link #EXP_TO_FLOAT_MARGIN} ulp of one, and arguments outside
     * {@code [−87.3, 88.7]} (subnormal, infinite or NaN results), take Math.exp itself.
     */
    @Override
    public void expToFloat(float[] x, int xo, float[] out, int oo, int n) {
        int bound = LANES64 ? DS.loopBound(n) : 0;
        for (int i = 0; i < bound; i += DL) {
            FloatVector xf = FloatVector.fromArray(HALF, x, xo + i);
            DoubleVector xd = (DoubleVector) xf.convertShape(VectorOperators.F2D, DS, 0);
            DoubleVector y = fastExpD(xd);
            ((FloatVector) y.convertShape(VectorOperators.D2F, HALF, 0)).intoArray(out, oo + i);
            // The few lanes to redo are patched in the output: a vector rebuilt lane by lane in a
            // loop left C2 calling the conversion's Java fallback. Read from the loaded lanes, not
            // from x, which out may alias.
            for (long redo = expToFloatRedo(xd, y); redo != 0; redo &= redo - 1) {
                int l = Long.numberOfTrailingZeros(redo);
                out[oo + i + l] = (float) Math.exp(xf.lane(l));
            }
        }
        for (int i = bound; i < n; i++) {
            out[oo + i] = (float) Math.exp(x[xo + i]);
        }
    }

    /**
     * The lanes of {@link #expToFloat} that take {@code Math.exp} itself, as a bit mask: FastExp's
     * double {@code y} within {@link #EXP_TO_FLOAT_MARGIN} ulp of a float rounding boundary, or
     * {@code x} outside {@code [EXP_TO_FLOAT_LO, EXP_TO_FLOAT_HI]} (or NaN).
     */
    private static long expToFloatRedo(DoubleVector x, DoubleVector y) {
        LongVector low = y.reinterpretAsLongs().and((1L << 29) - 1).sub(1L << 28).abs();
        return low.compare(VectorOperators.LE, EXP_TO_FLOAT_MARGIN).toLong()
                | x.compare(VectorOperators.GE, EXP_TO_FLOAT_LO)
                    .and(x.compare(VectorOperators.LE, EXP_TO_FLOAT_HI)).not().toLong();
    }

    /**
     * The probabilities as {@link #expToFloat}, then each lane's gradient with the scalar
     * expression's operations in its order (products and sums commute exactly, so
     * {@code p·(−c)} is {@code −c·p}); lanes to redo are recomputed in scalar code from the
     * loaded {@code dz}.
     */
    @Override
    public void softmaxGradRow(float[] logp, int o, int n, float c, float entScale, float h, float up,
                               float[] dz, int dzo) {
        int bound = LANES64 ? DS.loopBound(n) : 0;
        for (int i = 0; i < bound; i += DL) {
            FloatVector l = FloatVector.fromArray(HALF, logp, o + i);
            DoubleVector ld = (DoubleVector) l.convertShape(VectorOperators.F2D, DS, 0);
            DoubleVector y = fastExpD(ld);
            FloatVector p = (FloatVector) y.convertShape(VectorOperators.D2F, HALF, 0);
            FloatVector d = FloatVector.fromArray(HALF, dz, dzo + i);
            d.add(p.mul(-c).add(p.mul(entScale).mul(l.add(h))).mul(up)).intoArray(dz, dzo + i);
            for (long redo = expToFloatRedo(ld, y); redo != 0; redo &= redo - 1) {
                int k = Long.numberOfTrailingZeros(redo);
                float lk = l.lane(k);
                float pk = (float) Math.exp(lk);
                dz[dzo + i + k] = d.lane(k) + up * (-c * pk + entScale * pk * (lk + h));
            }
        }
        for (int k = bound; k < n; k++) {
            float l = logp[o + k];
            float p = (float) Math.exp(l);
            dz[dzo + k] += up * (-c * p + entScale * p * (l + h));
        }
    }

    /** Rows narrower than this take the reference arithmetic: too few lanes to gain. */
    private static final int LOG_SOFTMAX_MIN = 16;
    private static final double U = 0x1p-53;

    /**
     * {@link Kernels#logSoftmaxRow} in lanes: the maximum (exact in any order); {@code e = e^{z−max}}
     * by {@link #fastExpD} with {@code (float) e} parked in {@code logp} as {@link #expToFloat}
     * rounds it (redone lanes take {@code Math.exp}); {@code Σe} and {@code Σ p·logp} in lanes,
     * the lanes then added in a fixed order (a Vector API reduction of doubles has no specified
     * order). Error bounds, {@code u = 2^-53}, first order: each lane's {@code e} is within 2 ulp
     * of {@code e^d} and the reference's within 1, so within {@code 6u} relative of each other;
     * both sums of {@code n} positive terms are within {@code (n−1)u}; so {@code Σe} differs by at
     * most {@code δ = (2n + 6)u} relative, and {@code log Σe} by {@code δ} absolute plus an ulp of
     * each rounding ({@code 4u·|log Σe|}), {@code max + log Σe} by that plus {@code 4u·|v|}. The
     * probabilities {@code (float) e · (1/Σe)} then differ by {@code δ + 8u}, the products with
     * {@code logp} (the same floats) by {@code δ + 12u}, their sums (all terms of one sign) by
     * {@code 2(n−1)u} more: {@code (4n + 16)u} in all. A value whose float could differ — one
     * within twice its bound of a float rounding boundary — sends the row to the reference.
     */
    @Override
    public double logSoftmaxRow(float[] z, int o, int n, float[] logp, float[] probs) {
        if (!LANES64 || n < LOG_SOFTMAX_MIN || probs != null) {
            // probs would be rounded from this path's p, which may differ in its last bits.
            return ScalarSimd.logSoftmaxRowExact(z, o, n, logp, probs);
        }
        int bound = DS.loopBound(n);
        float max = maxLanes(z, o, n);
        if (!Float.isFinite(max)) {
            return ScalarSimd.logSoftmaxRowExact(z, o, n, logp, probs);
        }
        DoubleVector seV = DoubleVector.zero(DS);
        for (int k = 0; k < bound; k += DL) {
            FloatVector d = FloatVector.fromArray(HALF, z, o + k).sub(max);
            DoubleVector dd = (DoubleVector) d.convertShape(VectorOperators.F2D, DS, 0);
            DoubleVector y = fastExpD(dd);
            ((FloatVector) y.convertShape(VectorOperators.D2F, HALF, 0)).intoArray(logp, o + k);
            // Beyond −700 FastExp is clamped, but such an e is below 2^-1000 against Σe >= 1 (the
            // maximum's own 1): it changes no sum.
            for (long redo = expToFloatRedo(dd, y); redo != 0; redo &= redo - 1) {
                int l = Long.numberOfTrailingZeros(redo);
                logp[o + k + l] = (float) Math.exp(d.lane(l));
            }
            seV = seV.add(y);
        }
        double se = 0;
        for (int l = 0; l < DL; l++) {
            se += seV.lane(l);
        }
        for (int k = bound; k < n; k++) {
            double e = Math.exp(z[o + k] - max);
            logp[o + k] = (float) e;
            se += e;
        }
        double logSe = Math.log(se);
        double v = max + logSe;
        if (!farFromFloatBoundary(v, lseMargin(n, logSe, v))) {
            return ScalarSimd.logSoftmaxRowExact(z, o, n, logp, probs);
        }
        float lse = (float) v;
        double inv = 1.0 / se;
        DoubleVector tV = DoubleVector.zero(DS);
        for (int k = 0; k < bound; k += DL) {
            FloatVector ef = FloatVector.fromArray(HALF, logp, o + k);
            DoubleVector p = ((DoubleVector) ef.convertShape(VectorOperators.F2D, DS, 0)).mul(inv);
            FloatVector lp = FloatVector.fromArray(HALF, z, o + k).sub(lse);
            lp.intoArray(logp, o + k);
            tV = tV.add(p.mul((DoubleVector) lp.convertShape(VectorOperators.F2D, DS, 0)));
        }
        double t = 0;
        for (int l = 0; l < DL; l++) {
            t += tV.lane(l);
        }
        for (int k = bound; k < n; k++) {
            double p = logp[o + k] * inv;
            float lp = z[o + k] - lse;
            logp[o + k] = lp;
            t += p * lp;
        }
        // 0 − t, as the reference's 0 − Σ: an entropy of zero is +0, never −0.
        double ent = 0.0 - t;
        if (!farFromFloatBoundary(ent, U * (8.0 * n + 64) * Math.abs(ent))) {
            return ScalarSimd.logSoftmaxRowExact(z, o, n, logp, probs);
        }
        return ent;
    }

    /**
     * {@link Kernels#logSumExp} in lanes: the first half of {@link #logSoftmaxRow} (the maximum,
     * {@code Σe} by {@link #fastExpD} added in lanes) with its error bound and boundary test.
     */
    @Override
    public float logSumExp(float[] z, int o, int n) {
        if (!LANES64 || n < LOG_SOFTMAX_MIN) {
            return ScalarSimd.logSumExpExact(z, o, n);
        }
        int bound = DS.loopBound(n);
        float max = maxLanes(z, o, n);
        if (!Float.isFinite(max)) {
            return ScalarSimd.logSumExpExact(z, o, n);
        }
        DoubleVector seV = DoubleVector.zero(DS);
        for (int k = 0; k < bound; k += DL) {
            FloatVector d = FloatVector.fromArray(HALF, z, o + k).sub(max);
            seV = seV.add(fastExpD((DoubleVector) d.convertShape(VectorOperators.F2D, DS, 0)));
        }
        double se = 0;
        for (int l = 0; l < DL; l++) {
            se += seV.lane(l);
        }
        for (int k = bound; k < n; k++) {
            se += Math.exp(z[o + k] - max);
        }
        double logSe = Math.log(se);
        double v = max + logSe;
        if (!farFromFloatBoundary(v, lseMargin(n, logSe, v))) {
            return ScalarSimd.logSumExpExact(z, o, n);
        }
        return (float) v;
    }

    /** The largest of {@code z[o .. o+n)} as {@code Math.max} folds it (exact in any order). */
    private static float maxLanes(float[] z, int o, int n) {
        int bound = DS.loopBound(n);
        FloatVector mv = FloatVector.broadcast(HALF, Float.NEGATIVE_INFINITY);
        for (int k = 0; k < bound; k += DL) {
            mv = mv.max(FloatVector.fromArray(HALF, z, o + k));
        }
        float max = mv.reduceLanes(VectorOperators.MAX);
        for (int k = bound; k < n; k++) {
            max = Math.max(max, z[o + k]);
        }
        return max;
    }

    /**
     * Twice the bound of {@link #logSoftmaxRow}'s comment on how far the lanes' {@code v = max + log Σe}
     * can lie from the reference's, for {@code n} logits: {@code 2·((2n + 6)u + 4u·|log Σe| + 4u·|v|)}.
     */
    private static double lseMargin(int n, double logSe, double v) {
        return U * (4.0 * n + 12 + 8 * Math.abs(logSe) + 8 * Math.abs(v));
    }

    /**
     * Whether every double within {@code margin} of {@code v} rounds to the same float as
     * {@code v}: {@code v} lies farther than {@code margin} from both midpoints to the neighbouring
     * floats (each the exact double sum of two floats, halved), and its float is finite.
     */
    static boolean farFromFloatBoundary(double v, double margin) {
        float f = (float) v;
        if (!Float.isFinite(f)) {
            return false;
        }
        double lo = ((double) f + Math.nextDown(f)) * 0.5;
        double hi = ((double) f + Math.nextUp(f)) * 0.5;
        return v - lo > margin && hi - v > margin;
    }

    // FdLibm's log1p constants (ln 2 split in two, the coefficients of its polynomial in s²), with
    // FdLibm's notice, as it asks:
    // ====================================================
    // Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
    //
    // Developed at SunSoft, a Sun Microsystems, Inc. business.
    // Permission to use, copy, modify, and distribute this
    // software is freely granted, provided that this notice
    // is preserved.
    // ====================================================
    private static final double LN2_HI = 0x1.62e42feep-1;
    private static final double LN2_LO = 0x1.a39ef35793c76p-33;
    private static final double LP1 = 0x1.5555555555593p-1;
    private static final double LP2 = 0x1.999999997fa04p-2;
    private static final double LP3 = 0x1.2492494229359p-2;
    private static final double LP4 = 0x1.c71c51d8e78afp-3;
    private static final double LP5 = 0x1.7466496cb03dep-3;
    private static final double LP6 = 0x1.39a09d078c69fp-3;
    private static final double LP7 = 0x1.2f112df3e5244p-3;

    @Override
    public void scaledLogistic(double scale, double[] x, int n) {
        if (!LANES64) {
            ScalarSamplers.scaledLogistic(scale, x, 0, n);
            return;
        }
        int bound = DS.loopBound(n);
        DoubleVector sv = DoubleVector.broadcast(DS, scale);
        expNegArray(x, x, bound);
        for (int i = 0; i < bound; i += DL) {
            sv.div(DoubleVector.fromArray(DS, x, i).add(1.0)).intoArray(x, i);
        }
        ScalarSamplers.scaledLogistic(scale, x, bound, n);
    }

    /**
     * Lane-wise {@link DetMath#exp}: the same operations in the same order (the clamp as compare
     * and blend, which gives the scalar {@code max} and {@code min}'s value for every input), so
     * every lane is bit-identical to the scalar tail. Only exactly specified IEEE operations are used (the
     * Vector API's EXP/TANH are not: their last bits depend on whether C2 has intrinsified them).
     * Constants are broadcast where they are used, here and in the other lane kernels, written
     * out rather than through a helper method (a helper C2 did not inline left the vectors boxed,
     * and exp ran about 10× slower): C2 hoists a constant's broadcast out of the loop, and with
     * {@code static final} vectors instead exp ran 9–15% slower over 4,096 floats
     * (docs/performance.md).
     */
    private static FloatVector expV(FloatVector x) {
        // Compare and blend, not max and min: the same value for every input (NaN stays NaN,
        // −0.0 stays −0.0) in fewer instructions (see fastExpD).
        FloatVector xc = x.blend(DetMath.EXP_LO, x.compare(VectorOperators.LT, DetMath.EXP_LO));
        xc = xc.blend(DetMath.EXP_HI, xc.compare(VectorOperators.GT, DetMath.EXP_HI));
        FloatVector km = xc.mul(FloatVector.broadcast(S, DetMath.LOG2E)).add(FloatVector.broadcast(S, DetMath.MAGIC));
        IntVector k = km.reinterpretAsInts().sub(DetMath.MAGIC_BITS);
        FloatVector kf = km.sub(FloatVector.broadcast(S, DetMath.MAGIC));
        FloatVector r = kf.fma(FloatVector.broadcast(S, -DetMath.LN2_HI), xc);
        r = kf.fma(FloatVector.broadcast(S, -DetMath.LN2_LO), r);
        FloatVector p = r.fma(FloatVector.broadcast(S, DetMath.E7), FloatVector.broadcast(S, DetMath.E6));
        p = p.fma(r, FloatVector.broadcast(S, DetMath.E5));
        p = p.fma(r, FloatVector.broadcast(S, DetMath.E4));
        p = p.fma(r, FloatVector.broadcast(S, DetMath.E3));
        p = p.fma(r, FloatVector.broadcast(S, DetMath.E2));
        p = p.fma(r, FloatVector.broadcast(S, 1f));
        p = p.fma(r, FloatVector.broadcast(S, 1f));
        IntVector k1 = k.lanewise(VectorOperators.ASHR, 1);
        IntVector k2 = k.sub(k1);
        FloatVector s1 = k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = k2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(s1).mul(s2);
    }

    /** Lane-wise {@link DetMath#tanh}; both branches are computed and blended on {@code |x| < TANH_SMALL}. */
    private static FloatVector tanhV(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector z = a.mul(a);
        FloatVector q = z.fma(FloatVector.broadcast(S, DetMath.T19), FloatVector.broadcast(S, DetMath.T17));
        q = q.fma(z, FloatVector.broadcast(S, DetMath.T15));
        q = q.fma(z, FloatVector.broadcast(S, DetMath.T13));
        q = q.fma(z, FloatVector.broadcast(S, DetMath.T11));
        q = q.fma(z, FloatVector.broadcast(S, DetMath.T9));
        q = q.fma(z, FloatVector.broadcast(S, DetMath.T7));
        q = q.fma(z, FloatVector.broadcast(S, DetMath.T5));
        q = q.fma(z, FloatVector.broadcast(S, DetMath.T3));
        FloatVector small = a.mul(z).fma(q, a);
        FloatVector e = expV(a.add(a));
        FloatVector big = FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(e.add(FloatVector.broadcast(S, 1f))));
        FloatVector t = big.blend(small, a.lt(FloatVector.broadcast(S, DetMath.TANH_SMALL)));
        IntVector sign = x.reinterpretAsInts().and(DetMath.SIGN_BIT);
        return t.reinterpretAsInts().or(sign).reinterpretAsFloats();
    }

    /**
     * Scalar exp/tanh/σ in float (units: same as the input; docs/model.md §8 activations), built only from
     * exactly rounded IEEE operations (add, sub, mul, div, fma, min/max, compare, bit
     * reinterpretation) so the result never depends on JIT state. {@link #expV} and {@link #tanhV}
     * repeat the same operations in the same order on lanes (or one giving the same value for
     * every input: the clamp as compare and blend), so an element's result does not
     * depend on whether it fell in the vector body or the scalar tail. Accuracy: see the class
     * Javadoc of {@link PanamaSimd}.
     */
    static final class DetMath {
        /** Inputs are clamped here: e^89 overflows float, e^−104 rounds to zero. */
        static final float EXP_HI = 89f;
        static final float EXP_LO = -104f;
        static final float LOG2E = 1.44269504088896341f;
        /** 1.5·2²³: adding it rounds a float with |t| < 2²² to the nearest integer (ties to even),
         *  and that integer sits in the low mantissa bits. */
        static final float MAGIC = 12582912f;
        static final int MAGIC_BITS = Float.floatToRawIntBits(MAGIC);
        /** Cody–Waite split of ln 2: LN2_HI has 9 significant bits, so k·LN2_HI is exact for |k| ≤ 2¹⁵. */
        static final float LN2_HI = 0.693359375f;
        static final float LN2_LO = -2.12194440e-4f;
        /** Taylor coefficients 1/n! of e^r; on |r| ≤ ln2/2 the omitted r⁸/8! term is below 6·10⁻⁹. */
        static final float E2 = (float) (1.0 / 2);
        static final float E3 = (float) (1.0 / 6);
        static final float E4 = (float) (1.0 / 24);
        static final float E5 = (float) (1.0 / 120);
        static final float E6 = (float) (1.0 / 720);
        static final float E7 = (float) (1.0 / 5040);
        /** Below this |x| tanh uses its Taylor series (where 1 − 2/(e^{2x}+1) would cancel). */
        static final float TANH_SMALL = 0.625f;
        /** Taylor coefficients of tanh x = x + Σ T_n xⁿ (odd n); the series alternates, so the
         *  omitted x²¹ term bounds the error: below 5.2·10⁻⁹ at |x| = 0.625. */
        static final float T3 = (float) (-1.0 / 3);
        static final float T5 = (float) (2.0 / 15);
        static final float T7 = (float) (-17.0 / 315);
        static final float T9 = (float) (62.0 / 2835);
        static final float T11 = (float) (-1382.0 / 155925);
        static final float T13 = (float) (21844.0 / 6081075);
        static final float T15 = (float) (-929569.0 / 638512875);
        static final float T17 = (float) (6404582.0 / 10854718875.0);
        static final float T19 = (float) (-443861162.0 / 1856156927625.0);
        static final int SIGN_BIT = 0x80000000;

        private DetMath() {
        }

        /** e^x: x = k·ln2 + r, e^r by a degree-7 polynomial, 2^k applied as two exact power-of-two
         *  factors so subnormal results are rounded once and overflow gives +∞. NaN stays NaN. */
        static float exp(float x) {
            float xc = Math.min(Math.max(x, EXP_LO), EXP_HI);
            float km = xc * LOG2E + MAGIC;
            int k = Float.floatToRawIntBits(km) - MAGIC_BITS;
            float kf = km - MAGIC;
            float r = Math.fma(kf, -LN2_HI, xc);
            r = Math.fma(kf, -LN2_LO, r);
            float p = Math.fma(r, E7, E6);
            p = Math.fma(p, r, E5);
            p = Math.fma(p, r, E4);
            p = Math.fma(p, r, E3);
            p = Math.fma(p, r, E2);
            p = Math.fma(p, r, 1f);
            p = Math.fma(p, r, 1f);
            int k1 = k >> 1;
            int k2 = k - k1;
            float s1 = Float.intBitsToFloat((k1 + 127) << 23);
            float s2 = Float.intBitsToFloat((k2 + 127) << 23);
            return p * s1 * s2;
        }

        /** tanh x = sign(x)·(1 − 2/(e^{2|x|}+1)), or the odd Taylor series for |x| &lt; TANH_SMALL. */
        static float tanh(float x) {
            float a = Math.abs(x);
            float t;
            if (a < TANH_SMALL) {
                float z = a * a;
                float q = Math.fma(z, T19, T17);
                q = Math.fma(q, z, T15);
                q = Math.fma(q, z, T13);
                q = Math.fma(q, z, T11);
                q = Math.fma(q, z, T9);
                q = Math.fma(q, z, T7);
                q = Math.fma(q, z, T5);
                q = Math.fma(q, z, T3);
                t = Math.fma(a * z, q, a);
            } else {
                t = 1f - 2f / (exp(a + a) + 1f);
            }
            return Float.intBitsToFloat(Float.floatToRawIntBits(t) | (Float.floatToRawIntBits(x) & SIGN_BIT));
        }

        /** σ(x) = 1/(1 + e^{−x}). */
        static float sigmoid(float x) {
            return 1f / (exp(-x) + 1f);
        }
    }

    /**
     * Blocked GEMM (the BLIS loop nest): for each NC-wide column block and KC-deep slice, pack
     * op(B) once; for each MC-high row block bring op(A) into column-major panels (in place when A
     * is untransposed); then sweep MR×NR micro-tiles with the register kernel. Packing makes all four
     * transpose variants the same inner loop. Outputs
     * at most {@link GemmNarrow#MAX_N} columns wide, where most of a tile would be padding, go to
     * {@link GemmNarrow} instead.
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
        if (n <= GemmNarrow.MAX_N) {
            GemmNarrow.gemm(this, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
            return;
        }
        Workspace ws = WORKSPACE.get();
        float[] pb = ws.b(GemmPack.bSize(Math.min(k, KC), Math.min(n, NC), NR));
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                if (transB) {
                    packTransposedB(b, bOff, ldb, pc, kc, jc, nc, pb, 0, ws.rows(ldb));
                } else {
                    packB(b, bOff, ldb, pc, kc, jc, nc, pb, 0);
                }
                rowBlocks(transA, m, nc, kc, a, aOff, lda, pc, pb, 0, c, cOff + jc, ldc, accumulate || pc > 0, ws);
            }
        }
    }

    /**
     * All row blocks of C against one packed KC×NC block of op(B) at {@code pb[pb0..]}:
     * {@code C[0..m, 0..nc] (+)= op(A)[0..m, pc..pc+kc]·Bblock}.
     */
    private static void rowBlocks(boolean transA, int m, int nc, int kc, float[] a, int aOff, int lda, int pc,
                                  float[] pb, int pb0, float[] c, int c0, int ldc, boolean add, Workspace ws) {
        // L floats of slack: the vector packer of transposed A stores whole vectors past a panel's end.
        float[] pa = ws.a(GemmPack.aSize(Math.min(m, MC), kc, MR) + L);
        for (int ic = 0; ic < m; ic += MC) {
            int mc = Math.min(MC, m - ic);
            // Untransposed A is read in place: each of its MR rows is a unit-stride stream.
            // Transposed A, and the ragged last panel (which needs zero padding), are
            // packed into column-major MR×kc panels (see GemmPack).
            // Rows past the last whole MR panel are read in place 4 at a time (microKernel4);
            // only the last 1–3 rows are packed.
            int inPlace = transA ? 0 : mc - mc % MR;
            // Whole 4-row tiles after the MR tiles (with MR = 6, mc − mc % 4 can lie below or
            // past them).
            int inPlace4 = transA ? 0 : inPlace + (mc - inPlace) / 4 * 4;
            // Rows from here on are 4-row tiles packed row-major (transposed A whose last 1–8
            // rows would otherwise fill a zero-padded 12-row panel: the weight gradients of the
            // 64-wide layers, 64 = 5·12 + 4, spent a third of a tile's FMAs on 4 rows).
            int packed4 = mc;
            if (MR == 6) {
                if (mc > inPlace4) {
                    packRowPanels(transA, a, aOff, lda, ic + inPlace4, mc - inPlace4, pc, kc, 6, pa, 0);
                }
            } else if (transA) {
                int rem = mc % MR;
                packed4 = rem > 0 && rem <= 8 ? mc - rem : mc;
                packTransposedA(a, aOff, lda, ic, packed4, pc, kc, pa);
                if (packed4 < mc) {
                    packRowPanels(true, a, aOff, lda, ic + packed4, mc - packed4, pc, kc, 4, pa, packed4 * kc);
                }
            } else if (mc > inPlace4) {
                GemmPack.packA(false, a, aOff, lda, ic + inPlace4, mc - inPlace4, pc, kc, MR, pa, 0);
            }
            int a0 = aOff + ic * lda + pc;
            macroKernel(mc, nc, kc, inPlace, inPlace4, packed4, a, a0, lda, pa, pb, pb0, c, c0 + ic * ldc, ldc, add,
                    ws.tile);
        }
    }

    @Override
    public int packedRightSize(int k, int n) {
        if (n <= GemmNarrow.MAX_N) {
            return k * n;
        }
        int size = 0;
        for (int jc = 0; jc < n; jc += NC) {
            for (int pc = 0; pc < k; pc += KC) {
                size += GemmPack.bSize(Math.min(KC, k - pc), Math.min(NC, n - jc), NR);
            }
        }
        return size;
    }

    /**
     * The KC×NC blocks of op(B) in the order {@link #gemm} visits them, each packed as
     * {@link GemmPack#packB}; narrow operands (handled by {@link GemmNarrow}) as a plain row-major copy.
     */
    @Override
    public void packRight(boolean transB, int k, int n, float[] b, int bOff, int ldb, float[] dst, int dstOff) {
        if (n <= GemmNarrow.MAX_N) {
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    dst[dstOff + p * n + j] = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                }
            }
            return;
        }
        Workspace ws = WORKSPACE.get();
        int off = dstOff;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                if (transB) {
                    packTransposedB(b, bOff, ldb, pc, kc, jc, nc, dst, off, ws.rows(ldb));
                } else {
                    packB(b, bOff, ldb, pc, kc, jc, nc, dst, off);
                }
                off += GemmPack.bSize(kc, nc, NR);
            }
        }
    }

    @Override
    public void gemmPackedRight(int m, int n, int k, float[] a, int aOff, int lda, float[] packed, int pOff,
                                float[] c, int cOff, int ldc, boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || n <= GemmNarrow.MAX_N) {
            gemm(false, false, m, n, k, a, aOff, lda, packed, pOff, n, c, cOff, ldc, accumulate);
            return;
        }
        Workspace ws = WORKSPACE.get();
        int off = pOff;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                rowBlocks(false, m, nc, kc, a, aOff, lda, pc, packed, off, c, cOff + jc, ldc, accumulate || pc > 0, ws);
                off += GemmPack.bSize(kc, nc, NR);
            }
        }
    }

    /**
     * {@link GemmPack#packA} for transposed A, vectorised: column p of a panel,
     * op(A)[i..i+MR, p], is a contiguous run of stored row p, copied with whole-vector loads and
     * stores. When MR is not a multiple of L the last vector of column p spills into column p+1,
     * which the next store overwrites (the buffer has L floats of slack for the last column). This
     * replaced a gather per L values of a row-major panel, which cost about a third of the
     * weight-gradient GEMMs' kernel time in W1. Panels whose last vector would read past the end
     * of A are copied with scalar code; so is a ragged last panel higher than one vector.
     */
    private static void packTransposedA(float[] a, int aOff, int lda, int ic, int mc, int pc, int kc, float[] dst) {
        int full = mc / MR;
        int span = GemmPack.ceilDiv(MR, L) * L;
        for (int ip = 0; ip < full; ip++) {
            int d = ip * MR * kc;
            int src = aOff + pc * lda + ic + ip * MR;
            if (src + (kc - 1) * lda + span > a.length) {
                GemmPack.packA(true, a, aOff, lda, ic + ip * MR, MR, pc, kc, MR, dst, d);
                continue;
            }
            for (int p = 0; p < kc; p++) {
                for (int q = 0; q < MR; q += L) {
                    FloatVector.fromArray(S, a, src + p * lda + q).intoArray(dst, d + p * MR + q);
                }
            }
        }
        int rows = mc - full * MR;
        if (rows > 0) {
            int d = full * MR * kc;
            int src = aOff + pc * lda + ic + full * MR;
            if (rows > L) {
                GemmPack.packA(true, a, aOff, lda, ic + full * MR, rows, pc, kc, MR, dst, d);
                return;
            }
            // Ragged panel: a masked load reads only the valid rows and yields zeros for the
            // padding; the store's lanes past MR are overwritten by the next column, as above.
            VectorMask<Float> valid = S.indexInRange(0, rows);
            for (int p = 0; p < kc; p++) {
                FloatVector.fromArray(S, a, src + p * lda, valid).intoArray(dst, d + p * MR);
            }
            if (MR > L) {
                for (int p = 0; p < kc; p++) {
                    java.util.Arrays.fill(dst, d + p * MR + L, d + (p + 1) * MR, 0f);
                }
            }
        }
    }

    /**
     * Rows {@code [i0, i0 + rows)} of op(A), columns {@code [pc, pc + kc)}, as row-major panels of
     * {@code height} rows from {@code dst[d0]} (row stride kc, so row {@code r} at
     * {@code d0 + r·kc}; a ragged last panel padded with zero rows): 6-row panels for the 6-row
     * tile, which reads them with {@link #microKernel6} as if A were in place, and 4-row ones for
     * {@link #microKernel4} (the last rows of transposed A under the 12-row tile). Under AVX2 (16 registers) that
     * kernel ran the weight gradients about twice as fast as a 6-row copy of
     * {@link #microKernelPacked} on column-major panels, and the plain copy loops here cost less
     * than the difference.
     */
    private static void packRowPanels(boolean transA, float[] a, int aOff, int lda, int i0, int rows, int pc, int kc,
                                      int height, float[] dst, int d0) {
        int panels = GemmPack.ceilDiv(rows, height);
        for (int q = 0; q < panels; q++) {
            int d = d0 + q * height * kc;
            int valid = Math.min(height, rows - q * height);
            int i = i0 + q * height;
            if (transA && valid == 6) {
                // Written out: with an inner loop over the six rows the copy cost more than the kernel.
                int src = aOff + pc * lda + i;
                for (int p = 0; p < kc; p++, src += lda) {
                    dst[d + p] = a[src];
                    dst[d + kc + p] = a[src + 1];
                    dst[d + 2 * kc + p] = a[src + 2];
                    dst[d + 3 * kc + p] = a[src + 3];
                    dst[d + 4 * kc + p] = a[src + 4];
                    dst[d + 5 * kc + p] = a[src + 5];
                }
            } else if (transA) {
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (pc + p) * lda + i;
                    for (int r = 0; r < valid; r++) {
                        dst[d + r * kc + p] = a[src + r];
                    }
                }
            } else {
                for (int r = 0; r < valid; r++) {
                    System.arraycopy(a, aOff + (i + r) * lda + pc, dst, d + r * kc, kc);
                }
            }
            java.util.Arrays.fill(dst, d + valid * kc, d + height * kc, 0f);
        }
    }

    /**
     * {@link GemmPack#packB} for untransposed B, vectorised: op(B)[p, j..j+NR] is a contiguous run
     * of stored row p, copied as whole vectors (NR = 2 vectors), row by row so the source streams.
     * Replaced a {@code System.arraycopy} of NR floats per row and panel, whose call overhead
     * made packing cost about as much as the weight-gradient kernels it fed. The ragged last panel
     * goes to the scalar packer.
     */
    private static void packB(float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, float[] dst, int dstOff) {
        int full = nc / NR;
        for (int p = 0; p < kc; p++) {
            int src = bOff + (pc + p) * ldb + jc;
            for (int jp = 0; jp < full; jp++) {
                int d = dstOff + jp * NR * kc + p * NR;
                FloatVector.fromArray(S, b, src + jp * NR).intoArray(dst, d);
                FloatVector.fromArray(S, b, src + jp * NR + L).intoArray(dst, d + L);
            }
        }
        if (nc > full * NR) {
            GemmPack.packB(false, b, bOff, ldb, pc, kc, jc + full * NR, nc - full * NR, NR, dst, dstOff + full * NR * kc);
        }
    }

    /**
     * {@link GemmPack#packB} for transposed B, vectorised: op(B)[p, j..j+L] is a column of the
     * stored B, gathered with one indexed load per vector. With the scalar packing loop (one
     * float per iteration, strided stores) NT at 64×64×192 ran about 1.5× slower than NN.
     */
    private static void packTransposedB(float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc,
                                        float[] dst, int dstOff, int[] rowIndex) {
        int full = nc / NR;
        for (int jp = 0; jp < full; jp++) {
            int base = dstOff + jp * NR * kc;
            int src = bOff + (jc + jp * NR) * ldb + pc;
            int src2 = src + L * ldb;
            for (int p = 0; p < kc; p++) {
                FloatVector.fromArray(S, b, src + p, rowIndex, 0).intoArray(dst, base + p * NR);
                FloatVector.fromArray(S, b, src2 + p, rowIndex, 0).intoArray(dst, base + p * NR + L);
            }
        }
        if (nc > full * NR) {
            // Ragged last panel: gathering past column nc would read outside B.
            GemmPack.packB(true, b, bOff, ldb, pc, kc, jc + full * NR, nc - full * NR, NR, dst, dstOff + full * NR * kc);
        }
    }

    /**
     * Sweeps the micro-tiles of one block: rows below {@code inPlace} come straight from A
     * (starting at {@code a0}, row stride lda) in MR-row tiles, rows below {@code inPlace4} also
     * from A in 4-row tiles, rows from {@code packed4} on in 4-row tiles packed row-major in
     * {@code pa} (row {@code i} at {@code i·kc}), the rest from the MR-row panels in {@code pa}.
     * The j loop is outside so one B micro-panel stays in L1 while the A panels stream past it.
     * Edge tiles go through {@code tile}.
     */
    private static void macroKernel(int mc, int nc, int kc, int inPlace, int inPlace4, int packed4, float[] a,
                                    int a0, int lda, float[] pa, float[] pb, int pb0, float[] c, int c0, int ldc,
                                    boolean add, float[] tile) {
        for (int j = 0; j < nc; j += NR) {
            int cols = Math.min(NR, nc - j);
            int pbOff = pb0 + (j / NR) * NR * kc;
            for (int i = 0; i < mc; ) {
                int rows = i < inPlace ? MR : i < inPlace4 ? 4 : i >= packed4 ? Math.min(4, mc - i)
                        : Math.min(MR, mc - i);
                int ct = c0 + i * ldc + j;
                // Edge tile (fewer rows than the kernel computes, or fewer than NR columns):
                // compute the padded tile into a scratch buffer and copy the valid part with
                // scalar code, instead of masked vector stores in the kernel.
                boolean full = cols == NR && (i < inPlace4 || rows == MR || (i >= packed4 && rows == 4));
                float[] dst = full ? c : tile;
                int d0 = full ? ct : 0;
                int ld = full ? ldc : NR;
                // MR is a constant, so C2 keeps only one kernel of each pair.
                if (i < inPlace) {
                    if (MR == 12) {
                        microKernel(kc, a, a0 + i * lda, lda, pb, pbOff, dst, d0, ld, add && full);
                    } else {
                        microKernel6(kc, a, a0 + i * lda, lda, pb, pbOff, dst, d0, ld, add && full);
                    }
                } else if (i < inPlace4) {
                    microKernel4(kc, a, a0 + i * lda, lda, pb, pbOff, dst, d0, ld, add && full);
                } else if (i >= packed4) {
                    microKernel4(kc, pa, i * kc, kc, pb, pbOff, dst, d0, ld, add && full);
                } else if (MR == 12) {
                    microKernelPacked(kc, pa, ((i - inPlace4) / MR) * MR * kc, pb, pbOff, dst, d0, ld, add && full);
                } else {
                    // 6-row panels are packed row-major (see packRowPanels), read like A in place.
                    microKernel6(kc, pa, ((i - inPlace4) / MR) * MR * kc, kc, pb, pbOff, dst, d0, ld, add && full);
                }
                if (!full) {
                    for (int r = 0; r < rows; r++) {
                        int cr = ct + r * ldc;
                        for (int q = 0; q < cols; q++) {
                            c[cr + q] = add ? c[cr + q] + tile[r * NR + q] : tile[r * NR + q];
                        }
                    }
                }
                i += rows;
            }
        }
    }

    /**
     * C[0..MR, 0..NR] (+)= Apanel·Bpanel over kc steps: per step, two B vectors are loaded and each
     * of the MR A scalars is broadcast and FMA-ed into its row's two accumulators. The 24
     * accumulators are plain locals so C2 keeps them in registers for the whole k loop (24 + 2 B
     * vectors + 1 broadcast = 27 of the 32 AVX-512 registers). Why 12×2 rather than 8×2: 24 FMAs
     * per 14 loads and one loop branch keeps the front end well under its issue width, which
     * measured about 10% faster at 256³; a ragged 12-row edge costs at most 8 wasted rows.
     * C is read and written once per tile, not once per step. A is addressed as
     * {@code pa[ia + r·rs + p]}: the rows of an untransposed A read in place (rs = lda), which
     * spares the packing copy for NN and NT. Packed panels go to {@link #microKernelPacked}.
     */
    private static void microKernel(int kc, float[] pa, int ia, int rs, float[] pb, int ib,
                                    float[] c, int c0, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00;
        FloatVector c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00;
        FloatVector c40 = c00, c41 = c00;
        FloatVector c50 = c00, c51 = c00;
        FloatVector c60 = c00, c61 = c00;
        FloatVector c70 = c00, c71 = c00;
        FloatVector c80 = c00, c81 = c00;
        FloatVector c90 = c00, c91 = c00;
        FloatVector c100 = c00, c101 = c00;
        FloatVector c110 = c00, c111 = c00;
        // Every index below is (loop-invariant) + p or + p·NR with NR a constant: the form C2's
        // range-check elimination recognises, so the bounds checks of the loads are hoisted out
        // of the loop instead of competing with the FMAs for issue slots. (A variant stepping A
        // by a variable stride, which would let transposed A be read in place, measured ~15%
        // slower at 256³; transposed A is gathered into panels instead.)
        int ar0 = ia;
        int ar1 = ar0 + rs;
        int ar2 = ar1 + rs;
        int ar3 = ar2 + rs;
        int ar4 = ar3 + rs;
        int ar5 = ar4 + rs;
        int ar6 = ar5 + rs;
        int ar7 = ar6 + rs;
        int ar8 = ar7 + rs;
        int ar9 = ar8 + rs;
        int ar10 = ar9 + rs;
        int ar11 = ar10 + rs;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, pb, ib + p * NR);
            FloatVector b1 = FloatVector.fromArray(S, pb, ib + p * NR + L);
            FloatVector a0 = FloatVector.broadcast(S, pa[ar0 + p]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, pa[ar1 + p]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, pa[ar2 + p]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, pa[ar3 + p]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, pa[ar4 + p]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, pa[ar5 + p]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(S, pa[ar6 + p]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, pa[ar7 + p]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
            FloatVector a8 = FloatVector.broadcast(S, pa[ar8 + p]);
            c80 = a8.fma(b0, c80);
            c81 = a8.fma(b1, c81);
            FloatVector a9 = FloatVector.broadcast(S, pa[ar9 + p]);
            c90 = a9.fma(b0, c90);
            c91 = a9.fma(b1, c91);
            FloatVector a10 = FloatVector.broadcast(S, pa[ar10 + p]);
            c100 = a10.fma(b0, c100);
            c101 = a10.fma(b1, c101);
            FloatVector a11 = FloatVector.broadcast(S, pa[ar11 + p]);
            c110 = a11.fma(b0, c110);
            c111 = a11.fma(b1, c111);
        }
        // Written out instead of calling a small store method with vector arguments: when C2
        // declined to inline such a method, the vectors were boxed into heap objects and the
        // kernel ran about ten times slower (seen after a deoptimisation and recompile).
        int o0 = c0;
        int o1 = o0 + ldc;
        int o2 = o1 + ldc;
        int o3 = o2 + ldc;
        int o4 = o3 + ldc;
        int o5 = o4 + ldc;
        int o6 = o5 + ldc;
        int o7 = o6 + ldc;
        int o8 = o7 + ldc;
        int o9 = o8 + ldc;
        int o10 = o9 + ldc;
        int o11 = o10 + ldc;
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, c, o0));
            c01 = c01.add(FloatVector.fromArray(S, c, o0 + L));
            c10 = c10.add(FloatVector.fromArray(S, c, o1));
            c11 = c11.add(FloatVector.fromArray(S, c, o1 + L));
            c20 = c20.add(FloatVector.fromArray(S, c, o2));
            c21 = c21.add(FloatVector.fromArray(S, c, o2 + L));
            c30 = c30.add(FloatVector.fromArray(S, c, o3));
            c31 = c31.add(FloatVector.fromArray(S, c, o3 + L));
            c40 = c40.add(FloatVector.fromArray(S, c, o4));
            c41 = c41.add(FloatVector.fromArray(S, c, o4 + L));
            c50 = c50.add(FloatVector.fromArray(S, c, o5));
            c51 = c51.add(FloatVector.fromArray(S, c, o5 + L));
            c60 = c60.add(FloatVector.fromArray(S, c, o6));
            c61 = c61.add(FloatVector.fromArray(S, c, o6 + L));
            c70 = c70.add(FloatVector.fromArray(S, c, o7));
            c71 = c71.add(FloatVector.fromArray(S, c, o7 + L));
            c80 = c80.add(FloatVector.fromArray(S, c, o8));
            c81 = c81.add(FloatVector.fromArray(S, c, o8 + L));
            c90 = c90.add(FloatVector.fromArray(S, c, o9));
            c91 = c91.add(FloatVector.fromArray(S, c, o9 + L));
            c100 = c100.add(FloatVector.fromArray(S, c, o10));
            c101 = c101.add(FloatVector.fromArray(S, c, o10 + L));
            c110 = c110.add(FloatVector.fromArray(S, c, o11));
            c111 = c111.add(FloatVector.fromArray(S, c, o11 + L));
        }
        c00.intoArray(c, o0);
        c01.intoArray(c, o0 + L);
        c10.intoArray(c, o1);
        c11.intoArray(c, o1 + L);
        c20.intoArray(c, o2);
        c21.intoArray(c, o2 + L);
        c30.intoArray(c, o3);
        c31.intoArray(c, o3 + L);
        c40.intoArray(c, o4);
        c41.intoArray(c, o4 + L);
        c50.intoArray(c, o5);
        c51.intoArray(c, o5 + L);
        c60.intoArray(c, o6);
        c61.intoArray(c, o6 + L);
        c70.intoArray(c, o7);
        c71.intoArray(c, o7 + L);
        c80.intoArray(c, o8);
        c81.intoArray(c, o8 + L);
        c90.intoArray(c, o9);
        c91.intoArray(c, o9 + L);
        c100.intoArray(c, o10);
        c101.intoArray(c, o10 + L);
        c110.intoArray(c, o11);
        c111.intoArray(c, o11 + L);
    }

    /**
     * {@link #microKernel} cut to 4 rows (8 accumulators), rows {@code rs} apart: the remainder
     * rows below a multiple of MR, e.g. rows 60–63 of the GRU's 64-row step GEMMs (untransposed
     * A, read in place) or of the 64-row weight gradients (transposed A, packed row-major by
     * {@link #packRowPanels}), which otherwise went through a packed, zero-padded 12-row tile (a third
     * of its FMAs wasted) and a scalar copy out of the scratch tile. Same order of operations per
     * element as the 12-row kernel.
     */
    private static void microKernel4(int kc, float[] pa, int ia, int rs, float[] pb, int ib,
                                    float[] c, int c0, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00;
        FloatVector c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00;
        int ar0 = ia;
        int ar1 = ar0 + rs;
        int ar2 = ar1 + rs;
        int ar3 = ar2 + rs;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, pb, ib + p * NR);
            FloatVector b1 = FloatVector.fromArray(S, pb, ib + p * NR + L);
            FloatVector a0 = FloatVector.broadcast(S, pa[ar0 + p]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, pa[ar1 + p]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, pa[ar2 + p]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, pa[ar3 + p]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        int o0 = c0;
        int o1 = o0 + ldc;
        int o2 = o1 + ldc;
        int o3 = o2 + ldc;
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, c, o0));
            c01 = c01.add(FloatVector.fromArray(S, c, o0 + L));
            c10 = c10.add(FloatVector.fromArray(S, c, o1));
            c11 = c11.add(FloatVector.fromArray(S, c, o1 + L));
            c20 = c20.add(FloatVector.fromArray(S, c, o2));
            c21 = c21.add(FloatVector.fromArray(S, c, o2 + L));
            c30 = c30.add(FloatVector.fromArray(S, c, o3));
            c31 = c31.add(FloatVector.fromArray(S, c, o3 + L));
        }
        c00.intoArray(c, o0);
        c01.intoArray(c, o0 + L);
        c10.intoArray(c, o1);
        c11.intoArray(c, o1 + L);
        c20.intoArray(c, o2);
        c21.intoArray(c, o2 + L);
        c30.intoArray(c, o3);
        c31.intoArray(c, o3 + L);
    }

    /**
     * {@link #microKernel} for a packed column-major A panel ({@code pa[ia + p·MR + r]}, see
     * {@link GemmPack}): the same 12×2-vector register tile and the same order of operations, so
     * an element of C gets the same bits whichever kernel computed it. A separate method rather
     * than a stride parameter because C2 hoists range checks only for indices linear in p with a
     * constant factor.
     */
    private static void microKernelPacked(int kc, float[] pa, int ia, float[] pb, int ib,
                                    float[] c, int c0, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00;
        FloatVector c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00;
        FloatVector c40 = c00, c41 = c00;
        FloatVector c50 = c00, c51 = c00;
        FloatVector c60 = c00, c61 = c00;
        FloatVector c70 = c00, c71 = c00;
        FloatVector c80 = c00, c81 = c00;
        FloatVector c90 = c00, c91 = c00;
        FloatVector c100 = c00, c101 = c00;
        FloatVector c110 = c00, c111 = c00;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, pb, ib + p * NR);
            FloatVector b1 = FloatVector.fromArray(S, pb, ib + p * NR + L);
            FloatVector a0 = FloatVector.broadcast(S, pa[ia + p * MR + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, pa[ia + p * MR + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, pa[ia + p * MR + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, pa[ia + p * MR + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, pa[ia + p * MR + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, pa[ia + p * MR + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(S, pa[ia + p * MR + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, pa[ia + p * MR + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
            FloatVector a8 = FloatVector.broadcast(S, pa[ia + p * MR + 8]);
            c80 = a8.fma(b0, c80);
            c81 = a8.fma(b1, c81);
            FloatVector a9 = FloatVector.broadcast(S, pa[ia + p * MR + 9]);
            c90 = a9.fma(b0, c90);
            c91 = a9.fma(b1, c91);
            FloatVector a10 = FloatVector.broadcast(S, pa[ia + p * MR + 10]);
            c100 = a10.fma(b0, c100);
            c101 = a10.fma(b1, c101);
            FloatVector a11 = FloatVector.broadcast(S, pa[ia + p * MR + 11]);
            c110 = a11.fma(b0, c110);
            c111 = a11.fma(b1, c111);
        }
        // Written out instead of calling a small store method with vector arguments: when C2
        // declined to inline such a method, the vectors were boxed into heap objects and the
        // kernel ran about ten times slower (seen after a deoptimisation and recompile).
        int o0 = c0;
        int o1 = o0 + ldc;
        int o2 = o1 + ldc;
        int o3 = o2 + ldc;
        int o4 = o3 + ldc;
        int o5 = o4 + ldc;
        int o6 = o5 + ldc;
        int o7 = o6 + ldc;
        int o8 = o7 + ldc;
        int o9 = o8 + ldc;
        int o10 = o9 + ldc;
        int o11 = o10 + ldc;
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, c, o0));
            c01 = c01.add(FloatVector.fromArray(S, c, o0 + L));
            c10 = c10.add(FloatVector.fromArray(S, c, o1));
            c11 = c11.add(FloatVector.fromArray(S, c, o1 + L));
            c20 = c20.add(FloatVector.fromArray(S, c, o2));
            c21 = c21.add(FloatVector.fromArray(S, c, o2 + L));
            c30 = c30.add(FloatVector.fromArray(S, c, o3));
            c31 = c31.add(FloatVector.fromArray(S, c, o3 + L));
            c40 = c40.add(FloatVector.fromArray(S, c, o4));
            c41 = c41.add(FloatVector.fromArray(S, c, o4 + L));
            c50 = c50.add(FloatVector.fromArray(S, c, o5));
            c51 = c51.add(FloatVector.fromArray(S, c, o5 + L));
            c60 = c60.add(FloatVector.fromArray(S, c, o6));
            c61 = c61.add(FloatVector.fromArray(S, c, o6 + L));
            c70 = c70.add(FloatVector.fromArray(S, c, o7));
            c71 = c71.add(FloatVector.fromArray(S, c, o7 + L));
            c80 = c80.add(FloatVector.fromArray(S, c, o8));
            c81 = c81.add(FloatVector.fromArray(S, c, o8 + L));
            c90 = c90.add(FloatVector.fromArray(S, c, o9));
            c91 = c91.add(FloatVector.fromArray(S, c, o9 + L));
            c100 = c100.add(FloatVector.fromArray(S, c, o10));
            c101 = c101.add(FloatVector.fromArray(S, c, o10 + L));
            c110 = c110.add(FloatVector.fromArray(S, c, o11));
            c111 = c111.add(FloatVector.fromArray(S, c, o11 + L));
        }
        c00.intoArray(c, o0);
        c01.intoArray(c, o0 + L);
        c10.intoArray(c, o1);
        c11.intoArray(c, o1 + L);
        c20.intoArray(c, o2);
        c21.intoArray(c, o2 + L);
        c30.intoArray(c, o3);
        c31.intoArray(c, o3 + L);
        c40.intoArray(c, o4);
        c41.intoArray(c, o4 + L);
        c50.intoArray(c, o5);
        c51.intoArray(c, o5 + L);
        c60.intoArray(c, o6);
        c61.intoArray(c, o6 + L);
        c70.intoArray(c, o7);
        c71.intoArray(c, o7 + L);
        c80.intoArray(c, o8);
        c81.intoArray(c, o8 + L);
        c90.intoArray(c, o9);
        c91.intoArray(c, o9 + L);
        c100.intoArray(c, o10);
        c101.intoArray(c, o10 + L);
        c110.intoArray(c, o11);
        c111.intoArray(c, o11 + L);
    }

    /**
     * {@link #microKernel} cut to 6 rows (12 accumulators + 2 B vectors + 1 broadcast, within the
     * 16 vector registers of AVX2), A read in place; same order of operations per element.
     */
    private static void microKernel6(int kc, float[] pa, int ia, int rs, float[] pb, int ib,
                                    float[] c, int c0, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00;
        FloatVector c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00;
        FloatVector c40 = c00, c41 = c00;
        FloatVector c50 = c00, c51 = c00;
        int ar0 = ia;
        int ar1 = ar0 + rs;
        int ar2 = ar1 + rs;
        int ar3 = ar2 + rs;
        int ar4 = ar3 + rs;
        int ar5 = ar4 + rs;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, pb, ib + p * NR);
            FloatVector b1 = FloatVector.fromArray(S, pb, ib + p * NR + L);
            FloatVector a0 = FloatVector.broadcast(S, pa[ar0 + p]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, pa[ar1 + p]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, pa[ar2 + p]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, pa[ar3 + p]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, pa[ar4 + p]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, pa[ar5 + p]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
        }
        // Written out for the reason given in microKernel.
        int o0 = c0;
        int o1 = o0 + ldc;
        int o2 = o1 + ldc;
        int o3 = o2 + ldc;
        int o4 = o3 + ldc;
        int o5 = o4 + ldc;
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, c, o0));
            c01 = c01.add(FloatVector.fromArray(S, c, o0 + L));
            c10 = c10.add(FloatVector.fromArray(S, c, o1));
            c11 = c11.add(FloatVector.fromArray(S, c, o1 + L));
            c20 = c20.add(FloatVector.fromArray(S, c, o2));
            c21 = c21.add(FloatVector.fromArray(S, c, o2 + L));
            c30 = c30.add(FloatVector.fromArray(S, c, o3));
            c31 = c31.add(FloatVector.fromArray(S, c, o3 + L));
            c40 = c40.add(FloatVector.fromArray(S, c, o4));
            c41 = c41.add(FloatVector.fromArray(S, c, o4 + L));
            c50 = c50.add(FloatVector.fromArray(S, c, o5));
            c51 = c51.add(FloatVector.fromArray(S, c, o5 + L));
        }
        c00.intoArray(c, o0);
        c01.intoArray(c, o0 + L);
        c10.intoArray(c, o1);
        c11.intoArray(c, o1 + L);
        c20.intoArray(c, o2);
        c21.intoArray(c, o2 + L);
        c30.intoArray(c, o3);
        c31.intoArray(c, o3 + L);
        c40.intoArray(c, o4);
        c41.intoArray(c, o4 + L);
        c50.intoArray(c, o5);
        c51.intoArray(c, o5 + L);
    }
}
