package org.retailrl.algorithms.inventory;

import java.util.Arrays;

/**
 * The Bellman operator of the lost-sales problem of docs/model.md §7 on a {@link PipelineSpace}:
 * {@code (T v)(y, x_1..x_{L−1}) = C(y) + min_q [c q + E v((y − D)^+ + x_1, x_2, …, x_{L−1}, q)]}
 * over orders {@code q ∈ 0..min(Q, B − position)} ({@code L = 1}: next state {@code (y − D)^+ + q};
 * {@code L = 0}: {@code (T v)(x) = min_{y ≥ x} [C(y) + c(y − x) + E v((y − D)^+)]}).
 *
 * <p>Why it is fast: the post-decision vectors {@code (y, x_1, mid, q)} are visited grouped by the
 * next state's slice {@code (mid, q)}; within a slice the expectation for all {@code (y, x_1)} with
 * {@code y + x_1 = m} is one running sum {@code Σ_{d<y} P(D=d) v(m − d)}, so a sweep costs about three
 * floating-point operations per post-decision vector — {@code C(B + L + 1, L + 1)} of them — instead of
 * {@code y + 1} each. The greedy order of the last application is kept ({@link #actions()}); ties go
 * to the smaller order.
 */
final class LostSalesBellman implements RelativeValueIteration.Operator {
    private final LostSalesModel m;
    private final PipelineSpace space;
    private final int[] action;
    private final int[] base;
    private final double[] w;
    private final double[] g;

    LostSalesBellman(LostSalesModel model, PipelineSpace space) {
        this.m = model;
        this.space = space;
        this.action = new int[space.size()];
        this.base = new int[model.bound + 1];
        this.w = new double[model.bound + 1];
        this.g = new double[model.bound + 1];
    }

    int[] actions() {
        return action;
    }

    @Override
    public void apply(double[] v, double[] out) {
        switch (m.lead) {
            case 0 -> applyZero(v, out);
            case 1 -> applyOne(v, out);
            default -> applyPipeline(v, out);
        }
    }

    private void applyZero(double[] v, double[] out) {
        int b = m.bound;
        for (int y = 0; y <= b; y++) {
            double acc = m.tail[y] * v[0];
            for (int d = 0; d < y; d++) {
                acc += m.pmf[d] * v[y - d];
            }
            g[y] = m.periodCost[y] + m.unitCost * y + acc;
        }
        for (int x = 0; x <= b; x++) {
            int top = Math.min(b, x + m.maxOrder);
            double best = Double.POSITIVE_INFINITY;
            int arg = 0;
            for (int y = x; y <= top; y++) {
                if (g[y] < best) {
                    best = g[y];
                    arg = y - x;
                }
            }
            out[x] = best - m.unitCost * x;
            action[x] = arg;
        }
    }

    private void applyOne(double[] v, double[] out) {
        int b = m.bound;
        Arrays.fill(out, Double.POSITIVE_INFINITY);
        double[] pmf = m.pmf;
        double[] tail = m.tail;
        for (int sum = 0; sum <= b; sum++) {
            double acc = 0;
            for (int y = 0; y <= sum; y++) {
                int q = sum - y;
                double vz = v[q];
                if (q <= m.maxOrder) {
                    double val = tail[y] * vz + acc + m.unitCost * q;
                    if (val < out[y]) {
                        out[y] = val;
                        action[y] = q;
                    }
                }
                acc += pmf[y] * vz;
            }
        }
        for (int y = 0; y <= b; y++) {
            out[y] += m.periodCost[y];
        }
    }

    private void applyPipeline(double[] v, double[] out) {
        int b = m.bound;
        int radix = space.radix();
        int midCodes = space.codes() / radix;
        double[] pmf = m.pmf;
        double[] tail = m.tail;
        Arrays.fill(out, Double.POSITIVE_INFINITY);
        for (int mid = 0; mid < midCodes; mid++) {
            int first = space.offset(mid * radix);
            if (first < 0) {
                continue;
            }
            int rest = b - space.tailSum(mid * radix);
            for (int z1 = 0; z1 <= rest; z1++) {
                base[z1] = space.offset(z1 + mid * radix);
            }
            int qMax = Math.min(m.maxOrder, rest);
            for (int q = 0; q <= qMax; q++) {
                int next = space.offset(mid + midCodes * q);
                double cq = m.unitCost * q;
                int avail = rest - q;
                for (int sum = 0; sum <= avail; sum++) {
                    double acc = 0;
                    int top = next + sum;
                    for (int y = 0; y <= sum; y++) {
                        double vz = v[top - y];
                        double val = tail[y] * vz + acc + cq;
                        int s = base[sum - y] + y;
                        if (val < out[s]) {
                            out[s] = val;
                            action[s] = q;
                        }
                        acc += pmf[y] * vz;
                    }
                }
            }
        }
        addPeriodCost(out);
    }

    private void addPeriodCost(double[] out) {
        int b = m.bound;
        for (int code = 0; code < space.codes(); code++) {
            int off = space.offset(code);
            if (off < 0) {
                continue;
            }
            int top = b - space.tailSum(code);
            for (int y = 0; y <= top; y++) {
                out[off + y] += m.periodCost[y];
            }
        }
    }
}
