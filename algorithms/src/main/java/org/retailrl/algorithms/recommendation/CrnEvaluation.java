package org.retailrl.algorithms.recommendation;

import org.retailrl.envs.recommendation.RecommendationEnv;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationState;

/**
 * Evaluates {@link RecommendationPolicy}s on the docs/model.md §3 simulator with common random
 * numbers: episode {@code e} of a run seeded {@code seed} resets the environment to
 * {@code Rng.stream(seed, e)} for every policy, so policies that expose alike see the same demand,
 * and differences between policies are estimated from paired episodes
 * ({@link MeanInterval#ofDifference}). Rewards are undiscounted episode sums, currency units.
 */
public final class CrnEvaluation {
    private CrnEvaluation() {
    }

    /** Total reward of each of {@code episodes} episodes. */
    public static double[] episodeRewards(RecommendationScenario s, RecommendationPolicy policy, long seed,
            int episodes) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        double[] out = new double[episodes];
        RecommendationEnv env = new RecommendationEnv(s);
        int[] orders = new int[s.products()];
        double[] exposure = new double[s.products() * s.customers()];
        for (int e = 0; e < episodes; e++) {
            env.reset(seed, e);
            policy.beginEpisode(seed, e);
            double total = 0;
            while (!env.done()) {
                RecommendationState st = env.state();
                policy.act(st, orders, exposure);
                var step = env.step(orders, exposure);
                policy.observe(step.info());
                total += step.reward();
            }
            out[e] = total;
        }
        return out;
    }

    /** Mean episode reward with its 95 % interval. */
    public static MeanInterval evaluate(RecommendationScenario s, RecommendationPolicy policy, long seed,
            int episodes) {
        return MeanInterval.of(episodeRewards(s, policy, seed, episodes));
    }
}
