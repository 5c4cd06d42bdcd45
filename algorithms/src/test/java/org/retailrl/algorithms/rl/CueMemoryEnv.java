package org.retailrl.algorithms.rl;

import org.retailrl.core.random.Rng;

/**
 * A memory task for recurrent learners: at period 0 the observation shows a random cue bit; later
 * observations show only the period. At the last period the reward is 1 if the action equals the
 * cue, else 0; all other rewards are 0. A memoryless policy earns 0.5 on average, one that carries
 * the cue in its hidden state earns 1.
 */
public final class CueMemoryEnv implements OneViewEnv {
    private final int horizon;
    private final int copies;
    private final int[] cue;
    private int period;

    public CueMemoryEnv(int horizon, int copies) {
        this.horizon = horizon;
        this.copies = copies;
        this.cue = new int[copies];
    }

    @Override
    public int copies() {
        return copies;
    }

    @Override
    public int observationSize() {
        return 2 + horizon;
    }

    @Override
    public int agents() {
        return 1;
    }

    @Override
    public int actionCount(int agent) {
        return 2;
    }

    @Override
    public int horizon() {
        return horizon;
    }

    @Override
    public void reset(long seed, long episode) {
        for (int i = 0; i < copies; i++) {
            cue[i] = Rng.stream(seed, episode * copies + i).nextInt(2);
        }
        period = 0;
    }

    @Override
    public void observe(float[] out) {
        int d = observationSize();
        for (int i = 0; i < copies; i++) {
            java.util.Arrays.fill(out, i * d, (i + 1) * d, 0f);
            if (period == 0) {
                out[i * d + cue[i]] = 1f;
            }
            out[i * d + 2 + period] = 1f;
        }
    }

    @Override
    public void step(int[][] actions, Rng[] streams, double[] rewardOut) {
        for (int i = 0; i < copies; i++) {
            rewardOut[i] = period == horizon - 1 && actions[0][i] == cue[i] ? 1f : 0f;
        }
        period++;
    }
}
