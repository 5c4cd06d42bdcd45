package org.retailrl.algorithms.recommendation;

import org.retailrl.core.random.Rng;
import org.retailrl.envs.recommendation.RecommendationState;

/**
 * Random replenishment for docs/model.md §3 (the "replenishment replaced by random choices" of Jiang et al.
 * §VI.B): each {@code q^i} i.i.d. uniform on {@code 0..maxOrder} units. Episode {@code e} of a run
 * seeded {@code s} draws from its own stream {@code Rng.stream(s ^ SALT, e)}, disjoint from the
 * environment's, so two runs on the same seeds order alike.
 */
public final class RandomReplenishment implements ReplenishmentRule {
    /** Separates the policy's streams from the environment's {@code Rng.stream(seed, e)}. */
    public static final long SALT = 0x0dde_5eed_0dde_5eedL;
    private final int maxOrder;
    private Rng rng;

    /** Orders uniform on {@code 0..maxOrder}; {@code maxOrder ≥ 0}. */
    public RandomReplenishment(int maxOrder) {
        if (maxOrder < 0) {
            throw new IllegalArgumentException("maxOrder must be >= 0, got " + maxOrder);
        }
        this.maxOrder = maxOrder;
        this.rng = Rng.stream(SALT, 0);
    }

    @Override
    public void beginEpisode(long seed, long episode) {
        rng = Rng.stream(seed ^ SALT, episode);
    }

    @Override
    public void orders(RecommendationState state, int[] out) {
        for (int i = 0; i < state.products(); i++) {
            out[i] = rng.nextInt(maxOrder + 1);
        }
    }

    @Override
    public String toString() {
        return "random-orders[0.." + maxOrder + "]";
    }
}
