package org.retailrl.envs.gbdt;

import java.util.Locale;

/**
 * Every setting of the gradient-boosted tree learner of docs/model.md §5, as one immutable value. The
 * compact constructor checks each field and names it, with its allowed range, in the
 * {@link IllegalArgumentException} it throws. {@link #defaults()} are LightGBM's defaults where
 * LightGBM has one; {@link #toBuilder()} changes a few fields.
 *
 * @param objective             the loss (L2, Poisson, Tweedie)
 * @param tweedieVariancePower  {@code ρ} of {@link Objective#TWEEDIE}, in (1, 2); ignored otherwise
 * @param numTrees              boosting rounds, [1, 1000000]; fewer when early stopping ends sooner
 * @param learningRate          shrinkage of every leaf value, (0, 1]
 * @param numLeaves             most leaves per tree, [2, 65536]
 * @param maxDepth              deepest leaf (the root has depth 0), [0, 64]; 0 means no limit
 * @param minDataInLeaf         fewest training rows in a leaf, [1, 2^31-1]
 * @param minSumHessian         smallest sum of Hessians in a leaf, [0, 1e12]
 * @param lambda                L2 penalty on leaf values, [0, 1e12]
 * @param minSplitGain          smallest gain a split must exceed, [0, 1e12]
 * @param maxBins               histogram bins per feature including the missing-value bin, [2, 255]
 * @param rowSubsample          fraction of rows drawn (without replacement, per tree), (0, 1]
 * @param featureSubsample      fraction of features drawn per tree, (0, 1]
 * @param catSmooth             pseudo-count added to a category's Hessian when sorting categories, [0, 1e12]
 * @param catL2                 extra L2 penalty in categorical split gains, [0, 1e12]
 * @param earlyStoppingRounds   stop after this many rounds without a better validation loss, [0, 1000000]; 0 = off
 * @param threads               worker threads for histograms and gradients, [1, 1024]; results do not depend on it
 * @param seed                  the seed of the row and feature draws
 */
public record GbdtConfig(
        Objective objective, double tweedieVariancePower,
        int numTrees, double learningRate, int numLeaves, int maxDepth,
        int minDataInLeaf, double minSumHessian, double lambda, double minSplitGain,
        int maxBins, double rowSubsample, double featureSubsample,
        double catSmooth, double catL2,
        int earlyStoppingRounds, int threads, long seed) {

    /** Validates every field; see the parameter descriptions for the ranges. */
    public GbdtConfig {
        if (objective == null) {
            throw new IllegalArgumentException("objective must be one of l2, poisson, tweedie, got null");
        }
        if (objective == Objective.TWEEDIE) {
            open("tweedieVariancePower", tweedieVariancePower, 1, 2);
        } else if (!Double.isFinite(tweedieVariancePower)) {
            throw new IllegalArgumentException("tweedieVariancePower must be finite, got " + tweedieVariancePower);
        }
        range("numTrees", numTrees, 1, 1_000_000);
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1], got " + learningRate);
        }
        range("numLeaves", numLeaves, 2, 65_536);
        range("maxDepth", maxDepth, 0, 64);
        range("minDataInLeaf", minDataInLeaf, 1, Integer.MAX_VALUE);
        closed("minSumHessian", minSumHessian, 0, 1e12);
        closed("lambda", lambda, 0, 1e12);
        closed("minSplitGain", minSplitGain, 0, 1e12);
        range("maxBins", maxBins, 2, 255);
        if (!(rowSubsample > 0 && rowSubsample <= 1)) {
            throw new IllegalArgumentException("rowSubsample must be in (0, 1], got " + rowSubsample);
        }
        if (!(featureSubsample > 0 && featureSubsample <= 1)) {
            throw new IllegalArgumentException("featureSubsample must be in (0, 1], got " + featureSubsample);
        }
        closed("catSmooth", catSmooth, 0, 1e12);
        closed("catL2", catL2, 0, 1e12);
        range("earlyStoppingRounds", earlyStoppingRounds, 0, 1_000_000);
        range("threads", threads, 1, 1024);
    }

    /** LightGBM's defaults (100 trees, rate 0.1, 31 leaves, 20 rows per leaf, 255 bins), L2, one thread. */
    public static GbdtConfig defaults() {
        return new GbdtConfig(Objective.L2, 1.5, 100, 0.1, 31, 0, 20, 1e-3, 0, 0, 255, 1, 1, 10, 10, 0, 1, 1);
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void range(String name, long v, long lo, long hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }

    private static void closed(String name, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(name + " must be in [" + fmt(lo) + ", " + fmt(hi) + "], got " + v);
        }
    }

    private static void open(String name, double v, double lo, double hi) {
        if (!(v > lo && v < hi)) {
            throw new IllegalArgumentException(name + " must be in (" + fmt(lo) + ", " + fmt(hi) + "), got " + v);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e7 ? Long.toString((long) v) : String.format(Locale.ROOT, "%g", v);
    }

    /** Mutable copy of a {@link GbdtConfig}; {@link #build()} validates. */
    public static final class Builder {
        private Objective objective;
        private double tweedieVariancePower;
        private int numTrees;
        private double learningRate;
        private int numLeaves;
        private int maxDepth;
        private int minDataInLeaf;
        private double minSumHessian;
        private double lambda;
        private double minSplitGain;
        private int maxBins;
        private double rowSubsample;
        private double featureSubsample;
        private double catSmooth;
        private double catL2;
        private int earlyStoppingRounds;
        private int threads;
        private long seed;

        private Builder(GbdtConfig c) {
            objective = c.objective;
            tweedieVariancePower = c.tweedieVariancePower;
            numTrees = c.numTrees;
            learningRate = c.learningRate;
            numLeaves = c.numLeaves;
            maxDepth = c.maxDepth;
            minDataInLeaf = c.minDataInLeaf;
            minSumHessian = c.minSumHessian;
            lambda = c.lambda;
            minSplitGain = c.minSplitGain;
            maxBins = c.maxBins;
            rowSubsample = c.rowSubsample;
            featureSubsample = c.featureSubsample;
            catSmooth = c.catSmooth;
            catL2 = c.catL2;
            earlyStoppingRounds = c.earlyStoppingRounds;
            threads = c.threads;
            seed = c.seed;
        }

        /** Sets {@link GbdtConfig#objective}. */
        public Builder objective(Objective v) {
            objective = v;
            return this;
        }

        /** Sets {@link GbdtConfig#tweedieVariancePower}. */
        public Builder tweedieVariancePower(double v) {
            tweedieVariancePower = v;
            return this;
        }

        /** Sets {@link GbdtConfig#numTrees}. */
        public Builder numTrees(int v) {
            numTrees = v;
            return this;
        }

        /** Sets {@link GbdtConfig#learningRate}. */
        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        /** Sets {@link GbdtConfig#numLeaves}. */
        public Builder numLeaves(int v) {
            numLeaves = v;
            return this;
        }

        /** Sets {@link GbdtConfig#maxDepth}. */
        public Builder maxDepth(int v) {
            maxDepth = v;
            return this;
        }

        /** Sets {@link GbdtConfig#minDataInLeaf}. */
        public Builder minDataInLeaf(int v) {
            minDataInLeaf = v;
            return this;
        }

        /** Sets {@link GbdtConfig#minSumHessian}. */
        public Builder minSumHessian(double v) {
            minSumHessian = v;
            return this;
        }

        /** Sets {@link GbdtConfig#lambda}. */
        public Builder lambda(double v) {
            lambda = v;
            return this;
        }

        /** Sets {@link GbdtConfig#minSplitGain}. */
        public Builder minSplitGain(double v) {
            minSplitGain = v;
            return this;
        }

        /** Sets {@link GbdtConfig#maxBins}. */
        public Builder maxBins(int v) {
            maxBins = v;
            return this;
        }

        /** Sets {@link GbdtConfig#rowSubsample}. */
        public Builder rowSubsample(double v) {
            rowSubsample = v;
            return this;
        }

        /** Sets {@link GbdtConfig#featureSubsample}. */
        public Builder featureSubsample(double v) {
            featureSubsample = v;
            return this;
        }

        /** Sets {@link GbdtConfig#catSmooth}. */
        public Builder catSmooth(double v) {
            catSmooth = v;
            return this;
        }

        /** Sets {@link GbdtConfig#catL2}. */
        public Builder catL2(double v) {
            catL2 = v;
            return this;
        }

        /** Sets {@link GbdtConfig#earlyStoppingRounds}. */
        public Builder earlyStoppingRounds(int v) {
            earlyStoppingRounds = v;
            return this;
        }

        /** Sets {@link GbdtConfig#threads}. */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /** Sets {@link GbdtConfig#seed}. */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** The validated configuration. */
        public GbdtConfig build() {
            return new GbdtConfig(objective, tweedieVariancePower, numTrees, learningRate, numLeaves, maxDepth,
                    minDataInLeaf, minSumHessian, lambda, minSplitGain, maxBins, rowSubsample, featureSubsample,
                    catSmooth, catL2, earlyStoppingRounds, threads, seed);
        }
    }
}
