package org.retailrl.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of logGamma: relative error at most 1e-13 against exact references (factorials from
 * BigInteger, closed forms at 1/2, 1/3, 1/4, the asymptotic Stirling series for large x).
 */
class SpecialFunctionsTest {
    private static final double REL = 1e-13;

    private static void assertRel(double expected, double actual, String what) {
        double err = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(err <= REL, () -> what + ": " + actual + " vs " + expected + ", relative error " + err);
    }

    /** log of a positive BigInteger to within a few ulps: mantissa as a double plus the binary exponent. */
    private static double log(BigInteger v) {
        int shift = Math.max(0, v.bitLength() - 60);
        return Math.log(v.shiftRight(shift).doubleValue()) + shift * Math.log(2);
    }

    @Test
    void logFactorialMatchesExactFactorials() {
        BigInteger f = BigInteger.ONE;
        assertEquals(0.0, SpecialFunctions.logFactorial(0));
        assertEquals(0.0, SpecialFunctions.logFactorial(1));
        for (int n = 2; n <= 3000; n++) {
            f = f.multiply(BigInteger.valueOf(n));
            double exact = log(f);
            assertRel(exact, SpecialFunctions.logGamma(n + 1.0), "logGamma(" + (n + 1) + ")");
            assertRel(exact, SpecialFunctions.logFactorial(n), "logFactorial(" + n + ")");
        }
        // Near the zeros of log Γ at 1 and 2 only an absolute bound is meaningful.
        assertEquals(0.0, SpecialFunctions.logGamma(1.0), 2e-15);
        assertEquals(0.0, SpecialFunctions.logGamma(2.0), 2e-15);
    }

    @Test
    void closedFormsAtFractions() {
        assertRel(0.5 * Math.log(Math.PI), SpecialFunctions.logGamma(0.5), "Γ(1/2) = √π");
        // Γ(3/2) = √π / 2, Γ(1/3), Γ(1/4) to 20 digits (DLMF 5.4.6, A073005, A068466).
        assertRel(Math.log(Math.sqrt(Math.PI) / 2), SpecialFunctions.logGamma(1.5), "Γ(3/2)");
        assertRel(Math.log(2.6789385347077476337), SpecialFunctions.logGamma(1.0 / 3), "Γ(1/3)");
        assertRel(Math.log(3.6256099082219083119), SpecialFunctions.logGamma(0.25), "Γ(1/4)");
        // Γ(x) ~ 1/x − γ as x → 0.
        assertRel(-Math.log(1e-12) - 0.5772156649015329 * 1e-12, SpecialFunctions.logGamma(1e-12), "Γ(1e-12)");
    }

    @Test
    void largeArgumentsMatchTheStirlingSeries() {
        for (double x : new double[] {1e4, 123456.5, 1e6, 1e9, 1e12, 1e15}) {
            // Truncation error of this series is below x^-7/1188, far under 1e-13 relative here.
            double series = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI)
                    + 1 / (12 * x) - 1 / (360 * x * x * x) + 1 / (1260 * Math.pow(x, 5));
            assertRel(series, SpecialFunctions.logGamma(x), "logGamma(" + x + ")");
        }
        assertEquals(Double.POSITIVE_INFINITY, SpecialFunctions.logGamma(Double.POSITIVE_INFINITY));
    }

    @Property(tries = 300)
    void recurrenceLogGammaOfXPlusOne(@ForAll @DoubleRange(min = 0.01, max = 1000) double x) {
        // log Γ(x+1) = log Γ(x) + log x; the tolerance scales with the largest term involved.
        double lhs = SpecialFunctions.logGamma(x + 1);
        double rhs = SpecialFunctions.logGamma(x) + Math.log(x);
        double scale = Math.max(1, Math.max(Math.abs(lhs), Math.abs(Math.log(x))));
        assertEquals(lhs, rhs, REL * scale);
    }

    @Test
    void rejectsNonPositiveAndNaN() {
        for (double bad : new double[] {0, -1, -0.5, Double.NaN, Double.NEGATIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SpecialFunctions.logGamma(bad));
            assertTrue(e.getMessage().contains("x must be > 0"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.logFactorial(-1));
    }
}
