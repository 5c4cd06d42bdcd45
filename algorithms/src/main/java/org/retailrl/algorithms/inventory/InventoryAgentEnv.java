package org.retailrl.algorithms.inventory;

import org.retailrl.algorithms.pricing.PricingBatchEnv;
import org.retailrl.algorithms.rl.AgentEnv;
import org.retailrl.algorithms.rl.FactorLayout;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.inventory.InventoryBatch;

/**
 * A batched simulator of docs/model.md §7 ({@link InventoryBatch}) as an {@link AgentEnv} of the
 * learner core (§8.13): one agent, one view, every decision of a period one factor of the agent's
 * action layout ({@link #layout()}), in the simulator's action order.
 *
 * <p><b>Observation</b>: the simulator's state vector ({@link InventoryBatch#state}) and the sum of its
 * entries (the inventory position), each divided by the subclass's unit and compressed beyond ±1
 * logarithmically ({@link PricingBatchEnv#squash}), so the stock an untrained policy piles up stays
 * within a few units.
 *
 * <p><b>Reward</b>: minus the period's cost divided by the episode length {@code T}, so the
 * undiscounted episode reward the trainer reports is minus the episode's average cost per period —
 * the number the tables compare. The learner's reward scaling makes training independent of that
 * constant factor.
 *
 * <p><b>Episodes</b>: the problems are stationary and infinite-horizon; {@code T} only cuts
 * trajectories for training. Episode batch {@code e} resets copy {@code i} onto
 * {@code Rng.stream(seed, e·N + i)} from the scenario's start state, so episodes never share a
 * stream.
 */
public abstract class InventoryAgentEnv implements AgentEnv {
    private final InventoryBatch batch;
    private final int[] actions;
    private final double[] cost;
    private final double perPeriod;
    private final float scale;
    private final int[] state;

    /** Wraps {@code batch} (its horizon is the episode length); stock is observed in units of {@code unit} > 0. */
    protected InventoryAgentEnv(InventoryBatch batch, double unit) {
        this.batch = batch;
        this.scale = (float) (1.0 / unit);
        this.state = new int[batch.observationSize()];
        this.actions = new int[batch.copies() * batch.actionSpec().dimension()];
        this.cost = new double[batch.copies()];
        this.perPeriod = 1.0 / batch.horizon();
    }

    /** The simulator. */
    public InventoryBatch batch() {
        return batch;
    }

    @Override
    public final int copies() {
        return batch.copies();
    }

    @Override
    public final int horizon() {
        return batch.horizon();
    }

    @Override
    public final int agents() {
        return 1;
    }

    @Override
    public final int viewSize(int view) {
        if (view != 0) {
            throw new IllegalArgumentException("view must be 0, got " + view);
        }
        return observationSize();
    }

    /** Floats per copy in the observation: the state and the position. */
    public final int observationSize() {
        return state.length + 1;
    }

    /** The agent's action factors, one per decision. */
    public abstract FactorLayout layout();

    @Override
    public final FactorLayout actionLayout(int agent) {
        if (agent != 0) {
            throw new IllegalArgumentException("agent must be 0, got " + agent);
        }
        return layout();
    }

    @Override
    public void reset(long seed, long episode) {
        batch.reset(seed, Math.multiplyExact(episode, (long) batch.copies()));
    }

    @Override
    public final void observe(int view, float[] out) {
        encode(out);
    }

    /** Writes every copy's scaled observation of the batch's current state, copy {@code i} at {@code out[i·d ..]}. */
    public final void encode(float[] out) {
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

    /**
     * Turns every copy's choices ({@code choices[i·F + f]}, factor {@code f} of the layout) into the
     * simulator's actions ({@code actions[i·d ..]}, laid out as {@link InventoryBatch#step}) for the
     * batch's current state. By default the factors are the simulator's order quantities in order,
     * so this is a copy; an adapter whose choices mean something else (a target position) overrides it.
     */
    public void decode(int[] choices, int[] actions) {
        System.arraycopy(choices, 0, actions, 0, actions.length);
    }

    @Override
    public final void step(int[][] choices, Rng[] streams, double[] rewardOut) {
        decode(choices[0], actions);
        batch.step(actions, cost);
        for (int i = 0; i < cost.length; i++) {
            rewardOut[i] = -cost[i] * perPeriod;
        }
    }
}
