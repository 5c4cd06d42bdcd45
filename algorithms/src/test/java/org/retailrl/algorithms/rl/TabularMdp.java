package org.retailrl.algorithms.rl;

import org.retailrl.core.random.Rng;

/**
 * A small finite-horizon MDP as a {@link OneViewEnv} for tests, solvable exactly by backward
 * induction: {@code S} states, {@code A} actions, rewards {@code R[s][a]}, transition
 * probabilities {@code P[s][a][s']}, horizon {@code H}, discount γ, the initial state uniform on
 * the states. The observation is one-hot(state) followed by one-hot(period).
 */
public final class TabularMdp implements OneViewEnv {
    final double[][] reward;
    final double[][][] next;
    final int horizon;
    private final int copies;
    private final int[] state;
    private final Rng[] rng;
    private int period;

    public TabularMdp(double[][] reward, double[][][] next, int horizon, int copies) {
        this.reward = reward;
        this.next = next;
        this.horizon = horizon;
        this.copies = copies;
        this.state = new int[copies];
        this.rng = new Rng[copies];
    }

    /** The test MDP of the PPO and HAPPO tests: 3 states, 3 actions, 5 periods. */
    public static TabularMdp standard(int copies) {
        double[][] r = {
                {1.0, 0.0, 0.4},
                {3.0, 1.5, 0.0},
                {6.0, 0.0, 1.0}};
        double[][][] p = {
                {{1, 0, 0}, {0.1, 0.9, 0}, {0.5, 0.5, 0}},
                {{1, 0, 0}, {0, 1, 0}, {0, 0.2, 0.8}},
                {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}}};
        return new TabularMdp(r, p, 5, copies);
    }

    public int states() {
        return reward.length;
    }

    public int actions() {
        return reward[0].length;
    }

    /** Optimal Q-values {@code q[t][s][a]} by backward induction with discount {@code gamma}. */
    public double[][][] optimalQ(double gamma) {
        int s = states();
        int a = actions();
        double[][][] q = new double[horizon][s][a];
        double[] v = new double[s];
        for (int t = horizon - 1; t >= 0; t--) {
            double[] nv = new double[s];
            for (int x = 0; x < s; x++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int u = 0; u < a; u++) {
                    double ev = 0;
                    for (int y = 0; y < s; y++) {
                        ev += next[x][u][y] * v[y];
                    }
                    q[t][x][u] = reward[x][u] + gamma * ev;
                    best = Math.max(best, q[t][x][u]);
                }
                nv[x] = best;
            }
            v = nv;
        }
        return q;
    }

    /** Writes the observation of (state, period) to {@code out[off ..]}. */
    public void encode(int s, int t, float[] out, int off) {
        java.util.Arrays.fill(out, off, off + observationSize(), 0f);
        out[off + s] = 1f;
        out[off + states() + t] = 1f;
    }

    @Override
    public int copies() {
        return copies;
    }

    @Override
    public int observationSize() {
        return states() + horizon;
    }

    @Override
    public int agents() {
        return 1;
    }

    @Override
    public int actionCount(int agent) {
        return actions();
    }

    @Override
    public int horizon() {
        return horizon;
    }

    @Override
    public void reset(long seed, long episode) {
        for (int i = 0; i < copies; i++) {
            rng[i] = Rng.stream(seed, episode * copies + i);
            state[i] = rng[i].nextInt(states());
        }
        period = 0;
    }

    @Override
    public void observe(float[] out) {
        for (int i = 0; i < copies; i++) {
            encode(state[i], period, out, i * observationSize());
        }
    }

    @Override
    public void step(int[][] actions, Rng[] streams, double[] rewardOut) {
        for (int i = 0; i < copies; i++) {
            int u = actions[0][i];
            rewardOut[i] = (float) reward[state[i]][u];
            double x = rng[i].nextDouble();
            double acc = 0;
            int y = 0;
            for (; y < states() - 1; y++) {
                acc += next[state[i]][u][y];
                if (x < acc) {
                    break;
                }
            }
            state[i] = y;
        }
        period++;
    }
}
