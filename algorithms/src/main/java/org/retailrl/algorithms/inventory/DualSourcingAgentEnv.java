package org.retailrl.algorithms.inventory;

import org.retailrl.algorithms.pricing.PricingBatchEnv;
import org.retailrl.algorithms.rl.FactorLayout;
import org.retailrl.envs.inventory.DualSourcingBatch;
import org.retailrl.envs.inventory.DualSourcingScenario;

/**
 * The dual-sourcing simulator of docs/model.md §7.2 ({@link DualSourcingBatch}) as an environment of
 * the learner core: one agent whose action has two factors, the regular order {@code 0..maxRegular}
 * and the expedited order {@code 0..maxExpedited}.
 *
 * <p><b>Observation</b>: the simulator's state (net inventory, the regular orders in transit, the
 * expedited ones) and the inventory position (net inventory plus everything in transit), each
 * divided by the mean demand over {@code l_r + 1} periods and compressed beyond ±1 logarithmically
 * ({@link PricingBatchEnv#squash}); net inventory is negative under backlog.
 */
public final class DualSourcingAgentEnv extends InventoryAgentEnv {
    private final DualSourcingBatch batch;
    private final float scale;
    private final int[] state;

    /** {@code copies} copies of {@code scenario}, episodes of the scenario's horizon. */
    public DualSourcingAgentEnv(DualSourcingScenario scenario, int copies) {
        this(new DualSourcingBatch(scenario, copies));
    }

    private DualSourcingAgentEnv(DualSourcingBatch batch) {
        super(batch);
        this.batch = batch;
        DualSourcingScenario s = batch.scenario();
        this.scale = (float) (1.0 / Math.max(1e-9, s.demand().mean() * (s.regularLead() + 1)));
        this.state = new int[batch.observationSize()];
    }

    @Override
    public DualSourcingBatch batch() {
        return batch;
    }

    @Override
    public int observationSize() {
        return state.length + 1;
    }

    @Override
    public FactorLayout actionLayout(int agent) {
        if (agent != 0) {
            throw new IllegalArgumentException("agent must be 0, got " + agent);
        }
        return new FactorLayout(batch.scenario().maxRegular() + 1, batch.scenario().maxExpedited() + 1);
    }

    @Override
    public void encode(float[] out) {
        int d = state.length + 1;
        for (int i = 0; i < batch.copies(); i++) {
            batch.state(i, state);
            int position = 0;
            for (int k = 0; k < state.length; k++) {
                out[i * d + k] = PricingBatchEnv.squash(state[k] * scale);
                position += state[k];
            }
            out[i * d + state.length] = PricingBatchEnv.squash(position * scale);
        }
    }

    /** Factor 0 is the regular order, factor 1 the expedited one: the simulator's layout. */
    @Override
    public void decode(int[] choices, int[] actions) {
        System.arraycopy(choices, 0, actions, 0, 2 * batch.copies());
    }
}
