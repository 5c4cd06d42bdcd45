package org.retailrl.algorithms.dp;

import org.retailrl.algorithms.pricing.PricingDecision;
import org.retailrl.algorithms.pricing.PricingPolicy;
import org.retailrl.algorithms.pricing.PricingView;

/**
 * Finite-horizon exact dynamic programming over the state {@code (x, o, r)} of a
 * {@link CompetitiveInstance} (docs/model.md §1.9, competitive DP): {@code V_{T+1} ≡ 0} and
 * <ul>
 *   <li>{@code L = 1}: {@code V_t(A, k, m) = max_{j,q} R_{km}(j, A) − c q − K 1{q>0}
 *       + E V_{t+1}(min(A − S + q, cap), k'(j), r'(k, m, j))};</li>
 *   <li>{@code L = 0}: {@code V_t(I, k, m) = max_q [−c q − K 1{q>0} + max_j (R_{km}(j, A)
 *       + E V_{t+1}(A − S, k'(j), r'))]}, {@code A = min(I + q, cap)};</li>
 * </ul>
 * with {@code R} and the law of {@code S = min(D, A)} exactly as in {@link SalesDistribution} at the
 * state's demand mean, {@code k'(j)} the competitor's answer to price {@code p_j}, and
 * {@code V(·, ·, r')} the linear interpolation between the two reference grid points around
 * {@code r'} (the single point itself when the reference price is fixed). Ties go to the lowest
 * price index, then the smallest order. With a fixed competitor and a fixed reference price the
 * arithmetic is {@link BackwardInduction}'s, operation for operation.
 *
 * <p>Cost {@code O(T · states · |P| · (Q + 1) · cap)} for {@code L = 1}.
 */
public final class CompetitiveDp {
    /** Largest {@code horizon · states} for which the decision tables are kept. */
    public static final long MAX_TABLE = 20_000_000L;

    private CompetitiveDp() {
    }

    /** Solves {@code inst} over {@code horizon} periods. */
    public static CompetitiveSolution solve(CompetitiveInstance inst, int horizon) {
        int n = inst.states();
        if (horizon < 1 || (long) horizon * n > MAX_TABLE) {
            throw new IllegalArgumentException("horizon must be in [1, " + Math.max(1, MAX_TABLE / n) + "] for "
                    + n + " states, got " + horizon);
        }
        Backup b = new Backup(inst);
        int cap = inst.cap();
        int nx = cap + 1;
        int nj = inst.priceCount();
        int qmax = inst.maxOrder();
        int[][] price = new int[horizon][n];
        int[][] order = new int[horizon][n];
        double[] next = new double[n];
        double[] cur = new double[n];
        double[] g = new double[nx];
        int[] gPrice = new int[nx];
        for (int t = horizon - 1; t >= 0; t--) {
            for (int k = 0; k < inst.competitorCount(); k++) {
                for (int m = 0; m < inst.referenceCount(); m++) {
                    b.prepare(next, k, m);
                    int base = (k * inst.referenceCount() + m) * nx;
                    if (inst.leadTime() == 1) {
                        for (int a = 0; a <= cap; a++) {
                            double best = Double.NEGATIVE_INFINITY;
                            int bj = 0;
                            int bq = 0;
                            for (int j = 0; j < nj; j++) {
                                for (int q = 0; q <= qmax; q++) {
                                    double val = b.leadOne(a, j, q);
                                    if (val > best) {
                                        best = val;
                                        bj = j;
                                        bq = q;
                                    }
                                }
                            }
                            cur[base + a] = best;
                            price[t][base + a] = bj;
                            order[t][base + a] = bq;
                        }
                    } else {
                        for (int a = 0; a <= cap; a++) {
                            double best = Double.NEGATIVE_INFINITY;
                            int bj = 0;
                            for (int j = 0; j < nj; j++) {
                                double val = b.sale(a, j);
                                if (val > best) {
                                    best = val;
                                    bj = j;
                                }
                            }
                            g[a] = best;
                            gPrice[a] = bj;
                        }
                        for (int x = 0; x <= cap; x++) {
                            double best = Double.NEGATIVE_INFINITY;
                            int bq = 0;
                            for (int q = 0; q <= qmax; q++) {
                                double val = -b.orderCost(q) + g[Math.min(x + q, cap)];
                                if (val > best) {
                                    best = val;
                                    bq = q;
                                }
                            }
                            cur[base + x] = best;
                            order[t][base + x] = bq;
                            price[t][base + x] = gPrice[Math.min(x + bq, cap)];
                        }
                    }
                }
            }
            double[] tmp = next;
            next = cur;
            cur = tmp;
        }
        return new CompetitiveSolution(inst, next, price, order);
    }

    /**
     * Exact expected total profit from every period-1 state of a policy that decides from the period,
     * the stock state, the competitor's and the reference price of a {@link PricingView} (no
     * history: previous demand, shortfall and price read 0). Exact for the simulator when the
     * reference price is fixed; in the discretised model otherwise. Indexed as
     * {@link CompetitiveSolution#value(int, int, int)}'s states.
     */
    public static double[] evaluate(CompetitiveInstance inst, PricingPolicy policy, int horizon) {
        if (horizon < 1 || horizon > 100_000) {
            throw new IllegalArgumentException("horizon must be in [1, 100000], got " + horizon);
        }
        Backup b = new Backup(inst);
        int n = inst.states();
        int cap = inst.cap();
        int nx = cap + 1;
        double[] next = new double[n];
        double[] cur = new double[n];
        PricingView view = new PricingView(inst.leadTime());
        PricingDecision d = new PricingDecision();
        policy.reset();
        for (int t = horizon; t >= 1; t--) {
            for (int k = 0; k < inst.competitorCount(); k++) {
                for (int m = 0; m < inst.referenceCount(); m++) {
                    b.prepare(next, k, m);
                    int base = (k * inst.referenceCount() + m) * nx;
                    for (int x = 0; x <= cap; x++) {
                        view.setPeriod(t, horizon).setAvailable(x).setLast(0, 0, 0)
                                .setMarket(inst.competitorPrice(k), inst.referencePrice(m));
                        policy.act(view, d);
                        int j = d.priceIndex();
                        int q = d.order();
                        if (j < 0 || j >= inst.priceCount() || q < 0 || q > inst.maxOrder()) {
                            throw new IllegalArgumentException("policy " + policy.name() + " chose (price " + j
                                    + ", order " + q + ") outside the instance's ranges");
                        }
                        cur[base + x] = inst.leadTime() == 1 ? b.leadOne(x, j, q)
                                : -b.orderCost(q) + b.sale(Math.min(x + q, cap), j);
                    }
                }
            }
            double[] tmp = next;
            next = cur;
            cur = tmp;
        }
        return next;
    }

    /** The period-1 value of {@code policy} from the instance's start state. */
    public static double valueOf(CompetitiveInstance inst, PricingPolicy policy, int horizon) {
        return evaluate(inst, policy, horizon)[startIndex(inst)];
    }

    static int startIndex(CompetitiveInstance inst) {
        return (inst.startCompetitor() * inst.referenceCount() + inst.startReference()) * (inst.cap() + 1)
                + inst.startInventory();
    }

    /**
     * One Bellman backup at a fixed competitor and reference state {@code (k, m)}: the next period's
     * value per price as a function of stock, the sales laws and the expected rewards.
     */
    private static final class Backup {
        private final CompetitiveInstance inst;
        private final int cap;
        private final double[][] w;
        private final double[][] law;
        private final double[][] atom;
        private final double[][] reward;

        Backup(CompetitiveInstance inst) {
            this.inst = inst;
            this.cap = inst.cap();
            int nj = inst.priceCount();
            w = new double[nj][cap + 1];
            law = new double[nj][cap + 1];
            atom = new double[nj][cap + 1];
            reward = new double[nj][cap + 1];
        }

        double orderCost(int q) {
            return q == 0 ? 0 : inst.unitCost() * q + inst.fixedCost();
        }

        void prepare(double[] next, int k, int m) {
            int nm = inst.referenceCount();
            int nx = cap + 1;
            for (int j = 0; j < inst.priceCount(); j++) {
                int kn = inst.nextCompetitor(j);
                double[] wj = w[j];
                if (nm == 1) {
                    System.arraycopy(next, kn * nx, wj, 0, nx);
                } else {
                    int lo = inst.refLow(k, m, j);
                    double f = inst.refWeight(k, m, j);
                    int b0 = (kn * nm + lo) * nx;
                    int b1 = b0 + nx;
                    for (int y = 0; y < nx; y++) {
                        wj[y] = (1 - f) * next[b0 + y] + f * next[b1 + y];
                    }
                }
                double lambda = inst.mean(k, m, j);
                double[] p = law[j];
                for (int s = 0; s <= cap; s++) {
                    p[s] = SalesDistribution.poissonPmf(s, lambda);
                }
                // Same order of additions as SalesDistribution: head and mean over s < a, then the atom.
                double head = 0;
                double meanHead = 0;
                for (int a = 0; a <= cap; a++) {
                    if (a > 0) {
                        head += p[a - 1];
                        meanHead += (a - 1) * p[a - 1];
                    }
                    double top = Math.max(0, 1 - head);
                    double mean = meanHead + a * top;
                    atom[j][a] = top;
                    reward[j][a] = inst.price(j) * mean - inst.holding() * (a - mean) - inst.penalty() * (lambda - mean);
                }
            }
        }

        /** {@code L = 1}: value of price {@code j} and order {@code q} with {@code a} units on sale. */
        double leadOne(int a, int j, int q) {
            double[] p = law[j];
            double[] wj = w[j];
            double ev = 0;
            for (int s = 0; s < a; s++) {
                ev += p[s] * wj[Math.min(a - s + q, cap)];
            }
            ev += atom[j][a] * wj[Math.min(q, cap)];
            return reward[j][a] - orderCost(q) + ev;
        }

        /** {@code L = 0}: expected reward and continuation of price {@code j} with {@code a} units on sale. */
        double sale(int a, int j) {
            double[] p = law[j];
            double[] wj = w[j];
            double ev = 0;
            for (int s = 0; s < a; s++) {
                ev += p[s] * wj[a - s];
            }
            ev += atom[j][a] * wj[0];
            return reward[j][a] + ev;
        }
    }
}
