package org.retailrl.algorithms.rl;

import org.retailrl.core.random.Rng;

/**
 * A repeated cooperative game for multi-agent tests: {@code k} agents with {@code m} actions each,
 * observation one-hot(period) plus a random context bit per copy; the shared reward is the number
 * of agents whose action equals {@code (t + context) mod m}.
 */
public final class MatrixGameEnv implements OneViewEnv {
    private final int agents;
    private final int actions;
    private final int horizon;
    private final int copies;
    private final int[] context;
    private int period;

    public MatrixGameEnv(int agents, int actions, int horizon, int copies) {
        this.agents = agents;
        this.actions = actions;
        this.horizon = horizon;
        this.copies = copies;
        this.context = new int[copies];
    }

    @Override
    public int copies() {
        return copies;
    }

    @Override
    public int observationSize() {
        return horizon + 1;
    }

    @Override
    public int agents() {
        return agents;
    }

    @Override
    public int actionCount(int agent) {
        return actions;
    }

    @Override
    public int horizon() {
        return horizon;
    }

    @Override
    public void reset(long seed, long episode) {
        for (int i = 0; i < copies; i++) {
            context[i] = Rng.stream(seed, episode * copies + i).nextInt(2);
        }
        period = 0;
    }

    @Override
    public void observe(float[] out) {
        int d = observationSize();
        for (int i = 0; i < copies; i++) {
            java.util.Arrays.fill(out, i * d, (i + 1) * d, 0f);
            out[i * d + period] = 1f;
            out[i * d + horizon] = context[i];
        }
    }

    @Override
    public void step(int[][] act, Rng[] streams, double[] rewardOut) {
        for (int i = 0; i < copies; i++) {
            int target = (period + context[i]) % actions;
            int r = 0;
            for (int a = 0; a < agents; a++) {
                if (act[a][i] == target) {
                    r++;
                }
            }
            rewardOut[i] = r;
        }
        period++;
    }
}
