package org.retailrl.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Determinism, projection and input checks of the two-timescale iteration and its schedule. */
class TwoTimescaleSATest {
    private final SinglePeriodModel m = SinglePeriodModel.tableFive();
    private final StepSchedule s = new StepSchedule(TimescaleOrdering.PRICE_FAST, 20, 2, 0.6, 0.9, 10);

    @Test
    void sameSeedSameTrace() {
        SaTrace a = TwoTimescaleSA.run(m, s, 40, 10, 3000, 4, true, 7, 5);
        SaTrace b = TwoTimescaleSA.run(m, s, 40, 10, 3000, 4, true, 7, 5);
        assertArrayEquals(a.price(), b.price());
        assertArrayEquals(a.stock(), b.stock());
        assertArrayEquals(a.iteration(), b.iteration());
        assertEquals(3000, a.iteration()[a.size() - 1]);
        SaTrace c = TwoTimescaleSA.run(m, s, 40, 10, 3000, 4, true, 7, 6);
        assertTrue(c.finalPrice() != a.finalPrice() || c.finalStock() != a.finalStock());
    }

    @Test
    void iteratesStayInTheBox() {
        StepSchedule big = new StepSchedule(TimescaleOrdering.STOCK_FAST, 1e4, 1e3, 0.6, 0.9, 1);
        SaTrace t = TwoTimescaleSA.run(m, big, 40, 10, 500, 2, false, 1, 3);
        for (int i = 0; i < t.size(); i++) {
            assertTrue(t.price()[i] >= m.pLo() && t.price()[i] <= m.pHi());
            assertTrue(t.stock()[i] >= m.yMin() && t.stock()[i] <= m.yHi());
        }
    }

    @Test
    void scheduleMeetsTheConditionsAndRejectsOthers() {
        assertEquals(0.6, s.priceExp());
        assertEquals(0.9, s.stockExp());
        assertTrue(s.slowStep(1_000_000) / s.fastStep(1_000_000) < s.slowStep(1000) / s.fastStep(1000));
        StepSchedule mirror = new StepSchedule(TimescaleOrdering.STOCK_FAST, 20, 2, 0.6, 0.9, 10);
        assertEquals(0.9, mirror.priceExp());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new StepSchedule(TimescaleOrdering.PRICE_FAST, 1, 1, 0.5, 0.9, 1)).getMessage().contains("fastExp"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new StepSchedule(TimescaleOrdering.PRICE_FAST, 1, 1, 0.7, 0.7, 1)).getMessage().contains("slowExp"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new StepSchedule(TimescaleOrdering.PRICE_FAST, 1, 1, 0.7, 1.1, 1)).getMessage().contains("slowExp"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> TwoTimescaleSA.run(m, s, 90, 10, 10, 4, true, 1, 1)).getMessage().contains("price p"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> TwoTimescaleSA.run(m, s, 40, 10, 10, 1, true, 1, 1)).getMessage().contains("batch"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new SinglePeriodModel(800, 0.5, -800, -0.01, 4, 10, 5, 0, 0, 80, 0, 20)).getMessage()
                .contains("beta0 + beta1*p"));
    }
}
