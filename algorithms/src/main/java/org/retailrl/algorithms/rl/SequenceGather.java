package org.retailrl.algorithms.rl;

import org.retailrl.core.Tensor;

/**
 * How a recurrent learner's minibatch of whole training sequences is cut out of a step-major
 * rollout (docs/model.md §8: GRU actors and critics trained on chunked sequences replayed from the
 * hidden state stored at each chunk start). The rollout holds {@code S} steps of {@code N} copies
 * at {@code index = t·N + n}; sequence {@code s} is copy {@code s mod N} over chunk {@code s / N}
 * of {@code C} steps; a minibatch of {@code B} sequences is time-major, row {@code t·B + j} being
 * step {@code t} of sequence {@code j}. Shared by {@link RecurrentRolloutBuffer} (one observation
 * for all networks) and the per-network buffer of the docs/model.md §3 learners, so both cut sequences
 * the same way.
 */
public final class SequenceGather {
    private SequenceGather() {
    }

    /**
     * The rollout index of every minibatch row, {@code [C·B]}; each {@code seqs[j]} must be in
     * {@code [0, S/C·N)}.
     */
    public static int[] rows(int[] seqs, int chunk, int copies, int sequences) {
        int b = seqs.length;
        if (b < 1) {
            throw new IllegalArgumentException("seqs must not be empty");
        }
        int[] rows = new int[chunk * b];
        for (int j = 0; j < b; j++) {
            int s = seqs[j];
            if (s < 0 || s >= sequences) {
                throw new IllegalArgumentException("seqs[" + j + "] must be in [0, " + sequences + "), got " + s);
            }
            int c = s / copies;
            int n = s % copies;
            for (int t = 0; t < chunk; t++) {
                rows[t * b + j] = (c * chunk + t) * copies + n;
            }
        }
        return rows;
    }

    /** {@code src[rows[i]]} for every row. */
    public static float[] gather(float[] src, int[] rows) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = src[rows[i]];
        }
        return out;
    }

    /** The {@code width} entries of every row: {@code src[rows[i]·width ..]}, as one block per row. */
    public static float[] gather(float[] src, int[] rows, int width) {
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(src, rows[i] * width, out, i * width, width);
        }
        return out;
    }

    /** {@code src[rows[i]]} for every row. */
    public static int[] gather(int[] src, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = src[rows[i]];
        }
        return out;
    }

    /** The {@code width} entries of every row: {@code src[rows[i]·width ..]}. */
    public static int[] gather(int[] src, int[] rows, int width) {
        int[] out = new int[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(src, rows[i] * width, out, i * width, width);
        }
        return out;
    }

    /**
     * Observations of the minibatch, {@code [C, B, dim]}, from step-major observations
     * {@code [S·N·dim]}.
     */
    public static Tensor observations(float[] obs, int dim, int[] rows, int chunk, int b) {
        return Tensor.wrap(gather(obs, rows, dim), chunk, b, dim);
    }

    /**
     * Hidden states entering the minibatch's sequences, {@code [L, B, H]}, from the states stored
     * per chunk ({@code perChunk[c]} laid out {@code [L, N, H]}).
     */
    public static Tensor hidden(float[][] perChunk, int[] seqs, int copies, int layers, int width) {
        int b = seqs.length;
        Tensor t = Tensor.zeros(layers, b, width);
        for (int j = 0; j < b; j++) {
            int c = seqs[j] / copies;
            int n = seqs[j] % copies;
            for (int li = 0; li < layers; li++) {
                System.arraycopy(perChunk[c], (li * copies + n) * width, t.data(), (li * b + j) * width, width);
            }
        }
        return t;
    }
}
