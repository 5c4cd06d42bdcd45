package org.retailrl.envs.gbdt;

/**
 * The loss a {@link GbdtModel} minimises (docs/model.md §5): its gradient and Hessian with respect to
 * the raw score {@code s}, the constant starting score, the per-row loss used for early stopping,
 * and the link from raw score to prediction.
 *
 * <ul>
 *   <li>{@link #L2}: squared error, identity link.</li>
 *   <li>{@link #POISSON}: Poisson negative log-likelihood with log link, {@code μ = exp(s)}; the
 *       target must be ≥ 0 (a count, as demand is). As in LightGBM the Hessian is
 *       {@code exp(s + 0.7)}, which bounds each Newton step when a leaf holds mostly zeros.</li>
 *   <li>{@link #TWEEDIE}: Tweedie deviance with log link and variance power {@code ρ ∈ (1, 2)}
 *       (compound Poisson–gamma: zeros plus a continuous positive part).</li>
 * </ul>
 * Exponentials use {@link StrictMath} so that training is bit-identical across JVMs and runs.
 */
public enum Objective {
    /** Squared error. */
    L2,
    /** Poisson with log link. */
    POISSON,
    /** Tweedie with log link. */
    TWEEDIE;

    /** LightGBM's {@code poisson_max_delta_step}: the Hessian is evaluated at {@code s + 0.7}. */
    static final double POISSON_MAX_DELTA_STEP = 0.7;

    /** Whether the prediction is {@code exp(raw)}. */
    public boolean logLink() {
        return this != L2;
    }

    /** The prediction for raw score {@code raw}. */
    public double transform(double raw) {
        return this == L2 ? raw : StrictMath.exp(raw);
    }

    /** Checks a target value; returns an error text or {@code null}. */
    String checkTarget(double y) {
        if (!Double.isFinite(y)) {
            return "must be finite";
        }
        if (this != L2 && y < 0) {
            return "must be >= 0 for the " + name().toLowerCase(java.util.Locale.ROOT) + " objective";
        }
        return null;
    }

    /** The constant raw score that minimises the loss over {@code y} (summed in index order). */
    double initScore(double[] y, int[] rows, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += y[rows == null ? i : rows[i]];
        }
        double mean = sum / Math.max(1, n);
        if (this == L2) {
            return mean;
        }
        // The log of a zero mean is -inf; a tiny floor keeps every score finite.
        return Math.log(Math.max(mean, 1e-9));
    }

    /** Fills {@code grad[i]} and {@code hess[i]} for rows {@code [from, to)}. */
    void gradients(double[] y, double[] score, double[] grad, double[] hess, double rho, int from, int to) {
        switch (this) {
            case L2 -> {
                for (int i = from; i < to; i++) {
                    grad[i] = score[i] - y[i];
                    hess[i] = 1.0;
                }
            }
            case POISSON -> {
                for (int i = from; i < to; i++) {
                    double mu = StrictMath.exp(score[i]);
                    grad[i] = mu - y[i];
                    hess[i] = StrictMath.exp(score[i] + POISSON_MAX_DELTA_STEP);
                }
            }
            case TWEEDIE -> {
                for (int i = from; i < to; i++) {
                    double a = StrictMath.exp((1 - rho) * score[i]);
                    double b = StrictMath.exp((2 - rho) * score[i]);
                    grad[i] = -y[i] * a + b;
                    hess[i] = -y[i] * (1 - rho) * a + (2 - rho) * b;
                }
            }
        }
    }

    /** The loss of one row (up to a constant in {@code y}), the early-stopping metric. */
    double loss(double y, double raw, double rho) {
        return switch (this) {
            case L2 -> (raw - y) * (raw - y);
            case POISSON -> StrictMath.exp(raw) - y * raw;
            case TWEEDIE -> -y * StrictMath.exp((1 - rho) * raw) / (1 - rho) + StrictMath.exp((2 - rho) * raw) / (2 - rho);
        };
    }
}
