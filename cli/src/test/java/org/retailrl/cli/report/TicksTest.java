package org.retailrl.cli.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Nice tick values (1-2-5 steps) and their plain formatting. */
class TicksTest {

    @Test
    void withinZeroTo87GivesStepsOfTwenty() {
        Ticks t = Ticks.within(0, 87, 5);
        assertArrayEquals(new double[] {0, 20, 40, 60, 80}, t.values());
        assertArrayEquals(new String[] {"0", "20", "40", "60", "80"}, t.labels());
        assertEquals(0, t.lo());
        assertEquals(87, t.hi());
    }

    @Test
    void coveringExtendsTheDomainToTheNextTick() {
        Ticks t = Ticks.covering(0, 87, 5);
        assertArrayEquals(new String[] {"0", "20", "40", "60", "80", "100"}, t.labels());
        assertEquals(100, t.hi());
    }

    @Test
    void decimalStepsHaveNoTrailingZerosOrRoundingNoise() {
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"), List.of(Ticks.covering(0, 1, 5).labels()));
        assertEquals(List.of("-0.3", "-0.2", "-0.1", "0", "0.1", "0.2", "0.3"),
                List.of(Ticks.covering(-0.3, 0.3, 6).labels()));
        assertEquals("0.3", Ticks.format(0.30000000000000004, 0.1));
        assertEquals("100", Ticks.format(100, 20));
        assertEquals("0", Ticks.format(-0.0, 1));
        assertEquals("0.005", Ticks.format(0.005, 0.005));
    }

    @Test
    void negativeRangeAndMixedSigns() {
        assertArrayEquals(new String[] {"-5", "0", "5", "10", "15"}, Ticks.covering(-3.7, 12.2, 4).labels());
        assertArrayEquals(new String[] {"-400", "-300", "-200", "-100"}, Ticks.covering(-380, -120, 3).labels());
    }

    @Test
    void hugeAndTinyMagnitudesUseOneScientificNotationPerAxis() {
        assertArrayEquals(new String[] {"-1e300", "-5e299", "0", "5e299", "1e300"},
                Ticks.covering(-1e300, 1e300, 4).labels());
        assertArrayEquals(new String[] {"0", "2e-8", "4e-8", "6e-8"}, Ticks.within(0, 7e-8, 4).labels());
        assertArrayEquals(new String[] {"8e8", "9e8", "1e9", "1.1e9"}, Ticks.covering(8.2e8, 1.05e9, 3).labels());
        assertEquals("1.23e-7", Ticks.significant(1.2345e-7, 3));
        assertEquals("15.2", Ticks.significant(15.2449, 3));
        assertEquals("1200", Ticks.significant(1234, 2));
    }

    @Test
    void constantRangeStillHasAnAxis() {
        Ticks t = Ticks.covering(5, 5, 4);
        assertTrue(t.lo() < 5 && t.hi() > 5, t.toString());
        Ticks z = Ticks.covering(0, 0, 4);
        assertEquals(-1, z.lo());
        assertEquals(1, z.hi());
    }

    @Test
    void badInputNamesTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ticks.covering(Double.NaN, 1, 5));
        assertTrue(e.getMessage().contains("min and max"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ticks.within(2, 1, 5));
        assertTrue(e.getMessage().contains("min <= max"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ticks.within(0, 1, 0));
        assertTrue(e.getMessage().contains("target must be in [1, 100]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ticks.format(1, 0));
        assertTrue(e.getMessage().contains("step > 0"), e.getMessage());
    }

    /** Invariant: the step is 1, 2 or 5 times a power of ten, ticks cover the data, labels are distinct. */
    @Property(tries = 300, seed = "20261124")
    void stepsAreOneTwoFiveAndCoverTheRange(@ForAll @DoubleRange(min = -1e12, max = 1e12) double a,
            @ForAll @DoubleRange(min = -9, max = 12) double log10Width,
            @ForAll @IntRange(min = 1, max = 12) int target) {
        double b = a + Math.pow(10, log10Width);
        Ticks t = Ticks.covering(a, b, target);
        double step = t.step();
        double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        assertTrue(Math.abs(mantissa - 1) < 1e-9 || Math.abs(mantissa - 2) < 1e-9 || Math.abs(mantissa - 5) < 1e-9,
                "step " + step);
        double[] v = t.values();
        assertTrue(t.lo() <= a && t.hi() >= b, t.toString());
        assertTrue(v.length >= 2 && v.length <= 2 * target + 3, t.toString());
        Set<String> labels = new HashSet<>(List.of(t.labels()));
        assertEquals(v.length, labels.size(), t.toString());
    }
}
