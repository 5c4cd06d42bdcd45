package org.retailrl.envs.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;

/** The recommendation action of docs/model.md §3: softmax construction, uniform exposure and validation. */
class ExposureTest {

    @Test
    void softmaxIsRowWise() {
        double[] a = Exposure.softmax(new double[] {0, Math.log(3), 5, 5}, 2, 2);
        assertEquals(0.25, a[0], 1e-15);
        assertEquals(0.75, a[1], 1e-15);
        assertEquals(0.5, a[2], 1e-15);
        assertEquals(0.5, a[3], 1e-15);
    }

    @Test
    void softmaxIsStableForHugeLogits() {
        double[] a = Exposure.softmax(new double[] {1e300, 1e300}, 1, 2);
        assertEquals(0.5, a[0], 0);
        assertEquals(0.5, a[1], 0);
    }

    @Property(tries = 200, seed = "20261124")
    void softmaxRowsAreDistributionsThatPassTheCheck(@ForAll @IntRange(min = 1, max = 6) int n,
            @ForAll @IntRange(min = 1, max = 40) int m, @ForAll long seed,
            @ForAll @DoubleRange(min = 0.01, max = 50) double scale) {
        Rng rng = new Rng(seed);
        double[] z = new double[n * m];
        for (int k = 0; k < z.length; k++) {
            z[k] = scale * rng.normal();
        }
        double[] a = Exposure.softmax(z, n, m);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < m; j++) {
                assertTrue(a[i * m + j] >= 0 && a[i * m + j] <= 1);
                sum += a[i * m + j];
            }
            assertEquals(1.0, sum, 1e-12);
        }
        Exposure.check(a, 0, n, m, "softmax output");
    }

    @Test
    void uniformPassesTheCheck() {
        double[] a = Exposure.uniform(3, 7);
        assertEquals(1.0 / 7, a[20], 0);
        Exposure.check(a, 0, 3, 7, "uniform");
    }

    @Test
    void checkNamesTheBadEntryOrRow() {
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> Exposure.check(new double[] {1.5, -0.5}, 0, 1, 2, "exposure"));
        assertTrue(neg.getMessage().contains("alpha[0][0]") && neg.getMessage().contains("[0, 1]"),
                neg.getMessage());
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class,
                () -> Exposure.check(new double[] {0.5, 0.5, 0.5, 0.49}, 0, 2, 2, "exposure"));
        assertTrue(sum.getMessage().contains("row 1") && sum.getMessage().contains("sum to 1"), sum.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Exposure.check(new double[] {Double.NaN, 1}, 0, 1, 2, "exposure"));
        assertTrue(nan.getMessage().contains("alpha[0][0]"), nan.getMessage());
        // within tolerance passes, just outside fails
        Exposure.check(new double[] {0.5, 0.5 + 0.9e-5}, 0, 1, 2, "exposure");
        assertThrows(IllegalArgumentException.class,
                () -> Exposure.check(new double[] {0.5, 0.5 + 1.1e-5}, 0, 1, 2, "exposure"));
    }

    @Test
    void softmaxRejectsNonFiniteLogitsAndBadShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Exposure.softmax(new double[] {0, Double.POSITIVE_INFINITY}, 1, 2));
        assertTrue(e.getMessage().contains("logits[0][1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Exposure.softmax(new double[3], 2, 2));
    }
}
