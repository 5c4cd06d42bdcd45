package org.retailrl.algorithms.recommendation;

import org.retailrl.envs.recommendation.RecommendationInfo;
import org.retailrl.envs.recommendation.RecommendationState;

/**
 * A policy for the inventory-with-recommendation problem of docs/model.md §3: from the state at the
 * start of a period it chooses the orders {@code q^i} (units, {@code 0..Q}) and the exposure
 * {@code α} ({@code N × M}, row-major, each row a distribution over customers).
 */
public interface RecommendationPolicy {
    /**
     * Called before each episode, so that a randomised policy can draw from its own stream of the
     * episode (common random numbers across policies compared on the same seeds).
     */
    default void beginEpisode(long seed, long episode) {
    }

    /** Writes the period's decisions into {@code orders} ({@code N}) and {@code exposure} ({@code N·M}). */
    void act(RecommendationState state, int[] orders, double[] exposure);

    /**
     * Called after every period with what happened in it (its demand and sales are what the
     * decentralised views of {@link ObservationView} show next period); by default ignored.
     */
    default void observe(RecommendationInfo outcome) {
    }

    /** A policy whose orders come from {@code replenishment} and exposure from {@code recommendation}. */
    static RecommendationPolicy of(ReplenishmentRule replenishment, ExposureRule recommendation) {
        if (replenishment == null || recommendation == null) {
            throw new IllegalArgumentException("replenishment and recommendation rules must not be null");
        }
        return new RecommendationPolicy() {
            @Override
            public void beginEpisode(long seed, long episode) {
                replenishment.beginEpisode(seed, episode);
            }

            @Override
            public void act(RecommendationState state, int[] orders, double[] exposure) {
                replenishment.orders(state, orders);
                recommendation.exposure(state, exposure);
            }

            @Override
            public String toString() {
                return replenishment + " + " + recommendation;
            }
        };
    }
}
