package org.retailrl.algorithms.rl;

/**
 * A step-size sequence of the learner core (docs/model.md §8.13), indexed by the 0-based round
 * {@code n} of a run planned for {@code planned} rounds:
 * <ul>
 * <li>{@code constant}: {@code a_n = initial};</li>
 * <li>{@code linear}: CleanRL's {@code anneal_lr}, {@code a_n = initial·(1 − n/planned)}, so the
 *     first round uses {@code initial} and the last {@code initial/planned};</li>
 * <li>{@code polynomial}: {@code a_n = initial / (1 + n/offset)^exponent}, the Robbins–Monro
 *     sequences of two-timescale stochastic approximation (exponent in (1/2, 1]); two such
 *     sequences with exponents {@code e_fast < e_slow} have {@code b_n/a_n → 0}.</li>
 * </ul>
 *
 * @param kind     which sequence
 * @param initial  {@code a_0}, finite and > 0
 * @param exponent polynomial decay exponent, in (0, 2] (ignored otherwise; 0 stored)
 * @param offset   polynomial time scale in rounds, > 0 (ignored otherwise; 1 stored)
 */
public record StepSize(Kind kind, double initial, double exponent, double offset) {
    /** The families. */
    public enum Kind {
        /** {@code a_n = initial}. */
        CONSTANT,
        /** Linear annealing to 0 over the planned rounds. */
        LINEAR,
        /** {@code initial / (1 + n/offset)^exponent}. */
        POLYNOMIAL
    }

    /** Validates the fields. */
    public StepSize {
        if (kind == null) {
            throw new IllegalArgumentException("kind must be constant, linear or polynomial");
        }
        if (!(initial > 0) || !Double.isFinite(initial)) {
            throw new IllegalArgumentException("initial must be finite and > 0, got " + initial);
        }
        if (kind == Kind.POLYNOMIAL) {
            if (!(exponent > 0 && exponent <= 2)) {
                throw new IllegalArgumentException("exponent must be in (0, 2], got " + exponent);
            }
            if (!(offset > 0) || !Double.isFinite(offset)) {
                throw new IllegalArgumentException("offset must be finite and > 0, got " + offset);
            }
        }
    }

    /** {@code a_n = initial}. */
    public static StepSize constant(double initial) {
        return new StepSize(Kind.CONSTANT, initial, 0, 1);
    }

    /** Linear annealing from {@code initial}. */
    public static StepSize linear(double initial) {
        return new StepSize(Kind.LINEAR, initial, 0, 1);
    }

    /** {@code initial / (1 + n/offset)^exponent}. */
    public static StepSize polynomial(double initial, double exponent, double offset) {
        return new StepSize(Kind.POLYNOMIAL, initial, exponent, offset);
    }

    /** The step size at round {@code n} of a run planned for {@code planned} rounds. */
    public double at(long n, int planned) {
        if (n < 0 || planned < 1) {
            throw new IllegalArgumentException("round must be >= 0 and planned >= 1, got " + n + ", " + planned);
        }
        return switch (kind) {
            case CONSTANT -> initial;
            case LINEAR -> initial * (1.0 - (double) Math.min(n, planned - 1) / planned);
            case POLYNOMIAL -> initial / Math.pow(1.0 + n / offset, exponent);
        };
    }
}
