package org.retailrl.algorithms.rl;

import org.retailrl.core.Tensor;

/**
 * Storage of one on-policy rollout for recurrent learners (MODEL.md §8; CleanRL
 * {@code ppo_atari_lstm.py}, HARL's on-policy buffers): {@code S} steps of {@code N} copies,
 * arrays step-major ({@code index = t·N + n}) — observations, each agent's action and
 * log-probability, the critic's value (in return units), rewards (after any scaling), episode-start
 * and episode-end flags — plus, for every network, the GRU hidden state entering each chunk of
 * {@code C} steps. Training cuts the rollout into {@code S/C · N} sequences of {@code C} steps
 * (one copy, one chunk) and replays each from its stored hidden state, with the GRU reset wherever
 * an episode starts inside the chunk; minibatches are whole sequences ({@link #gather}).
 */
public final class RecurrentRolloutBuffer {
    private final int steps;
    private final int copies;
    private final int obsDim;
    private final int chunk;
    private final int[] layers;
    private final int[] widths;
    private final float[] obs;
    private final int[][] actions;
    private final float[][] logProbs;
    private final float[] values;
    private final float[] rewards;
    private final float[] starts;
    private final float[] ends;
    private final float[] advantages;
    private final float[] returns;
    private final float[][][] hidden;

    /**
     * @param steps   rollout length {@code S} (a multiple of {@code chunk})
     * @param copies  copies {@code N}
     * @param obsDim  floats per observation
     * @param agents  number of actors
     * @param chunk   training sequence length {@code C}, in [1, S]
     * @param nets    the networks whose hidden states are stored (actors first, then the critic)
     */
    public RecurrentRolloutBuffer(int steps, int copies, int obsDim, int agents, int chunk, RecurrentNet.Config... nets) {
        if (steps < 1 || copies < 1 || obsDim < 1 || agents < 1) {
            throw new IllegalArgumentException("steps, copies, obsDim and agents must be >= 1, got "
                    + steps + ", " + copies + ", " + obsDim + ", " + agents);
        }
        if (chunk < 1 || chunk > steps || steps % chunk != 0) {
            throw new IllegalArgumentException("chunk must be in [1, steps] and divide steps = " + steps + ", got " + chunk);
        }
        this.steps = steps;
        this.copies = copies;
        this.obsDim = obsDim;
        this.chunk = chunk;
        int rows = steps * copies;
        obs = new float[rows * obsDim];
        actions = new int[agents][rows];
        logProbs = new float[agents][rows];
        values = new float[rows];
        rewards = new float[rows];
        starts = new float[rows];
        ends = new float[rows];
        advantages = new float[rows];
        returns = new float[rows];
        layers = new int[nets.length];
        widths = new int[nets.length];
        hidden = new float[nets.length][steps / chunk][];
        for (int k = 0; k < nets.length; k++) {
            layers[k] = nets[k].gruLayers();
            widths[k] = nets[k].hidden();
            for (int c = 0; c < steps / chunk; c++) {
                hidden[k][c] = new float[nets[k].hiddenSize() * copies];
            }
        }
    }

    /** Rollout length {@code S}. */
    public int steps() {
        return steps;
    }

    /** Copies {@code N}. */
    public int copies() {
        return copies;
    }

    /** Sequence length {@code C}. */
    public int chunk() {
        return chunk;
    }

    /** Number of training sequences {@code S/C · N}. */
    public int sequences() {
        return steps / chunk * copies;
    }

    /** Observations {@code [S·N·obsDim]}. */
    public float[] observations() {
        return obs;
    }

    /** Actions of {@code agent} {@code [S·N]}. */
    public int[] actions(int agent) {
        return actions[agent];
    }

    /** Behaviour log-probabilities of {@code agent}'s actions {@code [S·N]}. */
    public float[] logProbs(int agent) {
        return logProbs[agent];
    }

    /** Critic values at collection time, in return units {@code [S·N]}. */
    public float[] values() {
        return values;
    }

    /** Rewards as the learner sees them (after scaling) {@code [S·N]}. */
    public float[] rewards() {
        return rewards;
    }

    /** 1 where an episode starts at the step {@code [S·N]}. */
    public float[] starts() {
        return starts;
    }

    /** 1 where the step ends an episode {@code [S·N]}. */
    public float[] ends() {
        return ends;
    }

    /** GAE advantages (after {@link #computeAdvantages}) {@code [S·N]}. */
    public float[] advantages() {
        return advantages;
    }

    /** Value targets {@code A + V} (after {@link #computeAdvantages}) {@code [S·N]}. */
    public float[] returns() {
        return returns;
    }

    /** Hidden state of network {@code net} entering chunk {@code c}, layout {@code [L, N, H]}. */
    public float[] hidden(int net, int c) {
        return hidden[net][c];
    }

    /** Fills advantages and returns by {@link Gae} with bootstrap values {@code lastValues [N]}. */
    public void computeAdvantages(float[] lastValues, double gamma, double lambda) {
        Gae.compute(rewards, values, ends, lastValues, gamma, lambda, advantages, returns);
    }

    /**
     * One minibatch of whole sequences: sequence {@code s} is copy {@code s mod N} over chunk
     * {@code s / N}.
     */
    public MiniBatch gather(int[] seqs) {
        int[] rows = SequenceGather.rows(seqs, chunk, copies, sequences());
        Tensor[] h0 = new Tensor[hidden.length];
        for (int k = 0; k < hidden.length; k++) {
            h0[k] = SequenceGather.hidden(hidden[k], seqs, copies, layers[k], widths[k]);
        }
        return new MiniBatch(SequenceGather.observations(obs, obsDim, rows, chunk, seqs.length),
                SequenceGather.gather(starts, rows), rows, h0);
    }

    /**
     * A minibatch of {@code B} sequences of {@code C} steps, time-major: row {@code t·B + j} is
     * step {@code t} of sequence {@code j} and came from buffer index {@code rows[t·B + j]}.
     *
     * @param obsT  observations {@code [C, B, obsDim]}
     * @param maskT GRU reset flags {@code [C·B]}
     * @param rows  source indices into the step-major arrays
     * @param h0    per network, the hidden states entering the sequences {@code [L, B, H]}
     */
    public record MiniBatch(Tensor obsT, float[] maskT, int[] rows, Tensor[] h0) {
        /** {@code src[rows[i]]} for every row. */
        public float[] gather(float[] src) {
            return SequenceGather.gather(src, rows);
        }

        /** {@code src[rows[i]]} for every row. */
        public int[] gather(int[] src) {
            return SequenceGather.gather(src, rows);
        }
    }
}
