package org.retailrl.nn;

import java.util.Arrays;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;

/**
 * A named trainable tensor of a network (docs/model.md §8 networks): its value and a persistent
 * gradient buffer of the same shape, into which every backward pass <em>adds</em>. Optimisers read
 * the gradient and update the value in place; {@link #zeroGrad()} clears the gradient between
 * updates. Values are dimensionless network weights.
 */
public final class Parameter {
    private final String name;
    private final Tensor value;
    private final Tensor grad;

    /** A parameter named {@code name} holding {@code value} (kept, not copied) with a zero gradient. */
    public Parameter(String name, Tensor value) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("name must be a non-empty string");
        }
        this.name = name;
        this.value = value;
        this.grad = Tensor.zeros(value.shape());
    }

    /** The dotted name, e.g. {@code "actor.gru.0.weight_hh"}; unique within a module. */
    public String name() {
        return name;
    }

    /** The value tensor (updated in place by optimisers and model loading). */
    public Tensor value() {
        return value;
    }

    /** The accumulated gradient, same shape as the value. */
    public Tensor grad() {
        return grad;
    }

    /** Number of scalar weights. */
    public int size() {
        return value.size();
    }

    /** Sets the gradient to zero. */
    public void zeroGrad() {
        Arrays.fill(grad.data(), 0f);
    }

    /** A tape leaf over the value whose backward accumulates straight into {@link #grad()}. */
    public Var leaf(Tape tape) {
        return tape.leaf(value, grad);
    }

    @Override
    public String toString() {
        return "Parameter(" + name + ", " + Arrays.toString(value.shape()) + ")";
    }
}
