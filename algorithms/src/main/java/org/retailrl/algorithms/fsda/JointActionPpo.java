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
    /** Settings of the joint-action PPO comparison. */
    public static final PpoConfig DEFAULTS = PpoConfig.DEFAULTS;

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
