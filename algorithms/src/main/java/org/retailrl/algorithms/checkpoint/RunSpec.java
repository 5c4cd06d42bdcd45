package org.retailrl.algorithms.checkpoint;

import org.retailrl.algorithms.fsda.FsdaConfig;
import org.retailrl.algorithms.ppo.PpoConfig;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * Everything that defines a training run of MODEL.md §8 on a §1 scenario, apart from its progress:
 * the learner, the scenario, the number of environment copies, the seed, the planned budget and
 * the hyperparameters. Two runs with equal specs produce bit-identical networks.
 *
 * @param algorithm which learner
 * @param scenario  the pricing-and-replenishment scenario it trains on
 * @param copies    environment copies played in parallel per episode, in [1, 4096]
 * @param seed      the run's seed (networks, samplers, shuffles, environment streams)
 * @param episodes  planned training rounds (one episode in every copy per round with the default
 *                  {@code episodesPerUpdate = 1}), in [1, 10^7]; also the lr annealing horizon
 * @param config    {@link FsdaConfig} for FSDA, {@link PpoConfig} for joint-action PPO
 */
public record RunSpec(Algorithm algorithm, PricingScenario scenario, int copies, long seed, int episodes, Record config) {
    /** Validates the fields. */
    public RunSpec {
        if (algorithm == null || scenario == null || config == null) {
            throw new IllegalArgumentException("algorithm, scenario and config must not be null");
        }
        if (copies < 1 || copies > 4096) {
            throw new IllegalArgumentException("copies must be in [1, 4096], got " + copies);
        }
        if (episodes < 1 || episodes > 10_000_000) {
            throw new IllegalArgumentException("episodes must be in [1, 10000000], got " + episodes);
        }
        Class<?> want = algorithm == Algorithm.FSDA ? FsdaConfig.class : PpoConfig.class;
        if (!want.isInstance(config)) {
            throw new IllegalArgumentException("config of " + algorithm.label() + " must be a " + want.getSimpleName()
                    + ", got " + config.getClass().getSimpleName());
        }
    }

    /** An FSDA run. */
    public static RunSpec fsda(PricingScenario scenario, int copies, long seed, int episodes, FsdaConfig config) {
        return new RunSpec(Algorithm.FSDA, scenario, copies, seed, episodes, config);
    }

    /** A joint-action PPO run. */
    public static RunSpec ppoJoint(PricingScenario scenario, int copies, long seed, int episodes, PpoConfig config) {
        return new RunSpec(Algorithm.PPO_JOINT, scenario, copies, seed, episodes, config);
    }
}
