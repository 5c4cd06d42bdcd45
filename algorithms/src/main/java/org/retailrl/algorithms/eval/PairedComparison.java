package org.retailrl.algorithms.eval;

/**
 * Paired comparison of two policies on the same evaluation episodes (docs/model.md §8): the per-episode
 * differences {@code d_e = X_e − Y_e} (currency) with their mean and t-interval, and the relative
 * improvement {@code 100·mean(d)/|mean(Y)|} (percent) with a delta-method interval
 * {@code ± t·100·se(g)}, where for {@code g = D̄/|Ȳ|},
 * {@code Var g ≈ Var D̄/Ȳ² + D̄² Var Ȳ/Ȳ⁴ − 2 D̄ sgn(Ȳ) Cov(D̄, Ȳ)/|Ȳ|³}.
 *
 * @param policy name of {@code X}
 * @param baseline name of {@code Y}
 * @param difference summary of the paired differences
 * @param improvementPct relative improvement of {@code X} over {@code Y}, percent (NaN when {@code Ȳ = 0})
 * @param improvementHalfWidthPct half-width of its interval, percent
 */
public record PairedComparison(String policy, String baseline, Summary difference, double improvementPct,
        double improvementHalfWidthPct) {

    /** Compares {@code x} with {@code y} (same episodes, same order) at confidence {@code level}. */
    public static PairedComparison of(String policy, double[] x, String baseline, double[] y, double level) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("paired samples must have equal lengths >= 2, got " + x.length + " and "
                    + y.length);
        }
        int n = x.length;
        double[] d = new double[n];
        for (int e = 0; e < n; e++) {
            d[e] = x[e] - y[e];
        }
        Summary sd = Summary.of(d, level);
        double yBar = 0;
        for (double v : y) {
            yBar += v;
        }
        yBar /= n;
        double varY = 0;
        double cov = 0;
        for (int e = 0; e < n; e++) {
            varY += (y[e] - yBar) * (y[e] - yBar);
            cov += (y[e] - yBar) * (d[e] - sd.mean());
        }
        varY /= (n - 1);
        cov /= (n - 1);
        double dBar = sd.mean();
        if (yBar == 0) {
            return new PairedComparison(policy, baseline, sd, Double.NaN, Double.NaN);
        }
        double ay = Math.abs(yBar);
        double varG = (sd.sd() * sd.sd() / n) / (yBar * yBar) + dBar * dBar * (varY / n) / (ay * ay * ay * ay)
                - 2 * dBar * Math.signum(yBar) * (cov / n) / (ay * ay * ay);
        double t = StudentT.twoSided(level, n - 1);
        return new PairedComparison(policy, baseline, sd, 100 * dBar / ay, 100 * t * Math.sqrt(Math.max(varG, 0)));
    }
}
