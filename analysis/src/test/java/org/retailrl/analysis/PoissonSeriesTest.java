package org.retailrl.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The truncation rule of {@link PoissonSeries}: its bound really bounds the neglected tail. */
class PoissonSeriesTest {

    /** The stated tail bound is at least the tail computed by a far longer sum, for polynomial g up to k⁴. */
    @Property(tries = 80, seed = "21")
    void tailBoundDominatesActualTail(@ForAll @DoubleRange(min = 0.05, max = 300) double lam,
            @ForAll @IntRange(min = 0, max = 4) int degree, @ForAll @DoubleRange(min = 0, max = 3) double over) {
        int k = (int) Math.floor(lam * (1 + over)) + 1;
        double[] growth = new double[degree + 1];
        growth[degree] = 1;
        double sum = 0;
        for (int j = k; j < k + 20_000; j++) {
            sum += Math.pow(j, degree) * PoissonSeries.pmf(lam, j);
        }
        double tail = sum;
        double bound = PoissonSeries.tailBound(lam, k, growth);
        assertTrue(tail <= bound * (1 + 1e-9) + 1e-300, () -> "tail " + tail + " > bound " + bound);
    }

    /** Truncated E[D] and E[D²] are within the reported bound of λ and λ + λ². */
    @Property(tries = 60, seed = "22")
    void momentsWithinBound(@ForAll @DoubleRange(min = 0.05, max = 500) double lam) {
        PoissonSeries.Truncated m1 = PoissonSeries.expectation(lam, k -> k, 1e-9, 0, 1);
        PoissonSeries.Truncated m2 = PoissonSeries.expectation(lam, k -> (double) k * k, 1e-9, 0, 0, 1);
        assertEquals(lam, m1.value(), m1.errorBound() + 1e-12 * lam);
        assertEquals(lam + lam * lam, m2.value(), m2.errorBound() + 1e-12 * (lam + lam * lam));
        assertTrue(m1.errorBound() <= 1e-9 && m2.errorBound() <= 1e-9);
    }

    @Test
    void badInput() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PoissonSeries.pmf(-1, 2)).getMessage()
                .contains("lambda"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PoissonSeries.expectation(2, k -> k, 0, 1)).getMessage().contains("tolerance"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PoissonSeries.tailBound(2, 3, -1))
                .getMessage().contains("growth"));
    }
}
