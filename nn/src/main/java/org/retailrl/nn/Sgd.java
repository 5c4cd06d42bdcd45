package org.retailrl.nn;

import java.util.List;
import org.retailrl.core.simd.Kernels;

/**
 * Stochastic gradient descent with optional heavy-ball momentum, as PyTorch's
 * {@code torch.optim.SGD} (dampening 0, no Nesterov): {@code b ← μ b + g; θ ← θ − lr · b}
 * (with {@code μ = 0}: {@code θ ← θ − lr · g}). Part of the optimiser set of docs/model.md §8.
 */
public final class Sgd implements Optimizer {
    private final List<Parameter> params;
    private final double momentum;
    private double lr;
    private final float[][] buf;
    private boolean first = true;

    /**
     * @param lr       step size, finite and >= 0
     * @param momentum momentum μ in [0, 1)
     */
    public Sgd(List<Parameter> params, double lr, double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.params = List.copyOf(params);
        this.momentum = momentum;
        setLearningRate(lr);
        buf = new float[this.params.size()][];
        for (int i = 0; i < buf.length; i++) {
            buf[i] = momentum > 0 ? new float[this.params.get(i).size()] : null;
        }
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        if (!(lr >= 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("lr must be finite and >= 0, got " + lr);
        }
        this.lr = lr;
    }

    @Override
    public void step() {
        float a = (float) -lr;
        for (int p = 0; p < buf.length; p++) {
            float[] w = params.get(p).value().data();
            float[] g = params.get(p).grad().data();
            if (momentum == 0) {
                Kernels.axpy(a, g, 0, w, 0, w.length);
            } else {
                float[] b = buf[p];
                if (first) {
                    // PyTorch starts the buffer at the first gradient, not at μ·0 + g (same value).
                    System.arraycopy(g, 0, b, 0, b.length);
                } else {
                    Kernels.scale((float) momentum, b, 0, b, 0, b.length);
                    Kernels.add(b, 0, g, 0, b, 0, b.length);
                }
                Kernels.axpy(a, b, 0, w, 0, w.length);
            }
        }
        first = false;
    }
}
