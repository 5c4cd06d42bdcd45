package org.retailrl.algorithms.pricing;

import java.util.Arrays;
import java.util.List;
import org.retailrl.algorithms.pricing.BatchPricingPolicy;
import org.retailrl.algorithms.pricing.PricingBatchEnv;
import org.retailrl.core.random.Rng;
import org.retailrl.core.simd.Kernels;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.nn.RecurrentNet;

/**
 * Trained recurrent actors (docs/model.md §8) as a {@link BatchPricingPolicy}, so a learned policy is
 * scored by the same evaluation protocol and common random numbers as the heuristics. Either two
 * actors — pricing, then ordering (FSDA) — or one actor over the joint action
 * {@code priceIndex·(Q + 1) + q} (single-agent PPO). Each copy's GRU states are carried through
 * the episode and zeroed by {@link #reset}. Decisions are greedy (arg-max of the logits, lowest
 * index on ties) or sampled from copy {@code i}'s stream {@code Rng.stream(seed, i)}, restarted at
 * every reset. Not thread-safe; the weights are read, never changed.
 *
 * <p>Sampled decisions are the policy that was trained (and whose profit the learning curve
 * shows); the arg-max is a different policy. It is usually close, but the arg-max of each agent's
 * marginal can be poor where the probability of an order size is spread over neighbours (the most
 * likely single size may be 0): on tuning seeds 11 and 12 of scenario (b) after 1,000 FSDA
 * episodes the standard deviation of the two seeds' mean profits was 510 for the greedy policy
 * and 150 for the sampled one, so comparisons should score the sampled policy, or both.
 */
public final class LearnedPricingPolicy implements BatchPricingPolicy {
    private final String name;
    private final List<RecurrentNet> actors;
    private final boolean greedy;
    private final long seed;
    private final RecurrentNet.StepWorkspace ws = new RecurrentNet.StepWorkspace();
    private float[][] hidden;
    private float[][] logits;
    private float[] raw;
    private float[] obs;
    private float[] mask;
    private int[][] chosen;
    private Rng[] rngs;
    private double[] weights;

    /**
     * @param actors one joint actor, or the pricing and the ordering actor in that order
     * @param greedy arg-max decisions (true) or samples (false)
     * @param seed   the sampling streams' seed (unused when greedy)
     */
    public LearnedPricingPolicy(String name, List<RecurrentNet> actors, boolean greedy, long seed) {
        if (actors.isEmpty() || actors.size() > 2) {
            throw new IllegalArgumentException("actors must hold 1 (joint) or 2 (pricing, ordering) networks, got " + actors.size());
        }
        this.name = name;
        this.actors = List.copyOf(actors);
        this.greedy = greedy;
        this.seed = seed;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void reset(PricingBatch batch) {
        int n = batch.copies();
        int orders = batch.scenario().maxOrder() + 1;
        int prices = batch.scenario().priceCount();
        int[] expected = actors.size() == 1 ? new int[] {prices * orders} : new int[] {prices, orders};
        for (int a = 0; a < actors.size(); a++) {
            RecurrentNet.Config c = actors.get(a).config();
            if (c.outputs() != expected[a] || c.inputs() != batch.observationSize() + 1) {
                throw new IllegalArgumentException("actor " + a + " maps " + c.inputs() + " inputs to " + c.outputs()
                        + " actions; the scenario needs " + (batch.observationSize() + 1) + " → " + expected[a]);
            }
        }
        if (hidden == null || mask.length != n) {
            hidden = new float[actors.size()][];
            logits = new float[actors.size()][];
            for (int a = 0; a < actors.size(); a++) {
                hidden[a] = new float[actors.get(a).config().hiddenSize() * n];
                logits[a] = new float[actors.get(a).config().outputs() * n];
            }
            raw = new float[batch.observationSize() * n];
            obs = new float[(batch.observationSize() + 1) * n];
            mask = new float[n];
            chosen = new int[actors.size()][n];
            rngs = new Rng[n];
            int widest = 0;
            for (RecurrentNet net : actors) {
                widest = Math.max(widest, net.config().outputs());
            }
            weights = new double[widest];
        }
        for (float[] h : hidden) {
            Arrays.fill(h, 0f);
        }
        for (int i = 0; i < n; i++) {
            rngs[i] = Rng.stream(seed, i);
        }
    }

    @Override
    public void act(PricingBatch batch, int[] priceOut, int[] orderOut) {
        int n = batch.copies();
        if (mask == null || mask.length != n) {
            throw new IllegalStateException("reset(batch) must be called before act for a batch of " + n + " copies");
        }
        PricingBatchEnv.observation(batch, raw, obs);
        Arrays.fill(mask, batch.period() == 0 ? 1f : 0f);
        for (int a = 0; a < actors.size(); a++) {
            RecurrentNet net = actors.get(a);
            // Weights epoch 0: the weights are compared with their packed copies at every step, as
            // a caller may change them between steps.
            net.step(obs, mask, n, hidden[a], logits[a], ws, 0);
            float[] l = logits[a];
            int k = net.config().outputs();
            for (int i = 0; i < n; i++) {
                // Rng.categorical's draw, its weights taken in lanes (Kernels.categoricalIndex).
                chosen[a][i] = greedy ? argmax(l, i * k, k)
                        : Kernels.categoricalIndex(l, i * k, k, rngs[i].nextDouble(), weights);
            }
        }
        int orders = batch.scenario().maxOrder() + 1;
        for (int i = 0; i < n; i++) {
            if (actors.size() == 1) {
                priceOut[i] = chosen[0][i] / orders;
                orderOut[i] = chosen[0][i] % orders;
            } else {
                priceOut[i] = chosen[0][i];
                orderOut[i] = chosen[1][i];
            }
        }
    }

    /** The index of the largest of {@code x[off..off+n)} relative to {@code off}, the lowest on ties (greedy decisions, docs/model.md §8.11). */
    public static int argmax(float[] x, int off, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (x[off + k] > x[off + best]) {
                best = k;
            }
        }
        return best;
    }
}
