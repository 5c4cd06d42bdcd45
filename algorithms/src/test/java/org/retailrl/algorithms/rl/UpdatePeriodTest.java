package org.retailrl.algorithms.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TimescaleScheduleTest {
    private final TimescaleSchedule log = TimescaleSchedule.logarithmic();

    @Test
    void ratioIsOnePlusFloorLog2OfOnePlusN() {
        long[] n = {0, 1, 2, 3, 6, 7, 14, 15, 30, 31, (1L << 40) - 2, (1L << 40) - 1};
        long[] k = {1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 40, 41};
        for (int i = 0; i < n.length; i++) {
            assertEquals(k[i], log.ratio(n[i]), "k(" + n[i] + ")");
        }
    }

    @Test
    void slowAgentIsUpdatedExactlyOnTheseEpisodes() {
        // n mod k(n) = 0 with k = 1,2,2,3,3,3,3,4×8,5×16: worked out by hand.
        List<Long> got = new ArrayList<>();
        for (long e = 0; e < 32; e++) {
            if (log.slowUpdates(e)) {
                got.add(e);
            }
        }
        assertEquals(List.of(0L, 2L, 3L, 6L, 8L, 12L, 15L, 20L, 25L, 30L), got);
    }

    @Property(tries = 200, seed = "20261124")
    void ratioMatchesARealLogarithmAndGrows(@ForAll @LongRange(min = 0, max = 1L << 50) long n) {
        long k = log.ratio(n);
        // 2^(k−1) <= 1 + n < 2^k
        assertTrue((1L << (k - 1)) <= n + 1 && n + 1 < (1L << k), "k(" + n + ") = " + k);
        assertTrue(log.ratio(2 * n + 1) == k + 1, "doubling 1 + n adds one to k");
    }

    @Test
    void constantScheduleAndBadInput() {
        TimescaleSchedule every = TimescaleSchedule.constant(1);
        for (long e = 0; e < 10; e++) {
            assertTrue(every.slowUpdates(e));
        }
        assertEquals(List.of(true, false, false, true), List.of(TimescaleSchedule.constant(3).slowUpdates(0),
                TimescaleSchedule.constant(3).slowUpdates(1), TimescaleSchedule.constant(3).slowUpdates(2),
                TimescaleSchedule.constant(3).slowUpdates(3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimescaleSchedule.constant(0));
        assertTrue(e.getMessage().contains("k must be >= 1"));
        e = assertThrows(IllegalArgumentException.class, () -> log.slowUpdates(-1));
        assertTrue(e.getMessage().contains("episode n"));
    }
}
