package org.retailrl.algorithms.rl;

import org.retailrl.core.random.Rng;

/**
 * Random partition of the training sequences of a rollout into minibatches (docs/model.md §8; CleanRL
 * shuffles indices once per epoch). Sizes differ by at most one; the shuffle uses the caller's
 * seeded {@link Rng}, so it is reproducible.
 */
public final class Minibatches {
    private Minibatches() {
    }

    /** A shuffled partition of {@code 0 .. sequences−1} into {@code count} parts. */
    public static int[][] split(Rng rng, int sequences, int count) {
        if (count < 1 || count > sequences) {
            throw new IllegalArgumentException("minibatches must be in [1, sequences = " + sequences + "], got " + count);
        }
        int[] perm = rng.permutation(sequences);
        int[][] out = new int[count][];
        int from = 0;
        for (int m = 0; m < count; m++) {
            int to = (int) ((long) sequences * (m + 1) / count);
            out[m] = java.util.Arrays.copyOfRange(perm, from, to);
            from = to;
        }
        return out;
    }
}
