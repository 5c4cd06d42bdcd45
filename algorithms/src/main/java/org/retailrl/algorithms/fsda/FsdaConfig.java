package org.retailrl.algorithms.fsda;

import org.retailrl.algorithms.happo.HappoConfig;
import org.retailrl.algorithms.ppo.PpoConfig;

/**
 * Settings of FSDA (MODEL.md §8 FSDA, seed 003 §3.5.2) in one place: HAPPO's hyperparameters,
 * which agent is fast, and the timescale schedule. {@link #DEFAULTS} is pinned by a test.
 *
 * @param happo    HAPPO settings of both agents and the critic
 * @param fast     the agent updated every episode (the other is slow)
 * @param schedule when the slow agent is updated
 */
public record FsdaConfig(HappoConfig happo, Agent fast, TimescaleSchedule schedule) {
    /** The two FSDA agents. */
    public enum Agent {
        /** Chooses the price index (one action per grid price). */
        PRICING,
        /** Chooses the order quantity {@code 0..Q}. */
        ORDERING
    }

    /**
     * HAPPO defaults, the pricing agent fast and the ordering agent slow, {@code k(n) = 1 +
     * ⌊log₂(1+n)⌋}. Seed 003 leaves the choice of the fast agent open (MODEL.md §8 makes it a
     * setting); pricing reacts to the competitor every period, so it is the fast one by default.
     */
    public static final FsdaConfig DEFAULTS = new FsdaConfig(HappoConfig.DEFAULTS, Agent.PRICING,
            TimescaleSchedule.logarithmic());

    /** FSDA on HAPPO with CleanRL's actor values ({@link PpoConfig#CLEANRL}), kept for ablations. */
    public static final FsdaConfig CLEANRL = new FsdaConfig(HappoConfig.DEFAULTS.withPpo(PpoConfig.CLEANRL),
            Agent.PRICING, TimescaleSchedule.logarithmic());

    /** Validates the fields. */
    public FsdaConfig {
        if (happo == null || fast == null || schedule == null) {
            throw new IllegalArgumentException("happo, fast and schedule must not be null");
        }
    }

    /** A copy with another HAPPO configuration. */
    public FsdaConfig withHappo(HappoConfig newHappo) {
        return new FsdaConfig(newHappo, fast, schedule);
    }

    /** A copy with another fast agent and schedule. */
    public FsdaConfig withTimescales(Agent newFast, TimescaleSchedule newSchedule) {
        return new FsdaConfig(happo, newFast, newSchedule);
    }
}
