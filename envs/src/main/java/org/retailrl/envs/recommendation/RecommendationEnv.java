package org.retailrl.envs.recommendation;

import org.retailrl.core.random.Rng;
import org.retailrl.envs.ObservationSpec;
import org.retailrl.envs.Step;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * One copy of the inventory-with-recommendation simulator of docs/model.md §3 with a reset/step API:
 * the action is the orders {@code q^i ∈ 0..Q} (units) and the exposure {@code α} ({@link Exposure}),
 * the observation is {@link RecommendationObservation}'s layout, the reward is the period's profit
 * {@code Σ_i F_t^i} (currency), and the episode is truncated after {@code T} periods.
 *
 * <p>It does not implement {@link org.retailrl.envs.Env}: that contract's action is
 * multi-discrete, and the exposure is a continuous {@code N × M} matrix. It is written
 * independently of {@link RecommendationBatch} (per-product queues instead of struct-of-arrays)
 * and follows the same order of events and of random draws, so the two can check each other:
 * {@code reset(seed, k)} replays copy {@code k} of a batch reset with {@code reset(seed)}.
 */
public final class RecommendationEnv {
    private final RecommendationScenario s;
    private final ObservationSpec spec;
    private final int n;
    private final int m;
    private final double[] ratings;
    private final double[] gamma;
    private final double[] initialRatings;
    private final int[] counts;
    private final double[] pOut;
    private final double[] pIn;
    private final double[] h;
    private final double[] b;
    private Rng rng;
    private int[] inventory;
    private int[] backlog;
    private int[][] pipeline;
    private int period;
    private boolean started;

    /** A simulator of {@code scenario}; call {@link #reset(long)} before stepping. */
    public RecommendationEnv(RecommendationScenario scenario) {
        if (scenario == null) {
            throw new IllegalArgumentException("scenario must not be null");
        }
        this.s = scenario;
        this.spec = RecommendationObservation.spec(scenario);
        this.n = scenario.products();
        this.m = scenario.customers();
        this.ratings = new double[n * m];
        this.gamma = new double[n * m];
        this.initialRatings = scenario.initialRatings();
        this.counts = scenario.purchaseCounts();
        this.pOut = scenario.priceOut();
        this.pIn = scenario.priceIn();
        this.h = scenario.holdingCost();
        this.b = scenario.shortageCost();
    }

    /** Names and bounds of the observation. */
    public ObservationSpec observationSpec() {
        return spec;
    }

    /** Starts an episode drawing from {@code Rng.stream(seed, 0)}; returns the first observation. */
    public float[] reset(long seed) {
        return reset(seed, 0);
    }

    /** Starts an episode drawing from {@code Rng.stream(seed, stream)}: copy {@code stream} of a batch. */
    public float[] reset(long seed, long stream) {
        rng = Rng.stream(seed, stream);
        inventory = s.initialInventory();
        backlog = new int[n];
        pipeline = new int[n][];
        int[] lead = s.leadTime();
        for (int i = 0; i < n; i++) {
            pipeline[i] = new int[lead[i]];
        }
        period = 0;
        started = true;
        return observation();
    }

    /**
     * Plays one period.
     *
     * @param orders   {@code q_t^i}, {@code N} entries in {@code 0..Q}
     * @param exposure {@code α_t}, {@code N·M} entries row-major, each row a distribution
     * @throws IllegalArgumentException naming the bad entry and its allowed range
     * @throws IllegalStateException before {@link #reset(long)} or after period {@code T}
     */
    public Step<RecommendationInfo> step(int[] orders, double[] exposure) {
        if (!started) {
            throw new IllegalStateException("reset(seed) must be called before step");
        }
        if (period >= s.horizon()) {
            throw new IllegalStateException("episode ended after horizon T = " + s.horizon() + "; call reset");
        }
        if (orders == null || orders.length != n) {
            throw new IllegalArgumentException("orders must have one entry per product (" + n + "), got "
                    + (orders == null ? "null" : orders.length));
        }
        for (int i = 0; i < n; i++) {
            if (orders[i] < 0 || orders[i] > s.maxOrder()) {
                throw new IllegalArgumentException("orders[" + i + "] must be in [0, maxOrder = " + s.maxOrder()
                        + "], got " + orders[i]);
            }
        }
        if (exposure == null || exposure.length != n * m) {
            throw new IllegalArgumentException("exposure must have products × customers = " + n * m
                    + " entries, got " + (exposure == null ? "null" : exposure.length));
        }
        Exposure.check(exposure, 0, n, m, "exposure");

        RecommendationDynamics.ratings(initialRatings, s.ratingMax(), s.efficiency(), exposure, 0, ratings);
        RecommendationDynamics.choiceProbabilities(ratings, n, m, gamma);
        int[] demand = new int[n];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                demand[i] += rng.binomial(counts[j], gamma[i * m + j]);
            }
        }

        boolean backlogMode = s.mode() == ShortageMode.BACKLOG;
        int[] sales = new int[n];
        int[] shortage = new int[n];
        int[] arrived = new int[n];
        double[] profit = new double[n];
        double reward = 0;
        for (int i = 0; i < n; i++) {
            int[] pipe = pipeline[i];
            if (pipe.length == 0) {
                arrived[i] = orders[i];
            } else {
                arrived[i] = pipe[0];
                int[] next = new int[pipe.length];
                System.arraycopy(pipe, 1, next, 0, pipe.length - 1);
                next[pipe.length - 1] = orders[i];
                pipeline[i] = next;
            }
            int available = inventory[i] + arrived[i];
            int toServe = demand[i] + backlog[i];
            sales[i] = RecommendationDynamics.sales(toServe, available);
            shortage[i] = toServe - sales[i];
            inventory[i] = available - sales[i];
            backlog[i] = backlogMode ? shortage[i] : 0;
            profit[i] = RecommendationDynamics.profit(pOut[i], pIn[i], h[i], b[i], sales[i], orders[i], inventory[i],
                    shortage[i]);
            reward += profit[i];
        }
        period++;
        RecommendationInfo info = new RecommendationInfo(period, demand, sales, shortage, arrived, orders.clone(),
                inventory.clone(), profit, reward);
        return new Step<>(observation(), reward, false, period >= s.horizon(), info);
    }

    /** The current observation (a fresh array, {@link RecommendationObservation} layout). */
    public float[] observation() {
        int lMax = s.maxLeadTime();
        float[] out = new float[RecommendationObservation.size(s)];
        for (int i = 0; i < n; i++) {
            out[i] = inventory[i];
            out[n + i] = backlog[i];
            for (int l = 0; l < pipeline[i].length; l++) {
                out[2 * n + i * lMax + l] = pipeline[i][l];
            }
        }
        return out;
    }

    /** The state at the start of the coming period. */
    public RecommendationState state() {
        if (!started) {
            throw new IllegalStateException("reset(seed) must be called before state()");
        }
        return new RecommendationState(period, inventory, backlog, pipeline);
    }

    /** Periods completed in this episode. */
    public int period() {
        return period;
    }

    /** True once {@code T} periods have been played. */
    public boolean done() {
        return started && period >= s.horizon();
    }

    /** The scenario simulated. */
    public RecommendationScenario scenario() {
        return s;
    }
}
