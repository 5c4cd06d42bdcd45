package org.retailrl.algorithms.recommendation;

import org.retailrl.envs.recommendation.RecommendationState;

/** The replenishment half of a {@link RecommendationPolicy} (docs/model.md §3): orders {@code q^i} in units. */
public interface ReplenishmentRule {
    /** Called before each episode; see {@link RecommendationPolicy#beginEpisode(long, long)}. */
    default void beginEpisode(long seed, long episode) {
    }

    /** Writes {@code q^i ∈ 0..Q} for every product into {@code out}. */
    void orders(RecommendationState state, int[] out);
}
