package org.retailrl.algorithms.multiproduct;

import org.retailrl.envs.multiproduct.MultiProductBatch;
import org.retailrl.envs.multiproduct.MultiProductScenario;

/**
 * Plays a {@link MultiProductPolicy} on evaluation episodes with common random numbers (docs/model.md
 * §8.11): episode {@code e} runs on the simulator stream {@code Rng.stream(seed, e)} whatever the
 * policy and however the episodes are batched, so every policy meets the same demand noise.
 */
public final class MultiProductRollout {
    /** Copies stepped together. */
    static final int BATCH = 64;

    /**
     * Result of a rollout.
     *
     * @param total      profit per episode, currency
     * @param perProduct {@code perProduct[i][e]}: product {@code i}'s profit in episode {@code e}
     */
    public record Profits(double[] total, double[][] perProduct) {
    }

    /** Receives every period of episode 0 (for trajectories); may be null. */
    public interface Recorder {
        /** Called after period {@code t} (0-based) of episode 0 was played with the given decisions. */
        void period(int t, MultiProductBatch batch, int[] price, int[] order);
    }

    private MultiProductRollout() {
    }

    /** {@code episodes} episodes of {@code policy} on {@code scenario}. */
    public static Profits play(MultiProductScenario scenario, MultiProductPolicy policy, long seed, int episodes,
                               Recorder recorder) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        int n = scenario.products();
        double[] total = new double[episodes];
        double[][] per = new double[n][episodes];
        MultiProductBatch batch = null;
        for (int e0 = 0; e0 < episodes; e0 += BATCH) {
            int c = Math.min(BATCH, episodes - e0);
            if (batch == null || batch.copies() != c) {
                batch = new MultiProductBatch(scenario, c);
            }
            batch.reset(seed, e0);
            policy.reset(batch);
            int[] price = new int[c * n];
            int[] order = new int[c * n];
            double[] reward = new double[c];
            while (!batch.done()) {
                policy.act(batch, price, order);
                int t = batch.period();
                batch.step(price, order, reward);
                for (int k = 0; k < c; k++) {
                    total[e0 + k] += reward[k];
                    for (int i = 0; i < n; i++) {
                        per[i][e0 + k] += batch.lastReward(k, i);
                    }
                }
                if (recorder != null && e0 == 0) {
                    recorder.period(t, batch, price, order);
                }
            }
        }
        return new Profits(total, per);
    }

    /** Mean episode profit of {@code policy} over {@code episodes} episodes. */
    public static double mean(MultiProductScenario scenario, MultiProductPolicy policy, long seed, int episodes) {
        double[] x = play(scenario, policy, seed, episodes, null).total();
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
