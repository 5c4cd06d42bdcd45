package org.retailrl.algorithms.lmm;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.pricing.PricingObservation;
import org.retailrl.envs.pricing.ShortageMode;
import org.retailrl.envs.recommendation.RecommendationBatch;
import org.retailrl.envs.recommendation.RecommendationDynamics;
import org.retailrl.envs.recommendation.RecommendationScenario;

/**
 * The inventory-and-recommendation tasks of the large management model's family (docs/model.md
 * §6.1, §3): a single-product slice of the §3 simulator. The §3 model cannot be run with one
 * product alone — with {@code N = 1} the choice of Eq. 10 gives the product every purchase whatever
 * its exposure — so a slice is the {@link RecommendationBatch} with two products: product 0 is the
 * one managed, product 1 the rest of the catalogue, which competes for every customer segment's
 * purchases through its ratings, is shown uniformly, is never ordered and has no prices or costs
 * (its profit is 0, so the reward is product 0's profit, Eq. 14). The {@code M} customers are a
 * few segments with skewed purchase counts.
 *
 * <p>The decisions map onto the family's four-part action: the order {@code q ∈ 0..20} is the order
 * component; the recommendation level {@code k ∈ {0, 1, 2}} is the share of product 0's exposure
 * given to its top segment (the one with the highest initial choice probability
 * {@code γ_{−1}^{0,j}}): {@code 1/M} (uniform), 0.6 and 1, the rest split evenly over the other
 * segments ({@link #SHARES}). Price and method are padding: a slice logs price index 0 and method 0,
 * offers one method and three levels (its action mask), and the price a model chooses is ignored.
 *
 * <p>Behaviour policies (docs/model.md §3.9 for the slice): a base-stock order on the inventory
 * position with the level {@code S = round(f·(L + 1)·μ)}, {@code μ} the expected demand under the
 * rule's typical exposure and {@code f} fitted over {@code 0, 0.25, …, 3} on common random numbers,
 * combined with uniform exposure (level 0), rating-greedy exposure (level 2, everything to the top
 * segment, ignoring stock) or stock-aware exposure (cover {@code ρ = (I − B + next arrival)/μ_0}:
 * {@code ρ ≥ 2} the level with the most expected demand, {@code ρ < 1} the one with the least,
 * otherwise uniform); their ε-noisy variants; and the random policy.
 */
public final class RecommendationSlice {
    /** Customer segments {@code M}. */
    public static final int SEGMENTS = 3;
    /** Exposure share of the top segment at each level; level 0 is uniform. */
    static final double[] SHARES = {1.0 / SEGMENTS, 0.6, 1.0};
    /** Price scale of the encoded state (the family's top price). */
    private static final double PRICE_SCALE = 50;
    private static final double[] FACTORS = {0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3};
    private static final int FIT_EPISODES = 20;

    private RecommendationSlice() {
    }

    /** A policy for the copies of a slice: per copy an order {@code 0..Q} and a level {@code 0..2}. */
    public interface Policy {
        /** Its row in tables and in a dataset's policy list. */
        String name();

        /** Called before the first period of an episode in every copy. */
        void reset(RecommendationBatch batch);

        /** The decisions of the coming period, {@code [copies]} each. */
        void act(RecommendationBatch batch, int[] order, int[] level);
    }

    /**
     * The slice scenario: product 0 with selling price {@code pOut}, purchase cost {@code pIn},
     * holding {@code h}, shortage {@code b} and lead time {@code lead}; product 1 the rest of the
     * catalogue (no economics, lead time 0); {@code ratings0} and {@code ratings1} the initial
     * ratings of the two products per segment, {@code counts} the segments' purchase counts;
     * {@code R_max = 6}, {@code E = 1}, orders {@code 0..20}, {@link TaskFamily#HORIZON} periods,
     * start stock {@code (L + 1)·⌈Σ_j c^j / 2⌉}.
     */
    public static RecommendationScenario scenario(double pOut, double pIn, double h, double b, int lead, double[] ratings0,
                                                  double[] ratings1, int[] counts, ShortageMode mode) {
        int m = counts.length;
        if (ratings0.length != m || ratings1.length != m) {
            throw new IllegalArgumentException("ratings must have one entry per segment (" + m + ")");
        }
        double[] r = new double[2 * m];
        System.arraycopy(ratings0, 0, r, 0, m);
        System.arraycopy(ratings1, 0, r, m, m);
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        int start = (lead + 1) * ((total + 1) / 2);
        return new RecommendationScenario(2, m, TaskFamily.HORIZON, new double[] {pOut, 0}, new double[] {pIn, 0},
                new double[] {h, 0}, new double[] {b, 0}, new int[] {lead, 0}, new int[] {start, 0}, TaskFamily.ORDERS - 1,
                6, 1, r, counts, mode);
    }

    /** Checks that {@code s} is a slice that fits the family's layout. */
    public static void requireCompatible(RecommendationScenario s) {
        if (s.products() != 2 || s.horizon() != TaskFamily.HORIZON || s.maxOrder() + 1 != TaskFamily.ORDERS
                || s.leadTime()[0] > TaskFamily.MAX_LEAD || s.leadTime()[1] != 0 || s.priceOut()[1] != 0 || s.priceIn()[1] != 0
                || s.holdingCost()[1] != 0 || s.shortageCost()[1] != 0) {
            throw new IllegalArgumentException("recommendation slice must have 2 products (the second without prices, "
                    + "costs or lead time), orders 0.." + (TaskFamily.ORDERS - 1) + ", lead time <= " + TaskFamily.MAX_LEAD
                    + " and " + TaskFamily.HORIZON + " periods, got " + s);
        }
    }

    /** The top segment: the highest initial choice probability of product 0 (lowest index on ties). */
    static int topSegment(RecommendationScenario s) {
        int m = s.customers();
        double[] g = new double[2 * m];
        RecommendationDynamics.choiceProbabilities(s.initialRatings(), 2, m, g);
        int top = 0;
        for (int j = 1; j < m; j++) {
            if (g[j] > g[top]) {
                top = j;
            }
        }
        return top;
    }

    /** Writes both products' exposure at {@code level} to {@code out[off .. off + 2M)}. */
    static void exposure(int m, int top, int level, double[] out, int off) {
        double share = SHARES[level];
        double rest = m == 1 ? 0 : (1 - share) / (m - 1);
        for (int j = 0; j < m; j++) {
            out[off + j] = m == 1 ? 1 : j == top ? share : rest;
            out[off + m + j] = 1.0 / m;
        }
    }

    /** Expected demand of product 0 per period at each level: {@code Σ_j c^j γ^{0,j}}. */
    public static double[] expectedDemand(RecommendationScenario s) {
        int m = s.customers();
        int top = topSegment(s);
        double[] a = new double[2 * m];
        double[] r = new double[2 * m];
        double[] g = new double[2 * m];
        int[] c = s.purchaseCounts();
        double[] out = new double[SHARES.length];
        for (int l = 0; l < SHARES.length; l++) {
            exposure(m, top, l, a, 0);
            RecommendationDynamics.ratings(s.initialRatings(), s.ratingMax(), s.efficiency(), a, 0, r);
            RecommendationDynamics.choiceProbabilities(r, 2, m, g);
            for (int j = 0; j < m; j++) {
                out[l] += c[j] * g[j];
            }
        }
        return out;
    }

    /** Steps a batch of slices with one order and one level per copy; reuses its buffers. */
    static final class Stepper {
        private final int m;
        private final int top;
        private final int[] orders;
        private final double[] exposure;

        Stepper(RecommendationBatch batch) {
            RecommendationScenario s = batch.scenario();
            requireCompatible(s);
            m = s.customers();
            top = topSegment(s);
            orders = new int[2 * batch.copies()];
            exposure = new double[2 * m * batch.copies()];
        }

        void step(RecommendationBatch batch, int[] order, int[] level, double[] reward) {
            for (int c = 0; c < batch.copies(); c++) {
                if (level[c] < 0 || level[c] >= SHARES.length) {
                    throw new IllegalArgumentException("level of copy " + c + " must be in [0, " + (SHARES.length - 1)
                            + "], got " + level[c]);
                }
                orders[2 * c] = order[c];
                exposure(m, top, level[c], exposure, 2 * m * c);
            }
            batch.step(orders, exposure, reward);
        }
    }

    /**
     * Writes copy {@code i}'s state to {@code out[off .. off + STATE_SIZE)} in the family's layout:
     * stock, unmet demand (lost units, or the backlog), demand of the last period, the selling price,
     * the expected demand at levels 0 and 2 (the rating signals) in the slots of the competitor's
     * and the reference price, the pipeline, {@code t/T}, {@code p_in/50}, {@code h/2}, {@code b/10},
     * {@code L/4}, the backlog flag and {@code Σ_j c^j/1000}; quantities divided by {@code Q} and
     * squashed as the pricing tasks'; the rest 0. {@code raw} is scratch of
     * {@code batch.observationSize()} floats and {@code demand} {@link #expectedDemand} of the scenario.
     */
    static void encode(RecommendationBatch batch, int i, float[] raw, double[] demand, float[] out, int off) {
        RecommendationScenario s = batch.scenario();
        float unit = 1f / s.maxOrder();
        batch.observe(i, raw, 0);
        java.util.Arrays.fill(out, off, off + TaskFamily.STATE_SIZE, 0f);
        boolean backlog = s.mode() == ShortageMode.BACKLOG;
        int lost = batch.lastDemand(i, 0) - batch.lastSales(i, 0);
        out[off + PricingObservation.INVENTORY] = squash(raw[0] * unit);
        out[off + PricingObservation.LOST] = squash((backlog ? raw[2] : Math.max(0, lost)) * unit);
        out[off + PricingObservation.DEMAND] = squash(batch.lastDemand(i, 0) * unit);
        out[off + PricingObservation.PRICE] = (float) (s.priceOut()[0] / PRICE_SCALE);
        out[off + PricingObservation.COMPETITOR_PRICE] = (float) (demand[0] * unit);
        out[off + PricingObservation.REFERENCE_PRICE] = (float) (demand[SHARES.length - 1] * unit);
        int lead = s.leadTime()[0];
        int pipe = PricingObservation.PIPELINE;
        // Observation: stock of both products, backlog of both, then product 0's pipeline (product 1 has none).
        for (int k = 0; k < lead; k++) {
            out[off + pipe + k] = squash(raw[4 + k] * unit);
        }
        int o = off + pipe + TaskFamily.MAX_LEAD;
        out[o] = (float) batch.period() / s.horizon();
        out[o + 1] = (float) (s.priceIn()[0] / PRICE_SCALE);
        out[o + 2] = (float) s.holdingCost()[0] / 2f;
        out[o + 3] = (float) s.shortageCost()[0] / 10f;
        out[o + 5] = (float) lead / TaskFamily.MAX_LEAD;
        out[o + 6] = backlog ? 1f : 0f;
        out[o + 8] = (float) (s.totalPurchaseCount() / 1000.0);
    }

    private static float squash(float u) {
        return org.retailrl.algorithms.pricing.PricingBatchEnv.squash(u);
    }

    /** Exposure rules of the heuristics. */
    enum Rule {
        UNIFORM("uniform"), RATING_GREEDY("rating-greedy"), STOCK_AWARE("stock-aware");

        final String label;

        Rule(String label) {
            this.label = label;
        }
    }

    /** Base-stock orders to level {@code target} on the inventory position, exposure by {@code rule}. */
    static Policy baseStock(Rule rule, int target, double[] demand) {
        int push = demand[2] >= demand[0] ? (demand[2] >= demand[1] ? 2 : 1) : (demand[1] > demand[0] ? 1 : 0);
        int shield = demand[0] <= demand[1] ? (demand[0] <= demand[2] ? 0 : 2) : (demand[1] <= demand[2] ? 1 : 2);
        String name = "base-stock + " + rule.label;
        return new Policy() {
            private float[] raw;

            @Override
            public String name() {
                return name;
            }

            @Override
            public void reset(RecommendationBatch batch) {
                raw = new float[batch.observationSize()];
            }

            @Override
            public void act(RecommendationBatch batch, int[] order, int[] level) {
                RecommendationScenario s = batch.scenario();
                int lead = s.leadTime()[0];
                for (int c = 0; c < batch.copies(); c++) {
                    batch.observe(c, raw, 0);
                    // Observation: stock of both products, backlog of both, then L_max slots per product.
                    int onHand = (int) raw[0] - (int) raw[2];
                    int ip = onHand;
                    for (int k = 0; k < lead; k++) {
                        ip += (int) raw[4 + k];
                    }
                    order[c] = Math.min(s.maxOrder(), Math.max(0, target - ip));
                    level[c] = switch (rule) {
                        case UNIFORM -> 0;
                        case RATING_GREEDY -> 2;
                        case STOCK_AWARE -> {
                            double cover = (onHand + (lead > 0 ? raw[4] : order[c])) / Math.max(1e-9, demand[0]);
                            yield cover >= 2 ? push : cover < 1 ? shield : 0;
                        }
                    };
                }
            }
        };
    }

    /**
     * The three heuristics fitted to {@code s}: per exposure rule the base-stock multiplier
     * {@code f} that earns most over {@value #FIT_EPISODES} episodes on the streams of {@code seed}.
     */
    public static List<Policy> heuristics(RecommendationScenario s, long seed) {
        requireCompatible(s);
        double[] demand = expectedDemand(s);
        int lead = s.leadTime()[0];
        List<Policy> out = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            double mu = rule == Rule.RATING_GREEDY ? demand[2] : demand[0];
            Policy best = null;
            double bestMean = Double.NEGATIVE_INFINITY;
            for (double f : FACTORS) {
                Policy p = baseStock(rule, (int) Math.round(f * (lead + 1) * mu), demand);
                double mean = ProductionBaselines.mean(profits(s, p, seed, FIT_EPISODES));
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
     * order and level (copy {@code i} on {@code Rng.stream(seed, i)}, reseeded at every reset);
     * {@code base == null}: always random.
     */
    public static Policy noisy(Policy base, double eps, long seed) {
        NoiseStreams noise = new NoiseStreams(seed, eps);
        String name = NoiseStreams.name(base == null ? null : base.name(), eps);
        return new Policy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void reset(RecommendationBatch batch) {
                noise.reset(batch.copies());
                if (base != null) {
                    base.reset(batch);
                }
            }

            @Override
            public void act(RecommendationBatch batch, int[] order, int[] level) {
                if (base != null) {
                    base.act(batch, order, level);
                }
                for (int c = 0; c < noise.copies(); c++) {
                    Rng r = noise.replace(c, base == null);
                    if (r != null) {
                        order[c] = r.nextInt(batch.scenario().maxOrder() + 1);
                        level[c] = r.nextInt(SHARES.length);
                    }
                }
            }
        };
    }

    /** The uniformly random policy. */
    public static Policy random(long seed) {
        return noisy(null, 1, seed);
    }

    /** Returns of {@code episodes} episodes of {@code p} on {@code s}, episode {@code e} on {@code Rng.stream(seed, e)}. */
    public static double[] profits(RecommendationScenario s, Policy p, long seed, int episodes) {
        RecommendationBatch b = new RecommendationBatch(s, episodes);
        b.reset(seed, 0);
        p.reset(b);
        Stepper stepper = new Stepper(b);
        int[] q = new int[episodes];
        int[] l = new int[episodes];
        double[] r = new double[episodes];
        double[] total = new double[episodes];
        while (!b.done()) {
            p.act(b, q, l);
            stepper.step(b, q, l, r);
            for (int e = 0; e < episodes; e++) {
                total[e] += r[e];
            }
        }
        return total;
    }
}
