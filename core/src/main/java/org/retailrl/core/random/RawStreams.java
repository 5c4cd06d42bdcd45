package org.retailrl.core.random;

/**
 * SplitMix64 streams held as two primitive arrays (state and odd increment per copy) so the
 * batched kernel can advance them in vector lanes. The arithmetic is that of
 * {@link Rng} — a copy's raw stream, loaded from
 * {@code Rng.stream(seed, index).state()}, yields exactly the values that {@code Rng} would
 * ({@code nextDouble}, {@code nextInt(bound)}); a test checks it. Public so that every batched
 * simulator (docs/model.md §1, §7) and the batched samplers of the kernel layer
 * ({@code Kernels.poisson}, {@code binomial}, {@code categorical}) keep their per-copy streams in
 * the same two arrays.
 */
public final class RawStreams {
    private RawStreams() {
    }

    /** Loads copy {@code i}'s stream {@code Rng.stream(seed, index)} into {@code seeds[i]}, {@code gammas[i]}. */
    public static void load(long[] seeds, long[] gammas, int i, long seed, long index) {
        long[] st = Rng.stream(seed, index).state();
        seeds[i] = st[0];
        gammas[i] = st[1];
    }

    /** 64 random bits from stream {@code i}, as {@code Rng.nextLong}. */
    public static long nextLong(long[] seed, long[] gamma, int i) {
        long s = seed[i] + gamma[i];
        seed[i] = s;
        return Rng.mix64(s);
    }

    /** Uniform on [0, 1) with 53 bits, as {@code Rng.nextDouble}. */
    public static double nextDouble(long[] seed, long[] gamma, int i) {
        return (nextLong(seed, gamma, i) >>> 11) * 0x1.0p-53;
    }

    /** Uniform on [0, bound) by Lemire's method, as {@code Rng.nextInt(bound)}. */
    public static int nextInt(long[] seed, long[] gamma, int i, int bound) {
        long m = (nextLong(seed, gamma, i) >>> 32) * bound;
        long l = m & 0xffffffffL;
        if (l < bound) {
            long t = (0x100000000L - bound) % bound;
            while (l < t) {
                m = (nextLong(seed, gamma, i) >>> 32) * bound;
                l = m & 0xffffffffL;
            }
        }
        return (int) (m >>> 32);
    }
}
