package org.retailrl.analysis;

import java.util.List;

/**
 * Measured decay of the mean-squared error of the two-timescale iteration (docs/model.md §2, Zheng, Li, Jiang and Peng
 * Thm. 3.18, which states {@code MSE = O(b_n)} with {@code b_n} the slow step). Runs independent
 * replications with seeds {@code seed, seed+1, …} and records at each checkpoint
 * <ul>
 * <li>{@code trackingMse}: {@code E[(fast_n − fast*(slow_n))²]}, the error of the fast iterate
 *     against its exact best response to the current slow iterate — the quantity the paper's proof
 *     bounds (price units² or stock units²);</li>
 * <li>{@code limitMse}: {@code E[|x_n − x°|²]} over both coordinates, {@code x°} the stationary
 *     point of {@link ExactOptimizer#stationaryPoints} nearest to the run's final iterate, so runs
 *     settling at different local optima are each measured against their own limit.</li>
 * </ul>
 * and fits least-squares slopes of {@code log MSE} against {@code log b_n} and {@code log a_n}
 * over the checkpoints from {@code fitFrom} on. {@code O(b_n)} means a slope ≥ 1 against
 * {@code log b_n}.
 */
public final class MseDecay {
    private MseDecay() {
    }

    /** Checkpoints, step sizes at them, both MSE curves and the four fitted log-log slopes. */
    public record Result(long[] checkpoint, double[] slowStep, double[] fastStep, double[] trackingMse,
            double[] limitMse, double trackingSlopeVsSlow, double trackingSlopeVsFast, double limitSlopeVsSlow,
            double limitSlopeVsFast) {
    }

    /**
     * Runs {@code replications} runs of {@code iterations} steps recording every {@code every}
     * steps; slopes are fitted on checkpoints {@code ≥ fitFrom}, spaced geometrically.
     */
    public static Result measure(SinglePeriodModel m, StepSchedule s, double p0, double y0, long iterations,
            int batch, int every, long fitFrom, int replications, long seed) {
        if (replications < 2) {
            throw new IllegalArgumentException("replications must be >= 2, got " + replications);
        }
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1, got " + every);
        }
        if (!(fitFrom >= 1 && 2 * fitFrom <= iterations)) {
            throw new IllegalArgumentException("fitFrom must be in [1, iterations/2], got " + fitFrom);
        }
        List<ExactOptimizer.Optimum> limits = ExactOptimizer.stationaryPoints(m);
        double[] track = null;
        double[] lim = null;
        long[] its = null;
        for (int r = 0; r < replications; r++) {
            SaTrace tr = TwoTimescaleSA.run(m, s, p0, y0, iterations, batch, true, every, seed + r);
            if (track == null) {
                its = tr.iteration();
                track = new double[its.length];
                lim = new double[its.length];
            }
            ExactOptimizer.Optimum x = nearest(limits, tr.finalPrice(), tr.finalStock());
            for (int i = 0; i < its.length; i++) {
                double p = tr.price()[i];
                double y = tr.stock()[i];
                double e;
                if (s.ordering() == TimescaleOrdering.PRICE_FAST) {
                    e = p - ExactOptimizer.bestPrice(m, y).p();
                } else {
                    e = y - bestStock(m, p);
                }
                track[i] += e * e / replications;
                double dp = p - x.p();
                double dy = y - x.y();
                lim[i] += (dp * dp + dy * dy) / replications;
            }
        }
        // Checkpoints spaced by doubling from fitFrom: the first recorded iterate at or after each.
        java.util.List<Integer> idx = new java.util.ArrayList<>();
        for (long target = fitFrom; target <= its[its.length - 1]; target *= 2) {
            int i = 0;
            while (its[i] < target) {
                i++;
            }
            if (idx.isEmpty() || idx.get(idx.size() - 1) != i) {
                idx.add(i);
            }
        }
        if (idx.size() < 2) {
            throw new IllegalArgumentException("iterations must be at least 2·fitFrom, got " + iterations);
        }
        int count = idx.size();
        long[] cp = new long[count];
        double[] sl = new double[count];
        double[] fa = new double[count];
        double[] tm = new double[count];
        double[] lm = new double[count];
        for (int j = 0; j < count; j++) {
            int i = idx.get(j);
            cp[j] = its[i];
            sl[j] = s.slowStep(its[i]);
            fa[j] = s.fastStep(its[i]);
            tm[j] = track[i];
            lm[j] = lim[i];
        }
        return new Result(cp, sl, fa, tm, lm, slope(sl, tm), slope(fa, tm), slope(sl, lm), slope(fa, lm));
    }

    /** The stock level maximising {@code π(p, ·)}: the smallest node whose right slope is ≤ 0. */
    public static double bestStock(SinglePeriodModel m, double p) {
        double best = m.yMin();
        double bestV = ExactProfit.profit(m, p, best);
        for (double y : ExactOptimizer.candidateStocks(m)) {
            double v = ExactProfit.profit(m, p, y);
            if (v > bestV) {
                best = y;
                bestV = v;
            }
        }
        return best;
    }

    static ExactOptimizer.Optimum nearest(List<ExactOptimizer.Optimum> pts, double p, double y) {
        ExactOptimizer.Optimum best = pts.get(0);
        double bd = Double.POSITIVE_INFINITY;
        for (ExactOptimizer.Optimum o : pts) {
            double d = (o.p() - p) * (o.p() - p) + (o.y() - y) * (o.y() - y);
            if (d < bd) {
                bd = d;
                best = o;
            }
        }
        return best;
    }

    /** Least-squares slope of {@code log v} against {@code log x}. */
    public static double slope(double[] x, double[] v) {
        if (x.length != v.length || x.length < 2) {
            throw new IllegalArgumentException("slope needs two equal-length arrays of length >= 2, got "
                    + x.length + " and " + v.length);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += Math.log(x[i]);
            my += Math.log(v[i]);
        }
        mx /= x.length;
        my /= x.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = Math.log(x[i]) - mx;
            sxy += dx * (Math.log(v[i]) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }
}
