package org.retailrl.envs.pricing;

/**
 * SplitMix64 streams held as two primitive arrays (state and odd increment per copy) so the
 * batched kernel can advance them in vector lanes. The arithmetic is that of
 * {@link org.retailrl.core.random.Rng} — a copy's raw stream, loaded from
 * {@code Rng.stream(seed, index).state()}, yields exactly the values that {@code Rng} would
 * ({@code nextDouble}, {@code nextInt(bound)}); a test checks it. Public so that every batched
 * simulator (docs/model.md §1, §7) keeps its per-copy streams in the same two arrays.
 */
public final class RawStreams {
    private RawStreams() {
    }

    /** Loads copy {@code i}'s stream {@code Rng.stream(seed, index)} into {@code seeds[i]}, {@code gammas[i]}. */
    public static void load(long[] seeds, long[] gammas, int i, long seed, long index) {
        long[] st = org.retailrl.core.random.Rng.stream(seed, index).state();
        seeds[i] = st[0];
        gammas[i] = st[1];
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public static long nextLong(long[] seed, long[] gamma, int i) {
        long s = seed[i] + gamma[i];
        seed[i] = s;
        return mix64(s);
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
