package org.retailrl.algorithms.eval;

import org.retailrl.algorithms.pricing.BatchPricingPolicy;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * Plays whole episodes (the §8 evaluation protocol's unit) of a docs/model.md §1 scenario with a {@link BatchPricingPolicy} and returns each
 * episode's total profit (currency, {@code Σ_t γ^{t−1} r_t}). Episode {@code e} of a call with
 * {@code seed} always runs on the simulator's stream {@code Rng.stream(seed, e)}, whatever the
 * policy: this is what makes evaluations use common random numbers.
 */
public final class Rollout {
    private Rollout() {
    }

    /** Undiscounted total profit of each of {@code episodes} episodes. */
    public static double[] profits(PricingScenario scenario, BatchPricingPolicy policy, long seed, int episodes) {
        return profits(scenario, policy, seed, episodes, 1.0);
    }

    /** Total profit discounted by {@code discount ∈ (0, 1]} of each of {@code episodes} episodes. */
    public static double[] profits(PricingScenario scenario, BatchPricingPolicy policy, long seed, int episodes,
            double discount) {
        if (episodes < 1 || episodes > 10_000_000) {
            throw new IllegalArgumentException("episodes must be in [1, 10000000], got " + episodes);
        }
        if (!(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("discount must be in (0, 1], got " + discount);
        }
        PricingBatch batch = new PricingBatch(scenario, episodes);
        batch.reset(seed);
        policy.reset(batch);
        int[] price = new int[episodes];
        int[] order = new int[episodes];
        double[] reward = new double[episodes];
        double[] total = new double[episodes];
        double weight = 1;
        for (int t = 0; t < scenario.horizon(); t++) {
            policy.act(batch, price, order);
            batch.step(price, order, reward);
            for (int e = 0; e < episodes; e++) {
                total[e] += weight * reward[e];
            }
            weight *= discount;
        }
        return total;
    }
}
