package org.retailrl.algorithms.recommendation;

import org.retailrl.envs.recommendation.RecommendationState;

/**
 * The recommendation half of a {@link RecommendationPolicy} (docs/model.md §3): the exposure
 * {@code α^{i,j}}, row-major {@code [i·M + j]}, each row a distribution over customers.
 */
public interface ExposureRule {
    /** Writes the exposure of the coming period into {@code out} ({@code N·M}). */
    void exposure(RecommendationState state, double[] out);
}
