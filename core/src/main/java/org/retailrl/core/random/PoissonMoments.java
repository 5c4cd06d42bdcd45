package org.retailrl.core.random;

/**
 * Exact partial moments of a Poisson variable for the one-step pricing lookahead of the strong
 * heuristics (docs/model.md §8.10): {@link #expectedMin} is the scalar reference of the batched
 * kernel {@code Kernels.poissonExpectedMin} (§8.12), whose vector lanes repeat its operations in
 * the same order and so give the same bits.
 */
public final class PoissonMoments {
    /** Means above this start each term in log space: {@code e^{−λ}} would underflow. */
    public static final double DIRECT_LIMIT = 600;
    /** The sum stops once the tail {@code P(D > k)} is below this and {@code k > λ}. */
    public static final double TAIL = 1e-15;

    private PoissonMoments() {
    }

    /**
     * {@code E[min(D, x)]} for {@code D ~ Poisson(λ)}, as {@code Σ_{k<x} P(D > k)} summed until the
     * tail is below {@link #TAIL} past the mean; {@code x} when {@code x ≤ 0} (then
     * {@code min(D, x) = x}), 0 when {@code λ ≤ 0}. The probabilities follow
     * {@code P(k) = P(k−1)·(λ/k)} from {@code P(0) = Math.exp(−λ)} up to {@link #DIRECT_LIMIT},
     * and {@code exp(}{@link SpecialFunctions#logPoissonPmf}{@code )} above it.
     *
     * @throws IllegalArgumentException when {@code λ} is NaN or infinite (and {@code x > 0})
     */
    public static double expectedMin(double lambda, int x) {
        if (x <= 0) {
            return x;
        }
        if (lambda <= 0) {
            return 0;
        }
        double sum = 0;
        double cdf = 0;
        if (lambda <= DIRECT_LIMIT) {
            double pmf = Math.exp(-lambda);
            for (int k = 0; k < x; k++) {
                if (k > 0) {
                    pmf *= lambda / k;
                }
                cdf += pmf;
                double tail = 1 - cdf;
                if (tail < TAIL && k > lambda) {
                    break;
                }
                sum += tail;
            }
        } else {
            for (int k = 0; k < x; k++) {
                cdf += Math.exp(SpecialFunctions.logPoissonPmf(k, lambda));
                double tail = 1 - cdf;
                if (tail < TAIL && k > lambda) {
                    break;
                }
                sum += tail;
            }
        }
        return sum;
    }
}
