package org.retailrl.algorithms.ppo;

/**
 * Every hyperparameter of PPO (MODEL.md §8 PPO) with CleanRL's {@code ppo.py} defaults, in one
 * place; {@link #DEFAULTS} is pinned by a test. Also used as the actor side of HAPPO and FSDA.
 *
 * @param gamma            discount factor γ of returns and GAE, in [0, 1] (0.99)
 * @param gaeLambda        GAE λ, in [0, 1] (0.95)
 * @param clip             surrogate clip range ε, also the value clip range, > 0 (0.2)
 * @param entCoef          weight of the entropy bonus, >= 0 (0.01)
 * @param vfCoef           weight of the value loss in the combined loss, >= 0 (0.5)
 * @param maxGradNorm      global gradient-norm clip, > 0 (0.5)
 * @param lr               Adam step size at the first update, > 0 (3e-4)
 * @param adamEps          Adam ε, > 0 (1e-5)
 * @param updateEpochs     passes over each rollout, >= 1 (4)
 * @param minibatches      minibatches per pass (of whole sequences), >= 1 (4)
 * @param normAdvantages   normalise advantages within each minibatch (true)
 * @param clipValueLoss    use the clipped value loss (true)
 * @param annealLr         decay lr linearly to 0 over the planned updates (true)
 * @param scaleRewards     divide rewards by a running std of discounted returns (true, gym NormalizeReward)
 * @param episodesPerUpdate episodes each copy plays per rollout, >= 1 (1; CleanRL counts steps instead)
 * @param sequenceLength   training sequence length in steps; must divide the rollout (100 = MODEL §1 T)
 * @param hidden           width of the MLP and GRU layers, >= 1 (64, MODEL §8)
 * @param gruLayers        stacked GRUs, >= 1 (2, MODEL §8)
 */
public record PpoConfig(double gamma, double gaeLambda, double clip, double entCoef, double vfCoef,
                        double maxGradNorm, double lr, double adamEps, int updateEpochs, int minibatches,
                        boolean normAdvantages, boolean clipValueLoss, boolean annealLr, boolean scaleRewards,
                        int episodesPerUpdate, int sequenceLength, int hidden, int gruLayers) {
    /** CleanRL's defaults (and MODEL.md §8's network sizes). */
    public static final PpoConfig DEFAULTS = new PpoConfig(0.99, 0.95, 0.2, 0.01, 0.5,
            0.5, 3e-4, 1e-5, 4, 4,
            true, true, true, true,
            1, 100, 64, 2);

    /** Validates the ranges. */
    public PpoConfig {
        unit("gamma", gamma);
        unit("gaeLambda", gaeLambda);
        positive("clip", clip);
        nonNegative("entCoef", entCoef);
        nonNegative("vfCoef", vfCoef);
        positive("maxGradNorm", maxGradNorm);
        positive("lr", lr);
        positive("adamEps", adamEps);
        atLeastOne("updateEpochs", updateEpochs);
        atLeastOne("minibatches", minibatches);
        atLeastOne("episodesPerUpdate", episodesPerUpdate);
        atLeastOne("sequenceLength", sequenceLength);
        atLeastOne("hidden", hidden);
        atLeastOne("gruLayers", gruLayers);
    }

    private static void unit(String f, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(f + " must be in [0, 1], got " + v);
        }
    }

    private static void positive(String f, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(f + " must be finite and > 0, got " + v);
        }
    }

    private static void nonNegative(String f, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(f + " must be finite and >= 0, got " + v);
        }
    }

    private static void atLeastOne(String f, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(f + " must be >= 1, got " + v);
        }
    }

    /** A copy with another discount and GAE λ. */
    public PpoConfig withDiscount(double newGamma, double newLambda) {
        return new PpoConfig(newGamma, newLambda, clip, entCoef, vfCoef, maxGradNorm, lr, adamEps, updateEpochs,
                minibatches, normAdvantages, clipValueLoss, annealLr, scaleRewards, episodesPerUpdate, sequenceLength,
                hidden, gruLayers);
    }

    /** A copy with another learning rate and lr annealing switch. */
    public PpoConfig withLr(double newLr, boolean anneal) {
        return new PpoConfig(gamma, gaeLambda, clip, entCoef, vfCoef, maxGradNorm, newLr, adamEps, updateEpochs,
                minibatches, normAdvantages, clipValueLoss, anneal, scaleRewards, episodesPerUpdate, sequenceLength,
                hidden, gruLayers);
    }

    /** A copy with other update epochs and minibatch counts. */
    public PpoConfig withUpdates(int epochs, int newMinibatches) {
        return new PpoConfig(gamma, gaeLambda, clip, entCoef, vfCoef, maxGradNorm, lr, adamEps, epochs,
                newMinibatches, normAdvantages, clipValueLoss, annealLr, scaleRewards, episodesPerUpdate, sequenceLength,
                hidden, gruLayers);
    }

    /** A copy with other rollout and network sizes. */
    public PpoConfig withSizes(int newEpisodesPerUpdate, int newSequenceLength, int newHidden, int newGruLayers) {
        return new PpoConfig(gamma, gaeLambda, clip, entCoef, vfCoef, maxGradNorm, lr, adamEps, updateEpochs,
                minibatches, normAdvantages, clipValueLoss, annealLr, scaleRewards, newEpisodesPerUpdate,
                newSequenceLength, newHidden, newGruLayers);
    }

    /** A copy with another entropy coefficient and reward-scaling switch. */
    public PpoConfig withEntropyAndScaling(double newEntCoef, boolean newScaleRewards) {
        return new PpoConfig(gamma, gaeLambda, clip, newEntCoef, vfCoef, maxGradNorm, lr, adamEps, updateEpochs,
                minibatches, normAdvantages, clipValueLoss, annealLr, newScaleRewards, episodesPerUpdate, sequenceLength,
                hidden, gruLayers);
    }
}
