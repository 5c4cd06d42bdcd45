package org.retailrl.algorithms.happo;

import org.retailrl.algorithms.ppo.PpoConfig;

/**
 * Hyperparameters of HAPPO (MODEL.md §8 HAPPO) in one place; {@link #DEFAULTS} is pinned by a
 * test. The actor side (clip, entropy, epochs, minibatches, Adam, gradient clip, discount, GAE,
 * reward scaling, network sizes) is a {@link PpoConfig} with CleanRL's defaults; the critic side
 * follows HARL.
 *
 * @param ppo         actor-side settings, also lr/epochs/minibatches/grad clip of the critic
 * @param huberDelta  Huber δ of the critic's loss, > 0 (HARL 10)
 * @param valueNorm   normalise the critic's targets with {@link org.retailrl.algorithms.rl.ValueNorm} (HARL true)
 * @param criticCoef  multiplier of the critic loss before its own gradient clip, > 0 (HARL 1)
 */
public record HappoConfig(PpoConfig ppo, double huberDelta, boolean valueNorm, double criticCoef) {
    /** CleanRL actor defaults with HARL's critic: Huber δ = 10, value normalisation on, coefficient 1. */
    public static final HappoConfig DEFAULTS = new HappoConfig(PpoConfig.DEFAULTS, 10.0, true, 1.0);

    /** Validates the ranges. */
    public HappoConfig {
        if (ppo == null) {
            throw new IllegalArgumentException("ppo must not be null");
        }
        if (!(huberDelta > 0)) {
            throw new IllegalArgumentException("huberDelta must be > 0 (or +Infinity), got " + huberDelta);
        }
        if (!(criticCoef > 0) || !Double.isFinite(criticCoef)) {
            throw new IllegalArgumentException("criticCoef must be finite and > 0, got " + criticCoef);
        }
    }

    /** A copy with other actor-side settings. */
    public HappoConfig withPpo(PpoConfig newPpo) {
        return new HappoConfig(newPpo, huberDelta, valueNorm, criticCoef);
    }
}
