package org.retailrl.algorithms.recommendation;

import java.util.Arrays;
import org.retailrl.envs.recommendation.RecommendationState;

/** Uniform recommendation for docs/model.md §3: {@code α^{i,j} = 1/M}, the same for every state. */
public final class UniformExposure implements ExposureRule {
    private final int customers;

    /** For {@code customers ≥ 1} customers. */
    public UniformExposure(int customers) {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be >= 1, got " + customers);
        }
        this.customers = customers;
    }

    @Override
    public void exposure(RecommendationState state, double[] out) {
        Arrays.fill(out, 0, state.products() * customers, 1.0 / customers);
    }

    @Override
    public String toString() {
        return "uniform";
    }
}
