package org.retailrl.algorithms.lmm;

import org.retailrl.core.random.Rng;

/**
 * The random streams of an ε-noisy behaviour policy (docs/model.md §6.4): copy {@code i} draws from
 * {@code Rng.stream(seed, i)}, reseeded at every reset, so an episode's noise depends only on the
 * seed and the copy; each period a copy's decision is replaced with probability ε.
 */
final class NoiseStreams {
    private final long seed;
    private final double eps;
    private Rng[] streams = new Rng[0];

    /** Streams of {@code seed}; {@code eps} in [0, 1] (1: every decision is random). */
    NoiseStreams(long seed, double eps) {
        if (!(eps >= 0 && eps <= 1)) {
            throw new IllegalArgumentException("eps must be in [0, 1], got " + eps);
        }
        this.seed = seed;
        this.eps = eps;
    }

    /** The name of {@code base} made noisy ({@code null}: the random policy). */
    static String name(String base, double eps) {
        return base == null ? "random" : base + " eps=" + eps;
    }

    /** Fresh streams for {@code copies} copies. */
    void reset(int copies) {
        streams = new Rng[copies];
        for (int i = 0; i < copies; i++) {
            streams[i] = Rng.stream(seed, i);
        }
    }

    /** Number of copies since the last reset. */
    int copies() {
        return streams.length;
    }

    /** Copy {@code c}'s stream when its decision this period is to be replaced, else null. */
    Rng replace(int c, boolean always) {
        return always || streams[c].nextDouble() < eps ? streams[c] : null;
    }
}
