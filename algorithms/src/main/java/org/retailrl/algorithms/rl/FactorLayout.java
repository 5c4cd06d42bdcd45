package org.retailrl.algorithms.rl;

import java.util.Arrays;
import org.retailrl.core.random.Rng;
import org.retailrl.core.simd.Kernels;
import org.retailrl.nn.CategoricalRows;

/**
 * How one actor's output row is cut into independent action factors (docs/model.md §3 actions,
 * §8.13): factor {@code f} is a categorical that owns the {@code sizes[f]} logits starting at
 * {@code offset(f)}, and a joint action is one choice per factor. The policy is the product of the
 * factors' softmaxes, so {@code log π(a) = Σ_f log softmax(z_f)[a_f]} exactly, which is what the
 * PPO ratio needs.
 *
 * <p><b>Continuous part.</b> A layout may also carry {@code D = }{@link #continuous()} independent
 * Gaussian coordinates after the categorical logits: the row continues with the means
 * {@code μ_0..μ_{D−1}} and then the log standard deviations {@code s_0..s_{D−1}}, each clamped to
 * {@code [}{@link #LOG_STD_MIN}{@code , }{@link #LOG_STD_MAX}{@code ]} (state-dependent, as
 * in HARL's diagonal Gaussian policies), and the action holds one float {@code x_d} per coordinate
 * besides the categorical choices. The joint log-probability adds
 * {@code Σ_d −½((x_d − μ_d)/σ_d)² − log σ_d − ½ log 2π} and the entropy
 * {@code Σ_d ½ log(2πe) + log σ_d}, both exact. What the coordinates mean is the environment's
 * business: a block of {@code K} coordinates mapped through a softmax is the logistic-normal
 * policy on the {@code K}-simplex (the recommender's exposure of docs/model.md §3.7, whose
 * {@code α^{i,·} = softmax(z^{i,·})} makes the coordinates the paper's logits), a coordinate
 * mapped by {@link #bounded} a scalar in {@code [lo, hi]}. The density is that of the coordinates the policy samples, so the PPO ratio
 * is exact whatever map the environment applies. A layout without a continuous part is the plain
 * factored categorical, bit for bit.
 */
public final class FactorLayout {
    /** Lower clamp of a Gaussian coordinate's log standard deviation. */
    public static final double LOG_STD_MIN = -5.0;
    /** Upper clamp of a Gaussian coordinate's log standard deviation. */
    public static final double LOG_STD_MAX = 2.0;
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final int[] sizes;
    private final int[] offsets;
    private final int categoricalWidth;
    private final int continuous;
    private final int width;

    /** Factors of the given sizes, each >= 1, at least one factor. */
    public FactorLayout(int... sizes) {
        this(sizes, 0);
    }

    /**
     * Categorical factors of the given sizes (each >= 1; none is allowed when {@code continuous >
     * 0}) followed by {@code continuous >= 0} Gaussian coordinates.
     */
    public FactorLayout(int[] sizes, int continuous) {
        if (sizes == null || (sizes.length == 0 && continuous == 0)) {
            throw new IllegalArgumentException("sizes must list at least one factor when there is no continuous part");
        }
        if (continuous < 0 || continuous > Integer.MAX_VALUE / 8) {
            throw new IllegalArgumentException("continuous must be in [0, " + Integer.MAX_VALUE / 8 + "], got "
                    + continuous);
        }
        this.sizes = sizes.clone();
        this.offsets = new int[sizes.length];
        long w = 0;
        for (int f = 0; f < sizes.length; f++) {
            if (sizes[f] < 1) {
                throw new IllegalArgumentException("sizes[" + f + "] must be >= 1, got " + sizes[f]);
            }
            offsets[f] = (int) w;
            w += sizes[f];
            if (w > Integer.MAX_VALUE / 2) {
                throw new IllegalArgumentException("sum of sizes must be <= " + Integer.MAX_VALUE / 2 + ", got " + w);
            }
        }
        this.categoricalWidth = (int) w;
        w += 2L * continuous;
        if (w > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("sum of sizes + 2·continuous must be <= " + Integer.MAX_VALUE / 2
                    + ", got " + w);
        }
        this.continuous = continuous;
        this.width = (int) w;
    }

    /** {@code d >= 1} Gaussian coordinates and no categorical factor. */
    public static FactorLayout gaussian(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        return new FactorLayout(new int[0], d);
    }

    /** {@code count} factors of {@code size} choices each. */
    public static FactorLayout repeat(int count, int size) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        int[] s = new int[count];
        Arrays.fill(s, size);
        return new FactorLayout(s);
    }

    /**
     * The factors of {@code a} followed by those of {@code b}; the continuous coordinates likewise
     * ({@code a}'s first), after all categorical logits.
     */
    public static FactorLayout concat(FactorLayout a, FactorLayout b) {
        int[] s = Arrays.copyOf(a.sizes, a.sizes.length + b.sizes.length);
        System.arraycopy(b.sizes, 0, s, a.sizes.length, b.sizes.length);
        return new FactorLayout(s, a.continuous + b.continuous);
    }

    /** Number of Gaussian coordinates {@code D} (0: a plain factored categorical). */
    public int continuous() {
        return continuous;
    }

    /** Offset of the first mean {@code μ_0} in a row (the width of the categorical logits). */
    public int meanOffset() {
        return categoricalWidth;
    }

    /** Offset of the first log standard deviation {@code s_0} in a row. */
    public int logStdOffset() {
        return categoricalWidth + continuous;
    }

    /**
     * A Gaussian coordinate as a bounded scalar: {@code x} clipped to {@code [lo, hi]} (CleanRL's
     * continuous-action PPO; the log-probability stays that of the unclipped coordinate, which is
     * what the policy sampled).
     */
    public static double bounded(float x, double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("bounds must have lo <= hi, got [" + lo + ", " + hi + "]");
        }
        return Math.min(Math.max(x, lo), hi);
    }

    /** The clamped log standard deviation of the raw output {@code s}. */
    public static double clampLogStd(float s) {
        return Math.min(Math.max(s, LOG_STD_MIN), LOG_STD_MAX);
    }

    /**
     * The Gaussian part of {@code log π} of row {@code row} at {@code x[xOff .. xOff + D)}, in
     * double, coordinates in order. {@link PolicyLoss} calls this very method, so a rollout's
     * stored log-probability and the loss's recomputation agree bit for bit on equal outputs.
     */
    public double gaussianLogProb(float[] out, int row, float[] x, int xOff) {
        return gaussianLogProb(out, row, x, xOff, null, 0);
    }

    /**
     * {@link #gaussianLogProb(float[], int, float[], int)}, also writing each coordinate's
     * {@code 1/σ_d = e^{−s_d}} to {@code invSigma[off + d]} (when not null), for a backward pass
     * that then needs no second exponential.
     */
    public double gaussianLogProb(float[] out, int row, float[] x, int xOff, double[] invSigma, int off) {
        int mu = row * width + categoricalWidth;
        int ls = mu + continuous;
        double sum = 0;
        for (int d = 0; d < continuous; d++) {
            double s = clampLogStd(out[ls + d]);
            double inv = Math.exp(-s);
            if (invSigma != null) {
                invSigma[off + d] = inv;
            }
            double u = (x[xOff + d] - (double) out[mu + d]) * inv;
            sum += -0.5 * u * u - s - HALF_LOG_2PI;
        }
        return sum;
    }

    /** The Gaussian part of the entropy of row {@code row}, nats: {@code Σ_d ½ log(2πe) + s_d}. */
    public double gaussianEntropy(float[] out, int row) {
        int ls = row * width + categoricalWidth + continuous;
        double sum = 0;
        for (int d = 0; d < continuous; d++) {
            sum += HALF_LOG_2PI + 0.5 + clampLogStd(out[ls + d]);
        }
        return sum;
    }

    /** Number of factors {@code F}. */
    public int factors() {
        return sizes.length;
    }

    /** Choices of factor {@code f}. */
    public int size(int f) {
        return sizes[f];
    }

    /** First logit of factor {@code f} within a row. */
    public int offset(int f) {
        return offsets[f];
    }

    /** Logits per row, {@code Σ_f sizes[f]}. */
    public int width() {
        return width;
    }

    /**
     * {@code log π(a)} of row {@code row} of {@code logits [rows, width]} for the choices
     * {@code actions[aOff .. aOff + F)}: the per-factor log-softmax of
     * {@link CategoricalRows#logSoftmaxRow} (the arithmetic of {@link PolicyLoss}, so a
     * rollout's stored log-probability and the loss's recomputation agree bit for bit on equal
     * logits), summed over factors in double.
     */
    public double logProb(float[] logits, int row, int[] actions, int aOff) {
        return logProb(logits, row, actions, aOff, new Scratch(width));
    }

    /**
     * {@code log π(a)} of a layout with a continuous part: the categorical choices
     * {@code actions[aOff ..]} as {@link #logProb(float[], int, int[], int, Scratch)}, plus
     * {@link #gaussianLogProb} at {@code x[xOff .. xOff + D)} ({@code x} may be null when
     * {@code D = 0}).
     */
    public double logProb(float[] out, int row, int[] actions, int aOff, float[] x, int xOff, Scratch scratch) {
        double lp = sizes.length == 0 ? 0 : logProb(out, row, actions, aOff, scratch);
        return continuous == 0 ? lp : lp + gaussianLogProb(out, row, x, xOff);
    }

    /**
     * Reusable work space of {@link #logProb(float[], int, int[], int, Scratch)} for layouts up to
     * a given width, so rollouts allocate nothing per step. Not thread-safe: one per thread.
     */
    public static final class Scratch {
        final float[] z;
        final float[] logp;
        final double[] weights;

        /** Work space for layouts of at most {@code width} logits. */
        public Scratch(int width) {
            if (width < 1) {
                throw new IllegalArgumentException("width must be >= 1, got " + width);
            }
            z = new float[width];
            logp = new float[width];
            weights = new double[width];
        }
    }

    /** As {@link #logProb(float[], int, int[], int)} with caller-provided work space. */
    public double logProb(float[] logits, int row, int[] actions, int aOff, Scratch scratch) {
        if (scratch.z.length < categoricalWidth) {
            throw new IllegalArgumentException("scratch must hold width = " + categoricalWidth + " floats, got "
                    + scratch.z.length);
        }
        // logSoftmaxRow reads z and writes logp at the same offsets, so the row is copied out of
        // the logits first.
        System.arraycopy(logits, row * width, scratch.z, 0, categoricalWidth);
        double sum = 0;
        for (int f = 0; f < sizes.length; f++) {
            int a = actions[aOff + f];
            if (a < 0 || a >= sizes[f]) {
                throw new IllegalArgumentException("action of factor " + f + " must be in [0, " + sizes[f] + "), got " + a);
            }
            CategoricalRows.logSoftmaxRow(scratch.z, offsets[f], sizes[f], scratch.logp, null);
            sum += scratch.logp[offsets[f] + a];
        }
        return sum;
    }

    /**
     * Samples one choice per factor from row {@code row} of {@code logits} into
     * {@code out[off .. off + F)}, factor by factor from {@code rng} ({@link Rng#categorical}).
     * Rollouts and deployed policies both sample through this method, so a policy acts the same in
     * training and in evaluation.
     */
    public void sample(float[] logits, int row, Rng rng, int[] out, int off) {
        int base = row * width;
        for (int f = 0; f < sizes.length; f++) {
            out[off + f] = rng.categorical(logits, base + offsets[f], sizes[f]);
        }
    }

    /**
     * Samples a whole action of row {@code row}: the categorical choices as
     * {@link #sample(float[], int, Rng, int[], int)}, then the Gaussian coordinates in order,
     * {@code x_d = μ_d + σ_d·ε_d} with {@code ε_d = rng.normal()}, stored as floats in
     * {@code x[xOff ..]} (the log-probability is then taken at the stored float values).
     */
    public void sample(float[] out, int row, Rng rng, int[] choices, int off, float[] x, int xOff) {
        sample(out, row, rng, choices, off);
        sampleGaussian(out, row, rng, x, xOff);
    }

    /** The continuous part of a sample: {@code x_d = μ_d + σ_d·ε_d}, one {@code rng.normal()} per dimension. */
    private void sampleGaussian(float[] logits, int row, Rng rng, float[] x, int xOff) {
        int mu = row * width + categoricalWidth;
        int ls = mu + continuous;
        for (int d = 0; d < continuous; d++) {
            x[xOff + d] = (float) (logits[mu + d] + Math.exp(clampLogStd(logits[ls + d])) * rng.normal());
        }
    }

    /**
     * {@link #sample(float[], int, Rng, int[], int)} and then
     * {@link #logProb(float[], int, int[], int, Scratch)} of the sampled choices, on one pass
     * over each factor's logits: the same draws from {@code rng} and the same log-probability, to
     * the bit. The draw ({@link Rng#categorical}'s: weights {@code e^{z − max}} by double subtraction)
     * is {@link Kernels#categoricalIndex}'s; the log-softmax's normaliser (float subtraction,
     * {@link CategoricalRows#logSoftmaxRow}) by {@link Kernels#logSumExp}, and only the sampled
     * entry's log-probability is formed.
     */
    public double sampleLogProb(float[] logits, int row, Rng rng, int[] out, int off, Scratch scratch) {
        if (scratch.weights.length < categoricalWidth) {
            throw new IllegalArgumentException("scratch must hold width = " + categoricalWidth + " values, got "
                    + scratch.weights.length);
        }
        double[] w = scratch.weights;
        int base = row * width;
        double sum = 0;
        for (int f = 0; f < sizes.length; f++) {
            int o = base + offsets[f];
            int n = sizes[f];
            int a = Kernels.categoricalIndex(logits, o, n, rng.nextDouble(), w);
            out[off + f] = a;
            // The log-softmax's exponentials are of the float differences, which are often not
            // the sampler's double ones (a logit of another binade rounds): the kernel takes them
            // in lanes, with the same float.
            float lse = Kernels.logSumExp(logits, o, n);
            float lp = logits[o + a] - lse;
            sum += lp;
        }
        return sum;
    }

    /**
     * {@link #sample(float[], int, Rng, int[], int, float[], int)} and then
     * {@link #logProb(float[], int, int[], int, float[], int, Scratch)} of the sample, bit for bit,
     * with the categorical part fused as in {@link #sampleLogProb(float[], int, Rng, int[], int, Scratch)}.
     */
    public double sampleLogProb(float[] logits, int row, Rng rng, int[] choices, int off, float[] x, int xOff,
                                Scratch scratch) {
        double lp = sampleLogProb(logits, row, rng, choices, off, scratch);
        sampleGaussian(logits, row, rng, x, xOff);
        return continuous == 0 ? lp : lp + gaussianLogProb(logits, row, x, xOff);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FactorLayout l && Arrays.equals(sizes, l.sizes) && continuous == l.continuous;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(sizes) + continuous;
    }

    @Override
    public String toString() {
        return "FactorLayout" + Arrays.toString(sizes) + (continuous == 0 ? "" : " + " + continuous + " gaussian");
    }
}
