package org.retailrl.cli;

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

    private TrainingDefaults() {
    }

}
