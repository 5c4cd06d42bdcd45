package org.retailrl.algorithms.rl;

import org.retailrl.core.Tensor;
import org.retailrl.nn.RecurrentNet;

/**
 * The one on-policy rollout store of the learner core (docs/model.md §8.2; CleanRL
 * {@code ppo_atari_lstm.py}, HARL's on-policy buffers): {@code S} steps of {@code N} copies,
 * arrays step-major ({@code index = t·N + n}) — every observation view, each agent's factor
 * choices and joint log-probability, the critic's value (in return units), rewards (after any
 * scaling), episode-start and episode-end flags — plus, for every network, the GRU hidden state
 * entering each chunk of {@code C} steps. Training cuts the rollout into {@code S/C · N} sequences
 * of {@code C} steps (one copy, one chunk) and replays each from its stored hidden state, with the
 * GRU reset wherever an episode starts inside the chunk; minibatches are whole sequences
 * ({@link #gather}).
 */
public final class RolloutBuffer {
    private final int steps;
    private final int copies;
    private final int chunk;
    private final int[] viewSizes;
    private final int[] factors;
    private final int[] netViews;
    private final RecurrentNet.Config[] nets;
    private final float[][] obs;
    private final int[][] actions;
    private final int[] continuous;
    private final float[][] continuousActions;
    private final float[][] logProbs;
    private final float[] values;
    private final float[] rewards;
    private final float[] starts;
    private final float[] ends;
    private final float[] advantages;
    private final float[] returns;
    private final float[][][] hidden;

    /**
     * @param steps     rollout length {@code S} (a multiple of {@code chunk})
     * @param copies    copies {@code N}
     * @param chunk     training sequence length {@code C}, in [1, S]
     * @param viewSizes floats per observation of each view
     * @param factors   action factors {@code F_a} of each agent
     * @param netViews  the view each network reads (actors first, then the critic)
     * @param nets      the networks whose hidden states are stored, in the same order
     */
    public RolloutBuffer(int steps, int copies, int chunk, int[] viewSizes, int[] factors, int[] netViews,
                         RecurrentNet.Config... nets) {
        this(steps, copies, chunk, viewSizes, factors, new int[factors.length], netViews, nets);
    }

    /**
     * As above, with {@code continuous[a]} Gaussian coordinates per action of agent {@code a}
     * ({@link FactorLayout#continuous()}); an agent needs at least one factor or coordinate.
     */
    public RolloutBuffer(int steps, int copies, int chunk, int[] viewSizes, int[] factors, int[] continuous,
                         int[] netViews, RecurrentNet.Config... nets) {
        if (steps < 1 || copies < 1 || factors.length < 1 || viewSizes.length < 1) {
            throw new IllegalArgumentException("steps, copies, agents and views must be >= 1, got " + steps + ", "
                    + copies + ", " + factors.length + ", " + viewSizes.length);
        }
        if (chunk < 1 || chunk > steps || steps % chunk != 0) {
            throw new IllegalArgumentException("chunk must be in [1, steps] and divide steps = " + steps + ", got " + chunk);
        }
        if (netViews.length != nets.length || nets.length != factors.length + 1) {
            throw new IllegalArgumentException("need one view and one network per agent plus the critic ("
                    + (factors.length + 1) + "), got " + netViews.length + " and " + nets.length);
        }
        this.steps = steps;
        this.copies = copies;
        this.chunk = chunk;
        this.viewSizes = viewSizes.clone();
        this.factors = factors.clone();
        this.netViews = netViews.clone();
        this.nets = nets.clone();
        int rows = steps * copies;
        obs = new float[viewSizes.length][];
        for (int v = 0; v < viewSizes.length; v++) {
            if (viewSizes[v] < 1) {
                throw new IllegalArgumentException("viewSizes[" + v + "] must be >= 1, got " + viewSizes[v]);
            }
            obs[v] = new float[rows * viewSizes[v]];
        }
        if (continuous.length != factors.length) {
            throw new IllegalArgumentException("continuous must have one entry per agent (" + factors.length + "), got "
                    + continuous.length);
        }
        this.continuous = continuous.clone();
        actions = new int[factors.length][];
        continuousActions = new float[factors.length][];
        logProbs = new float[factors.length][rows];
        for (int a = 0; a < factors.length; a++) {
            if (factors[a] < 0 || continuous[a] < 0 || factors[a] + continuous[a] < 1) {
                throw new IllegalArgumentException("factors[" + a + "] and continuous[" + a + "] must be >= 0 with at "
                        + "least one of them >= 1, got " + factors[a] + " and " + continuous[a]);
            }
            actions[a] = new int[rows * factors[a]];
            continuousActions[a] = new float[rows * continuous[a]];
        }
        for (int k = 0; k < nets.length; k++) {
            if (netViews[k] < 0 || netViews[k] >= viewSizes.length || nets[k].inputs() != viewSizes[netViews[k]]) {
                throw new IllegalArgumentException("network " + k + " must read a view in [0, " + viewSizes.length
                        + ") of its input width " + nets[k].inputs() + ", got view " + netViews[k]);
            }
        }
        values = new float[rows];
        rewards = new float[rows];
        starts = new float[rows];
        ends = new float[rows];
        advantages = new float[rows];
        returns = new float[rows];
        hidden = new float[nets.length][steps / chunk][];
        for (int k = 0; k < nets.length; k++) {
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

    /** Number of agents. */
    public int agents() {
        return factors.length;
    }

    /** Number of training sequences {@code S/C · N}. */
    public int sequences() {
        return steps / chunk * copies;
    }

    /** Observations of view {@code v} {@code [S·N·d_v]}. */
    public float[] observations(int v) {
        return obs[v];
    }

    /** Floats per observation of view {@code v}. */
    public int viewSize(int v) {
        return viewSizes[v];
    }

    /** The view network {@code k} reads (actors first, then the critic). */
    public int netView(int k) {
        return netViews[k];
    }

    /** Factor choices of agent {@code a} {@code [S·N·F_a]}. */
    public int[] actions(int a) {
        return actions[a];
    }

    /** {@code F_a}. */
    public int factors(int a) {
        return factors[a];
    }

    /** Gaussian coordinates of agent {@code a}'s actions {@code [S·N·D_a]} (empty when {@code D_a = 0}). */
    public float[] continuousActions(int a) {
        return continuousActions[a];
    }

    /** {@code D_a}. */
    public int continuous(int a) {
        return continuous[a];
    }

    /** Behaviour log-probabilities of agent {@code a}'s joint choices {@code [S·N]}. */
    public float[] logProbs(int a) {
        return logProbs[a];
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

    /** 1 where a step ends an episode {@code [S·N]}. */
    public float[] ends() {
        return ends;
    }

    /** GAE advantages {@code [S·N]}. */
    public float[] advantages() {
        return advantages;
    }

    /** Value targets {@code A + V} in return units {@code [S·N]}. */
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

    /** Every sequence, in index order (for a full replay). */
    public int[] allSequences() {
        int[] all = new int[sequences()];
        for (int s = 0; s < all.length; s++) {
            all[s] = s;
        }
        return all;
    }

    /**
     * A minibatch of whole sequences: sequence {@code s} is copy {@code s mod N} over chunk
     * {@code s / N}.
     */
    public Batch gather(int[] seqs) {
        int[] rows = SequenceGather.rows(seqs, chunk, copies, sequences());
        return new Batch(seqs, rows, SequenceGather.gather(starts, rows));
    }

    /**
     * A minibatch of {@code B} sequences of {@code C} steps, time-major: row {@code t·B + j} is
     * step {@code t} of sequence {@code j} and came from buffer index {@code rows[t·B + j]}. A
     * network's inputs are gathered when first asked for and kept.
     */
    public final class Batch {
        private final int[] seqs;
        private final int[] rows;
        private final float[] maskT;
        private final Tensor[] obsT = new Tensor[viewSizes.length];

        Batch(int[] seqs, int[] rows, float[] maskT) {
            this.seqs = seqs;
            this.rows = rows;
            this.maskT = maskT;
        }

        /** Source indices into the step-major arrays. */
        public int[] rows() {
            return rows;
        }

        /** GRU reset flags {@code [C·B]}. */
        public float[] maskT() {
            return maskT;
        }

        /** Network {@code k}'s observations {@code [C, B, d]}. */
        public Tensor obsT(int k) {
            int v = netViews[k];
            if (obsT[v] == null) {
                obsT[v] = SequenceGather.observations(obs[v], viewSizes[v], rows, chunk, seqs.length);
            }
            return obsT[v];
        }

        /** Hidden states of network {@code k} entering the sequences {@code [L, B, H]}. */
        public Tensor h0(int k) {
            return SequenceGather.hidden(hidden[k], seqs, copies, nets[k].gruLayers(), nets[k].hidden());
        }

        /** {@code src[rows[i]]} for every row. */
        public float[] gather(float[] src) {
            return SequenceGather.gather(src, rows);
        }

        /** The {@code width} floats of every row: {@code src[rows[i]·width ..]}. */
        public float[] gather(float[] src, int width) {
            return SequenceGather.gather(src, rows, width);
        }

        /** The {@code width} entries of every row: {@code src[rows[i]·width ..]}. */
        public int[] gather(int[] src, int width) {
            return SequenceGather.gather(src, rows, width);
        }
    }
}
