package org.retailrl.algorithms.lmm;

import org.retailrl.algorithms.deploy.RecurrentInference;
import org.retailrl.algorithms.pricing.BatchPricingPolicy;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.production.ProductionBatch;
import org.retailrl.envs.production.ProductionScenario;

/**
 * A trained {@link DecisionTransformer} acting on the copies of a pricing simulator, or through
 * {@link #production()} of a production simulator, or through {@link #recommendation()} of an
 * inventory-and-recommendation slice (docs/model.md §6.4): each copy starts with the return-to-go set to the target return and, after
 * every period, lowers it by the profit just made; the model reads the last {@code K} steps of
 * its copy's history and acts greedily (the arg-max price, then the arg-max order given that
 * price, then method and level among those the task offers, lowest index on ties, as
 * docs/model.md §8.11 scores the pricing learners).
 */
public final class DtPolicy implements BatchPricingPolicy {
    private final DecisionTransformer model;
    private final float rtgScale;
    private final double target;
    private final String name;
    private final Tape tape = new Tape();
    private final float[] row = new float[Math.max(TaskFamily.PRICES, TaskFamily.ORDERS)];
    private int copies;
    private float[] rtg;
    private float[] states;
    private int[] price;
    private int[] order;
    private int[] method;
    private int[] level;
    private float[] raw;

    /**
     * @param target the return (currency per episode) each episode is conditioned on; ignored by a
     *               model that is not return-conditioned
     */
    public DtPolicy(String name, DecisionTransformer model, float rtgScale, double target) {
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("target return must be finite, got " + target);
        }
        this.name = name;
        this.model = model;
        this.rtgScale = rtgScale;
        this.target = target;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void reset(PricingBatch batch) {
        TaskFamily.requireCompatible(batch.scenario());
        start(batch.copies());
        raw = new float[batch.observationSize()];
    }

    /** Starts {@code copies} episodes. */
    void start(int n) {
        copies = n;
        int t = TaskFamily.HORIZON;
        rtg = new float[copies * t];
        states = new float[copies * t * TaskFamily.STATE_SIZE];
        price = new int[copies * t];
        order = new int[copies * t];
        method = new int[copies * t];
        level = new int[copies * t];
    }

    @Override
    public void act(PricingBatch batch, int[] priceOut, int[] orderOut) {
        int t = checkPeriod(batch.period());
        for (int i = 0; i < copies; i++) {
            record(i, t, batch.lastReward(i));
            TaskFamily.encode(batch, i, raw, states, (i * TaskFamily.HORIZON + t) * TaskFamily.STATE_SIZE);
        }
        decide(t, TaskFamily.PRICES, 1, 1);
        for (int i = 0; i < copies; i++) {
            priceOut[i] = price[i * TaskFamily.HORIZON + t];
            orderOut[i] = order[i * TaskFamily.HORIZON + t];
        }
    }

    /** The same model acting on production tasks (docs/model.md §6.1), named {@code name}. */
    public ProductionPolicy production() {
        DtPolicy self = this;
        return new ProductionPolicy() {
            private float[] buf;

            @Override
            public String name() {
                return name;
            }

            @Override
            public void reset(ProductionBatch batch) {
                TaskFamily.requireCompatible(batch.scenario());
                start(batch.copies());
                buf = new float[batch.observationSize()];
            }

            @Override
            public void act(ProductionBatch batch, int[] methodOut, int[] orderOut, int[] priceOut, int[] levelOut) {
                int t = checkPeriod(batch.period());
                for (int i = 0; i < copies; i++) {
                    record(i, t, batch.lastReward(i));
                    TaskFamily.encode(batch, i, buf, states, (i * TaskFamily.HORIZON + t) * TaskFamily.STATE_SIZE);
                }
                ProductionScenario sc = batch.scenario();
                self.decide(t, TaskFamily.PRICES, sc.methods(), sc.levels());
                for (int i = 0; i < copies; i++) {
                    int k = i * TaskFamily.HORIZON + t;
                    priceOut[i] = price[k];
                    orderOut[i] = order[k];
                    methodOut[i] = method[k];
                    levelOut[i] = level[k];
                }
            }
        };
    }

    /**
     * The same model acting on inventory-and-recommendation slices ({@link RecommendationSlice}),
     * named {@code name}: price and method are padding (index 0), the order and one of the three
     * levels are the model's.
     */
    public RecommendationSlice.Policy recommendation() {
        DtPolicy self = this;
        return new RecommendationSlice.Policy() {
            private float[] buf;
            private double[] demand;

            @Override
            public String name() {
                return name;
            }

            @Override
            public void reset(org.retailrl.envs.recommendation.RecommendationBatch batch) {
                RecommendationSlice.requireCompatible(batch.scenario());
                start(batch.copies());
                buf = new float[batch.observationSize()];
                demand = RecommendationSlice.expectedDemand(batch.scenario());
            }

            @Override
            public void act(org.retailrl.envs.recommendation.RecommendationBatch batch, int[] orderOut, int[] levelOut) {
                int t = checkPeriod(batch.period());
                for (int i = 0; i < copies; i++) {
                    record(i, t, batch.lastReward(i));
                    RecommendationSlice.encode(batch, i, buf, demand, states,
                            (i * TaskFamily.HORIZON + t) * TaskFamily.STATE_SIZE);
                }
                self.decide(t, 1, 1, RecommendationSlice.SHARES.length);
                for (int i = 0; i < copies; i++) {
                    int k = i * TaskFamily.HORIZON + t;
                    orderOut[i] = order[k];
                    levelOut[i] = level[k];
                }
            }
        };
    }

    private static int checkPeriod(int t) {
        if (t >= TaskFamily.HORIZON) {
            throw new IllegalStateException("period " + t + " is beyond the model's horizon " + TaskFamily.HORIZON);
        }
        return t;
    }

    /** Copy {@code i}'s return-to-go at period {@code t}: the target, then lowered by each period's profit. */
    private void record(int i, int t, double lastReward) {
        int horizon = TaskFamily.HORIZON;
        rtg[i * horizon + t] = t == 0 ? (float) (target / rtgScale) : rtg[i * horizon + t - 1] - (float) (lastReward / rtgScale);
    }

    /**
     * Every copy's decision of period {@code t} from its last {@code K} steps, greedy over the first
     * {@code prices} prices, {@code methods} methods and {@code levels} levels (the task's action
     * mask; a component with one choice is padding and stays 0), into the histories.
     */
    private void decide(int t, int prices, int methods, int levels) {
        int horizon = TaskFamily.HORIZON;
        int s = TaskFamily.STATE_SIZE;
        int k = model.config().context();
        int len = Math.min(t + 1, k);
        int from = t + 1 - len;
        DecisionTransformer.Batch b = new DecisionTransformer.Batch(copies, len);
        for (int i = 0; i < copies; i++) {
            for (int j = 0; j < len; j++) {
                int src = i * horizon + from + j;
                int dst = i * len + j;
                b.rtg[dst] = rtg[src];
                System.arraycopy(states, src * s, b.states, dst * s, s);
                // The current step's action token is a placeholder: causal attention keeps it out of s_t's output.
                boolean past = from + j < t;
                b.price[dst] = past ? price[src] : 0;
                b.order[dst] = past ? order[src] : 0;
                b.method[dst] = past ? method[src] : 0;
                b.level[dst] = past ? level[src] : 0;
                b.period[dst] = from + j;
            }
        }
        tape.reset();
        tape.setGradEnabled(false);
        Var h = model.stateOutputs(tape, b, null);
        // Only the last step of each window decides; the rest of the rows are context.
        int[] last = new int[copies];
        for (int i = 0; i < copies; i++) {
            last[i] = i * len + len - 1;
        }
        Var hl = org.retailrl.autodiff.Ops.indexSelect(h, last);
        int[] p = prices > 1 ? pick(model.priceLogits(hl).value().data(), TaskFamily.PRICES, prices) : new int[copies];
        int[] q = pick(model.orderLogits(tape, hl, p).value().data(), TaskFamily.ORDERS, TaskFamily.ORDERS);
        int[] u = methods > 1 ? pick(model.methodLogits(tape, hl, p, q).value().data(), TaskFamily.METHODS, methods)
                : new int[copies];
        int[] l = levels > 1 ? pick(model.levelLogits(tape, hl, p, q, u).value().data(), TaskFamily.LEVELS, levels)
                : new int[copies];
        for (int i = 0; i < copies; i++) {
            int at = i * horizon + t;
            price[at] = p[i];
            order[at] = q[i];
            method[at] = u[i];
            level[at] = l[i];
        }
    }

    /** Per copy, the arg-max of the first {@code valid} of its {@code width} logits. */
    private int[] pick(float[] logits, int width, int valid) {
        int[] out = new int[copies];
        for (int i = 0; i < copies; i++) {
            System.arraycopy(logits, i * width, row, 0, valid);
            out[i] = RecurrentInference.argmax(row, valid);
        }
        return out;
    }
}
