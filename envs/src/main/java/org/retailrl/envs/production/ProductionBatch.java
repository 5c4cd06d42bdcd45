package org.retailrl.envs.production;

import java.util.Arrays;
import org.retailrl.core.random.PoissonSampler;
import org.retailrl.core.random.Rng;

/**
 * {@code copies} independent copies of the production-method environment of docs/model.md §6.1
 * ({@link ProductionScenario}), stepped together. Decisions and per-product state are copy-major
 * arrays ({@code [copy · N + product]}).
 *
 * <p>Period {@code t} of a copy, per product {@code i}: (1) the output due now arrives,
 * {@code A_i = I_i + pipeline_i[0]}, and the pipeline moves one slot on; (2) the quantity
 * {@code q_i} is produced with method {@code u_i}: with lead time 0 it joins {@code A_i}, otherwise
 * it waits in pipeline slot {@code L − 1} (slot {@code s} arrives {@code s + 1} periods from now);
 * (3) demand {@code d_i ~ Poisson(λ_i(p, k))} is drawn, products in order, from the copy's own
 * stream {@code Rng.stream(seed, first + copy)}; (4) {@code S_i = min(d_i, A_i)} is sold, the rest
 * lost, {@code I_i = A_i − S_i}; (5) the reward is
 * {@code Σ_i p_i S_i − (c_prod,u_i + c_order) q_i − c_rec k_i − h I_i − b (d_i − S_i)}.
 *
 * <p>The observation of a copy ({@link #observationSize()} floats, raw units): per product its stock,
 * its {@link ProductionScenario#maxLead()} pipeline slots, last period's demand and last period's
 * sales, then the elapsed fraction {@code t/T}.
 */
public final class ProductionBatch {
    private final ProductionScenario s;
    private final int copies;
    private final int n;
    private final int lead;
    private final int[] stock;
    private final int[] pipeline;
    private final int[] lastDemand;
    private final int[] lastSales;
    private final int[] lastPrice;
    private final double[] lastReward;
    private final double[] rates;
    private final Rng[] rngs;
    private int period;

    /** {@code copies} copies of {@code scenario}, in {@code [1, 4096]}; call {@link #reset} before stepping. */
    public ProductionBatch(ProductionScenario scenario, int copies) {
        if (copies < 1 || copies > 4096) {
            throw new IllegalArgumentException("copies must be in [1, 4096], got " + copies);
        }
        this.s = scenario;
        this.copies = copies;
        this.n = scenario.products();
        this.lead = scenario.maxLead();
        stock = new int[copies * n];
        pipeline = new int[copies * n * Math.max(lead, 1)];
        lastDemand = new int[copies * n];
        lastSales = new int[copies * n];
        lastPrice = new int[copies * n];
        lastReward = new double[copies];
        rates = new double[n];
        rngs = new Rng[copies];
    }

    /** The scenario. */
    public ProductionScenario scenario() {
        return s;
    }

    /** Number of copies. */
    public int copies() {
        return copies;
    }

    /** Periods played since the last reset. */
    public int period() {
        return period;
    }

    /** Whether the horizon is reached. */
    public boolean done() {
        return period >= s.horizon();
    }

    /** Starts every copy afresh: copy {@code c} on {@code Rng.stream(seed, first + c)}. */
    public void reset(long seed, long first) {
        Arrays.fill(stock, s.initialStock());
        Arrays.fill(pipeline, 0);
        Arrays.fill(lastDemand, 0);
        Arrays.fill(lastSales, 0);
        Arrays.fill(lastPrice, 0);
        Arrays.fill(lastReward, 0);
        for (int c = 0; c < copies; c++) {
            rngs[c] = Rng.stream(seed, first + c);
        }
        period = 0;
    }

    /** Floats per copy written by {@link #observe}. */
    public int observationSize() {
        return n * (3 + lead) + 1;
    }

    /** Writes copy {@code c}'s observation to {@code out[off ..]}. */
    public void observe(int c, float[] out, int off) {
        int o = off;
        for (int i = 0; i < n; i++) {
            int k = c * n + i;
            out[o++] = stock[k];
            for (int l = 0; l < lead; l++) {
                out[o++] = pipeline[k * lead + l];
            }
            out[o++] = lastDemand[k];
            out[o++] = lastSales[k];
        }
        out[o] = (float) period / s.horizon();
    }

    /** On-hand stock of product {@code i} in copy {@code c}. */
    public int stock(int c, int i) {
        return stock[c * n + i];
    }

    /** Units of product {@code i} in copy {@code c} due in {@code slot + 1} periods. */
    public int pipeline(int c, int i, int slot) {
        return pipeline[(c * n + i) * lead + slot];
    }

    /** Last period's demand of product {@code i} in copy {@code c}. */
    public int lastDemand(int c, int i) {
        return lastDemand[c * n + i];
    }

    /** Last period's sales of product {@code i} in copy {@code c}. */
    public int lastSales(int c, int i) {
        return lastSales[c * n + i];
    }

    /** Last period's price index of product {@code i} in copy {@code c} (0 before the first period). */
    public int lastPrice(int c, int i) {
        return lastPrice[c * n + i];
    }

    /** Last period's reward of copy {@code c} (0 before the first period). */
    public double lastReward(int c) {
        return lastReward[c];
    }

    /**
     * Plays one period in every copy: method, quantity, price index and recommendation level per
     * copy and product ({@code [copies · N]} each); writes each copy's reward to {@code reward}.
     */
    public void step(int[] method, int[] order, int[] price, int[] level, double[] reward) {
        if (done()) {
            throw new IllegalStateException("the episode is over after " + s.horizon() + " periods; reset first");
        }
        int need = copies * n;
        if (method.length < need || order.length < need || price.length < need || level.length < need
                || reward.length < copies) {
            throw new IllegalArgumentException("decision arrays must hold copies x products = " + need
                    + " entries and reward " + copies);
        }
        for (int k = 0; k < need; k++) {
            check("method", method[k], s.methods() - 1);
            check("order", order[k], s.maxOrder());
            check("price", price[k], s.prices().length - 1);
            check("level", level[k], s.levels() - 1);
        }
        for (int c = 0; c < copies; c++) {
            s.rates(price, level, c * n, rates);
            double r = 0;
            for (int i = 0; i < n; i++) {
                int k = c * n + i;
                int available = stock[k];
                if (lead > 0) {
                    int base = k * lead;
                    available += pipeline[base];
                    System.arraycopy(pipeline, base + 1, pipeline, base, lead - 1);
                    pipeline[base + lead - 1] = 0;
                }
                int u = method[k];
                int q = order[k];
                int l = s.methodLead(u);
                if (l == 0) {
                    available += q;
                } else {
                    pipeline[k * lead + l - 1] += q;
                }
                int d = PoissonSampler.sample(rngs[c], rates[i]);
                int sold = Math.min(d, available);
                stock[k] = available - sold;
                lastDemand[k] = d;
                lastSales[k] = sold;
                lastPrice[k] = price[k];
                r += s.price(price[k]) * sold - (s.methodCost(u) + s.orderCost()) * q - s.levelCost() * level[k]
                        - s.holdingCost() * stock[k] - s.shortageCost() * (d - sold);
            }
            lastReward[c] = r;
            reward[c] = r;
        }
        period++;
    }

    private static void check(String field, int v, int hi) {
        if (v < 0 || v > hi) {
            throw new IllegalArgumentException(field + " must be in [0, " + hi + "], got " + v);
        }
    }
}
