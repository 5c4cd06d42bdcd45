package org.retailrl.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;

/** Gaussian KDE: a hand-computed value, Silverman's bandwidth, unit mass, bad input. */
class KernelDensityTest {

    @Test
    void densityMatchesHandComputedValue() {
        // (φ(0) + φ(1) + φ(2)) / 3 = (0.398942280 + 0.241970725 + 0.053990967) / 3
        KernelDensity k = new KernelDensity(new double[] {0, 1, 2}, 1);
        assertEquals(0.231634657144588, k.density(0), 1e-12);
        // h = 2 at x = 1: (2 φ(0.5) + φ(0)) / (3 · 2) = (2 · 0.352065327 + 0.398942280) / 6
        assertEquals(0.183845489, new KernelDensity(new double[] {0, 1, 2}, 2).density(1), 1e-9);
    }

    @Test
    void silvermanBandwidthByHand() {
        // s = sqrt(2.5) = 1.5811, IQR = 4 - 2 = 2, IQR/1.34 = 1.49254 < s; 0.9 · 1.49254 · 5^-0.2 = 0.973585
        assertEquals(0.9735846228506357, KernelDensity.silvermanBandwidth(new double[] {3, 1, 5, 2, 4}), 1e-12);
        // IQR is 0 here, so the standard deviation is used: s = 0.4472, n = 5
        double s = Math.sqrt(0.2);
        assertEquals(0.9 * s * Math.pow(5, -0.2), KernelDensity.silvermanBandwidth(new double[] {1, 1, 1, 1, 2}), 1e-12);
        // no spread at all: the documented fall-back 0.1 · max(|mean|, 1)
        assertEquals(5.0, KernelDensity.silvermanBandwidth(new double[] {50, 50}), 1e-12);
        assertEquals(0.1, KernelDensity.silvermanBandwidth(new double[] {0.5}), 1e-12);
    }

    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4};
        assertEquals(1.75, KernelDensity.quantile(sorted, 0.25), 1e-15);
        assertEquals(3.25, KernelDensity.quantile(sorted, 0.75), 1e-15);
    }

    /** The estimate is a probability density: trapezoid integral over ±12 h beyond the data is 1. */
    @Property(tries = 40, seed = "20261124")
    void integratesToOne(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 300) int n) {
        Rng rng = new Rng(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 100 * rng.normal() + (rng.nextDouble() < 0.3 ? 500 : 0);
        }
        KernelDensity k = KernelDensity.silverman(x);
        double lo = k.min() - 12 * k.bandwidth();
        double hi = k.max() + 12 * k.bandwidth();
        int m = 20_000;
        double dx = (hi - lo) / m;
        double sum = 0;
        for (int i = 0; i <= m; i++) {
            double f = k.density(lo + i * dx);
            sum += (i == 0 || i == m) ? f / 2 : f;
        }
        assertEquals(1.0, sum * dx, 1e-6);
    }

    @Test
    void badInputIsRefusedWithTheIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelDensity.silverman(new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("sample[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new KernelDensity(new double[0], 1));
        assertTrue(e.getMessage().contains("at least one"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new KernelDensity(new double[] {1}, 0));
        assertTrue(e.getMessage().contains("bandwidth must be finite and > 0"), e.getMessage());
    }
}
