package org.retailrl.algorithms.multiproduct;

import java.util.Arrays;
import java.util.List;
import org.retailrl.algorithms.pricing.LearnedPricingPolicy;
import org.retailrl.algorithms.rl.FactorLayout;
import org.retailrl.envs.multiproduct.MultiProductBatch;
import org.retailrl.nn.RecurrentNet;

/**
 * Trained actors of a multi-product learner (docs/model.md §4.3) as a {@link MultiProductPolicy}:
 * every actor reads the learners' observation ({@link MultiProductAgentEnv#observation}), carries
 * its GRU state through the episode (zeroed at the first period) and decides greedily — the
 * arg-max of each factor's logits, lowest index on ties (docs/model.md §8.11). The weights are
 * read, never changed; not thread-safe.
 */
public final class LearnedMultiProductPolicy implements MultiProductPolicy {
    private final String name;
    private final List<RecurrentNet> actors;
    private final MultiProductAgentEnv.Agents split;
    private final RecurrentNet.StepWorkspace ws = new RecurrentNet.StepWorkspace();
    private FactorLayout[] layouts;
    private float[][] hidden;
    private float[][] outputs;
    private float[] raw;
    private float[] full;
    private float[] obs;
    private float[] mask;
    private int[][] chosen;

    /** {@code actors} in the agent order of {@code split} ({@link MultiProductAgentEnv}). */
    public LearnedMultiProductPolicy(String name, List<RecurrentNet> actors, MultiProductAgentEnv.Agents split) {
        this.name = name;
        this.actors = List.copyOf(actors);
        this.split = split;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void reset(MultiProductBatch batch) {
        int copies = batch.copies();
        int rows = copies * MultiProductAgentEnv.rowsPerCopy(batch.scenario(), split);
        MultiProductAgentEnv shape = new MultiProductAgentEnv(batch.scenario(), 1, split);
        if (shape.agents() != actors.size()) {
            throw new IllegalArgumentException("the scenario needs " + shape.agents() + " actors, got " + actors.size());
        }
        int in = MultiProductAgentEnv.viewSize(batch.scenario(), split);
        layouts = new FactorLayout[actors.size()];
        hidden = new float[actors.size()][];
        outputs = new float[actors.size()][];
        chosen = new int[actors.size()][];
        for (int a = 0; a < actors.size(); a++) {
            RecurrentNet.Config c = actors.get(a).config();
            layouts[a] = shape.actionLayout(a);
            if (c.inputs() != in || c.outputs() != layouts[a].width()) {
                throw new IllegalArgumentException("actor " + a + " maps " + c.inputs() + " inputs to " + c.outputs()
                        + " outputs; the scenario needs " + in + " → " + layouts[a].width());
            }
            hidden[a] = new float[c.hiddenSize() * rows];
            outputs[a] = new float[c.outputs() * rows];
            chosen[a] = new int[rows * layouts[a].factors()];
        }
        raw = new float[batch.observationSize()];
        full = new float[MultiProductAgentEnv.observationSize(batch.scenario()) * copies];
        obs = new float[in * rows];
        mask = new float[rows];
    }

    @Override
    public void act(MultiProductBatch batch, int[] priceOut, int[] orderOut) {
        int copies = batch.copies();
        int rows = mask.length;
        MultiProductAgentEnv.observation(batch, split, raw, full, obs);
        Arrays.fill(mask, batch.period() == 0 ? 1f : 0f);
        for (int a = 0; a < actors.size(); a++) {
            float[] logits = outputs[a];
            actors.get(a).step(obs, mask, rows, hidden[a], logits, ws, 0);
            FactorLayout l = layouts[a];
            int w = l.width();
            for (int i = 0; i < rows; i++) {
                for (int f = 0; f < l.factors(); f++) {
                    chosen[a][i * l.factors() + f] = LearnedPricingPolicy.argmax(logits, i * w + l.offset(f), l.size(f));
                }
            }
        }
        MultiProductAgentEnv.decode(split, batch.products(), batch.scenario().maxOrder() + 1, copies, chosen, priceOut,
                orderOut);
    }
}
