package org.retailrl.core.random;

/**
 * Special functions the exact samplers and the exact Poisson evaluations (MODEL.md §2) need.
 */
public final class SpecialFunctions {
    private SpecialFunctions() {
    }

    // Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients). Measured against 40-digit
    // references: relative error <= ~3e-15 away from the zeros at x = 1 and 2, absolute error
    // <= ~2e-15 near them (where relative error is meaningless), which is far under what the
    // rejection samplers can resolve.
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905,
        -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
    };
    private static final double HALF_LOG_TWO_PI = 0.9189385332046727;

    /** {@code log Γ(x)} for {@code x > 0} (dimensionless); {@code +∞} at {@code +∞}. */
    public static double logGamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("logGamma: x must be > 0, got " + x);
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x; // the series would give infinity minus infinity
        }
        if (x < 0.5) {
            // Reflection keeps the series in its accurate range.
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double a = LANCZOS[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += LANCZOS[i] / (x + i);
        }
        return HALF_LOG_TWO_PI + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** {@code log k!} for {@code k >= 0}. */
    public static double logFactorial(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("logFactorial: k must be >= 0, got " + k);
        }
        return k < 2 ? 0.0 : logGamma(k + 1.0);
    }
}
