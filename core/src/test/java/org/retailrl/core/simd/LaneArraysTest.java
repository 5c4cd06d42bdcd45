package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The padded lengths of {@link LaneArrays} (docs/model.md §8.12): room for every element asked
 * for, at most 4 KiB more, small arrays untouched, and arrays of one size laid end to end starting
 * {@value LaneArrays#STRIDE} bytes apart modulo 4 KiB.
 */
class LaneArraysTest {
    private static final int HEADER = 16;

    @Property(tries = 2000)
    void roomForEveryElementAndAtMostOnePageMore(@ForAll @IntRange(min = 0, max = 1 << 22) int n,
                                                 @ForAll("sizes") int bytes) {
        int len = LaneArrays.length(n, bytes);
        assertTrue(len >= n, "length " + len + " < n = " + n);
        assertTrue((long) (len - n) * bytes < 4096 + bytes, "padding of " + (len - n) + " elements for n = " + n);
        if ((long) n * bytes < 1024) {
            assertEquals(n, len, "arrays under 1 KiB are not padded");
        }
    }

    @Property(tries = 2000)
    void consecutiveArraysStartAStrideApart(@ForAll @IntRange(min = 128, max = 1 << 20) int n,
                                            @ForAll("sizes") int bytes) {
        if ((long) n * bytes < 1024) {
            return;
        }
        long footprint = (long) LaneArrays.length(n, bytes) * bytes + HEADER;
        long apart = Math.floorMod(footprint, 4096L);
        // Rounded up to whole elements: at most one element past the stride.
        assertTrue(apart >= LaneArrays.STRIDE && apart < LaneArrays.STRIDE + bytes,
                "n = " + n + ", " + bytes + "-byte elements: next array starts " + apart + " bytes on, mod 4 KiB");
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.of(1, 2, 4, 8);
    }

    /** The power-of-two batch sizes that made a dozen arrays alias: they now spread over the page. */
    @Test
    void aDozenArraysOfAThousandCopiesSpreadOverThePage() {
        long[] start = new long[12];
        long at = 0;
        for (int k = 0; k < start.length; k++) {
            start[k] = Math.floorMod(at + HEADER, 4096L);
            at += (long) LaneArrays.length(1024, 8) * 8 + HEADER;
        }
        long[] sorted = start.clone();
        Arrays.sort(sorted);
        for (int k = 1; k < sorted.length; k++) {
            assertTrue(sorted[k] - sorted[k - 1] >= 256, "starts " + Arrays.toString(start) + " crowd together");
        }
    }

    @Test
    void factoriesGiveZeroedArraysOfThePaddedLength() {
        assertEquals(LaneArrays.length(1024, 8), LaneArrays.doubles(1024).length);
        assertEquals(LaneArrays.length(1024, 8), LaneArrays.longs(1024).length);
        assertEquals(LaneArrays.length(1024, 4), LaneArrays.ints(1024).length);
        assertEquals(LaneArrays.length(1024, 4), LaneArrays.floats(1024).length);
        assertEquals(16, LaneArrays.doubles(16).length);
        assertTrue(Arrays.stream(LaneArrays.doubles(3000)).allMatch(x -> x == 0.0));
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LaneArrays.length(-1, 8));
        assertTrue(e.getMessage().contains("n must be >= 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LaneArrays.length(10, 3));
        assertTrue(e.getMessage().contains("elementBytes must be 1, 2, 4 or 8"), e.getMessage());
    }
}
