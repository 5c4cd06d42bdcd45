package org.retailrl.algorithms.recommendation;

import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.envs.recommendation.RecommendationScenario;

/**
 * Settings of one {@link RecommendationComparison} run (docs/model.md §3 and its evaluation protocol
 * in §8): which scenario, how many training seeds, how many training episodes each learner gets,
 * how many common-random-number evaluation episodes every policy is scored on, and how many
 * threads share the work (results do not depend on it).
 *
 * @param scenarioName  the name printed in reports, non-blank
 * @param scenario      the environment
 * @param seeds         training seeds {@code 1..seeds}, in [1, 1000]
 * @param trainEpisodes training episodes per learner per seed, in [1, 10^8] (rounded up to whole rounds)
 * @param evalEpisodes  evaluation episodes per policy per seed, in [2, 10^6]
 * @param fitEpisodes   episodes used to fit the heuristics' base-stock levels, in [1, 10^6]
 * @param threads       worker threads, in [1, 256]
 * @param copies        environment copies per training round, in [1, 4096]
 * @param mtma          MTMA's hyperparameters
 * @param single        the single-agent learners' hyperparameters
 */
public record ComparisonOptions(String scenarioName, RecommendationScenario scenario, int seeds, int trainEpisodes,
                                int evalEpisodes, int fitEpisodes, int threads, int copies, LearnerConfig mtma,
                                LearnerConfig single) {
    /** Default training seeds. */
    public static final int DEFAULT_SEEDS = 3;
    /** Default training episodes per learner and seed (sized for the ten-minute budget on two cores). */
    public static final int DEFAULT_TRAIN_EPISODES = 8000;
    /** Default evaluation episodes per policy and seed. */
    public static final int DEFAULT_EVAL_EPISODES = 100;
    /** Default base-stock fitting episodes. */
    public static final int DEFAULT_FIT_EPISODES = 20;

    /** Validates the ranges. */
    public ComparisonOptions {
        if (scenarioName == null || scenarioName.isBlank()) {
            throw new IllegalArgumentException("scenarioName must be non-blank");
        }
        if (scenario == null || mtma == null || single == null) {
            throw new IllegalArgumentException("scenario, mtma and single must not be null");
        }
        range("copies", copies, 1, 4096);
        range("seeds", seeds, 1, 1000);
        range("trainEpisodes", trainEpisodes, 1, 100_000_000);
        range("evalEpisodes", evalEpisodes, 2, 1_000_000);
        range("fitEpisodes", fitEpisodes, 1, 1_000_000);
        range("threads", threads, 1, 256);
    }

    /** The defaults for {@code scenario} with {@code threads} threads. */
    public static ComparisonOptions defaults(String name, RecommendationScenario scenario, int threads) {
        return new ComparisonOptions(name, scenario, DEFAULT_SEEDS, DEFAULT_TRAIN_EPISODES, DEFAULT_EVAL_EPISODES,
                DEFAULT_FIT_EPISODES, threads, Presets.RECOMMENDATION_COPIES, Presets.MTMA, Presets.MTMA_SINGLE);
    }

    /** Training rounds per learner: {@code ⌈trainEpisodes / (copies · episodesPerUpdate)⌉}. */
    public int rounds() {
        int per = copies * Math.min(mtma.episodesPerUpdate(), single.episodesPerUpdate());
        return (trainEpisodes + per - 1) / per;
    }

    /** The hyperparameters of {@code learner}. */
    public LearnerConfig config(Learner learner) {
        return learner == Learner.MTMA ? mtma : single;
    }

    private static void range(String f, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(f + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }
}
