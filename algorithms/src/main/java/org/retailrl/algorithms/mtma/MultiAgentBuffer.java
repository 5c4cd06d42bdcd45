package org.retailrl.algorithms.mtma;

import org.retailrl.algorithms.rl.Gae;
import org.retailrl.algorithms.rl.RecurrentNet;
import org.retailrl.algorithms.rl.SequenceGather;
import org.retailrl.core.Tensor;

/**
 * One on-policy rollout of a MODEL.md §3 learner whose networks see <em>different</em>
 * observations (decentralised actors, centralised critic): the per-network variant of
 * {@link org.retailrl.algorithms.rl.RecurrentRolloutBuffer}. {@code S} steps of {@code N} copies,
 * step-major ({@code index = t·N + n}); network {@code k} (actors first, then the critic) has its
 * own observations {@code [S·N·d_k]} and its GRU hidden state entering each chunk of {@code C}
 * steps; actor {@code a} has its factor choices {@code [S·N·F_a]} and their log-probabilities;
 * the critic's values, the learner's rewards (after scaling), episode flags, and GAE advantages
 * and returns are shared. Training replays sequences of {@code C} steps (one copy, one chunk)
 * from their stored hidden states ({@link #gather}).
 */
public final class MultiAgentBuffer {
    private final int steps;
    private final int copies;
    private final int chunk;
    private final int[] obsDims;
    private final int[] factors;
    private final RecurrentNet.Config[] nets;
    private final float[][] obs;
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
     * @param steps   rollout length {@code S}, a multiple of {@code chunk}
     * @param copies  copies {@code N}
     * @param chunk   sequence length {@code C}, in [1, S]
     * @param factors {@code F_a} per actor
     * @param nets    configurations of the actors then the critic (one more than {@code factors})
     */
    public MultiAgentBuffer(int steps, int copies, int chunk, int[] factors, RecurrentNet.Config... nets) {
        if (steps < 1 || copies < 1) {
            throw new IllegalArgumentException("steps and copies must be >= 1, got " + steps + ", " + copies);
        }
        if (chunk < 1 || chunk > steps || steps % chunk != 0) {
            throw new IllegalArgumentException("chunk must be in [1, steps] and divide steps = " + steps + ", got " + chunk);
        }
        if (nets.length != factors.length + 1) {
            throw new IllegalArgumentException("nets must list the " + factors.length + " actors and the critic, got "
                    + nets.length);
        }
        this.steps = steps;
        this.copies = copies;
        this.chunk = chunk;
        this.factors = factors.clone();
        this.nets = nets.clone();
        int rows = steps * copies;
        obsDims = new int[nets.length];
        obs = new float[nets.length][];
        hidden = new float[nets.length][steps / chunk][];
        for (int k = 0; k < nets.length; k++) {
            obsDims[k] = nets[k].inputs();
            obs[k] = new float[rows * obsDims[k]];
            for (int c = 0; c < steps / chunk; c++) {
                hidden[k][c] = new float[nets[k].hiddenSize() * copies];
            }
        }
        actions = new int[factors.length][];
        logProbs = new float[factors.length][rows];
        for (int a = 0; a < factors.length; a++) {
            if (factors[a] < 1) {
                throw new IllegalArgumentException("factors[" + a + "] must be >= 1, got " + factors[a]);
            }
            actions[a] = new int[rows * factors[a]];
        }
        values = new float[rows];
        rewards = new float[rows];
        starts = new float[rows];
        ends = new float[rows];
        advantages = new float[rows];
        returns = new float[rows];
    }

    /** {@code S}. */
    public int steps() {
        return steps;
    }

    /** {@code N}. */
    public int copies() {
        return copies;
    }

    /** {@code C}. */
    public int chunk() {
        return chunk;
    }

    /** Number of actors. */
    public int actors() {
        return factors.length;
    }

    /** Training sequences {@code S/C · N}. */
    public int sequences() {
        return steps / chunk * copies;
    }

    /** Observations of network {@code k} {@code [S·N·d_k]}. */
    public float[] observations(int k) {
        return obs[k];
    }

    /** Observation width of network {@code k}. */
    public int observationSize(int k) {
        return obsDims[k];
    }

    /** Factor choices of actor {@code a} {@code [S·N·F_a]}. */
    public int[] actions(int a) {
        return actions[a];
    }

    /** {@code F_a}. */
    public int factors(int a) {
        return factors[a];
    }

    /** Behaviour log-probabilities of actor {@code a} {@code [S·N]}. */
    public float[] logProbs(int a) {
        return logProbs[a];
    }

    /** Critic values at collection time {@code [S·N]}. */
    public float[] values() {
        return values;
    }

    /** Rewards as the learner sees them {@code [S·N]}. */
    public float[] rewards() {
        return rewards;
    }

    /** 1 where an episode starts {@code [S·N]}. */
    public float[] starts() {
        return starts;
    }

    /** 1 where a step ends an episode {@code [S·N]}. */
    public float[] ends() {
        return ends;
    }

    /** GAE advantages {@code [S·N]}. */
    public float[] advantages() {
        return advantages;
    }

    /** Value targets {@code A + V} {@code [S·N]}. */
    public float[] returns() {
        return returns;
    }

    /** Hidden state of network {@code k} entering chunk {@code c}, {@code [L, N, H]}. */
    public float[] hidden(int k, int c) {
        return hidden[k][c];
    }

    /** Fills advantages and returns by {@link Gae}; {@code lastValues [N]} bootstraps the tail. */
    public void computeAdvantages(float[] lastValues, double gamma, double lambda) {
        Gae.compute(rewards, values, ends, lastValues, gamma, lambda, advantages, returns);
    }

    /**
     * Network {@code k}'s view of a minibatch of whole sequences: sequence {@code s} is copy
     * {@code s mod N} over chunk {@code s / N}; row {@code t·B + j} is step {@code t} of sequence
     * {@code j}, from buffer index {@code rows[t·B + j]}.
     */
    public Batch gather(int k, int[] seqs) {
        int[] rows = SequenceGather.rows(seqs, chunk, copies, sequences());
        return new Batch(SequenceGather.observations(obs[k], obsDims[k], rows, chunk, seqs.length),
                SequenceGather.gather(starts, rows), rows,
                SequenceGather.hidden(hidden[k], seqs, copies, nets[k].gruLayers(), nets[k].hidden()));
    }

    /**
     * A minibatch for one network, time-major.
     *
     * @param obsT  observations {@code [C, B, d]}
     * @param maskT GRU reset flags {@code [C·B]}
     * @param rows  source indices into the step-major arrays
     * @param h0    hidden states entering the sequences {@code [L, B, H]}
     */
    public record Batch(Tensor obsT, float[] maskT, int[] rows, Tensor h0) {
        /** {@code src[rows[i]]} for every row. */
        public float[] gather(float[] src) {
            return SequenceGather.gather(src, rows);
        }

        /** The {@code width} entries of every row: {@code src[rows[i]·width ..]}. */
        public int[] gather(int[] src, int width) {
            return SequenceGather.gather(src, rows, width);
        }
    }
}
