package org.retailrl.algorithms.lmm;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.production.ProductionBatch;
import org.retailrl.envs.production.ProductionScenario;

/**
 * Baselines of the production-method environment (docs/model.md §6.1), the behaviour policies and
 * specialised yardsticks of its tasks in the large management model's family: per method, a
 * myopic price and recommendation level with a base-stock rule on the inventory position, fitted
 * to the task; their ε-noisy variants; the uniformly random policy; and episode returns.
 */
public final class ProductionBaselines {
    /** Safety factors tried when fitting a base-stock level. */
    private static final double[] SAFETY = {-0.5, 0, 0.5, 1, 1.5, 2, 3};
    /** Episodes per safety factor when fitting. */
    private static final int FIT_EPISODES = 20;

    private ProductionBaselines() {
    }

    /**
     * A fixed price index and recommendation level per product, method {@code method}, and the
     * order {@code q_i = min(Q, [S_i − IP_i]^+)}, {@code IP_i} the stock plus everything in the pipeline.
     */
    static ProductionPolicy baseStock(String name, int method, int[] price, int[] level, int[] target) {
        return new ProductionPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void reset(ProductionBatch batch) {
            }

            @Override
            public void act(ProductionBatch batch, int[] methodOut, int[] orderOut, int[] priceOut, int[] levelOut) {
                ProductionScenario s = batch.scenario();
                int n = s.products();
                for (int c = 0; c < batch.copies(); c++) {
                    for (int i = 0; i < n; i++) {
                        int ip = batch.stock(c, i);
                        for (int l = 0; l < s.maxLead(); l++) {
                            ip += batch.pipeline(c, i, l);
                        }
                        int k = c * n + i;
                        methodOut[k] = method;
                        priceOut[k] = price[i];
                        levelOut[k] = level[i];
                        orderOut[k] = Math.min(s.maxOrder(), Math.max(0, target[i] - ip));
                    }
                }
            }
        };
    }

    /**
     * One fitted base-stock heuristic per method: per product the price and level that maximise the
     * expected margin {@code λ_i (p_i − c_method − c_order) − c_rec k_i} (coordinate ascent over the
     * products, the others held), then the safety factor {@code z} of
     * {@code S_i = round(μ_i + z √μ_i)}, {@code μ_i = λ_i (L_method + 1)}, that earns most over
     * {@value #FIT_EPISODES} episodes on streams of {@code seed}.
     */
    public static List<ProductionPolicy> heuristics(ProductionScenario s, long seed) {
        List<ProductionPolicy> out = new ArrayList<>();
        int n = s.products();
        double[] rates = new double[n];
        for (int m = 0; m < s.methods(); m++) {
            int[] price = new int[n];
            int[] level = new int[n];
            double unit = s.methodCost(m) + s.orderCost();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < n; i++) {
                    double best = Double.NEGATIVE_INFINITY;
                    int bp = price[i];
                    int bl = level[i];
                    for (int p = 0; p < s.prices().length; p++) {
                        for (int l = 0; l < s.levels(); l++) {
                            price[i] = p;
                            level[i] = l;
                            s.rates(price, level, 0, rates);
                            double v = 0;
                            for (int j = 0; j < n; j++) {
                                v += rates[j] * (s.price(price[j]) - unit) - s.levelCost() * level[j];
                            }
                            if (v > best) {
                                best = v;
                                bp = p;
                                bl = l;
                            }
                        }
                    }
                    price[i] = bp;
                    level[i] = bl;
                }
            }
            s.rates(price, level, 0, rates);
            String name = "base-stock, method " + m;
            ProductionPolicy best = null;
            double bestMean = Double.NEGATIVE_INFINITY;
            for (double z : SAFETY) {
                int[] target = new int[n];
                for (int i = 0; i < n; i++) {
                    double mu = rates[i] * (s.methodLead(m) + 1);
                    target[i] = (int) Math.max(0, Math.round(mu + z * Math.sqrt(mu)));
                }
                ProductionPolicy p = baseStock(name, m, price.clone(), level.clone(), target);
                double mean = mean(profits(s, p, seed, FIT_EPISODES));
                if (mean > bestMean) {
                    bestMean = mean;
                    best = p;
                }
            }
            out.add(best);
        }
        return out;
    }

    /**
     * {@code base} with probability {@code eps}, per copy and period, replaced by a uniformly random
     * method, quantity, price and level for every product; copy {@code i} draws from
     * {@code Rng.stream(seed, i)}, reseeded at every reset. {@code base == null}: always random.
     */
    public static ProductionPolicy noisy(ProductionPolicy base, double eps, long seed) {
        NoiseStreams noise = new NoiseStreams(seed, eps);
        String name = NoiseStreams.name(base == null ? null : base.name(), eps);
        return new ProductionPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void reset(ProductionBatch batch) {
                noise.reset(batch.copies());
                if (base != null) {
                    base.reset(batch);
                }
            }

            @Override
            public void act(ProductionBatch batch, int[] method, int[] order, int[] price, int[] level) {
                if (base != null) {
                    base.act(batch, method, order, price, level);
                }
                ProductionScenario s = batch.scenario();
                int n = s.products();
                for (int c = 0; c < noise.copies(); c++) {
                    Rng r = noise.replace(c, base == null);
                    for (int i = 0; r != null && i < n; i++) {
                        int k = c * n + i;
                        method[k] = r.nextInt(s.methods());
                        order[k] = r.nextInt(s.maxOrder() + 1);
                        price[k] = r.nextInt(s.prices().length);
                        level[k] = r.nextInt(s.levels());
                    }
                }
            }
        };
    }

    /** The uniformly random policy. */
    public static ProductionPolicy random(long seed) {
        return noisy(null, 1, seed);
    }

    /** Returns of {@code episodes} episodes of {@code p} on {@code s}, episode {@code e} on {@code Rng.stream(seed, e)}. */
    public static double[] profits(ProductionScenario s, ProductionPolicy p, long seed, int episodes) {
        ProductionBatch b = new ProductionBatch(s, episodes);
        b.reset(seed, 0);
        p.reset(b);
        int n = s.products();
        int[] m = new int[episodes * n];
        int[] q = new int[episodes * n];
        int[] pr = new int[episodes * n];
        int[] l = new int[episodes * n];
        double[] r = new double[episodes];
        double[] total = new double[episodes];
        while (!b.done()) {
            p.act(b, m, q, pr, l);
            b.step(m, q, pr, l, r);
            for (int e = 0; e < episodes; e++) {
                total[e] += r[e];
            }
        }
        return total;
    }

    static double mean(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        return m / x.length;
    }
}
