package org.retailrl.envs.inventory;

import org.retailrl.core.random.RawStreams;
import org.retailrl.core.simd.LaneArrays;
import org.retailrl.envs.ActionSpec;

/**
 * What every batched simulator of docs/model.md §7 shares: the copy count, the action encoding, the
 * per-copy random streams ({@code Rng.stream(seed, firstStream + i)} held as raw arrays), the
 * period counter and the reset-before-step rule.
 */
abstract class BatchBase implements InventoryBatch {
    protected final int copies;
    protected final long[] seed;
    protected final long[] gamma;
    protected int period;
    private final ActionSpec actionSpec;
    private final int horizon;
    private boolean started;

    BatchBase(int copies, ActionSpec actionSpec, int horizon) {
        this.copies = Check.copies(copies);
        this.actionSpec = actionSpec;
        this.horizon = horizon;
        this.seed = LaneArrays.longs(copies);
        this.gamma = LaneArrays.longs(copies);
    }

    /** Loads every copy's stream and zeroes the period counter; subclasses then reset their state. */
    protected final void resetStreams(long seed, long firstStream) {
        for (int i = 0; i < copies; i++) {
            RawStreams.load(this.seed, gamma, i, seed, firstStream + i);
        }
        period = 0;
        started = true;
    }

    /** Checks that a step may run and that the buffers hold {@code copies} actions and costs. */
    protected final void checkStep(int[] actions, double[] costOut) {
        if (!started) {
            throw new IllegalStateException("call reset(seed, firstStream) before step");
        }
        Check.length("actions", actions, actionSpec.dimension() * copies);
        Check.length("costOut", costOut, copies);
    }

    /**
     * {@link #observe} through {@link #state}, for simulators whose observation is exactly their
     * integer state.
     */
    protected final void observeStates(float[] out, int off) {
        int dim = observationSize();
        Check.observeBuffer(out, off, (long) dim * copies);
        int[] buf = new int[dim];
        for (int i = 0; i < copies; i++) {
            state(i, buf);
            for (int k = 0; k < dim; k++) {
                out[off + i * dim + k] = buf[k];
            }
        }
    }

    /** The next uniform of copy {@code i}'s stream. */
    protected final double uniform(int i) {
        return RawStreams.nextDouble(seed, gamma, i);
    }

    @Override
    public final ActionSpec actionSpec() {
        return actionSpec;
    }

    @Override
    public final int copies() {
        return copies;
    }

    @Override
    public final int horizon() {
        return horizon;
    }

    @Override
    public final int period() {
        return period;
    }
}
