package org.retailrl.envs.gbdt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.retailrl.core.random.Rng;

/**
 * Gradient boosting of {@link Tree}s on binned features (docs/model.md §5; Friedman 2001, with
 * LightGBM's histogram and leaf-wise growth, Ke et al. 2017). Each round computes every training
 * row's gradient and Hessian of the {@link Objective}, draws the round's rows and features, grows a
 * tree with {@link TreeGrower}, and adds its leaf values to the scores. With a validation set and
 * {@link GbdtConfig#earlyStoppingRounds()} &gt; 0 training stops once the validation loss has not
 * improved for that many rounds, and the model keeps the trees up to the best round.
 *
 * <p>Determinism: round {@code t}'s rows come from {@code Rng.stream(seed, 2t)} and its features
 * from {@code Rng.stream(seed, 2t+1)}; gradients are per row, histograms per feature, and every
 * reduction runs in a fixed order, so a seed gives a bit-identical model for any
 * {@link GbdtConfig#threads()}.
 */
public final class GbdtTrainer {
    /** Called after each round with the number of trees so far and the validation loss (NaN without one). */
    @FunctionalInterface
    public interface Progress {
        /** One finished round. */
        void round(int trees, double validLoss);
    }

    /** Rows sampled to place bin edges; more changes the edges by little and costs a sort. */
    static final int BIN_SAMPLE_ROWS = 200_000;

    private GbdtTrainer() {
    }

    /** Trains on {@code train} without validation. */
    public static GbdtModel train(Dataset train, GbdtConfig cfg) {
        return train(train, null, cfg, null);
    }

    /**
     * Trains on {@code train}; {@code valid} (same features, may be {@code null}) drives early
     * stopping; {@code progress} (may be {@code null}) hears every round.
     *
     * @throws IllegalArgumentException naming the row or feature when a target or feature value is
     *                                  not allowed, or when {@code valid}'s features differ
     */
    public static GbdtModel train(Dataset train, Dataset valid, GbdtConfig cfg, Progress progress) {
        if (train == null || cfg == null) {
            throw new IllegalArgumentException("train and cfg must not be null");
        }
        checkTargets("training", train, cfg.objective());
        if (valid != null) {
            if (!valid.names().equals(train.names()) || !Arrays.equals(valid.categorical(), train.categorical())) {
                throw new IllegalArgumentException("the validation set must have the training set's features, in order,"
                        + " with the same categorical flags");
            }
            checkTargets("validation", valid, cfg.objective());
        }
        int n = train.rows();
        int nf = train.features();
        double rho = cfg.tweedieVariancePower();
        try (Parallel par = new Parallel(cfg.threads())) {
            FeatureBins[] fb = new FeatureBins[nf];
            byte[][] bins = new byte[nf][];
            int[] sample = binSample(n, cfg.seed());
            par.forRange(nf, (long) nf * n * 16, (a, b) -> {
                for (int f = a; f < b; f++) {
                    fb[f] = FeatureBins.fit(train.names().get(f), train.columns()[f], train.categorical()[f], sample,
                            cfg.maxBins());
                    double[] col = train.columns()[f];
                    byte[] out = new byte[n];
                    for (int r = 0; r < n; r++) {
                        out[r] = (byte) fb[f].bin(col[r]);
                    }
                    bins[f] = out;
                }
            });
            double[] y = train.target();
            double init = cfg.objective().initScore(y, null, n);
            double[] score = new double[n];
            Arrays.fill(score, init);
            double[] grad = new double[n];
            double[] hess = new double[n];
            double[] vscore = null;
            if (valid != null) {
                vscore = new double[valid.rows()];
                Arrays.fill(vscore, init);
            }
            TreeGrower grower = new TreeGrower(bins, fb, n, cfg, par);
            List<Tree> trees = new ArrayList<>();
            int[] bag = new int[n];
            boolean[] inBag = new boolean[n];
            int[] allFeatures = new int[nf];
            for (int f = 0; f < nf; f++) {
                allFeatures[f] = f;
            }
            double bestLoss = Double.POSITIVE_INFINITY;
            int bestTrees = 0;
            for (int t = 0; t < cfg.numTrees(); t++) {
                par.forRange(n, (long) n * 8, (a, b) -> cfg.objective().gradients(y, score, grad, hess, rho, a, b));
                int nBag = drawRows(cfg, t, n, bag, inBag);
                int[] features = drawFeatures(cfg, t, nf, allFeatures);
                Tree tree = grower.grow(bag, nBag, features, grad, hess);
                trees.add(tree);
                grower.addLeafValues(tree, score);
                if (nBag < n) {
                    double[][] cols = train.columns();
                    for (int r = 0; r < n; r++) {
                        if (!inBag[r]) {
                            score[r] += tree.leafValue[tree.leafOf(cols, r, fb)];
                        }
                    }
                }
                double vloss = Double.NaN;
                if (valid != null) {
                    double[][] cols = valid.columns();
                    double[] vy = valid.target();
                    double sum = 0;
                    for (int r = 0; r < vscore.length; r++) {
                        vscore[r] += tree.leafValue[tree.leafOf(cols, r, fb)];
                        sum += cfg.objective().loss(vy[r], vscore[r], rho);
                    }
                    vloss = sum / vscore.length;
                    if (vloss < bestLoss) {
                        bestLoss = vloss;
                        bestTrees = t + 1;
                    }
                }
                if (progress != null) {
                    progress.round(t + 1, vloss);
                }
                if (valid != null && cfg.earlyStoppingRounds() > 0 && t + 1 - bestTrees >= cfg.earlyStoppingRounds()) {
                    break;
                }
            }
            int keep = valid != null && cfg.earlyStoppingRounds() > 0 ? Math.max(1, bestTrees) : trees.size();
            FeatureBins[] kept = new FeatureBins[nf];
            for (int f = 0; f < nf; f++) {
                kept[f] = fb[f].categorical ? fb[f] : null;
            }
            return new GbdtModel(train.names(), kept, cfg.objective(), rho, init,
                    trees.subList(0, keep).toArray(new Tree[0]));
        }
    }

    private static void checkTargets(String which, Dataset d, Objective objective) {
        double[] y = d.target();
        for (int r = 0; r < y.length; r++) {
            String bad = objective.checkTarget(y[r]);
            if (bad != null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s target at row %d is %s; it %s", which, r, y[r], bad));
            }
        }
    }

    private static int[] binSample(int n, long seed) {
        if (n <= BIN_SAMPLE_ROWS) {
            return null;
        }
        // Partial Fisher-Yates: a uniform subset, sorted so rows are read in order.
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Rng rng = Rng.stream(seed, -1);
        for (int i = 0; i < BIN_SAMPLE_ROWS; i++) {
            int j = i + rng.nextInt(n - i);
            int x = idx[i];
            idx[i] = idx[j];
            idx[j] = x;
        }
        int[] s = Arrays.copyOf(idx, BIN_SAMPLE_ROWS);
        Arrays.sort(s);
        return s;
    }

    private static int drawRows(GbdtConfig cfg, int t, int n, int[] bag, boolean[] inBag) {
        if (cfg.rowSubsample() >= 1) {
            for (int i = 0; i < n; i++) {
                bag[i] = i;
            }
            return n;
        }
        Rng rng = Rng.stream(cfg.seed(), 2L * t);
        int m = 0;
        for (int i = 0; i < n; i++) {
            boolean in = rng.nextDouble() < cfg.rowSubsample();
            inBag[i] = in;
            if (in) {
                bag[m++] = i;
            }
        }
        return m;
    }

    private static int[] drawFeatures(GbdtConfig cfg, int t, int nf, int[] all) {
        if (cfg.featureSubsample() >= 1) {
            return all;
        }
        int k = Math.max(1, (int) Math.round(cfg.featureSubsample() * nf));
        int[] idx = all.clone();
        Rng rng = Rng.stream(cfg.seed(), 2L * t + 1);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(nf - i);
            int x = idx[i];
            idx[i] = idx[j];
            idx[j] = x;
        }
        int[] s = Arrays.copyOf(idx, k);
        Arrays.sort(s);
        return s;
    }
}
