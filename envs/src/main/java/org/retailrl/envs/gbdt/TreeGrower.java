package org.retailrl.envs.gbdt;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Grows one tree leaf-wise (best-first), as LightGBM does (docs/model.md §5): keep the best split of
 * every leaf, always split the leaf whose best split gains most, stop at {@code numLeaves} or when
 * no leaf has a split gaining more than {@code minSplitGain}.
 *
 * <p>Histograms: a leaf's histogram holds, per feature and bin, the sums of gradient, Hessian and
 * row count of its rows. After a split only the smaller child's histogram is built from its rows;
 * the larger child's is the parent's minus the smaller's (Ke et al. 2017, §3), so each level costs
 * at most half the rows. Histograms are built per feature in parallel; each feature's bins are
 * summed by one thread in the leaf's row order, so the result does not depend on the thread count.
 *
 * <p>Split gain with totals {@code G, H} and penalty {@code λ}:
 * {@code G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)}; leaf value {@code −G/(H+λ)} times the learning
 * rate. Numeric features try every bin boundary with missing values on either side; categorical
 * features sort their categories by {@code G/(H + catSmooth)} and try every prefix of that order
 * (the optimal partition for a convex loss, Fisher 1958), with {@code λ + catL2}.
 *
 * <p>Not thread-safe; one grower per training run, reused for every tree.
 */
final class TreeGrower {
    private final byte[][] bins;
    private final FeatureBins[] fb;
    private final int[] offset;
    private final int totalBins;
    private final GbdtConfig cfg;
    private final Parallel par;

    private final int[] rowIdx;
    private final int[] tmp;
    private final double[] ordG;
    private final double[] ordH;
    private final ArrayDeque<double[]> pool = new ArrayDeque<>();

    // Per leaf of the tree being grown.
    private final int[] begin;
    private final int[] count;
    private final int[] depth;
    private final int[] parentNode;
    private final boolean[] isLeft;
    private final double[] sumG;
    private final double[] sumH;
    private final double[][] hist;
    private final Split[] best;

    // Internal nodes of the tree being grown.
    private final int[] nFeature;
    private final double[] nThreshold;
    private final byte[] nFlags;
    private final int[] nLeft;
    private final int[] nRight;
    private final double[] nGain;
    private final long[] nCat;

    private int[] feats;
    private Split[] perFeature = new Split[0];
    private double[] grad;
    private double[] hess;
    private int leaves;
    private int nodes;

    TreeGrower(byte[][] bins, FeatureBins[] fb, int rows, GbdtConfig cfg, Parallel par) {
        this.bins = bins;
        this.fb = fb;
        this.cfg = cfg;
        this.par = par;
        offset = new int[fb.length];
        int o = 0;
        for (int f = 0; f < fb.length; f++) {
            offset[f] = o;
            o += fb[f].numBins();
        }
        totalBins = o;
        rowIdx = new int[rows];
        tmp = new int[rows];
        ordG = new double[rows];
        ordH = new double[rows];
        int l = cfg.numLeaves();
        begin = new int[l];
        count = new int[l];
        depth = new int[l];
        parentNode = new int[l];
        isLeft = new boolean[l];
        sumG = new double[l];
        sumH = new double[l];
        hist = new double[l][];
        best = new Split[l];
        for (int i = 0; i < l; i++) {
            best[i] = new Split();
        }
        nFeature = new int[l - 1];
        nThreshold = new double[l - 1];
        nFlags = new byte[l - 1];
        nLeft = new int[l - 1];
        nRight = new int[l - 1];
        nGain = new double[l - 1];
        nCat = new long[(l - 1) * Tree.CAT_WORDS];
    }

    /**
     * Grows a tree on rows {@code bag[0 .. nBag)} using features {@code features} (increasing).
     * Afterwards {@link #addLeafValues(Tree, double[])} adds the leaf values to those rows' scores.
     */
    Tree grow(int[] bag, int nBag, int[] features, double[] grad, double[] hess) {
        this.grad = grad;
        this.hess = hess;
        this.feats = features;
        if (perFeature.length < features.length) {
            perFeature = new Split[features.length];
            for (int j = 0; j < features.length; j++) {
                perFeature[j] = new Split();
            }
        }
        for (int l = 0; l < leaves; l++) {
            release(l);
        }
        System.arraycopy(bag, 0, rowIdx, 0, nBag);
        leaves = 1;
        nodes = 0;
        begin[0] = 0;
        count[0] = nBag;
        depth[0] = 0;
        parentNode[0] = -1;
        double g = 0;
        double h = 0;
        for (int i = 0; i < nBag; i++) {
            g += grad[rowIdx[i]];
            h += hess[rowIdx[i]];
        }
        sumG[0] = g;
        sumH[0] = h;
        best[0].reset();
        if (splittable(0)) {
            hist[0] = acquire();
            build(0);
            findBest(0);
        }
        while (leaves < cfg.numLeaves()) {
            int pick = -1;
            for (int l = 0; l < leaves; l++) {
                if (best[l].feature >= 0 && (pick < 0 || best[l].gain > best[pick].gain)) {
                    pick = l;
                }
            }
            if (pick < 0) {
                break;
            }
            split(pick);
        }
        double[] values = new double[leaves];
        for (int l = 0; l < leaves; l++) {
            double den = sumH[l] + cfg.lambda();
            values[l] = den > 0 ? -sumG[l] / den * cfg.learningRate() : 0.0;
        }
        return new Tree(Arrays.copyOf(nFeature, nodes), Arrays.copyOf(nThreshold, nodes), Arrays.copyOf(nFlags, nodes),
                Arrays.copyOf(nLeft, nodes), Arrays.copyOf(nRight, nodes), Arrays.copyOf(nGain, nodes),
                Arrays.copyOf(nCat, nodes * Tree.CAT_WORDS), values);
    }

    /** Adds each leaf's value to the scores of the rows the last {@link #grow} put in it. */
    void addLeafValues(Tree tree, double[] score) {
        for (int l = 0; l < leaves; l++) {
            double v = tree.leafValue[l];
            for (int i = begin[l], e = begin[l] + count[l]; i < e; i++) {
                score[rowIdx[i]] += v;
            }
        }
    }

    private boolean splittable(int l) {
        return count[l] >= 2 * cfg.minDataInLeaf() && sumH[l] >= 2 * cfg.minSumHessian()
                && (cfg.maxDepth() == 0 || depth[l] < cfg.maxDepth());
    }

    private double[] acquire() {
        double[] h = pool.poll();
        return h != null ? h : new double[3 * totalBins];
    }

    private void release(int l) {
        if (hist[l] != null) {
            pool.push(hist[l]);
            hist[l] = null;
        }
    }

    /** Builds leaf {@code l}'s histogram from its rows (only the features of this tree). */
    private void build(int l) {
        double[] h = hist[l];
        int from = begin[l];
        int to = from + count[l];
        for (int i = from; i < to; i++) {
            int r = rowIdx[i];
            ordG[i] = grad[r];
            ordH[i] = hess[r];
        }
        int[] fs = feats;
        par.forRange(fs.length, (long) count[l] * fs.length, (a, b) -> {
            for (int j = a; j < b; j++) {
                int f = fs[j];
                int o = 3 * offset[f];
                Arrays.fill(h, o, o + 3 * fb[f].numBins(), 0.0);
                byte[] bf = bins[f];
                for (int i = from; i < to; i++) {
                    int k = o + 3 * (bf[rowIdx[i]] & 0xff);
                    h[k] += ordG[i];
                    h[k + 1] += ordH[i];
                    h[k + 2] += 1.0;
                }
            }
        });
    }

    /** {@code big -= small} over this tree's features. */
    private void subtract(double[] big, double[] small) {
        int[] fs = feats;
        par.forRange(fs.length, (long) fs.length * 3 * 64, (a, b) -> {
            for (int j = a; j < b; j++) {
                int f = fs[j];
                for (int k = 3 * offset[f], e = k + 3 * fb[f].numBins(); k < e; k++) {
                    big[k] -= small[k];
                }
            }
        });
    }

    private void findBest(int l) {
        double[] h = hist[l];
        int[] fs = feats;
        double g = sumG[l];
        double hh = sumH[l];
        int c = count[l];
        par.forRange(fs.length, (long) fs.length * 512, (a, b) -> {
            for (int j = a; j < b; j++) {
                Split s = perFeature[j];
                s.reset();
                int f = fs[j];
                if (fb[f].categorical) {
                    categorical(f, h, g, hh, c, s);
                } else {
                    numeric(f, h, g, hh, c, s);
                }
            }
        });
        Split out = best[l];
        out.reset();
        for (int j = 0; j < fs.length; j++) {
            Split s = perFeature[j];
            // Strictly greater: on a tie the feature listed first wins, whatever the threads did.
            if (s.feature >= 0 && s.gain > cfg.minSplitGain() && s.gain > out.gain) {
                out.copyFrom(s);
            }
        }
    }

    private void numeric(int f, double[] h, double g, double hh, int c, Split out) {
        int o = 3 * offset[f];
        int nb = fb[f].numBins();
        int mk = o + 3 * (nb - 1);
        double mg = h[mk];
        double mh = h[mk + 1];
        int mc = (int) h[mk + 2];
        double lambda = cfg.lambda();
        double parent = g * g / (hh + lambda);
        double cg = 0;
        double ch = 0;
        int cc = 0;
        for (int t = 0; t + 2 < nb; t++) {
            int k = o + 3 * t;
            cg += h[k];
            ch += h[k + 1];
            cc += (int) h[k + 2];
            if (mc == 0) {
                // No missing value in this leaf: unseen ones later follow the majority.
                consider(out, f, t, cc >= c - cc, cg, ch, cc, g, hh, c, lambda, parent);
            } else {
                consider(out, f, t, false, cg, ch, cc, g, hh, c, lambda, parent);
                consider(out, f, t, true, cg + mg, ch + mh, cc + mc, g, hh, c, lambda, parent);
            }
        }
    }

    private boolean consider(Split out, int f, int t, boolean missingLeft, double lg, double lh, int lc, double g,
            double hh, int c, double lambda, double parent) {
        int rc = c - lc;
        double rg = g - lg;
        double rh = hh - lh;
        if (lc < cfg.minDataInLeaf() || rc < cfg.minDataInLeaf() || lh < cfg.minSumHessian()
                || rh < cfg.minSumHessian()) {
            return false;
        }
        double gain = lg * lg / (lh + lambda) + rg * rg / (rh + lambda) - parent;
        if (!(gain > out.gain)) {
            return false;
        }
        out.feature = f;
        out.bin = t;
        out.missingLeft = missingLeft;
        out.categorical = false;
        out.gain = gain;
        out.lg = lg;
        out.lh = lh;
        out.lc = lc;
        out.rg = rg;
        out.rh = rh;
        out.rc = rc;
        return true;
    }

    private void categorical(int f, double[] h, double g, double hh, int c, Split out) {
        int o = 3 * offset[f];
        int nb = fb[f].numBins();
        int[] cats = new int[nb];
        int m = 0;
        for (int b = 0; b < nb; b++) {
            if (h[o + 3 * b + 2] > 0) {
                cats[m++] = b;
            }
        }
        if (m < 2) {
            return;
        }
        double smooth = cfg.catSmooth();
        double[] key = new double[nb];
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            int b = cats[i];
            key[b] = h[o + 3 * b] / (h[o + 3 * b + 1] + smooth);
            order[i] = b;
        }
        Arrays.sort(order, (a, b) -> key[a] != key[b] ? Double.compare(key[a], key[b]) : Integer.compare(a, b));
        double lambda = cfg.lambda() + cfg.catL2();
        double parent = g * g / (hh + lambda);
        double lg = 0;
        double lh = 0;
        int lc = 0;
        int bestK = -1;
        for (int k = 0; k + 1 < m; k++) {
            int b = order[k];
            lg += h[o + 3 * b];
            lh += h[o + 3 * b + 1];
            lc += (int) h[o + 3 * b + 2];
            if (consider(out, f, -1, false, lg, lh, lc, g, hh, c, lambda, parent)) {
                bestK = k;
            }
        }
        if (bestK < 0) {
            return;
        }
        out.categorical = true;
        Arrays.fill(out.cat, 0L);
        for (int k = 0; k <= bestK; k++) {
            int b = order[k];
            out.cat[b >>> 6] |= 1L << (b & 63);
        }
        int missing = nb - 1;
        if (h[o + 3 * missing + 2] == 0 && out.lc > out.rc) {
            // No missing or unknown category in this leaf: send them where most rows go.
            out.cat[missing >>> 6] |= 1L << (missing & 63);
        }
    }

    private void split(int l) {
        Split s = best[l];
        int node = nodes++;
        if (parentNode[l] >= 0) {
            if (isLeft[l]) {
                nLeft[parentNode[l]] = node;
            } else {
                nRight[parentNode[l]] = node;
            }
        }
        int f = s.feature;
        FeatureBins b = fb[f];
        nFeature[node] = f;
        nGain[node] = s.gain;
        if (s.categorical) {
            nFlags[node] = Tree.CATEGORICAL;
            nThreshold[node] = 0;
            System.arraycopy(s.cat, 0, nCat, node * Tree.CAT_WORDS, Tree.CAT_WORDS);
        } else {
            nFlags[node] = s.missingLeft ? Tree.MISSING_LEFT : 0;
            nThreshold[node] = b.values[s.bin];
        }
        int r = leaves++;
        nLeft[node] = ~l;
        nRight[node] = ~r;

        // Stable partition of the leaf's rows: left ones stay in order at the front.
        byte[] bf = bins[f];
        int from = begin[l];
        int to = from + count[l];
        int missing = b.missingBin();
        int nl = 0;
        int nr = 0;
        for (int i = from; i < to; i++) {
            int row = rowIdx[i];
            int bin = bf[row] & 0xff;
            boolean left = s.categorical ? ((s.cat[bin >>> 6] >>> (bin & 63)) & 1L) != 0
                    : bin == missing ? s.missingLeft : bin <= s.bin;
            if (left) {
                rowIdx[from + nl++] = row;
            } else {
                tmp[nr++] = row;
            }
        }
        System.arraycopy(tmp, 0, rowIdx, from + nl, nr);
        if (nl != s.lc) {
            throw new IllegalStateException("partition disagrees with the histogram: " + nl + " != " + s.lc);
        }
        begin[r] = from + nl;
        count[r] = nr;
        count[l] = nl;
        depth[r] = depth[l] + 1;
        depth[l] = depth[l] + 1;
        sumG[l] = s.lg;
        sumH[l] = s.lh;
        sumG[r] = s.rg;
        sumH[r] = s.rh;
        parentNode[l] = node;
        isLeft[l] = true;
        parentNode[r] = node;
        isLeft[r] = false;

        boolean needL = splittable(l);
        boolean needR = splittable(r);
        double[] parentHist = hist[l];
        hist[l] = null;
        int small = nl <= nr ? l : r;
        int large = small == l ? r : l;
        boolean needSmall = small == l ? needL : needR;
        boolean needLarge = large == l ? needL : needR;
        if (needSmall || needLarge) {
            hist[small] = acquire();
            build(small);
            if (needLarge) {
                subtract(parentHist, hist[small]);
                hist[large] = parentHist;
            } else {
                pool.push(parentHist);
            }
        } else {
            pool.push(parentHist);
        }
        best[l].reset();
        best[r].reset();
        if (needL) {
            findBest(l);
        }
        if (needR) {
            findBest(r);
        }
        if (!needSmall) {
            release(small);
        }
    }

    /** The best split found for a leaf or a feature. */
    static final class Split {
        int feature;
        int bin;
        boolean missingLeft;
        boolean categorical;
        final long[] cat = new long[Tree.CAT_WORDS];
        double gain;
        double lg;
        double lh;
        int lc;
        double rg;
        double rh;
        int rc;

        Split() {
            reset();
        }

        void reset() {
            feature = -1;
            gain = Double.NEGATIVE_INFINITY;
        }

        void copyFrom(Split o) {
            feature = o.feature;
            bin = o.bin;
            missingLeft = o.missingLeft;
            categorical = o.categorical;
            System.arraycopy(o.cat, 0, cat, 0, Tree.CAT_WORDS);
            gain = o.gain;
            lg = o.lg;
            lh = o.lh;
            lc = o.lc;
            rg = o.rg;
            rh = o.rh;
            rc = o.rc;
        }
    }
}
