package org.retailrl.autodiff;

import java.util.ArrayList;
import org.retailrl.core.Tensor;
import org.retailrl.core.parallel.WorkerTeam;

/**
 * A reverse-mode tape (docs/model.md §8: every network is trained by gradients computed here). Each op
 * computes its value eagerly and records one backward closure that <em>adds</em> into its inputs'
 * gradients; {@link #backward(Var)} runs the closures in reverse order of recording — a loop, not
 * a recursion, so a GRU unrolled over thousands of steps cannot overflow the stack.
 *
 * <p>A tape is single-threaded and reusable: {@link #reset()} forgets the recorded ops and
 * returns the temporary buffers to a pool, so a training step does not allocate big arrays once
 * the pool is warm.
 *
 * <p>Ops themselves may use several threads: a tape can carry a {@link WorkerTeam}, and the big
 * layers ({@code Linear}, {@code GRULayer}) split their work over it by output, so their results
 * are bit-identical to the serial ones. The tape's own bookkeeping stays on the calling thread.
 */
public final class Tape {
    private final ArrayList<Runnable> ops = new ArrayList<>();
    private final BufferPool pool = new BufferPool();
    private boolean gradEnabled = true;
    private boolean backwardDone;
    private WorkerTeam team = WorkerTeam.SERIAL;
    private long weightsEpoch;

    /**
     * The caller's promise about the parameters the ops on this tape read: 0 (the default) makes
     * none, so the layers' inference caches (packed and transposed weights) compare the weights'
     * values at every call; any other value says that no parameter changes while the tape carries
     * it, so each cache compares once per value and then trusts it. A rollout round, during which
     * nothing trains, sets a value used by no other round.
     */
    public long weightsEpoch() {
        return weightsEpoch;
    }

    /** Sets the promise of {@link #weightsEpoch()}; 0 withdraws it. */
    public void setWeightsEpoch(long epoch) {
        this.weightsEpoch = epoch;
    }

    /** The team the ops on this tape may split their work over ({@link WorkerTeam#SERIAL} by default). */
    public WorkerTeam team() {
        return team;
    }

    /** Lets the ops on this tape use {@code team}; results do not depend on its size. */
    public void setTeam(WorkerTeam team) {
        this.team = java.util.Objects.requireNonNull(team, "team");
    }

    /** A node that does not take part in differentiation (inputs, targets, masks). */
    public Var constant(Tensor value) {
        return new Var(this, value, null, false);
    }

    /**
     * A leaf that takes gradients, accumulating into the caller's {@code grad} buffer (the
     * persistent gradient of a parameter). {@code grad} must have the value's shape.
     */
    public Var leaf(Tensor value, Tensor grad) {
        Tensor.checkSameShape("leaf", value, grad);
        return new Var(this, value, grad, true);
    }

    /** A leaf that takes gradients into a pooled buffer (read it with {@link Var#grad()}). */
    public Var leaf(Tensor value) {
        return new Var(this, value, null, true);
    }

    /**
     * Creates the output node of an op. {@code requiresGrad} should be true when any input requires
     * gradients; ops then {@link #record} their backward closure.
     */
    public Var result(Tensor value, boolean requiresGrad) {
        return new Var(this, value, null, requiresGrad && gradEnabled);
    }

    /**
     * Switches gradient recording on or off. With recording off (rollouts, evaluation), ops
     * produce values only: their outputs never require gradients and no closure is recorded
     * ({@link #result} and {@link #record} enforce this for ops written outside this package too).
     */
    public void setGradEnabled(boolean enabled) {
        this.gradEnabled = enabled;
    }

    /** Whether ops record backward closures (see {@link #setGradEnabled}). */
    public boolean isGradEnabled() {
        return gradEnabled;
    }

    /**
     * Records a backward closure; it runs once, in reverse order, during {@link #backward}.
     * Ignored while recording is off.
     */
    public void record(Runnable backward) {
        if (gradEnabled) {
            ops.add(backward);
        }
    }

    /** A zero tensor from the pool, valid until {@link #reset()}. */
    public Tensor zeros(int... shape) {
        return pool.zeros(shape);
    }

    /** An uninitialised (garbage) tensor from the pool, valid until {@link #reset()}. */
    public Tensor empty(int... shape) {
        return pool.empty(shape);
    }

    /**
     * How many arrays the tape's pool has created so far: once a repeated training step is warm
     * this stops growing (for tests and diagnostics).
     */
    public long pooledAllocations() {
        return pool.allocations();
    }

    /** Number of recorded ops (for tests and diagnostics). */
    public int size() {
        return ops.size();
    }

    /**
     * Seeds {@code d loss / d loss = 1} (loss must hold one element) and runs every recorded
     * closure in reverse.
     */
    public void backward(Var loss) {
        if (loss.value().size() != 1) {
            throw new IllegalArgumentException("backward: loss must hold one element, shape " + java.util.Arrays.toString(loss.shape()));
        }
        backward(loss, null);
    }

    /**
     * Runs backward from a node of any shape with the given upstream gradient (null means ones).
     * Runs at most once between resets: combine several losses with {@link Ops#add} first.
     */
    public void backward(Var out, Tensor upstream) {
        if (backwardDone) {
            // A second pass would add every intermediate gradient twice: refuse instead of being wrong.
            throw new IllegalStateException("backward: already ran since the last reset(); call reset() and record again");
        }
        if (!out.requiresGrad()) {
            throw new IllegalArgumentException("backward: the output does not depend on any leaf that requires gradients");
        }
        Tensor g = out.grad();
        if (upstream == null) {
            g.fill(1f);
        } else {
            g.copyFrom(upstream);
        }
        backwardDone = true;
        for (int i = ops.size() - 1; i >= 0; i--) {
            ops.get(i).run();
        }
    }

    /** Forgets every recorded op and recycles the pooled buffers. Vars of this tape become invalid. */
    public void reset() {
        ops.clear();
        pool.releaseAll();
        backwardDone = false;
    }
}
