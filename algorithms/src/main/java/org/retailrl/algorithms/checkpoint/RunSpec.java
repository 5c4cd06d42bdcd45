package org.retailrl.algorithms.checkpoint;

import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.recommendation.RecommendationScenario;

/**
 * Everything that defines a training run of docs/model.md §8, apart from its progress: the
 * learner, the scenario of its problem, the number of environment copies, the seed, the planned
 * budget and the hyperparameters. Two runs with equal specs produce bit-identical networks.
 *
 * @param algorithm which learner
 * @param scenario  the scenario of the algorithm's problem ({@link Algorithm.Problem#scenarioType()}): a
 *                  {@link PricingScenario}, a {@link RecommendationScenario} or a lost-sales scenario
 * @param copies    environment copies played in parallel per round, in [1, 4096]
 * @param seed      the run's seed (networks, samplers, shuffles, environment streams)
 * @param episodes  planned training rounds (one episode in every copy per round with the default
 *                  {@code episodesPerUpdate = 1}), in [1, 10^7]; also the horizon of annealed step sizes
 * @param config    the hyperparameters
 */
public record RunSpec(Algorithm algorithm, Record scenario, int copies, long seed, int episodes, LearnerConfig config) {
    /** Validates the fields. */
    public RunSpec {
        if (algorithm == null || scenario == null || config == null) {
            throw new IllegalArgumentException("algorithm, scenario and config must not be null");
        }
        Class<?> want = algorithm.problem().scenarioType();
        if (!want.isInstance(scenario)) {
            throw new IllegalArgumentException("scenario of " + algorithm.label() + " must be a " + want.getSimpleName()
                    + ", got " + scenario.getClass().getSimpleName());
        }
        if (copies < 1 || copies > 4096) {
            throw new IllegalArgumentException("copies must be in [1, 4096], got " + copies);
        }
        if (episodes < 1 || episodes > 10_000_000) {
            throw new IllegalArgumentException("episodes must be in [1, 10000000], got " + episodes);
        }
        if (config.agentCount() != expectedAgents(algorithm)) {
            throw new IllegalArgumentException("config of " + algorithm.label() + " must schedule "
                    + expectedAgents(algorithm) + " agent(s), has " + config.agentCount());
        }
    }

    /** The agents an algorithm trains: as many as its default configuration schedules. */
    private static int expectedAgents(Algorithm a) {
        return a.defaults().agentCount();
    }

    /** A run with the algorithm's default configuration. */
    public static RunSpec of(Algorithm algorithm, Record scenario, int copies, long seed, int episodes) {
        return new RunSpec(algorithm, scenario, copies, seed, episodes, algorithm.defaults());
    }
}
