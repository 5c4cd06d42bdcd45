package org.retailrl.cli.demand;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two reference models the tree learner of docs/model.md §5 is compared with.
 *
 * <ul>
 *   <li>{@link #seriesMean}: each series' (e.g. store × brand) mean target over the training rows;
 *       a series without training rows gets the overall training mean.</li>
 *   <li>{@link #logLog}: the classic scanner-data demand model — log sales linear in the logs of
 *       own and competitors' prices (plus any other regressors given, e.g. deal and feature
 *       flags), with an intercept per series and slopes per group (per brand for the Dominick's
 *       data), fitted by least squares on the training rows with the within (fixed-effects)
 *       transformation: {@code ŷ = ȳ_s + (x − x̄_s)·β_g}. A target that is not already on the log
 *       scale is fitted as {@code ln(1 + y)} and predicted as {@code exp(·) − 1}. Rows with a
 *       missing or non-positive price are predicted by their series mean.</li>
 * </ul>
 */
public final class Baselines {
    private Baselines() {
    }

    /** Per-series training mean for every row. */
    public static double[] seriesMean(double[] y, int[] series, boolean[] train) {
        Map<Integer, double[]> acc = new HashMap<>();
        double all = 0;
        int n = 0;
        for (int r = 0; r < y.length; r++) {
            if (train[r]) {
                double[] a = acc.computeIfAbsent(series[r], k -> new double[2]);
                a[0] += y[r];
                a[1]++;
                all += y[r];
                n++;
            }
        }
        double global = all / Math.max(1, n);
        double[] out = new double[y.length];
        for (int r = 0; r < y.length; r++) {
            double[] a = acc.get(series[r]);
            out[r] = a != null ? a[0] / a[1] : global;
        }
        return out;
    }

    /**
     * The fixed-effects log-log regression for every row.
     *
     * @param y          target
     * @param logTarget  whether {@code y} is already on the log scale
     * @param prices     price columns (logged here)
     * @param others     further regressors used as they are (e.g. deal, feat); may be empty
     * @param series     series id per row (the intercepts)
     * @param group      slope group per row (e.g. brand); all zero for pooled slopes
     * @param train      training rows
     */
    public static double[] logLog(double[] y, boolean logTarget, List<double[]> prices, List<double[]> others,
            int[] series, int[] group, boolean[] train) {
        int n = y.length;
        int p = prices.size() + others.size();
        double[] z = new double[n];
        for (int r = 0; r < n; r++) {
            z[r] = logTarget ? y[r] : Math.log1p(Math.max(y[r], 0));
        }
        double[][] x = new double[n][];
        for (int r = 0; r < n; r++) {
            double[] row = new double[p];
            boolean ok = true;
            for (int j = 0; j < prices.size(); j++) {
                double v = prices.get(j)[r];
                ok &= v > 0;
                row[j] = Math.log(v);
            }
            for (int j = 0; j < others.size(); j++) {
                double v = others.get(j)[r];
                ok &= v == v;
                row[prices.size() + j] = v;
            }
            x[r] = ok ? row : null;
        }
        // Series means of z and x over the complete training rows.
        Map<Integer, double[]> mean = new HashMap<>();
        for (int r = 0; r < n; r++) {
            if (train[r] && x[r] != null) {
                double[] m = mean.computeIfAbsent(series[r], k -> new double[p + 2]);
                m[0] += z[r];
                for (int j = 0; j < p; j++) {
                    m[1 + j] += x[r][j];
                }
                m[p + 1]++;
            }
        }
        for (double[] m : mean.values()) {
            for (int j = 0; j <= p; j++) {
                m[j] /= m[p + 1];
            }
        }
        Map<Integer, LeastSquares> fits = new HashMap<>();
        double[] dx = new double[p];
        for (int r = 0; r < n; r++) {
            if (train[r] && x[r] != null) {
                double[] m = mean.get(series[r]);
                for (int j = 0; j < p; j++) {
                    dx[j] = x[r][j] - m[1 + j];
                }
                fits.computeIfAbsent(group[r], g -> new LeastSquares(Math.max(1, p))).add(dx, z[r] - m[0]);
            }
        }
        Map<Integer, double[]> beta = new HashMap<>();
        fits.forEach((g, ls) -> beta.put(g, ls.solve()));
        double[] fallback = seriesMean(z, series, train);
        double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            double[] m = mean.get(series[r]);
            double[] b = beta.get(group[r]);
            double v = fallback[r];
            if (m != null && b != null && x[r] != null) {
                v = m[0];
                for (int j = 0; j < p; j++) {
                    v += (x[r][j] - m[1 + j]) * b[j];
                }
            }
            out[r] = logTarget ? v : Math.expm1(v);
        }
        return out;
    }
}
