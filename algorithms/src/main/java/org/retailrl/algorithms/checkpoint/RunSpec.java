package org.retailrl.algorithms.checkpoint;

import org.retailrl.algorithms.pricing.PricingView;
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
        if (scenario instanceof PricingScenario ps) {
            checkTrainable(algorithm, ps, copies);
        }
    }

    /** Most actions one actor may choose among (its output layer and every step's logits are that wide). */
    public static final int MAX_ACTIONS = 10_000;
    /** Most simulated periods per round, {@code copies · horizon} (each is held in memory until the update). */
    public static final long MAX_STEPS_PER_ROUND = 10_000_000L;
    /** Largest price or per-unit cost a learner trains on, so that one period's profit stays finite in float32. */
    public static final double MAX_MONEY = 1e9;

    /**
     * Limits a pricing scenario must meet to be trained on, beyond its own ranges: values the
     * scenario accepts (they serve the simulator, the heuristics and dynamic programming) but that
     * would exhaust memory or overflow the rewards only after training started. Each violation is
     * named with its field and the allowed range.
     */
    private static void checkTrainable(Algorithm algorithm, PricingScenario s, int copies) {
        if (s.leadTime() > PricingView.MAX_LEAD_TIME) {
            throw new IllegalArgumentException("scenario leadTime must be in [0, " + PricingView.MAX_LEAD_TIME
                    + "] for training, got " + s.leadTime());
        }
        long orders = s.maxOrder() + 1L;
        if (algorithm == Algorithm.PPO_JOINT && s.priceCount() * orders > MAX_ACTIONS) {
            throw new IllegalArgumentException("scenario prices × (maxOrder + 1) (the joint actions of "
                    + algorithm.label() + ") must be in [1, " + MAX_ACTIONS + "] for training, got " + s.priceCount()
                    + " × " + orders + " = " + s.priceCount() * orders);
        }
        if (orders > MAX_ACTIONS) {
            throw new IllegalArgumentException("scenario maxOrder must be in [0, " + (MAX_ACTIONS - 1)
                    + "] for training, got " + s.maxOrder());
        }
        if (s.priceCount() > MAX_ACTIONS) {
            throw new IllegalArgumentException("scenario prices must hold at most " + MAX_ACTIONS
                    + " grid prices for training, got " + s.priceCount());
        }
        if ((long) copies * s.horizon() > MAX_STEPS_PER_ROUND) {
            throw new IllegalArgumentException("scenario horizon must be in [1, " + MAX_STEPS_PER_ROUND / copies
                    + "] for training with " + copies + " copies (copies × horizon <= " + MAX_STEPS_PER_ROUND
                    + " periods per round), got " + s.horizon());
        }
        String[] fields = {"prices (largest)", "unitCost", "holdingCost", "shortageCost", "fixedCost"};
        double[] values = {s.maxPrice(), s.unitCost(), s.holdingCost(), s.shortageCost(), s.fixedCost()};
        for (int k = 0; k < fields.length; k++) {
            if (values[k] > MAX_MONEY) {
                throw new IllegalArgumentException("scenario " + fields[k] + " must be in [0, " + MAX_MONEY
                        + "] (currency) for training, got " + values[k]);
            }
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
