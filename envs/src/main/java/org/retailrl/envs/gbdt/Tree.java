package org.retailrl.envs.gbdt;

/**
 * One regression tree of a {@link GbdtModel} (docs/model.md §5), flattened into arrays. Internal node
 * {@code k} sends a row left when
 * <ul>
 *   <li>numeric feature: the value is {@code <= threshold[k]}; a missing value goes left iff
 *       {@link #MISSING_LEFT} is set in {@code flags[k]};</li>
 *   <li>categorical feature ({@link #CATEGORICAL}): bit {@code bin} of the node's 256-bit set
 *       {@code catBits[4k .. 4k+3]} is set, where {@code bin} is the category's bin (missing and
 *       unknown categories share the last bin, so the set also says where they go).</li>
 * </ul>
 * Children are internal nodes when {@code >= 0} and leaf {@code ~child} otherwise; a child's node
 * index is always larger than its parent's, which makes every stored tree acyclic. Leaf values
 * are already multiplied by the learning rate. A tree with one leaf has no internal nodes.
 */
final class Tree {
    static final byte MISSING_LEFT = 1;
    static final byte CATEGORICAL = 2;
    /** Longs per categorical bin set: 256 bins. */
    static final int CAT_WORDS = 4;

    final int[] feature;
    final double[] threshold;
    final byte[] flags;
    final int[] left;
    final int[] right;
    final double[] gain;
    final long[] catBits;
    final double[] leafValue;

    Tree(int[] feature, double[] threshold, byte[] flags, int[] left, int[] right, double[] gain, long[] catBits,
            double[] leafValue) {
        this.feature = feature;
        this.threshold = threshold;
        this.flags = flags;
        this.left = left;
        this.right = right;
        this.gain = gain;
        this.catBits = catBits;
        this.leafValue = leafValue;
    }

    int nodes() {
        return feature.length;
    }

    int leaves() {
        return leafValue.length;
    }

    /** The leaf reached by {@code row} (feature values in model order); allocation-free. */
    int leafOf(double[] row, FeatureBins[] bins) {
        if (feature.length == 0) {
            return 0;
        }
        int node = 0;
        do {
            node = goesLeft(node, row[feature[node]], bins) ? left[node] : right[node];
        } while (node >= 0);
        return ~node;
    }

    /** The leaf reached by row {@code r} of feature-major {@code columns}; allocation-free. */
    int leafOf(double[][] columns, int r, FeatureBins[] bins) {
        if (feature.length == 0) {
            return 0;
        }
        int node = 0;
        do {
            int f = feature[node];
            node = goesLeft(node, columns[f][r], bins) ? left[node] : right[node];
        } while (node >= 0);
        return ~node;
    }

    private boolean goesLeft(int node, double v, FeatureBins[] bins) {
        byte fl = flags[node];
        if ((fl & CATEGORICAL) != 0) {
            int b = bins[feature[node]].bin(v);
            return ((catBits[CAT_WORDS * node + (b >>> 6)] >>> (b & 63)) & 1L) != 0;
        }
        if (v != v) {
            return (fl & MISSING_LEFT) != 0;
        }
        return v <= threshold[node];
    }
}
