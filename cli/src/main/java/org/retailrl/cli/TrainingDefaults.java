package org.retailrl.cli;

import org.retailrl.algorithms.checkpoint.Algorithm;
import org.retailrl.algorithms.rl.Presets;

/**
 * The command line's run budgets and evaluation protocol (docs/model.md §8.6): the
 * hyperparameters are the presets of {@link Presets}; the training budget, the number of
 * environment copies and the evaluation episodes are set here and nowhere else, so that
 * {@code compare}, {@code train} and their {@code --help} texts always agree.
 */
final class TrainingDefaults {
    /** Training rounds (episodes in every copy) per run of {@code compare} and {@code train}. */
    static final int EPISODES = Presets.PRICING_EPISODES;
    /** Environment copies played in parallel per training episode. */
    static final int COPIES = Presets.PRICING_COPIES;
    /** Evaluation episodes per policy and seed (common random numbers). */
    static final int EVAL_EPISODES = 1000;
    /** Seed of the evaluation episodes; distinct from every training seed 1..100 the options allow. */
    static final long EVAL_SEED = 20_261_124L;
    /**
     * Training seeds of the pricing {@code compare}: 1..PRICING_SEEDS. Seeds are the unit of
     * replication (docs/model.md §8.11); five keep the default run within 8 minutes on two cores.
     */
    static final int PRICING_SEEDS = 5;
    /** Training seeds of the multi-product {@code compare}: 1..SEEDS. */
    static final int SEEDS = 3;
    /** Checkpoint every this many episodes in {@code train}. */
    static final int CHECKPOINT_EVERY = 10;

    /** Copies per thread below which a pricing run gains nothing from another thread. */
    static final int PRICING_COPIES_PER_THREAD = 64;

    private TrainingDefaults() {
    }

    /**
     * Threads one training run ({@code train}, {@code resume}) uses when {@code --threads} is not
     * given; results never depend on it (docs/model.md §8.13), only speed does. A pricing run at
     * few copies splits steps of a few microseconds (16 copies: 8 rows per shard), and the fork and
     * join cost as much as they save: on two free cores the default 200 episodes × 16 copies took
     * 11.0 s on one thread and 12.5 s on two, while 25 episodes × 128 copies went from 11.5 s to
     * 10.4 s (README, "One run on all cores"). So pricing runs get one thread per
     * {@value #PRICING_COPIES_PER_THREAD} copies, at least one and at most {@code cores}. Other
     * problems step heavier environments per copy (the large recommendation scenario trained 3.1
     * episodes/s on one thread and 4.0 on two at 8 copies) and get every core.
     */
    static int threads(Algorithm.Problem problem, int copies, int cores) {
        if (problem == Algorithm.Problem.PRICING) {
            return Math.max(1, Math.min(cores, copies / PRICING_COPIES_PER_THREAD));
        }
        return Math.max(1, cores);
    }
}
