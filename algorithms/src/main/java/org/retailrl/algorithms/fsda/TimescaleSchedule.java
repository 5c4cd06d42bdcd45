package org.retailrl.algorithms.fsda;

/**
 * The timescale ratio {@code k(n)} of FSDA (MODEL.md §8 FSDA, seed 003 §3.5.2): the slow agent is
 * updated at episode {@code n} (0-based) exactly when {@code n mod k(n) = 0}, the fast agent at
 * every episode. The default {@link #logarithmic()} grows without bound, {@code k(n) → ∞}, as the
 * two-timescale argument needs; {@link #constant(int)} is for ablations.
 */
@FunctionalInterface
public interface TimescaleSchedule {
    /** The ratio {@code k(n) >= 1} at episode {@code n >= 0}. */
    long ratio(long n);

    /** Whether the slow agent is updated at episode {@code n}. */
    default boolean slowUpdates(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("episode n must be >= 0, got " + n);
        }
        long k = ratio(n);
        if (k < 1) {
            throw new IllegalStateException("schedule ratio k(" + n + ") must be >= 1, got " + k);
        }
        return n % k == 0;
    }

    /** {@code k(n) = 1 + ⌊log₂(1 + n)⌋}, computed exactly in integers (MODEL.md §8's default). */
    static TimescaleSchedule logarithmic() {
        return n -> {
            if (n < 0) {
                throw new IllegalArgumentException("episode n must be >= 0, got " + n);
            }
            return 1 + (63 - Long.numberOfLeadingZeros(n + 1));
        };
    }

    /** {@code k(n) = k} for every {@code n}; {@code k = 1} updates both agents every episode. */
    static TimescaleSchedule constant(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        return n -> k;
    }
}
