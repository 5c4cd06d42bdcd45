package org.retailrl.analysis;

import org.retailrl.core.random.Rng;

/**
 * Two-timescale projected stochastic gradient ascent on the single-period profit, docs/model.md §2 /
 * Zheng, Li, Jiang and Peng Eq. (16): {@code p_{n+1} = Π[p_n + a_n ĝ_p]}, {@code y_{n+1} = Π[y_n + b_n ĝ_y]}, with
 * {@code ĝ_p} the likelihood-ratio and {@code ĝ_y} the IPA estimator of
 * {@link GradientEstimators} averaged over a batch of demands drawn at {@code p_n}, and
 * {@code Π} the projection on the price and stock boxes. The stock iterate is a real number;
 * {@code π} is defined for real {@code y} exactly by interpolation between integer nodes
 * (THEORY.md §1), so the IPA estimator is an unbiased (super)gradient of the objective the
 * iteration ascends. Both gradients use the same demand batch. Deterministic for a given seed.
 */
public final class TwoTimescaleSA {
    private TwoTimescaleSA() {
    }

    /**
     * Runs {@code iterations} steps from {@code (p0, y0)} and records every {@code traceEvery}-th
     * iterate (and the last).
     */
    public static SaTrace run(SinglePeriodModel m, StepSchedule s, double p0, double y0, long iterations, int batch,
            boolean baseline, int traceEvery, long seed) {
        m.checkPrice(p0);
        m.checkStock(y0);
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        if (batch < (baseline ? 2 : 1)) {
            throw new IllegalArgumentException("batch must be >= " + (baseline ? 2 : 1) + ", got " + batch);
        }
        if (traceEvery < 1) {
            throw new IllegalArgumentException("traceEvery must be >= 1, got " + traceEvery);
        }
        Rng rng = new Rng(seed);
        int points = (int) Math.min(Integer.MAX_VALUE - 8, (iterations + traceEvery - 1) / traceEvery + 2);
        long[] it = new long[points];
        double[] ps = new double[points];
        double[] ys = new double[points];
        int k = 0;
        it[k] = 0;
        ps[k] = p0;
        ys[k] = y0;
        k++;
        double p = p0;
        double y = y0;
        for (long n = 0; n < iterations; n++) {
            int[] d = GradientEstimators.demands(m, p, batch, rng);
            double gp = mean(GradientEstimators.lrValues(m, p, y, d, baseline));
            double gy = mean(GradientEstimators.ipaValues(m, p, y, d));
            p = clamp(p + s.priceStep(n) * gp, m.pLo(), m.pHi());
            y = clamp(y + s.stockStep(n) * gy, m.yMin(), m.yHi());
            if ((n + 1) % traceEvery == 0 || n + 1 == iterations) {
                it[k] = n + 1;
                ps[k] = p;
                ys[k] = y;
                k++;
            }
        }
        return new SaTrace(java.util.Arrays.copyOf(it, k), java.util.Arrays.copyOf(ps, k),
                java.util.Arrays.copyOf(ys, k));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
