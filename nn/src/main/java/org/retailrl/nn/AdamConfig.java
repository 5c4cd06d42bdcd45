package org.retailrl.nn;

/**
 * Adam's hyperparameters with the defaults of docs/model.md §8 PPO (CleanRL: lr 3e-4, ε = 1e-5) in
 * one place; {@link #DEFAULTS} is pinned by a test.
 *
 * @param lr    step size (per update, unitless), > 0
 * @param beta1 decay of the first-moment average, in [0, 1)
 * @param beta2 decay of the second-moment average, in [0, 1)
 * @param eps   added to √v̂ for stability, > 0
 */
public record AdamConfig(double lr, double beta1, double beta2, double eps) {
    /** lr 3e-4, β1 0.9, β2 0.999, ε 1e-5. */
    public static final AdamConfig DEFAULTS = new AdamConfig(3e-4, 0.9, 0.999, 1e-5);

    /** Validates the ranges. */
    public AdamConfig {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("lr must be finite and > 0, got " + lr);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        }
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("eps must be finite and > 0, got " + eps);
        }
    }

    /** A copy with another learning rate. */
    public AdamConfig withLr(double newLr) {
        return new AdamConfig(newLr, beta1, beta2, eps);
    }
}
