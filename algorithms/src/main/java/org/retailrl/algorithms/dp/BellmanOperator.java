package org.retailrl.algorithms.dp;

/**
 * One application of the Bellman optimality operator of a small docs/model.md §1 instance, with its
 * greedy decisions. The state index {@code x ∈ 0..cap} is
 * <ul>
 *   <li>{@code L = 1}: the stock available after this period's arrival,
 *       {@code A_t = min(I_{t-1} + q_{t-1}, cap)} (a sufficient statistic for {@code (I_{t-1}, q_{t-1})});
 *       {@code (TV)(A) = max_{j,q} R(j,A) − c q − K 1{q>0} + γ E V(min(A − S + q, cap))};</li>
 *   <li>{@code L = 0}: the previous ending inventory {@code I_{t-1}}; the order arrives at once,
 *       {@code A = min(I + q, cap)}, and
 *       {@code (TV)(I) = max_q [−c q − K 1{q>0} + max_j (R(j,A) + γ E V(A − S))]}.</li>
 * </ul>
 * {@code R} and the law of {@code S} come from {@link SalesDistribution}. Ties go to the lowest
 * price index, then the smallest order, so results are reproducible.
 */
final class BellmanOperator {
    private final DpInstance inst;
    private final SalesDistribution sales;
    private final int cap;
    private final double[] g;
    private final int[] gPrice;

    BellmanOperator(DpInstance inst) {
        this.inst = inst;
        this.sales = new SalesDistribution(inst);
        this.cap = inst.cap();
        this.g = new double[cap + 1];
        this.gPrice = new int[cap + 1];
    }

    private double orderCost(int q) {
        return q == 0 ? 0 : inst.unitCost() * q + inst.fixedCost();
    }

    /** Writes {@code T V} into {@code out} and the greedy price index and order per state. */
    void apply(double[] next, double discount, double[] out, int[] price, int[] order) {
        if (inst.leadTime() == 1) {
            applyLeadOne(next, discount, out, price, order);
        } else {
            applyLeadZero(next, discount, out, price, order);
        }
    }

    private void applyLeadOne(double[] v, double gamma, double[] out, int[] price, int[] order) {
        int nj = sales.priceCount();
        int qmax = inst.maxOrder();
        for (int a = 0; a <= cap; a++) {
            double best = Double.NEGATIVE_INFINITY;
            int bj = 0;
            int bq = 0;
            for (int j = 0; j < nj; j++) {
                double[] law = sales.law(j, a);
                double r = sales.expectedReward(j, a);
                for (int q = 0; q <= qmax; q++) {
                    double ev = 0;
                    for (int s = 0; s <= a; s++) {
                        ev += law[s] * v[Math.min(a - s + q, cap)];
                    }
                    double val = r - orderCost(q) + gamma * ev;
                    if (val > best) {
                        best = val;
                        bj = j;
                        bq = q;
                    }
                }
            }
            out[a] = best;
            price[a] = bj;
            order[a] = bq;
        }
    }

    private void applyLeadZero(double[] v, double gamma, double[] out, int[] price, int[] order) {
        int nj = sales.priceCount();
        for (int a = 0; a <= cap; a++) {
            double best = Double.NEGATIVE_INFINITY;
            int bj = 0;
            for (int j = 0; j < nj; j++) {
                double[] law = sales.law(j, a);
                double ev = 0;
                for (int s = 0; s <= a; s++) {
                    ev += law[s] * v[a - s];
                }
                double val = sales.expectedReward(j, a) + gamma * ev;
                if (val > best) {
                    best = val;
                    bj = j;
                }
            }
            g[a] = best;
            gPrice[a] = bj;
        }
        int qmax = inst.maxOrder();
        for (int x = 0; x <= cap; x++) {
            double best = Double.NEGATIVE_INFINITY;
            int bq = 0;
            for (int q = 0; q <= qmax; q++) {
                double val = -orderCost(q) + g[Math.min(x + q, cap)];
                if (val > best) {
                    best = val;
                    bq = q;
                }
            }
            out[x] = best;
            order[x] = bq;
            price[x] = gPrice[Math.min(x + bq, cap)];
        }
    }
}
