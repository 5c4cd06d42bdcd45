package org.retailrl.algorithms.mtma;

/**
 * Every hyperparameter of the MODEL.md §3 learners (MTMA and the learned baselines of seed 002
 * §VI.B) with its default in one place ({@link #DEFAULTS}, pinned by a test). The PPO values
 * follow MODEL.md §8 (CleanRL) except the step sizes, which are larger because the comparison
 * must train four learners on three seeds within ten minutes on two cores.
 *
 * <p><b>Timescales</b> (MTMA, seeds 000/001: "the faster timescale for the more responsive
 * decision"): the recommendation agent is fast — exposure changes this period's ratings and so
 * this period's demand (Eqs. 8–10), and its effect is seen in the same period's reward — so it
 * gets {@code fastLr} and is updated every {@code fastEvery} = 1 round. The replenishment agent is
 * slow — an order arrives only after the lead time {@code L^i} (up to 3 periods) and its value
 * depends on the demand the recommender steers to the product — so it gets {@code slowLr} =
 * half the step and is updated every {@code slowEvery} = 2 rounds, tracking a recommender that is
 * close to its own equilibrium, as in two-timescale stochastic approximation. Single-agent
 * learners (Joint, IM-Only, RS-Only) use {@code singleLr} every round.
 *
 * @param hidden            width of the MLP and GRU layers, >= 1
 * @param gruLayers         stacked GRU layers (MODEL.md §8: 2), >= 1
 * @param copies            environment copies per rollout, >= 1
 * @param episodesPerUpdate episodes per copy per round, >= 1
 * @param sequenceLength    training sequence length in periods, >= 1, must divide the horizon
 * @param epochs            passes over a rollout per update, >= 1
 * @param minibatches       minibatches per pass, >= 1
 * @param gamma             discount per period, in [0, 1]
 * @param gaeLambda         GAE λ, in [0, 1]
 * @param clip              PPO clip range (also the value clip), > 0
 * @param entCoef           entropy coefficient, >= 0
 * @param vfCoef            value-loss coefficient, > 0
 * @param maxGradNorm       global gradient-norm clip, > 0
 * @param adamEps           Adam ε, > 0
 * @param criticLr          critic step size, in (0, 1]
 * @param fastLr            fast (recommendation) step size, in (0, 1]
 * @param fastEvery         fast agent's update period in rounds, >= 1
 * @param slowLr            slow (replenishment) step size, in (0, 1]
 * @param slowEvery         slow agent's update period in rounds, >= 1
 * @param singleLr          step size of the single-agent learners, in (0, 1]
 */
public record MtmaConfig(int hidden, int gruLayers, int copies, int episodesPerUpdate, int sequenceLength, int epochs,
                         int minibatches, double gamma, double gaeLambda, double clip, double entCoef, double vfCoef,
                         double maxGradNorm, double adamEps, double criticLr, double fastLr, int fastEvery,
                         double slowLr, int slowEvery, double singleLr) {
    /** The defaults. */
    public static final MtmaConfig DEFAULTS = new MtmaConfig(32, 2, 8, 1, 25, 4, 4, 0.99, 0.95, 0.2, 0.01, 0.5, 0.5,
            1e-5, 1e-3, 1e-3, 1, 5e-4, 2, 1e-3);

    /** Validates the ranges. */
    public MtmaConfig {
        atLeastOne("hidden", hidden);
        atLeastOne("gruLayers", gruLayers);
        atLeastOne("copies", copies);
        atLeastOne("episodesPerUpdate", episodesPerUpdate);
        atLeastOne("sequenceLength", sequenceLength);
        atLeastOne("epochs", epochs);
        atLeastOne("minibatches", minibatches);
        atLeastOne("fastEvery", fastEvery);
        atLeastOne("slowEvery", slowEvery);
        unit("gamma", gamma);
        unit("gaeLambda", gaeLambda);
        positive("clip", clip);
        if (!(entCoef >= 0) || !Double.isFinite(entCoef)) {
            throw new IllegalArgumentException("entCoef must be finite and >= 0, got " + entCoef);
        }
        positive("vfCoef", vfCoef);
        positive("maxGradNorm", maxGradNorm);
        positive("adamEps", adamEps);
        step("criticLr", criticLr);
        step("fastLr", fastLr);
        step("slowLr", slowLr);
        step("singleLr", singleLr);
    }

    /** A copy with {@code copies} environment copies. */
    public MtmaConfig withCopies(int newCopies) {
        return new MtmaConfig(hidden, gruLayers, newCopies, episodesPerUpdate, sequenceLength, epochs, minibatches,
                gamma, gaeLambda, clip, entCoef, vfCoef, maxGradNorm, adamEps, criticLr, fastLr, fastEvery, slowLr,
                slowEvery, singleLr);
    }

    /** A copy with network width {@code newHidden}. */
    public MtmaConfig withHidden(int newHidden) {
        return new MtmaConfig(newHidden, gruLayers, copies, episodesPerUpdate, sequenceLength, epochs, minibatches,
                gamma, gaeLambda, clip, entCoef, vfCoef, maxGradNorm, adamEps, criticLr, fastLr, fastEvery, slowLr,
                slowEvery, singleLr);
    }

    /** A copy with the given timescales. */
    public MtmaConfig withTimescales(double newFastLr, int newFastEvery, double newSlowLr, int newSlowEvery) {
        return new MtmaConfig(hidden, gruLayers, copies, episodesPerUpdate, sequenceLength, epochs, minibatches,
                gamma, gaeLambda, clip, entCoef, vfCoef, maxGradNorm, adamEps, criticLr, newFastLr, newFastEvery,
                newSlowLr, newSlowEvery, singleLr);
    }

    private static void atLeastOne(String f, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(f + " must be >= 1, got " + v);
        }
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

    private static void step(String f, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(f + " must be in (0, 1], got " + v);
        }
    }
}
