package org.retailrl.cli.demand;

/**
 * Holdout accuracy of a demand model (docs/model.md §5): root mean squared error, mean absolute error,
 * {@code R² = 1 − SSE/SST} (SST about the holdout mean) and, for count targets, the mean Poisson
 * deviance {@code 2·mean(y·ln(y/μ) − (y − μ))} with {@code μ} floored at 1e-9 (a model may
 * predict a non-positive mean; the deviance needs a positive one).
 *
 * @param rows            holdout rows scored
 * @param rmse            root mean squared error, in target units
 * @param mae             mean absolute error, in target units
 * @param r2              coefficient of determination on the holdout
 * @param poissonDeviance mean Poisson deviance, or NaN when the target is not a count
 */
public record FitMetrics(int rows, double rmse, double mae, double r2, double poissonDeviance) {

    /** Scores {@code pred} against {@code y} on the rows where {@code mask} is set. */
    public static FitMetrics of(double[] y, double[] pred, boolean[] mask, boolean counts) {
        int n = 0;
        double mean = 0;
        for (int r = 0; r < y.length; r++) {
            if (mask[r]) {
                n++;
                mean += y[r];
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no holdout rows to score");
        }
        mean /= n;
        double sse = 0;
        double sae = 0;
        double sst = 0;
        double dev = 0;
        for (int r = 0; r < y.length; r++) {
            if (!mask[r]) {
                continue;
            }
            double e = pred[r] - y[r];
            sse += e * e;
            sae += Math.abs(e);
            sst += (y[r] - mean) * (y[r] - mean);
            if (counts) {
                double mu = Math.max(pred[r], 1e-9);
                dev += 2 * ((y[r] > 0 ? y[r] * Math.log(y[r] / mu) : 0) - (y[r] - mu));
            }
        }
        return new FitMetrics(n, Math.sqrt(sse / n), sae / n, sst > 0 ? 1 - sse / sst : Double.NaN,
                counts ? dev / n : Double.NaN);
    }
}
