package org.retailrl.algorithms.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StudentTTest {
    @Test
    void quantilesMatchPublishedTables() {
        // Reference values from standard t tables (R: qt(p, df)), 10+ significant digits.
        assertEquals(12.70620473617471, StudentT.quantile(0.975, 1), 1e-8);
        assertEquals(2.228138851986274, StudentT.quantile(0.975, 10), 1e-9);
        assertEquals(4.032142983557536, StudentT.quantile(0.995, 5), 1e-9);
        assertEquals(cornishFisher(0.975, 1000), StudentT.quantile(0.975, 1000), 1e-9);
        assertEquals(-2.228138851986274, StudentT.quantile(0.025, 10), 1e-9);
    }

    /** Fisher's asymptotic expansion of the t quantile in powers of 1/ν (error O(ν^-4)). */
    private static double cornishFisher(double p, double nu) {
        double z = 1.959963984540054; // Φ^{-1}(0.975)
        if (p != 0.975) {
            throw new IllegalArgumentException("only p = 0.975 is tabulated here");
        }
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        return z + (z3 + z) / (4 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu * nu)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu * nu * nu);
    }

    @Test
    void cdfOfCauchyCaseIsClosedForm() {
        for (double t : new double[] {-3, -0.5, 0, 0.7, 4}) {
            assertEquals(0.5 + Math.atan(t) / Math.PI, StudentT.cdf(t, 1), 1e-13);
        }
    }

    @Test
    void summaryIntervalOfKnownSample() {
        Summary s = Summary.of(new double[] {1, 2, 3, 4, 5}, 0.95);
        assertEquals(3, s.mean(), 1e-15);
        assertEquals(Math.sqrt(2.5), s.sd(), 1e-15);
        // t_{0.975,4} = 2.776445105197793
        assertEquals(2.776445105197793 * Math.sqrt(2.5) / Math.sqrt(5), s.halfWidth(), 1e-9);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(1.0, 3));
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> Summary.of(new double[0], 0.95));
        assertThrows(IllegalArgumentException.class, () -> Summary.of(new double[] {1, Double.NaN}, 0.95));
    }
}
