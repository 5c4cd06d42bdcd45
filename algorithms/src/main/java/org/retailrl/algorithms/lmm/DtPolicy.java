package org.retailrl.algorithms.lmm;

import org.retailrl.algorithms.deploy.RecurrentInference;
import org.retailrl.algorithms.pricing.BatchPricingPolicy;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.envs.pricing.PricingBatch;

/**
 * A trained {@link DecisionTransformer} acting on the copies of a pricing simulator
 * (docs/model.md §6.4): each copy starts with the return-to-go set to the target return and, after
 * every period, lowers it by the profit just made; the model reads the last {@code K} steps of
 * its copy's history and acts greedily (the arg-max price, then the arg-max order given that
 * price, lowest index on ties, as docs/model.md §8.11 scores the pricing learners).
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
        copies = batch.copies();
        int t = TaskFamily.HORIZON;
        rtg = new float[copies * t];
        states = new float[copies * t * TaskFamily.STATE_SIZE];
        price = new int[copies * t];
        order = new int[copies * t];
        raw = new float[batch.observationSize()];
    }

    @Override
    public void act(PricingBatch batch, int[] priceOut, int[] orderOut) {
        int t = batch.period();
        int horizon = TaskFamily.HORIZON;
        if (t >= horizon) {
            throw new IllegalStateException("period " + t + " is beyond the model's horizon " + horizon);
        }
        int s = TaskFamily.STATE_SIZE;
        for (int i = 0; i < copies; i++) {
            rtg[i * horizon + t] = t == 0 ? (float) (target / rtgScale)
                    : rtg[i * horizon + t - 1] - (float) (batch.lastReward(i) / rtgScale);
            TaskFamily.encode(batch, i, raw, states, (i * horizon + t) * s);
        }
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
                b.price[dst] = from + j < t ? price[src] : 0;
                b.order[dst] = from + j < t ? order[src] : 0;
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
        float[] pl = model.priceLogits(hl).value().data();
        int[] chosen = new int[copies];
        for (int i = 0; i < copies; i++) {
            System.arraycopy(pl, i * TaskFamily.PRICES, row, 0, TaskFamily.PRICES);
            chosen[i] = RecurrentInference.argmax(row, TaskFamily.PRICES);
        }
        float[] ol = model.orderLogits(tape, hl, chosen).value().data();
        for (int i = 0; i < copies; i++) {
            System.arraycopy(ol, i * TaskFamily.ORDERS, row, 0, TaskFamily.ORDERS);
            int q = RecurrentInference.argmax(row, TaskFamily.ORDERS);
            priceOut[i] = chosen[i];
            orderOut[i] = q;
            price[i * horizon + t] = chosen[i];
            order[i * horizon + t] = q;
        }
    }
}
