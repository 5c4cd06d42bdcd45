package org.retailrl.algorithms.multiproduct;

import org.retailrl.envs.multiproduct.MnlDemand;
import org.retailrl.envs.multiproduct.MultiProductBatch;
import org.retailrl.envs.multiproduct.MultiProductScenario;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * The exact finite-horizon optimum of a two-product instance of docs/model.md §4 (§4.6): lost sales,
 * lead time {@code L = 1}, stock capped at {@code I_max} on arrival. The state is the stock after
 * arrival {@code (A_1, A_2) ∈ {0..I_max}²} (as in §1.9, an order placed now arrives at the start of
 * the next period), the decision the two grid prices and the two orders, and
 * <pre>
 *   V_t(A) = max_{j,q} [ E R(A, j) − Σ_i (c_i q_i + K_i 1{q_i > 0}) + E V_{t+1}(min(A_1 − S_1 + q_1, I_max), min(A_2 − S_2 + q_2, I_max)) ]
 * </pre>
 * with {@code V_{T+1} ≡ 0}. The one-period law is that of {@link MultiProductBatch}: independent
 * Poisson primary demands at the logit rates, own sales {@code min(D_i, A_i)}, and each unit short
 * at {@code i} switching to the other product with probability {@code θ_{ik} a_{ik}} (a binomial
 * number), served from its remaining stock. With two products a unit can be short at both only
 * when both are empty, so the order in which the simulator processes the products does not change
 * the law. Demand is enumerated up to the point where the Poisson tail is below {@code 1e-14},
 * which bounds the truncation error of {@code V*} by about {@code 1e-14·T·(max profit per period)}.
 * Ties go to the lowest price indices, then the smallest orders.
 */
public final class TwoProductDp {
    private final MultiProductScenario s;
    private final int cap;
    private final int prices;
    private final int orders;
    private final int horizon;
    // value[t][a1][a2], t = 0..T (t = T is the terminal zero).
    private final double[][][] value;
    // decision[t][a1][a2] = {j1, j2, q1, q2}.
    private final int[][][][] decision;

    private TwoProductDp(MultiProductScenario s) {
        this.s = s;
        cap = s.inventoryCap();
        prices = s.priceCount();
        orders = s.maxOrder() + 1;
        horizon = s.horizon();
        value = new double[horizon + 1][cap + 1][cap + 1];
        decision = new int[horizon][cap + 1][cap + 1][];
    }

    /** Why {@code s} is not a small two-product instance, or null when it is. */
    public static String whyNotSmall(MultiProductScenario s) {
        if (s.products() != 2) {
            return "products must be 2, got " + s.products();
        }
        if (s.mode() != ShortageMode.LOST_SALES) {
            return "mode must be lost_sales";
        }
        if (s.leadTime() != 1) {
            return "leadTime must be 1, got " + s.leadTime();
        }
        if (!s.capped() || s.inventoryCap() > 40) {
            return "inventoryCap must be in [0, 40]";
        }
        if (s.priceCount() > 11 || s.maxOrder() > 15 || s.horizon() > 200) {
            return "prices (<= 11), maxOrder (<= 15) and horizon (<= 200) must be small";
        }
        for (int i = 0; i < 2; i++) {
            if (s.initialInventory()[i] > s.inventoryCap()) {
                return "initialInventory must be <= inventoryCap";
            }
        }
        return null;
    }

    /** Solves {@code s} by backward induction. */
    public static TwoProductDp solve(MultiProductScenario s) {
        String why = whyNotSmall(s);
        if (why != null) {
            throw new IllegalArgumentException("the two-product DP needs a small instance: " + why);
        }
        TwoProductDp dp = new TwoProductDp(s);
        dp.run();
        return dp;
    }

    /** {@code V*}: the optimal expected profit from the scenario's start (empty pipeline). */
    public double optimum() {
        int[] i0 = s.initialInventory();
        return value[0][i0[0]][i0[1]];
    }

    /** The optimal table as a policy: the stock after arrival is {@code min(I + q_{t−1}, I_max)}. */
    public MultiProductPolicy policy() {
        return new MultiProductPolicy() {
            @Override
            public String name() {
                return "DP";
            }

            @Override
            public void act(MultiProductBatch batch, int[] priceOut, int[] orderOut) {
                int t = batch.period();
                for (int c = 0; c < batch.copies(); c++) {
                    int a1 = Math.min(batch.inventory(c, 0) + batch.pipeline(c, 0, 0), cap);
                    int a2 = Math.min(batch.inventory(c, 1) + batch.pipeline(c, 1, 0), cap);
                    int[] d = decision[t][a1][a2];
                    priceOut[2 * c] = d[0];
                    priceOut[2 * c + 1] = d[1];
                    orderOut[2 * c] = d[2];
                    orderOut[2 * c + 1] = d[3];
                }
            }
        };
    }

    /** One period's law at stock {@code (a1, a2)} and prices {@code (j1, j2)}: expected reward before ordering and end-stock probabilities. */
    private static final class Law {
        double reward;
        final double[][] end;

        Law(int cap) {
            end = new double[cap + 1][cap + 1];
        }
    }

    private void run() {
        MnlDemand demand = new MnlDemand(s);
        double[] c = s.unitCost();
        double[] h = s.holdingCost();
        double[] b = s.shortageCost();
        double[] k = s.fixedCost();
        double[] beta = s.sensitivity();
        double[][] theta = s.substitution();
        // laws[j1][j2][a1][a2]
        Law[][][][] laws = new Law[prices][prices][cap + 1][cap + 1];
        for (int j1 = 0; j1 < prices; j1++) {
            for (int j2 = 0; j2 < prices; j2++) {
                double p1 = s.price(j1);
                double p2 = s.price(j2);
                double[] lam = demand.rates(new double[] {p1, p2});
                double pi12 = theta[0][1] * (p2 > p1 ? Math.exp(-beta[1] * (p2 - p1)) : 1);
                double pi21 = theta[1][0] * (p1 > p2 ? Math.exp(-beta[0] * (p1 - p2)) : 1);
                double[] f1 = poisson(lam[0]);
                double[] f2 = poisson(lam[1]);
                for (int a1 = 0; a1 <= cap; a1++) {
                    for (int a2 = 0; a2 <= cap; a2++) {
                        laws[j1][j2][a1][a2] = law(a1, a2, p1, p2, lam, f1, f2, pi12, pi21, h, b);
                    }
                }
            }
        }
        double[][] next = new double[cap + 1][cap + 1];
        double[] w = new double[orders * orders];
        for (int t = horizon - 1; t >= 0; t--) {
            double[][] v1 = value[t + 1];
            for (int a1 = 0; a1 <= cap; a1++) {
                for (int a2 = 0; a2 <= cap; a2++) {
                    double best = Double.NEGATIVE_INFINITY;
                    int[] arg = null;
                    for (int j1 = 0; j1 < prices; j1++) {
                        for (int j2 = 0; j2 < prices; j2++) {
                            Law l = laws[j1][j2][a1][a2];
                            java.util.Arrays.fill(w, 0);
                            for (int e1 = 0; e1 <= a1; e1++) {
                                for (int e2 = 0; e2 <= a2; e2++) {
                                    double pr = l.end[e1][e2];
                                    if (pr == 0) {
                                        continue;
                                    }
                                    for (int q1 = 0; q1 < orders; q1++) {
                                        double[] row = v1[Math.min(e1 + q1, cap)];
                                        int base = q1 * orders;
                                        for (int q2 = 0; q2 < orders; q2++) {
                                            w[base + q2] += pr * row[Math.min(e2 + q2, cap)];
                                        }
                                    }
                                }
                            }
                            for (int q1 = 0; q1 < orders; q1++) {
                                for (int q2 = 0; q2 < orders; q2++) {
                                    double v = l.reward - c[0] * q1 - (q1 > 0 ? k[0] : 0) - c[1] * q2
                                            - (q2 > 0 ? k[1] : 0) + w[q1 * orders + q2];
                                    if (v > best) {
                                        best = v;
                                        arg = new int[] {j1, j2, q1, q2};
                                    }
                                }
                            }
                        }
                    }
                    value[t][a1][a2] = best;
                    decision[t][a1][a2] = arg;
                }
            }
        }
    }

    private Law law(int a1, int a2, double p1, double p2, double[] lam, double[] f1, double[] f2, double pi12,
                    double pi21, double[] h, double[] b) {
        Law l = new Law(cap);
        double sales1 = 0;
        double sales2 = 0;
        double moved12 = 0;
        double moved21 = 0;
        for (int d1 = 0; d1 < f1.length; d1++) {
            for (int d2 = 0; d2 < f2.length; d2++) {
                double pr = f1[d1] * f2[d2];
                if (pr == 0) {
                    continue;
                }
                int s1 = Math.min(d1, a1);
                int s2 = Math.min(d2, a2);
                int u1 = d1 - s1;
                int u2 = d2 - s2;
                int r1 = a1 - s1;
                int r2 = a2 - s2;
                moved12 += pr * u1 * pi12;
                moved21 += pr * u2 * pi21;
                if (u1 > 0 && r2 > 0) {
                    double[] bin = binomial(u1, pi12);
                    for (int m = 0; m <= u1; m++) {
                        int served = Math.min(m, r2);
                        l.end[0][r2 - served] += pr * bin[m];
                        sales1 += pr * bin[m] * s1;
                        sales2 += pr * bin[m] * (s2 + served);
                    }
                } else if (u2 > 0 && r1 > 0) {
                    double[] bin = binomial(u2, pi21);
                    for (int m = 0; m <= u2; m++) {
                        int served = Math.min(m, r1);
                        l.end[r1 - served][0] += pr * bin[m];
                        sales1 += pr * bin[m] * (s1 + served);
                        sales2 += pr * bin[m] * s2;
                    }
                } else {
                    l.end[r1][r2] += pr;
                    sales1 += pr * s1;
                    sales2 += pr * s2;
                }
            }
        }
        // Final demand E_1 = D_1 − M_12 + M_21; lost = E − sales; end stock = A − sales.
        double lost1 = lam[0] - moved12 + moved21 - sales1;
        double lost2 = lam[1] - moved21 + moved12 - sales2;
        l.reward = p1 * sales1 - h[0] * (a1 - sales1) - b[0] * lost1 + p2 * sales2 - h[1] * (a2 - sales2)
                - b[1] * lost2;
        return l;
    }

    /** Poisson probabilities up to the point where the tail is below 1e-14; the tail is added to the last. */
    static double[] poisson(double lambda) {
        java.util.List<Double> p = new java.util.ArrayList<>();
        double pk = Math.exp(-lambda);
        double cdf = pk;
        p.add(pk);
        for (int x = 1; 1 - cdf > 1e-14 || x <= lambda; x++) {
            pk *= lambda / x;
            cdf += pk;
            p.add(pk);
        }
        double[] out = new double[p.size()];
        for (int x = 0; x < out.length; x++) {
            out[x] = p.get(x);
        }
        out[out.length - 1] += Math.max(0, 1 - cdf);
        return out;
    }

    static double[] binomial(int n, double q) {
        double[] out = new double[n + 1];
        double choose = 1;
        for (int m = 0; m <= n; m++) {
            out[m] = choose * Math.pow(q, m) * Math.pow(1 - q, n - m);
            choose = choose * (n - m) / (m + 1);
        }
        return out;
    }
}
