package org.retailrl.autodiff;

import org.retailrl.core.Tensor;

/**
 * A node of the reverse-mode tape: a whole tensor value and, when it takes part in
 * differentiation, a gradient tensor of the same shape into which backward closures accumulate.
 * Nodes are tensors, never scalars, so a network step is a handful of nodes (docs/model.md §8 networks).
 */
public final class Var {
    private final Tape tape;
    private final Tensor value;
    private Tensor grad;
    private final boolean requiresGrad;

    Var(Tape tape, Tensor value, Tensor grad, boolean requiresGrad) {
        this.tape = tape;
        this.value = value;
        this.grad = grad;
        this.requiresGrad = requiresGrad;
    }

    /** The tape this node was recorded on. */
    public Tape tape() {
        return tape;
    }

    /** The forward value (do not modify after ops have consumed it). */
    public Tensor value() {
        return value;
    }

    /** Whether gradients flow into this node. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * The gradient buffer, allocated (from the tape's reusable pool) on first use; zero until
     * backward accumulates into it. Null for nodes that do not require gradients.
     */
    public Tensor grad() {
        if (grad == null && requiresGrad) {
            grad = tape.zeros(value.shape());
        }
        return grad;
    }

    /**
     * For a backward closure that writes every element of this node's gradient: when no buffer
     * exists yet, takes one from the tape's pool <em>without zeroing it</em> and returns it, and
     * the caller must then overwrite all of it instead of adding; returns null when a buffer
     * exists already (add into {@link #grad()} as usual) or the node takes no gradient. Spares the
     * zero-fill of large activation gradients, whose first contribution covers them whole.
     */
    public Tensor freshGrad() {
        if (grad != null || !requiresGrad) {
            return null;
        }
        grad = tape.empty(value.shape());
        return grad;
    }

    /** True when a gradient buffer exists already (avoids allocating one just to look). */
    public boolean hasGrad() {
        return grad != null;
    }

    /**
     * Sets the gradient to zero if a buffer exists (for a parameter's persistent gradient between
     * optimiser steps); does not allocate one.
     */
    public void zeroGrad() {
        if (grad != null) {
            grad.fill(0f);
        }
    }

    /** Shorthand for {@code value().shape()}. */
    public int[] shape() {
        return value.shape();
    }

    @Override
    public String toString() {
        return "Var(" + value + (requiresGrad ? ", grad" : "") + ")";
    }
}
