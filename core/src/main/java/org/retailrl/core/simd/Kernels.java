package org.retailrl.core.simd;

/**
 * The engine's numeric kernels (dot, axpy, elementwise maps, activations, GEMM): the hot loops of
 * every network in docs/model.md §8 and of the batched simulators.
 *
 * <p>At class-load time this facade picks the Vector API implementation when the
 * {@code jdk.incubator.vector} module is in the boot layer, and the scalar twin otherwise — a
 * locked-down JVM without {@code --add-modules jdk.incubator.vector} still runs, slower. The
 * system property {@code retailrl.simd=scalar} forces the scalar path, and
 * {@code retailrl.simd.width=128|256|512} forces the vector width.
 *
 * <p>Numerical agreement between the two paths is stated in {@code PanamaSimd}'s documentation
 * (bit-identical elementwise arithmetic; reductions and GEMM within the standard γ_n forward-error
 * bounds; exp/tanh/sigmoid within 4 ulp).
 */
public final class Kernels {
    /** System property that selects the implementation: {@code auto} (default) or {@code scalar}. */
    public static final String PROPERTY = "retailrl.simd";

    private static final Simd IMPL = select();

    private Kernels() {
    }

    static Simd select() {
        String mode = System.getProperty(PROPERTY, "auto");
        if (mode.equals("scalar")) {
            return new ScalarSimd();
        }
        if (!mode.equals("auto")) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be 'auto' or 'scalar', got '" + mode + "'");
        }
        return vectorOrNull() instanceof Simd s ? s : new ScalarSimd();
    }

    /** The Vector API implementation, or null when the module is missing or unusable. */
    static Simd vectorOrNull() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            // Loaded by name so that this class never links against the incubator module.
            Class<?> c = Class.forName("org.retailrl.core.simd.PanamaSimd");
            return (Simd) c.getDeclaredConstructor().newInstance();
        } catch (java.lang.reflect.InvocationTargetException e) {
            // A bad -Dretailrl.simd.width is a user error: report it instead of silently running scalar.
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw bad;
            }
            return null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** Which implementation runs, e.g. {@code "vector-512"} or {@code "scalar"}. */
    public static String implementation() {
        return IMPL.name();
    }

    /**
     * The GEMM's register tile, {@code "<rows>x<columns>"}: 12 rows where the CPU has 32 vector
     * registers, 6 where it has 16 (AVX2), or {@code -Dretailrl.gemm.rows=6|12}; {@code "scalar"} on
     * the scalar twin. Results do not depend on it.
     */
    public static String gemmTile() {
        return IMPL.gemmTile();
    }

    /** {@code Σ a[ao+i]·b[bo+i]} for {@code i < n}. */
    public static float dot(float[] a, int ao, float[] b, int bo, int n) {
        return IMPL.dot(a, ao, b, bo, n);
    }

    /** {@code Σ a[ao+i]} for {@code i < n}. */
    public static float sum(float[] a, int ao, int n) {
        return IMPL.sum(a, ao, n);
    }

    /** {@code y += alpha·x}. */
    public static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        IMPL.axpy(alpha, x, xo, y, yo, n);
    }

    /** {@code out = a + b}. */
    public static void add(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        IMPL.add(a, ao, b, bo, out, oo, n);
    }

    /** {@code out = a − b}. */
    public static void sub(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        IMPL.sub(a, ao, b, bo, out, oo, n);
    }

    /** {@code out = a · b} elementwise. */
    public static void mul(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        IMPL.mul(a, ao, b, bo, out, oo, n);
    }

    /** {@code out = alpha · x}. */
    public static void scale(float alpha, float[] x, int xo, float[] out, int oo, int n) {
        IMPL.scale(alpha, x, xo, out, oo, n);
    }

    /** {@code out = tanh(x)}. */
    public static void tanh(float[] x, int xo, float[] out, int oo, int n) {
        IMPL.tanh(x, xo, out, oo, n);
    }

    /** {@code out = σ(x)}. */
    public static void sigmoid(float[] x, int xo, float[] out, int oo, int n) {
        IMPL.sigmoid(x, xo, out, oo, n);
    }

    /** {@code out = e^x}. */
    public static void exp(float[] x, int xo, float[] out, int oo, int n) {
        IMPL.exp(x, xo, out, oo, n);
    }

    /**
     * GRU step tail of one row (docs/model.md §8): {@code n = tanh(n + (bIn + r·hn))} in place in the
     * gate row {@code g[go..go+3h)} (blocks r, z, n), then {@code out = n + z·(hPrev − n)}.
     */
    public static void gruForwardTail(float[] g, int go, float[] bIn, int bo, float[] hn, float[] hPrev, int ro,
                                      float[] out, int oo, int h) {
        IMPL.gruForwardTail(g, go, bIn, bo, hn, hPrev, ro, out, oo, h);
    }

    /**
     * Column sums of a rows×cols block with leading dimension lda:
     * {@code out[oo+j] = Σ_r a[ao + r·lda + j]}, summed from zero in row order (bias gradients of
     * docs/model.md §8 layers). Bit-identical on both implementations. out must not alias a.
     */
    public static void columnSums(float[] a, int ao, int rows, int cols, int lda, float[] out, int oo) {
        IMPL.columnSums(a, ao, rows, cols, lda, out, oo);
    }

    /**
     * {@code out = σ(a + (b + c))} (the r and z gates of a GRU step, docs/model.md §8: input projection
     * plus recurrent product plus biases), bit-identical to {@link #add} of b and c, {@link #add}
     * of a, then {@link #sigmoid}, on both implementations; out may alias a, b or c.
     */
    public static void addSigmoid(float[] a, int ao, float[] b, int bo, float[] c, int co, float[] out, int oo, int n) {
        IMPL.addSigmoid(a, ao, b, bo, c, co, out, oo, n);
    }

    /**
     * Gate-preactivation gradients of one GRU row (docs/model.md §8); see the formulas on
     * {@code Simd.gruBackwardRow}. Bit-identical on both implementations (arithmetic only).
     */
    public static void gruBackwardRow(float[] g, int go, float[] hn, float[] hPrev, float[] dy, int ro,
                                      float[] dh, float[] dhPrev, int bo, float[] dgi, float[] dgh, int dgo, int h) {
        IMPL.gruBackwardRow(g, go, hn, hPrev, dy, ro, dh, dhPrev, bo, dgi, dgh, dgo, h);
    }

    /**
     * {@code C (m×n) = op(A)·op(B)}, or {@code C += op(A)·op(B)} when {@code accumulate}. Row-major
     * with leading dimensions; {@code op(X) = Xᵀ} when its flag is set. C must not alias A or B.
     *
     * @throws IllegalArgumentException on negative sizes, too-small leading dimensions or buffers
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float[] c, int cOff, int ldc, boolean accumulate) {
        GemmChecks.check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        IMPL.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }

    /**
     * Floats needed to hold a k×n right GEMM operand packed by {@link #packRight} on the active
     * implementation.
     *
     * @throws IllegalArgumentException when k or n is negative
     */
    public static int packedRightSize(int k, int n) {
        if (k < 0 || n < 0) {
            throw new IllegalArgumentException("packedRightSize: k and n must be >= 0, got k=" + k + " n=" + n);
        }
        return IMPL.packedRightSize(k, n);
    }

    /**
     * Packs a right GEMM operand {@code op(B)} (k×n, {@code op(B) = Bᵀ} when {@code transB}) once,
     * for many products with {@link #gemmPackedRight} — e.g. a recurrent weight matrix used at
     * every time step of a sequence (docs/model.md §8 GRU). The layout belongs to the implementation;
     * {@code dst} needs {@link #packedRightSize}{@code (k, n)} floats from {@code dstOff}.
     *
     * @throws IllegalArgumentException on negative sizes or too-small buffers
     */
    public static void packRight(boolean transB, int k, int n, float[] b, int bOff, int ldb, float[] dst, int dstOff) {
        GemmChecks.sizes(0, n, k);
        GemmChecks.need("B", b, bOff, transB ? n : k, transB ? k : n, ldb);
        int size = packedRightSize(k, n);
        if (dstOff < 0 || (long) dstOff + size > dst.length) {
            throw new IllegalArgumentException("packRight: dst needs " + size + " floats from offset " + dstOff
                    + ", array has " + dst.length);
        }
        IMPL.packRight(transB, k, n, b, bOff, ldb, dst, dstOff);
    }

    /**
     * {@code C (m×n) = A·op(B)}, or {@code C += A·op(B)} when {@code accumulate}, with A untransposed
     * (m×k, leading dimension lda) and op(B) packed by {@link #packRight} with the same k and n.
     * Bit-identical to {@link #gemm}{@code (false, false, ...)} on op(B) stored row-major. C must
     * not alias A or the packed operand.
     *
     * @throws IllegalArgumentException on negative sizes, too-small leading dimensions or buffers
     */
    public static void gemmPackedRight(int m, int n, int k, float[] a, int aOff, int lda, float[] packed, int pOff,
                                       float[] c, int cOff, int ldc, boolean accumulate) {
        GemmChecks.sizes(m, n, k);
        int size = IMPL.packedRightSize(k, n);
        if (pOff < 0 || (long) pOff + size > packed.length) {
            throw new IllegalArgumentException("gemmPackedRight: packed needs " + size + " floats from offset " + pOff
                    + ", array has " + packed.length);
        }
        if (c == a || c == packed) {
            throw new IllegalArgumentException("gemmPackedRight: C must not alias A or the packed operand");
        }
        if (m > 0 && n > 0) {
            GemmChecks.need("A", a, aOff, m, k, lda);
            GemmChecks.need("C", c, cOff, m, n, ldc);
        }
        IMPL.gemmPackedRight(m, n, k, a, aOff, lda, packed, pOff, c, cOff, ldc, accumulate);
    }

    /**
     * Batched Poisson draws (docs/model.md §1 demand): {@code out[i] ~ Poisson(lambda[i])} for
     * {@code i < n}, from raw stream {@code i} ({@code seed[i]}, {@code gamma[i]}, see
     * {@link org.retailrl.core.random.RawStreams}), bit-identical to
     * {@link org.retailrl.core.random.PoissonSampler#sample(long[], long[], int, double)} element by
     * element: one uniform, CDF inversion below mean 30, Hörmann's PTRS at and above it. Element
     * {@code i}'s draw depends only on its own stream and mean, so any split of a batch into calls
     * gives the same draws. Both implementations give the same bits (the vector lanes run the
     * inversion and PTRS's quick acceptance; rejections and searches past 40 steps finish in
     * scalar code).
     *
     * @throws IllegalArgumentException when a mean is outside {@code [0, 1e9]} (naming its index)
     *         or an array is shorter than {@code n}
     */
    public static void poisson(double[] lambda, long[] seed, long[] gamma, double[] out, int n) {
        streams("poisson", seed, gamma, n);
        if (lambda.length < n || out.length < n) {
            throw new IllegalArgumentException("poisson: lambda and out need n = " + n + " entries, have "
                    + lambda.length + " and " + out.length);
        }
        // The means are checked inside the implementations' first pass, before any stream moves.
        IMPL.poisson(lambda, seed, gamma, out, n);
    }

    /**
     * Batched binomial draws (docs/model.md §3 Eq. 9): {@code out[i] ~ Binomial(trials[i], p[i])}
     * for {@code i < n} from raw stream {@code i}, bit-identical to
     * {@link org.retailrl.core.random.Rng#binomial} on that stream (inversion when
     * {@code n·min(p, 1−p) < 10}, Hörmann's BTRS otherwise; nothing is drawn when the result is
     * certain). Both implementations give the same bits (vector lanes run the inversion search;
     * BTRS elements and searches past 40 steps finish in scalar code).
     *
     * @throws IllegalArgumentException when a trial count is negative or a probability outside
     *         {@code [0, 1]} (naming its index), or an array is shorter than {@code n}
     */
    public static void binomial(int[] trials, double[] p, long[] seed, long[] gamma, int[] out, int n) {
        streams("binomial", seed, gamma, n);
        if (trials.length < n || p.length < n || out.length < n) {
            throw new IllegalArgumentException("binomial: trials, p and out need n = " + n + " entries");
        }
        for (int i = 0; i < n; i++) {
            if (trials[i] < 0) {
                throw new IllegalArgumentException("binomial: trials[" + i + "] must be >= 0, got " + trials[i]);
            }
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("binomial: p[" + i + "] must be in [0, 1], got " + p[i]);
            }
        }
        IMPL.binomial(trials, p, seed, gamma, out, n);
    }

    /**
     * Batched categorical draws from logits (docs/model.md §8 softmax policies): {@code out[r]} is
     * drawn from the softmax of row {@code r}, {@code logits[off + r·ld .. off + r·ld + width)},
     * with raw stream {@code r}, for {@code r < rows}, by inversion of the CDF in double: weights
     * {@code w_j = e^{z_j − max}} by {@link FastExp} (0 for {@code −∞} logits and below
     * {@code e^{−700}}), one uniform times {@code Σ w}, then the running sum in index order. The
     * same method as {@link org.retailrl.core.random.Rng#categorical}, but its exponential is
     * {@link FastExp} (within 2 ulp of {@code Math.exp}) so that vector lanes and the scalar twin
     * agree to the bit; draws therefore differ from {@code Rng.categorical}'s in rare boundary
     * cases, and the learners keep sampling with {@code Rng.categorical}.
     *
     * @throws IllegalArgumentException on a NaN or {@code +∞} logit, a row of only {@code −∞},
     *         {@code width < 1}, {@code ld < width} or too-short arrays
     */
    public static void categorical(float[] logits, int off, int ld, int width, long[] seed, long[] gamma, int[] out,
                                   int rows) {
        streams("categorical", seed, gamma, rows);
        if (width < 1 || ld < width) {
            throw new IllegalArgumentException("categorical: need width >= 1 and ld >= width, got width=" + width
                    + ", ld=" + ld);
        }
        if (off < 0 || out.length < rows || (rows > 0 && (long) off + (long) (rows - 1) * ld + width > logits.length)) {
            throw new IllegalArgumentException("categorical: " + rows + " rows of width " + width + " at offset "
                    + off + " with stride " + ld + " do not fit the logits (" + logits.length + ") or out ("
                    + out.length + ")");
        }
        IMPL.categorical(logits, off, ld, width, seed, gamma, out, rows);
    }

    /**
     * One categorical draw by inversion as the learners' policies take it (docs/model.md §8.5):
     * the index that {@code Rng.categorical(z, o, n)} draws when its uniform is {@code u} — the
     * maximum as {@link org.retailrl.core.random.Rng#categoricalMax}, weights
     * {@code w_k = Math.exp(z[o + k] − max)} (the difference in double), their sum {@code Σw} in
     * index order, and {@link org.retailrl.core.random.Rng#invertWeights} at {@code u·Σw} — to the
     * bit, on both implementations. The vector lanes take the weights as {@link FastExp} (within 2
     * ulp, {@code Math.exp} within 1; 0 below {@code e^{−700}}), sum them in lanes and scan their
     * running sum; each running sum and the scaled uniform then lie within
     * {@code (2n + 8)·2^-53} of the reference's, relative to {@code Σw} (first order), so the
     * index found is the reference's whenever the scaled uniform lies more than
     * {@code (4n + 32)·2^-53·Σw} from both running sums around it, and otherwise the draw is redone
     * by the reference arithmetic (as are rows narrower than 16 and every row on paths narrower
     * than 512 bits). One {@code Math.exp} per weight costs more than the rest of a 441-way draw.
     *
     * @param u the uniform, in {@code [0, 1)}
     * @param w scratch of at least {@code n} doubles; its contents afterwards are unspecified
     * @throws IllegalArgumentException on {@code n < 1}, a row or scratch that does not fit,
     *         {@code u} outside {@code [0, 1)}, and as {@code Rng.categoricalMax} on a NaN or
     *         {@code +∞} logit or a row of only {@code −∞}
     */
    public static int categoricalIndex(float[] z, int o, int n, double u, double[] w) {
        if (n < 1 || o < 0 || o > z.length - n || w.length < n) {
            throw new IllegalArgumentException("categoricalIndex: need n >= 1, o >= 0, o + n <= z.length = " + z.length
                    + " and w.length >= n, got n = " + n + ", o = " + o + ", w.length = " + w.length);
        }
        if (!(u >= 0 && u < 1)) {
            throw new IllegalArgumentException("categoricalIndex: u must be in [0, 1), got " + u);
        }
        return IMPL.categoricalIndex(z, o, n, u, w);
    }

    /**
     * {@code out[i] = E[min(D_i, x)]} for {@code D_i ~ Poisson(lambda[i])}, {@code i < n}: the
     * expected units sold from {@code x} on hand at each candidate mean, as the strong heuristics'
     * one-step pricing needs it for every grid price at once (docs/model.md §8.10). Bit-identical to
     * {@link org.retailrl.core.random.PoissonMoments#expectedMin} element by element on both
     * implementations (the vector lanes run the means in {@code (0, 600]}, the rest finish in scalar
     * code).
     *
     * @throws IllegalArgumentException when an array is shorter than {@code n}, or (for {@code x > 0})
     *         a mean is NaN or infinite
     */
    public static void poissonExpectedMin(double[] lambda, int x, double[] out, int n) {
        if (n < 0 || lambda.length < n || out.length < n) {
            throw new IllegalArgumentException("poissonExpectedMin: need 0 <= n <= lambda.length, out.length, got n = "
                    + n + " for " + lambda.length + " and " + out.length);
        }
        IMPL.poissonExpectedMin(lambda, x, out, n);
    }

    /**
     * {@code out[i] = Math.log1p(x[i])} for {@code i < n}, bit-identical to {@link Math#log1p} (which
     * is FdLibm's {@code log1p}, docs/model.md §8.12) element by element on both implementations:
     * the vector lanes repeat FdLibm's operations for {@code −1 < x < 2^53}, {@code |x| ≥ 2^−29};
     * other arguments, and the rare ones where FdLibm takes its {@code |f| < 2^−20} shortcut,
     * finish in scalar code. The binomial sampler's starting probability {@code (1 − p)^n} uses it.
     * {@code out} may be {@code x}.
     */
    public static void log1p(double[] x, double[] out, int n) {
        if (n < 0 || x.length < n || out.length < n) {
            throw new IllegalArgumentException("log1p: need 0 <= n <= x.length, out.length, got n = " + n + " for "
                    + x.length + " and " + out.length);
        }
        IMPL.log1p(x, out, n);
    }

    /**
     * {@code out[oo + i] = (float) Math.exp(x[xo + i])} for {@code i < n}, bit-identical to that
     * expression element by element on both implementations, on any JVM (docs/model.md §8.12): the
     * vector lanes take {@link FastExp} in double precision (within 2 ulp of {@code e^x}) and round
     * it to float; {@code Math.exp} is within 1 ulp, so the two doubles round to the same float
     * unless a float rounding boundary lies between them, and every lane whose double lies within
     * 256 ulp of such a boundary is redone with {@code Math.exp}, as are arguments whose float
     * result would be subnormal, infinite or NaN (outside {@code [−87.3, 88.7]}).
     * {@link #softmaxGradRow} takes the policy loss's probabilities the same way, in its own lanes.
     * {@code out} may be {@code x}.
     */
    public static void expToFloat(float[] x, int xo, float[] out, int oo, int n) {
        if (n < 0 || xo < 0 || oo < 0 || xo > x.length - n || oo > out.length - n) {
            throw new IllegalArgumentException("expToFloat: need 0 <= n, offsets >= 0 and xo + n <= " + x.length
                    + ", oo + n <= " + out.length + ", got n = " + n + ", xo = " + xo + ", oo = " + oo);
        }
        IMPL.expToFloat(x, xo, out, oo, n);
    }

    /**
     * The log-softmax's normaliser of one categorical row (docs/model.md §8.5):
     * {@code lse = (float) (max + log Σ_k e^{z_k − max})} over {@code z[o .. o+n)}, the exponentials
     * of the float differences {@code z_k − max} summed in order, as {@link #logSoftmaxRow}
     * computes it; {@code log p_k = z_k − lse}. The result is the reference arithmetic's float, to
     * the bit, on both implementations: the vector lanes sum {@link FastExp} in another order and
     * redo by the reference any row whose double lies within twice its error bound
     * ({@link #logSoftmaxRow}) of a float rounding boundary.
     */
    public static float logSumExp(float[] z, int o, int n) {
        if (n < 0 || o < 0 || o > z.length - n) {
            throw new IllegalArgumentException("logSumExp: need 0 <= n, o >= 0 and o + n <= z.length = " + z.length
                    + ", got n = " + n + ", o = " + o);
        }
        return IMPL.logSumExp(z, o, n);
    }

    /**
     * One categorical row's log-softmax with its entropy (docs/model.md §8.5, the policy loss):
     * writes {@code log softmax(z[o .. o+n))} into {@code logp[o ..]} (max-subtracted, so large
     * logits do not overflow) and, when {@code probs} is not null, {@code p} into {@code probs[o ..]};
     * returns the entropy {@code −Σ p·log p} in nats. {@code logp} must not alias {@code z}.
     *
     * <p>Every float written is that of the reference arithmetic (one {@code Math.exp} per entry
     * summed in order, {@code lse = (float) (max + log Σe)}, {@code logp = z − lse},
     * {@code p = (float) e · (1/Σe)}), to the bit, on both implementations, and the returned
     * entropy rounds to the same float as the reference's. The vector lanes take the exponentials
     * as {@link FastExp} (within 2 ulp, {@code Math.exp} within 1), each parked {@code (float) e}
     * as {@link #expToFloat} rounds it, and sum the exponentials and the entropy in lanes; the
     * doubles then differ from the reference's by at most {@code (2n + 6)·2^-53} relative in
     * {@code Σe} and {@code (4n + 16)·2^-53} in the entropy (first order), so {@code lse} and the
     * entropy round to the same floats unless the lanes' value lies within twice that distance of
     * a float rounding boundary, and then the row is redone by the reference arithmetic (as are rows
     * narrower than 16, rows with a non-finite maximum, calls that ask for {@code probs}, and every
     * row on paths narrower than 512 bits, whose double lanes are not used: {@code LANES64}). The
     * returned double itself may differ from the reference's in its last bits on the lanes path:
     * the learners report it and train on its float only.
     */
    public static double logSoftmaxRow(float[] z, int o, int n, float[] logp, float[] probs) {
        if (n < 0 || o < 0 || o > z.length - n || o > logp.length - n || (probs != null && o > probs.length - n)) {
            throw new IllegalArgumentException("logSoftmaxRow: need 0 <= n, o >= 0 and o + n <= z.length = " + z.length
                    + ", logp.length = " + logp.length + (probs == null ? "" : ", probs.length = " + probs.length)
                    + ", got n = " + n + ", o = " + o);
        }
        if (z == logp) {
            throw new IllegalArgumentException("logSoftmaxRow: logp must not alias z");
        }
        return IMPL.logSoftmaxRow(z, o, n, logp, probs);
    }

    /**
     * One factor's row of the categorical policy loss's gradient (docs/model.md §8.5: the clipped
     * surrogate with its entropy bonus, by way of the log-softmax):
     * {@code dz[dzo + k] += up·(−c·p + entScale·p·(logp[o + k] + h))} with
     * {@code p = (float) Math.exp(logp[o + k])}, for {@code k < n}; every product and sum rounded to
     * float in that order, so both implementations give the scalar expression's bits, and
     * {@code p} as {@link #expToFloat}.
     */
    public static void softmaxGradRow(float[] logp, int o, int n, float c, float entScale, float h, float up,
                                      float[] dz, int dzo) {
        if (n < 0 || o < 0 || dzo < 0 || o > logp.length - n || dzo > dz.length - n) {
            throw new IllegalArgumentException("softmaxGradRow: need 0 <= n, offsets >= 0 and o + n <= " + logp.length
                    + ", dzo + n <= " + dz.length + ", got n = " + n + ", o = " + o + ", dzo = " + dzo);
        }
        IMPL.softmaxGradRow(logp, o, n, c, entScale, h, up, dz, dzo);
    }

    /**
     * {@code x[i] = scale / (1 + e^{−x[i]})} in place for {@code i < n}, the exponential as
     * {@link FastExp} (the logit demand rate of docs/model.md §1); bit-identical on both
     * implementations.
     */
    public static void scaledLogistic(double scale, double[] x, int n) {
        if (n < 0 || x.length < n) {
            throw new IllegalArgumentException("scaledLogistic: need 0 <= n <= " + x.length + ", got " + n);
        }
        IMPL.scaledLogistic(scale, x, n);
    }

    private static void streams(String what, long[] seed, long[] gamma, int n) {
        if (n < 0 || seed.length < n || gamma.length < n) {
            throw new IllegalArgumentException(what + ": need 0 <= n and n streams, got n = " + n + " with "
                    + seed.length + " seeds and " + gamma.length + " increments");
        }
    }
}
