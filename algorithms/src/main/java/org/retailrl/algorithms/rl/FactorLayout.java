package org.retailrl.algorithms.rl;

import java.util.Arrays;
import org.retailrl.core.random.Rng;
import org.retailrl.nn.CategoricalRows;

/**
 * How one actor's output row is cut into independent categorical factors (docs/model.md §3 actions):
 * factor {@code f} owns the {@code sizes[f]} logits starting at {@code offset(f)}, and a joint
 * action is one choice per factor. The policy is the product of the factors' softmaxes, so
 * {@code log π(a) = Σ_f log softmax(z_f)[a_f]} exactly, which is what the PPO ratio needs.
 */
public final class FactorLayout {
    private final int[] sizes;
    private final int[] offsets;
    private final int width;

    /** Factors of the given sizes, each >= 1, at least one factor. */
    public FactorLayout(int... sizes) {
        if (sizes == null || sizes.length == 0) {
            throw new IllegalArgumentException("sizes must list at least one factor");
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
        this.width = (int) w;
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

    /** The factors of {@code a} followed by those of {@code b}. */
    public static FactorLayout concat(FactorLayout a, FactorLayout b) {
        int[] s = Arrays.copyOf(a.sizes, a.sizes.length + b.sizes.length);
        System.arraycopy(b.sizes, 0, s, a.sizes.length, b.sizes.length);
        return new FactorLayout(s);
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
     * Reusable work space of {@link #logProb(float[], int, int[], int, Scratch)} for layouts up to
     * a given width, so rollouts allocate nothing per step. Not thread-safe: one per thread.
     */
    public static final class Scratch {
        final float[] z;
        final float[] logp;

        /** Work space for layouts of at most {@code width} logits. */
        public Scratch(int width) {
            if (width < 1) {
                throw new IllegalArgumentException("width must be >= 1, got " + width);
            }
            z = new float[width];
            logp = new float[width];
        }
    }

    /** As {@link #logProb(float[], int, int[], int)} with caller-provided work space. */
    public double logProb(float[] logits, int row, int[] actions, int aOff, Scratch scratch) {
        if (scratch.z.length < width) {
            throw new IllegalArgumentException("scratch must hold width = " + width + " floats, got "
                    + scratch.z.length);
        }
        // logSoftmaxRow reads z and writes logp at the same offsets, so the row is copied out of
        // the logits first.
        System.arraycopy(logits, row * width, scratch.z, 0, width);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof FactorLayout l && Arrays.equals(sizes, l.sizes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sizes);
    }

    @Override
    public String toString() {
        return "FactorLayout" + Arrays.toString(sizes);
    }
}
