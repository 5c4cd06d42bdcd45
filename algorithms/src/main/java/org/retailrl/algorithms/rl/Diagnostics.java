package org.retailrl.algorithms.rl;

/**
 * Training diagnostics of docs/model.md §8 that are computed over a whole rollout rather than inside a
 * loss.
 */
public final class Diagnostics {
    private Diagnostics() {
    }

    /**
     * Explained variance {@code 1 − Var(R − V)/Var(R)} of the critic's values {@code V} as
     * predictors of the returns {@code R} (CleanRL {@code ppo.py}); NaN when {@code Var(R) = 0}.
     * 1 is a perfect critic, 0 no better than a constant, negative worse than one.
     */
    public static double explainedVariance(float[] values, float[] returns) {
        if (values.length != returns.length || values.length == 0) {
            throw new IllegalArgumentException("values and returns must have the same non-zero length, got "
                    + values.length + " and " + returns.length);
        }
        double my = 0;
        double md = 0;
        for (int i = 0; i < returns.length; i++) {
            my += returns[i];
            md += returns[i] - values[i];
        }
        my /= returns.length;
        md /= returns.length;
        double vy = 0;
        double vd = 0;
        for (int i = 0; i < returns.length; i++) {
            double y = returns[i] - my;
            double r = returns[i] - values[i] - md;
            vy += y * y;
            vd += r * r;
        }
        return vy == 0 ? Double.NaN : 1 - vd / vy;
    }

    /** Mean of {@code x}. */
    public static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
