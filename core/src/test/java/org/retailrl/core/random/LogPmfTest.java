package org.retailrl.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * SpecialFunctions.logPoissonPmf and logBinomialPmf against 50-digit references (mpmath,
 * {@code -λ + k log λ - log Γ(k+1)} and the binomial analogue, evaluated at the exact double
 * inputs), relative error at most 1e-13. The large cases are the point: the textbook formula in
 * double precision is off by ~1e-6 there.
 */
class LogPmfTest {
    private static final double REL = 1e-13;

    private static final double[][] POISSON = {
        {0, 0.5, -0.5},
        {1, 0.5, -1.1931471805599454},
        {3, 3.07, -1.4967267844307377},
        {17, 3.07, -17.50655490295209},
        {10, 9.99, -2.0785666464708936},
        {30, 30.0, -2.622314898965503},
        {12, 30.0, -9.172845915716021},
        {200, 200.0, -3.568513882798138},
        {260, 200.0, -11.91430862292258},
        {100000, 1e5, -6.67540209902312},
        {98765, 1e5, -14.326903184227497},
        {1000000000, 1e9, -11.280571451761212},
        {1000031623, 1e9, -11.780589057020078},
        {5, 1e9, -999999901.1711626},
    };

    private static final double[][] BINOMIAL = {
        {0, 20, 0.3, -7.133498878774647},
        {6, 20, 0.3, -1.6521419750931667},
        {20, 20, 0.3, -24.07945608651872},
        {5, 1000, 0.005, -1.737796328460199},
        {30, 100, 0.3, -2.444334564532973},
        {100, 10000, 0.01, -3.2173318730026867},
        {2500, 5000, 0.5, -4.484437948352513},
        {2400, 5000, 0.5, -8.484704764425688},
        {1073741823, 2147483647, 0.5, -10.969572651440295},
        {1073800000, 2147483647, 0.5, -14.121638704942482},
        {3, 2147483647, 1e-9, -1.6463528358600843},
        {80, 100, 0.8, -2.309607544702487},
    };

    private static void assertRel(double expected, double actual, String what) {
        double err = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(err <= REL, () -> what + ": " + actual + " vs " + expected + ", relative error " + err);
    }

    @Test
    void poissonMatchesReferences() {
        for (double[] c : POISSON) {
            assertRel(c[2], SpecialFunctions.logPoissonPmf((long) c[0], c[1]), "logPoissonPmf(" + c[0] + ", " + c[1] + ")");
        }
    }

    @Test
    void binomialMatchesReferences() {
        for (double[] c : BINOMIAL) {
            assertRel(c[3], SpecialFunctions.logBinomialPmf((long) c[0], (long) c[1], c[2]),
                    "logBinomialPmf(" + c[0] + ", " + c[1] + ", " + c[2] + ")");
        }
    }

    @Test
    void pmfsSumToOneAndAgreeWithTheDirectFormulaAtSmallArguments() {
        double s = 0;
        for (int k = 0; k < 200; k++) {
            double lp = SpecialFunctions.logPoissonPmf(k, 7.3);
            double direct = -7.3 + k * Math.log(7.3) - SpecialFunctions.logGamma(k + 1.0);
            assertEquals(direct, lp, 1e-12 * Math.max(1, Math.abs(direct)), "k = " + k);
            s += Math.exp(lp);
        }
        assertEquals(1.0, s, 1e-13);
        s = 0;
        for (int k = 0; k <= 60; k++) {
            s += Math.exp(SpecialFunctions.logBinomialPmf(k, 60, 0.37));
        }
        assertEquals(1.0, s, 1e-13);
    }

    @Test
    void zeroProbabilityAndBadInput() {
        assertEquals(Double.NEGATIVE_INFINITY, SpecialFunctions.logPoissonPmf(-1, 2));
        assertEquals(0.0, SpecialFunctions.logPoissonPmf(0, 0));
        assertEquals(Double.NEGATIVE_INFINITY, SpecialFunctions.logPoissonPmf(1, 0));
        assertEquals(Double.NEGATIVE_INFINITY, SpecialFunctions.logBinomialPmf(11, 10, 0.5));
        assertEquals(0.0, SpecialFunctions.logBinomialPmf(10, 10, 1.0));
        assertEquals(Double.NEGATIVE_INFINITY, SpecialFunctions.logBinomialPmf(3, 10, 0.0));
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.logPoissonPmf(1, -1));
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.logPoissonPmf(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.logPoissonPmf(1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.logBinomialPmf(1, -1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.logBinomialPmf(1, 5, 1.5));
    }

    @Test
    void stirlingErrorTableJoinsTheSeriesSmoothly() {
        // At n = 16 the series must agree with the exact δ(16) = log 16! − (16.5 log 16 − 16 + ½ log 2π).
        double exact = SpecialFunctions.logGamma(17) - 16.5 * Math.log(16) + 16 - 0.5 * Math.log(2 * Math.PI);
        assertEquals(exact, SpecialFunctions.stirlingError(16), 1e-13);
        for (int n = 1; n <= 15; n++) {
            double e = SpecialFunctions.logGamma(n + 1.0) - (n + 0.5) * Math.log(n) + n - 0.5 * Math.log(2 * Math.PI);
            assertEquals(e, SpecialFunctions.stirlingError(n), 1e-13, "n = " + n);
        }
    }
}
