package org.retailrl.nn;

import java.util.List;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;

/**
 * Layer normalisation over the last axis with a learned gain and bias (Ba et al. 2016; one of
 * the layers docs/model.md §8 networks may use): {@code γ ⊙ (x − μ)/√(σ² + ε) + β}, with the biased
 * variance as PyTorch. {@code γ} starts at 1 and {@code β} at 0.
 */
public final class LayerNorm implements Module {
    private final int width;
    private final float eps;
    private final Parameter gain;
    private final Parameter bias;

    /**
     * @param width size of the normalised (last) axis, >= 1
     * @param eps   variance floor, finite and > 0 (PyTorch: 1e-5)
     */
    public LayerNorm(String name, int width, float eps) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        if (!(eps > 0) || !Float.isFinite(eps)) {
            throw new IllegalArgumentException("eps must be finite and > 0, got " + eps);
        }
        this.width = width;
        this.eps = eps;
        gain = new Parameter(name + ".weight", Tensor.zeros(width).fill(1f));
        bias = new Parameter(name + ".bias", Tensor.zeros(width));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gain, bias);
    }

    /** The gain γ {@code [width]}. */
    public Parameter gain() {
        return gain;
    }

    /** The bias β {@code [width]}. */
    public Parameter bias() {
        return bias;
    }

    /** Normalises {@code x [..., width]}. */
    public Var forward(Var x) {
        if (x.value().rank() == 0 || x.value().dim(-1) != width) {
            throw new IllegalArgumentException("LayerNorm: input shape " + java.util.Arrays.toString(x.shape()) + " must end in " + width);
        }
        return Ops.layerNorm(x, gain.leaf(x.tape()), bias.leaf(x.tape()), eps);
    }
}
