package org.retailrl.cli;

import org.retailrl.algorithms.fsda.FsdaConfig;
import org.retailrl.algorithms.fsda.JointActionPpo;
import org.retailrl.algorithms.ppo.PpoConfig;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * The one place of the command line's training and evaluation defaults (MODEL.md §8 learners and
 * evaluation protocol): the hyperparameters are the algorithms' own pinned {@code DEFAULTS}; the
 * training budget and the number of environment copies are set here and nowhere else, so that
 * {@code compare}, {@code train} and their {@code --help} texts always agree.
 */
final class TrainingDefaults {
    /** Training rounds (episodes in every copy) per run of {@code compare} and {@code train}. */
    static final int EPISODES = FsdaConfig.DEFAULT_EPISODES;
    /** Environment copies played in parallel per training episode. */
    static final int COPIES = FsdaConfig.DEFAULT_COPIES;
    /** FSDA's hyperparameters. */
    static final FsdaConfig FSDA = FsdaConfig.DEFAULTS;
    /** Joint-action PPO's hyperparameters. */
    static final PpoConfig PPO = JointActionPpo.DEFAULTS;
    /** Evaluation episodes per policy and seed (common random numbers). */
    static final int EVAL_EPISODES = 1000;
    /** Seed of the evaluation episodes; distinct from every training seed 1..100 the options allow. */
    static final long EVAL_SEED = 20_261_124L;
    /** Training seeds of {@code compare}: 1..SEEDS. */
    static final int SEEDS = 3;
    /** Checkpoint every this many episodes in {@code train}. */
    static final int CHECKPOINT_EVERY = 10;

    private TrainingDefaults() {
    }

    /**
     * {@code config} fitted to a scenario and copy count: the training sequence length becomes
     * {@code gcd(sequenceLength, episodesPerUpdate·T)} so that it divides the rollout (unchanged for
     * the built-in {@code T = 100}), and the minibatch count is capped by the number of sequences
     * (unchanged for 4 or more copies at {@code T = 100}).
     */
    static PpoConfig fit(PpoConfig config, PricingScenario scenario, int copies) {
        int rollout = config.episodesPerUpdate() * scenario.horizon();
        int seq = (int) gcd(config.sequenceLength(), rollout);
        int sequences = rollout / seq * copies;
        return config.withSizes(config.episodesPerUpdate(), seq, config.hidden(), config.gruLayers())
                .withUpdates(config.updateEpochs(), Math.min(config.minibatches(), sequences));
    }

    /** {@link #PPO} fitted by {@link #fit}. */
    static PpoConfig ppo(PricingScenario scenario, int copies) {
        return fit(PPO, scenario, copies);
    }

    /** {@link #FSDA} with its HAPPO actor settings fitted by {@link #fit}. */
    static FsdaConfig fsda(PricingScenario scenario, int copies) {
        return FSDA.withHappo(FSDA.happo().withPpo(fit(FSDA.happo().ppo(), scenario, copies)));
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
