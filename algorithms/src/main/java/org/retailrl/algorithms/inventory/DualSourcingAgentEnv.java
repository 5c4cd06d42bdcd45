package org.retailrl.algorithms.inventory;

import org.retailrl.algorithms.rl.FactorLayout;
import org.retailrl.envs.inventory.DualSourcingBatch;
import org.retailrl.envs.inventory.DualSourcingScenario;

/**
 * The dual-sourcing simulator of docs/model.md §7.2 ({@link DualSourcingBatch}) as an environment of
 * the learner core: one agent whose action has two factors, the regular order {@code 0..maxRegular}
 * and the expedited order {@code 0..maxExpedited}.
 *
 * <p><b>Observation</b>: net inventory (negative under backlog), the regular orders in transit, the
 * expedited ones, and the inventory position, in units of the mean demand over {@code l_r + 1}
 * periods (see {@link InventoryAgentEnv}).
 */
public final class DualSourcingAgentEnv extends InventoryAgentEnv {
    private final DualSourcingBatch batch;

    /** {@code copies} copies of {@code scenario}, episodes of the scenario's horizon. */
    public DualSourcingAgentEnv(DualSourcingScenario scenario, int copies) {
        this(new DualSourcingBatch(scenario, copies));
    }

    private DualSourcingAgentEnv(DualSourcingBatch batch) {
        super(batch, Math.max(1e-9, batch.scenario().demand().mean() * (batch.scenario().regularLead() + 1)));
        this.batch = batch;
    }

    @Override
    public DualSourcingBatch batch() {
        return batch;
    }

    @Override
    public FactorLayout layout() {
        return new FactorLayout(batch.scenario().maxRegular() + 1, batch.scenario().maxExpedited() + 1);
    }
}
