package org.retailrl.core.simd;

/**
 * Per-copy state arrays for the batched simulators that the rollouts step (docs/model.md §8.2),
 * allocated a little longer than asked so that arrays created one after another do not start at
 * nearly the same address modulo 4 KiB. Only speed depends on it (§8.12: no result does).
 *
 * <p>Why: a batch of 1,024 copies keeps a dozen arrays of 4 or 8 KiB, and the JVM lays arrays
 * allocated (or moved by the collector) one after another end to end, so all of them start within
 * a few header lengths of each other modulo 4 KiB. A loop that streams several of them side by
 * side then has its current cache lines in the same few sets of the L1 data cache (8 ways on the
 * cores measured), and its loads can falsely wait on stores to another array with the same low
 * address bits; stepping a pricing batch of 1,024 copies took up to 20% longer so. Padding each array so that the next one starts {@value #STRIDE} bytes further on, modulo
 * 4 KiB, spreads a dozen arrays over the page (docs/performance.md, "Per-copy arrays spread
 * over the page"). Only the first {@code n} elements are used; the padding stays zero and no
 * result depends on it. Callers must therefore use their own copy count, never {@code length}.
 */
public final class LaneArrays {
    /** Bytes, modulo 4 KiB, from the start of one padded array to the start of the next. */
    static final int STRIDE = 320;
    private static final int PAGE = 4096;
    /** An array's header as laid out by HotSpot with compressed class pointers (12 bytes, 16 for
     *  long and double elements); a few bytes off elsewhere, which only moves the spread a little. */
    private static final int HEADER = 16;
    /** Arrays smaller than this are left as they are: a dozen of them lie at distinct offsets anyway. */
    private static final int MIN_BYTES = 1024;

    private LaneArrays() {
    }

    /**
     * The length to allocate for {@code n} elements of {@code elementBytes} bytes each: {@code n}
     * for small arrays, otherwise {@code n} plus at most 4 KiB of padding.
     *
     * @throws IllegalArgumentException when {@code n < 0} or {@code elementBytes} is not 1, 2, 4 or 8
     */
    public static int length(int n, int elementBytes) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (elementBytes != 1 && elementBytes != 2 && elementBytes != 4 && elementBytes != 8) {
            throw new IllegalArgumentException("elementBytes must be 1, 2, 4 or 8, got " + elementBytes);
        }
        long bytes = (long) n * elementBytes;
        if (bytes < MIN_BYTES) {
            return n;
        }
        int end = (int) ((bytes + HEADER) % PAGE);
        int extra = Math.floorMod(STRIDE - end, PAGE);
        long padded = n + (long) (extra + elementBytes - 1) / elementBytes;
        if (padded > Integer.MAX_VALUE - 8) {
            return n;
        }
        return (int) padded;
    }

    /** A zeroed {@code double[]} with room for {@code n} elements, padded as {@link #length}. */
    public static double[] doubles(int n) {
        return new double[length(n, Double.BYTES)];
    }

    /** A zeroed {@code long[]} with room for {@code n} elements, padded as {@link #length}. */
    public static long[] longs(int n) {
        return new long[length(n, Long.BYTES)];
    }

    /** A zeroed {@code int[]} with room for {@code n} elements, padded as {@link #length}. */
    public static int[] ints(int n) {
        return new int[length(n, Integer.BYTES)];
    }

    /** A zeroed {@code float[]} with room for {@code n} elements, padded as {@link #length}. */
    public static float[] floats(int n) {
        return new float[length(n, Float.BYTES)];
    }
}
