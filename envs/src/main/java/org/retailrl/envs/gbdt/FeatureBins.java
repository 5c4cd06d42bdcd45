package org.retailrl.envs.gbdt;

import java.util.Arrays;

/**
 * How one feature's raw values map to histogram bins (docs/model.md §5, LightGBM's feature
 * histograms). The last bin, {@code numBins() - 1}, holds missing values ({@code NaN}) and, for a
 * categorical feature, categories not among the kept ones; the split finder decides on which side
 * it goes.
 *
 * <p>Numeric features: up to {@code maxBins - 1} value bins whose edges are quantiles of the
 * distinct values, so each bin holds about the same number of rows. Bin {@code b} holds the values
 * {@code v} with {@code edge[b-1] < v <= edge[b]}; edges lie half-way between adjacent distinct
 * values and the last is {@code +∞}. The edges depend only on the order of the values, so a
 * strictly increasing transform of a feature leaves every row's bin unchanged.
 *
 * <p>Categorical features: the {@code maxBins - 1} most frequent categories, each its own bin, in
 * increasing order of the code.
 */
final class FeatureBins {
    final boolean categorical;
    /** Numeric: upper edges of the value bins; categorical: the kept category codes, sorted. */
    final double[] values;

    FeatureBins(boolean categorical, double[] values) {
        this.categorical = categorical;
        this.values = values;
    }

    /** Number of bins, the missing bin included. */
    int numBins() {
        return values.length + 1;
    }

    /** The missing (and unknown-category) bin. */
    int missingBin() {
        return values.length;
    }

    /** The bin of raw value {@code v}; allocation-free. */
    int bin(double v) {
        if (v != v) {
            return values.length;
        }
        if (categorical) {
            int i = Arrays.binarySearch(values, v);
            return i >= 0 ? i : values.length;
        }
        // First edge >= v; the last edge is +inf, so every non-NaN value finds one.
        int lo = 0;
        int hi = values.length - 1;
        if (hi < 0) {
            return 0;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] >= v) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Bins of {@code column[rows[i]]} ({@code rows == null}: all rows in order). */
    static FeatureBins fit(String name, double[] column, boolean categorical, int[] rows, int maxBins) {
        int n = rows == null ? column.length : rows.length;
        double[] v = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double x = column[rows == null ? i : rows[i]];
            if (x == x) {
                if (Double.isInfinite(x)) {
                    throw new IllegalArgumentException("feature '" + name + "' has an infinite value; use NaN for missing");
                }
                v[m++] = x;
            }
        }
        Arrays.sort(v, 0, m);
        // Distinct values and their counts.
        double[] distinct = new double[m];
        int[] count = new int[m];
        int d = 0;
        for (int i = 0; i < m; i++) {
            if (d > 0 && distinct[d - 1] == v[i]) {
                count[d - 1]++;
            } else {
                distinct[d] = v[i] == 0 ? 0.0 : v[i]; // -0.0 and 0.0 are one value
                count[d++] = 1;
            }
        }
        int maxValueBins = maxBins - 1;
        if (categorical) {
            return new FeatureBins(true, keepFrequent(distinct, count, d, maxValueBins));
        }
        if (d == 0) {
            return new FeatureBins(false, new double[0]);
        }
        double[] edges = new double[Math.min(d, maxValueBins)];
        int e = 0;
        if (d <= maxValueBins) {
            for (int i = 0; i + 1 < d; i++) {
                edges[e++] = between(distinct[i], distinct[i + 1]);
            }
        } else {
            // Greedy quantiles: a bin closes once it holds the mean of what is left per bin left,
            // so a heavy value fills its own bin without starving the bins after it.
            long rest = m;
            int restBins = maxValueBins;
            long inBin = 0;
            for (int i = 0; i + 1 < d && e < maxValueBins - 1; i++) {
                inBin += count[i];
                if (inBin * (long) restBins >= rest) {
                    edges[e++] = between(distinct[i], distinct[i + 1]);
                    rest -= inBin;
                    restBins--;
                    inBin = 0;
                }
            }
        }
        edges[e++] = Double.POSITIVE_INFINITY;
        return new FeatureBins(false, Arrays.copyOf(edges, e));
    }

    private static double[] keepFrequent(double[] distinct, int[] count, int d, int keep) {
        if (d <= keep) {
            return Arrays.copyOf(distinct, d);
        }
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        // Most frequent first; equal counts by code, so the choice is deterministic.
        Arrays.sort(order, (a, b) -> count[a] != count[b] ? Integer.compare(count[b], count[a]) : Integer.compare(a, b));
        double[] kept = new double[keep];
        for (int i = 0; i < keep; i++) {
            kept[i] = distinct[order[i]];
        }
        Arrays.sort(kept);
        return kept;
    }

    /** A value strictly between {@code a < b} (their midpoint), or {@code a} when none is representable. */
    private static double between(double a, double b) {
        double mid = a + (b - a) / 2;
        return mid >= a && mid < b ? mid : a;
    }
}
