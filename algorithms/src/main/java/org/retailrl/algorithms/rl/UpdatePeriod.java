package org.retailrl.algorithms.rl;

/**
 * When an agent is updated (docs/model.md §8.7, §8.13): at round {@code n} (0-based) exactly when
 * {@code n mod k(n) = 0}. {@code every k} keeps {@code k(n) = k} ({@code k = 1}: every round);
 * {@code logarithmic} is FSDA's {@code k(n) = 1 + ⌊log₂(1 + n)⌋}, which grows without bound as
 * the two-timescale argument of Zheng, Li, Jiang &amp; Peng needs.
 *
 * @param kind which schedule
 * @param k    the constant period of {@code every}, >= 1 (1 stored for {@code logarithmic})
 */
public record UpdatePeriod(Kind kind, int k) {
    /** The families. */
    public enum Kind {
        /** {@code k(n) = k}. */
        EVERY,
        /** {@code k(n) = 1 + ⌊log₂(1 + n)⌋}. */
        LOGARITHMIC
    }

    /** Every round. */
    public static final UpdatePeriod ALWAYS = new UpdatePeriod(Kind.EVERY, 1);

    /** Validates the fields. */
    public UpdatePeriod {
        if (kind == null) {
            throw new IllegalArgumentException("kind must be every or logarithmic");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
    }

    /** {@code k(n) = k}. */
    public static UpdatePeriod every(int k) {
        return new UpdatePeriod(Kind.EVERY, k);
    }

    /** {@code k(n) = 1 + ⌊log₂(1 + n)⌋}. */
    public static UpdatePeriod logarithmic() {
        return new UpdatePeriod(Kind.LOGARITHMIC, 1);
    }

    /** The ratio {@code k(n) >= 1} at round {@code n >= 0}, computed exactly in integers. */
    public long ratio(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("round n must be >= 0, got " + n);
        }
        return kind == Kind.EVERY ? k : 1 + (63 - Long.numberOfLeadingZeros(n + 1));
    }

    /** Whether the agent is updated at round {@code n}. */
    public boolean due(long n) {
        return n % ratio(n) == 0;
    }
}
