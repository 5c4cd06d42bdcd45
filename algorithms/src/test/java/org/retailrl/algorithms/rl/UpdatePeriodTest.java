package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The update periods of docs/model.md §8.7: FSDA's logarithmic {@code k(n)} and the constant one. */
class UpdatePeriodTest {
    private final UpdatePeriod log = UpdatePeriod.logarithmic();

    @Test
    void ratioIsOnePlusFloorLog2OfOnePlusN() {
        long[] n = {0, 1, 2, 3, 6, 7, 14, 15, 30, 31, (1L << 40) - 2, (1L << 40) - 1};
        long[] k = {1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 40, 41};
        for (int i = 0; i < n.length; i++) {
            assertEquals(k[i], log.ratio(n[i]), "k(" + n[i] + ")");
        }
    }

    @Test
    void slowAgentIsUpdatedExactlyOnTheseRounds() {
        // n mod k(n) = 0 with k = 1,2,2,3,3,3,3,4×8,5×16: worked out by hand.
        List<Long> got = new ArrayList<>();
        for (long e = 0; e < 32; e++) {
            if (log.due(e)) {
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
        UpdatePeriod every = UpdatePeriod.every(1);
        assertEquals(UpdatePeriod.ALWAYS, every);
        for (long e = 0; e < 10; e++) {
            assertTrue(every.due(e));
        }
        UpdatePeriod three = UpdatePeriod.every(3);
        assertEquals(List.of(true, false, false, true), List.of(three.due(0), three.due(1), three.due(2), three.due(3)));
        assertEquals(3, three.ratio(1_000_000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UpdatePeriod.every(0));
        assertTrue(e.getMessage().contains("k must be >= 1"));
        e = assertThrows(IllegalArgumentException.class, () -> log.due(-1));
        assertTrue(e.getMessage().contains("round n"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new UpdatePeriod(null, 1));
        assertTrue(e.getMessage().contains("kind"), e.getMessage());
    }
}
