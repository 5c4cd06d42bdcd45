package org.retailrl.algorithms.fsda;

import org.retailrl.algorithms.ppo.PpoConfig;
import org.retailrl.algorithms.ppo.PpoTrainer;
import org.retailrl.algorithms.rl.PricingBatchEnv;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * The single-agent comparison of seed 003 §3.5 / MODEL.md §8 FSDA: one recurrent PPO agent over the
 * joint action {@code (price, order)} — a flat softmax over {@code #prices × (Q + 1)} actions
 * (21 × 21 = 441 by default) rather than a factorised two-head policy, so that it can represent any
 * joint distribution and differs from FSDA only in the decomposition.
 */
public final class JointActionPpo {
    /**
     * Settings of the joint-action comparison: the same actor-side values as FSDA
     * ({@link FsdaConfig#PRICING_PPO}, whose Javadoc gives the reasons), so that the two differ only
     * in the decomposition of the action. CleanRL's values stay reachable as
     * {@link PpoConfig#DEFAULTS}.
     */
    public static final PpoConfig DEFAULTS = FsdaConfig.PRICING_PPO;

    /** Environment copies per update in the default comparison run. */
    public static final int DEFAULT_COPIES = FsdaConfig.DEFAULT_COPIES;

    /** Training episodes (updates) per seed in the default comparison run. */
    public static final int DEFAULT_EPISODES = FsdaConfig.DEFAULT_EPISODES;

    private JointActionPpo() {
    }

    /** A PPO trainer on {@code copies} copies of {@code scenario} with the joint action. */
    public static PpoTrainer create(PricingScenario scenario, int copies, PpoConfig config, long seed, int episodes) {
        return new PpoTrainer(new PricingBatchEnv(scenario, copies, PricingBatchEnv.Agents.JOINT), config, seed, episodes);
    }

    /** The price index of joint action {@code a} in {@code scenario}. */
    public static int priceIndex(PricingScenario scenario, int a) {
        return a / (scenario.maxOrder() + 1);
    }

    /** The order quantity of joint action {@code a} in {@code scenario}. */
    public static int orderQuantity(PricingScenario scenario, int a) {
        return a % (scenario.maxOrder() + 1);
    }
}
