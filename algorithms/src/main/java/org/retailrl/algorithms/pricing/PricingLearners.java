package org.retailrl.algorithms.pricing;

import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * The learners of docs/model.md §1 as configurations of the learner core ({@link Trainer}):
 * <ul>
 * <li>FSDA (Zheng, Li, Jiang &amp; Peng): two agents — pricing (one action per grid price) and
 *     ordering ({@code Q + 1} order sizes) — each a recurrent actor on the full observation, one
 *     centralised critic, HAPPO updates; which agent is fast, and how, is the configuration's
 *     per-agent schedule ({@link Presets#FSDA}: pricing every round, ordering on
 *     {@code k(n) = 1 + ⌊log₂(1+n)⌋});</li>
 * <li>PPO over the joint action {@code (price, order)} — a flat softmax over
 *     {@code #prices × (Q + 1)} actions (21 × 21 = 441 by default) rather than a factorised
 *     policy, so that it can represent any joint distribution and differs from FSDA only in the
 *     decomposition ({@link Presets#PPO_JOINT}).</li>
 * </ul>
 * One round = every copy plays {@code episodesPerUpdate} episodes of the scenario. The
 * configuration is fitted to the scenario ({@link LearnerConfig#fitted}).
 */
public final class PricingLearners {
    private PricingLearners() {
    }

    /** An FSDA-shaped learner (pricing and ordering agents) on {@code copies} copies of {@code scenario}. */
    public static Trainer fsda(PricingScenario scenario, int copies, LearnerConfig config, long seed, int episodes) {
        PricingBatchEnv env = new PricingBatchEnv(scenario, copies, PricingBatchEnv.Agents.PRICING_AND_ORDERING);
        return new Trainer(env, fit(config, scenario, copies), seed, episodes, "pricing", "ordering");
    }

    /** A single agent over the joint (price, order) action on {@code copies} copies of {@code scenario}. */
    public static Trainer ppoJoint(PricingScenario scenario, int copies, LearnerConfig config, long seed,
                                   int episodes) {
        PricingBatchEnv env = new PricingBatchEnv(scenario, copies, PricingBatchEnv.Agents.JOINT);
        return new Trainer(env, fit(config, scenario, copies), seed, episodes, "actor");
    }

    private static LearnerConfig fit(LearnerConfig config, PricingScenario scenario, int copies) {
        return config.fitted(config.episodesPerUpdate() * scenario.horizon(), copies);
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
