package org.retailrl.nn;

import java.util.List;
import java.util.function.Predicate;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter 2019; PyTorch's {@code torch.optim.AdamW}),
 * the optimiser of the Decision Transformer of docs/model.md §6.3: every decayed parameter is first
 * shrunk, {@code θ ← θ·(1 − lr·λ)}, then the plain {@link Adam} step is taken, in PyTorch's order.
 * Which parameters decay is the caller's choice (usually the weight matrices, not biases, gains or
 * embeddings).
 */
public final class AdamW implements Optimizer {
    private final Adam adam;
    private final List<Parameter> decayed;
    private final double weightDecay;

    /**
     * @param params      every trained parameter
     * @param config      Adam's hyperparameters
     * @param weightDecay λ, finite and in [0, 1]
     * @param decays      which of {@code params} decay
     */
    public AdamW(List<Parameter> params, AdamConfig config, double weightDecay, Predicate<Parameter> decays) {
        if (!(weightDecay >= 0 && weightDecay <= 1)) {
            throw new IllegalArgumentException("weightDecay must be in [0, 1], got " + weightDecay);
        }
        this.adam = new Adam(params, config);
        this.decayed = params.stream().filter(decays).toList();
        this.weightDecay = weightDecay;
    }

    /** The wrapped Adam (its state is this optimiser's state). */
    public Adam adam() {
        return adam;
    }

    /** λ. */
    public double weightDecay() {
        return weightDecay;
    }

    @Override
    public void step() {
        float shrink = (float) (1 - adam.learningRate() * weightDecay);
        if (shrink != 1f) {
            for (Parameter p : decayed) {
                float[] w = p.value().data();
                for (int i = 0; i < w.length; i++) {
                    w[i] *= shrink;
                }
            }
        }
        adam.step();
    }

    @Override
    public double learningRate() {
        return adam.learningRate();
    }

    @Override
    public void setLearningRate(double lr) {
        adam.setLearningRate(lr);
    }
}
