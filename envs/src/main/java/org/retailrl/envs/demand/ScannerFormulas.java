package org.retailrl.envs.demand;

/**
 * The scanner-data features of docs/model.md §5.2 that depend on the own price or on past sales,
 * as single-row formulas shared by the feature engineering of the fitting pipeline and by the
 * data-driven simulator (docs/model.md §5.4), so that a model sees in simulation exactly the
 * features it was fitted on. Missing values are {@code NaN}.
 */
public final class ScannerFormulas {
    /** Weeks of sales history the features look back. */
    public static final int HISTORY = 13;
    /** Number of values {@link #history} writes: lag1, lag2, lag3, roll4mean, roll4std, roll13mean. */
    public static final int HISTORY_FEATURES = 6;

    private ScannerFormulas() {
    }

    /**
     * The own price's rank among all brands' prices of the week, 1 = cheapest: 1 plus, over the
     * other brands with a price, 1 for each cheaper and 0.5 for each equal; {@code NaN} when
     * {@code own} is missing.
     *
     * @param prices   every brand's price of the week (the own slot is skipped)
     * @param ownIndex the own brand's slot in {@code prices}
     */
    public static double rank(double own, double[] prices, int ownIndex) {
        if (own != own) {
            return Double.NaN;
        }
        double rank = 1;
        for (int j = 0; j < prices.length; j++) {
            double p = prices[j];
            if (j != ownIndex && p == p) {
                rank += p < own ? 1 : p == own ? 0.5 : 0;
            }
        }
        return rank;
    }

    /**
     * The sales-history features from the target {@code d} weeks back, {@code back[off + d − 1]} for
     * {@code d = 1..13} ({@code NaN} where the week is absent): into {@code out[0..6)} go lag1,
     * lag2, lag3, the mean and the sample standard deviation over the weeks present among the last
     * 4, and the mean over those present among the last 13 ({@code NaN} when too few are present).
     */
    public static void history(double[] back, int off, double[] out) {
        double s4 = 0;
        double q4 = 0;
        int c4 = 0;
        double s13 = 0;
        int c13 = 0;
        for (int d = 1; d <= HISTORY; d++) {
            double v = back[off + d - 1];
            if (d <= 3) {
                out[d - 1] = v;
            }
            if (v == v) {
                if (d <= 4) {
                    s4 += v;
                    q4 += v * v;
                    c4++;
                }
                s13 += v;
                c13++;
            }
        }
        out[3] = c4 > 0 ? s4 / c4 : Double.NaN;
        out[4] = c4 > 1 ? Math.sqrt(Math.max(0, (q4 - s4 * s4 / c4) / (c4 - 1))) : Double.NaN;
        out[5] = c13 > 0 ? s13 / c13 : Double.NaN;
    }
}
