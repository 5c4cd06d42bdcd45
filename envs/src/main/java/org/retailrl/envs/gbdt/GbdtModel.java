package org.retailrl.envs.gbdt;

import java.util.List;

/**
 * A trained gradient-boosted tree ensemble (docs/model.md §5): {@code raw(x) = initScore + Σ_t tree_t(x)},
 * prediction {@code = objective.transform(raw)} ({@code exp} for the log-link objectives).
 * Immutable and safe to share between threads. Rows are given either as one {@code double[]} of
 * feature values in {@link #featureNames()} order ({@link #predict(double[])}, allocation-free) or
 * as feature-major columns ({@link #predict(double[][], int, int, double[])}, tree by tree over
 * blocks of rows so that both the block and the tree stay in cache). Missing values are
 * {@code NaN}; a categorical value never seen in training is treated as missing.
 */
public final class GbdtModel {
    private final List<String> names;
    private final FeatureBins[] bins;
    private final Objective objective;
    private final double tweedieVariancePower;
    private final double initScore;
    private final Tree[] trees;

    GbdtModel(List<String> names, FeatureBins[] bins, Objective objective, double tweedieVariancePower,
            double initScore, Tree[] trees) {
        this.names = List.copyOf(names);
        this.bins = bins;
        this.objective = objective;
        this.tweedieVariancePower = tweedieVariancePower;
        this.initScore = initScore;
        this.trees = trees;
    }

    /** Feature names, in the order rows must give their values. */
    public List<String> featureNames() {
        return names;
    }

    /** Number of features. */
    public int numFeatures() {
        return names.size();
    }

    /** Whether feature {@code f} is categorical. */
    public boolean isCategorical(int f) {
        return bins[f] != null && bins[f].categorical;
    }

    /** The category codes of categorical feature {@code f} that have their own bin (a copy). */
    public double[] categories(int f) {
        if (!isCategorical(f)) {
            throw new IllegalArgumentException("feature " + f + " ('" + names.get(f) + "') is not categorical");
        }
        return bins[f].values.clone();
    }

    /** The objective the model was trained for. */
    public Objective objective() {
        return objective;
    }

    /** {@code ρ} of the Tweedie objective (unused by prediction). */
    public double tweedieVariancePower() {
        return tweedieVariancePower;
    }

    /** The constant raw score every prediction starts from. */
    public double initScore() {
        return initScore;
    }

    /** Number of trees. */
    public int numTrees() {
        return trees.length;
    }

    /** Number of leaves of tree {@code t}. */
    public int numLeaves(int t) {
        return trees[t].leaves();
    }

    Tree tree(int t) {
        return trees[t];
    }

    FeatureBins bins(int f) {
        return bins[f];
    }

    FeatureBins[] allBins() {
        return bins;
    }

    /** The raw score (before the link) of one row; allocation-free. */
    public double predictRaw(double[] row) {
        checkRow(row);
        double s = initScore;
        for (Tree t : trees) {
            s += t.leafValue[t.leafOf(row, bins)];
        }
        return s;
    }

    /** The prediction (the mean of the target) for one row; allocation-free. */
    public double predict(double[] row) {
        return objective.transform(predictRaw(row));
    }

    /**
     * Predictions for rows {@code [from, to)} of feature-major {@code columns} into
     * {@code out[0 .. to-from)}; allocation-free.
     */
    public void predict(double[][] columns, int from, int to, double[] out) {
        predictRaw(columns, from, to, out);
        if (objective.logLink()) {
            for (int i = 0, n = to - from; i < n; i++) {
                out[i] = objective.transform(out[i]);
            }
        }
    }

    /** Raw scores for rows {@code [from, to)} of feature-major {@code columns}; allocation-free. */
    public void predictRaw(double[][] columns, int from, int to, double[] out) {
        if (columns == null || columns.length != names.size()) {
            throw new IllegalArgumentException("columns must hold " + names.size() + " features, got "
                    + (columns == null ? "null" : columns.length));
        }
        if (from < 0 || to < from || out == null || out.length < to - from) {
            throw new IllegalArgumentException("bad row range [" + from + ", " + to + ") or output length");
        }
        for (double[] c : columns) {
            if (c == null || c.length < to) {
                throw new IllegalArgumentException("every column must have at least " + to + " rows");
            }
        }
        int n = to - from;
        java.util.Arrays.fill(out, 0, n, initScore);
        // Blocks of rows small enough that their feature values stay in cache while every tree
        // passes over them; tree by tree over the whole batch would reload them from memory.
        for (int b = 0; b < n; b += PREDICT_BLOCK) {
            int e = Math.min(n, b + PREDICT_BLOCK);
            for (Tree t : trees) {
                double[] leaf = t.leafValue;
                for (int i = b; i < e; i++) {
                    out[i] += leaf[t.leafOf(columns, from + i, bins)];
                }
            }
        }
    }

    /** Rows per block of batched prediction: 256 rows × 32 features × 8 bytes = 64 KiB. */
    static final int PREDICT_BLOCK = 256;

    /** Total split gain per feature over all trees (LightGBM's {@code importance_type=gain}). */
    public double[] importanceGain() {
        double[] g = new double[names.size()];
        for (Tree t : trees) {
            for (int k = 0; k < t.nodes(); k++) {
                g[t.feature[k]] += t.gain[k];
            }
        }
        return g;
    }

    /** Number of splits per feature over all trees (LightGBM's {@code importance_type=split}). */
    public int[] importanceSplits() {
        int[] c = new int[names.size()];
        for (Tree t : trees) {
            for (int k = 0; k < t.nodes(); k++) {
                c[t.feature[k]]++;
            }
        }
        return c;
    }

    private void checkRow(double[] row) {
        if (row == null || row.length != names.size()) {
            throw new IllegalArgumentException("a row must hold " + names.size() + " feature values, got "
                    + (row == null ? "null" : row.length));
        }
    }
}
