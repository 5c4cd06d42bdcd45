package org.retailrl.envs.recommendation;

import org.retailrl.core.random.RawStreams;
import org.retailrl.core.random.Rng;
import org.retailrl.core.simd.Kernels;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * {@code K} independent copies of the docs/model.md §3 simulator stepped together, held as
 * struct-of-arrays: {@code inventory[k·N + i]}, {@code backlog[k·N + i]} and
 * {@code pipeline[(k·N + i)·L_max + s]} (slot {@code s} arrives {@code s + 1} periods from now).
 * Stock is in units, rewards in currency per period.
 *
 * <p>Copy {@code k} of a batch reset with {@code reset(seed)} draws from
 * {@code Rng.stream(seed, k)} and replays exactly the episode of a {@link RecommendationEnv} reset
 * with {@code reset(seed, k)} under the same actions. Within a period the random draws of a copy
 * are the demands {@code d^{i,j} ~ Binomial(c^j, γ^{i,j})} (Eq. 9) taken customer-major:
 * {@code j = 0..M−1} outer, {@code i = 0..N−1} inner, as {@link Rng#binomial(int, double)} draws them; the
 * batch draws demand {@code (j, i)} of a block of copies in one {@link Kernels#binomial} call, lanes
 * across copies, each copy from its own raw stream ({@link RawStreams}), which gives every copy the
 * same draws and the same stream state as drawing copy by copy. The
 * number of uniforms consumed depends on {@code (c^j, γ^{i,j})} only, never on stock or orders, so
 * policies compared on the same seeds see the same demand whenever they expose alike (common
 * random numbers). The order of events is that of {@link RecommendationDynamics}.
 */
public final class RecommendationBatch {
    private final RecommendationScenario s;
    private final int copies;
    private final int n;
    private final int m;
    private final int lMax;
    private final int[] lead;
    private final int[] counts;
    private final double[] pOut;
    private final double[] pIn;
    private final double[] hold;
    private final double[] shortCost;
    private final double[] initialRatings;
    private final boolean backlogMode;

    private final int[] inventory;
    private final int[] backlog;
    private final int[] pipeline;
    private final int[] lastDemand;
    private final int[] lastSales;
    private final int[] lastShortage;
    private final int[] lastArrived;
    private final double[] lastProfit;
    // Copy k's stream Rng.stream(seed, firstStream + k) as raw state, so the demand draw can run
    // in lanes across copies.
    private final long[] streamSeed;
    private final long[] streamGamma;
    private final double[] ratings;
    private final double[] gamma;
    // Lanes of one batched draw, one per copy of the block being drawn (see step).
    private final long[] laneSeed;
    private final long[] laneGamma;
    private final int[] laneTrials;
    private final double[] laneP;
    private final int[] laneOut;
    // Choice probabilities of the copies of a block when the exposure is per copy:
    // copy b of the block at [b·N·M + i·M + j]; allocated on the first such step.
    private double[] blockGamma;
    private int period;
    private boolean started;

    /** {@code copies} copies of {@code scenario}; call {@link #reset(long)} before stepping. */
    public RecommendationBatch(RecommendationScenario scenario, int copies) {
        if (scenario == null) {
            throw new IllegalArgumentException("scenario must not be null");
        }
        if (copies < 1 || (long) copies * scenario.products() * Math.max(1, scenario.maxLeadTime()) > 1L << 30) {
            throw new IllegalArgumentException("copies must be in [1, 2^30 / (products · max(1, L_max))], got " + copies);
        }
        this.s = scenario;
        this.copies = copies;
        this.n = scenario.products();
        this.m = scenario.customers();
        this.lMax = scenario.maxLeadTime();
        this.lead = scenario.leadTime();
        this.counts = scenario.purchaseCounts();
        this.pOut = scenario.priceOut();
        this.pIn = scenario.priceIn();
        this.hold = scenario.holdingCost();
        this.shortCost = scenario.shortageCost();
        this.initialRatings = scenario.initialRatings();
        this.backlogMode = scenario.mode() == ShortageMode.BACKLOG;
        int kn = copies * n;
        inventory = new int[kn];
        backlog = new int[kn];
        pipeline = new int[kn * lMax];
        lastDemand = new int[kn];
        lastSales = new int[kn];
        lastShortage = new int[kn];
        lastArrived = new int[kn];
        lastProfit = new double[kn];
        streamSeed = new long[copies];
        streamGamma = new long[copies];
        ratings = new double[n * m];
        gamma = new double[n * m];
        laneSeed = new long[copies];
        laneGamma = new long[copies];
        laneTrials = new int[copies];
        laneP = new double[copies];
        laneOut = new int[copies];
    }

    /** Starts a new episode in every copy; copy {@code k} draws from {@code Rng.stream(seed, k)}. */
    public void reset(long seed) {
        reset(seed, 0);
    }

    /** Starts a new episode; copy {@code k} draws from {@code Rng.stream(seed, firstStream + k)}. */
    public void reset(long seed, long firstStream) {
        int[] inv0 = s.initialInventory();
        for (int k = 0; k < copies; k++) {
            RawStreams.load(streamSeed, streamGamma, k, seed, firstStream + k);
            System.arraycopy(inv0, 0, inventory, k * n, n);
        }
        java.util.Arrays.fill(backlog, 0);
        java.util.Arrays.fill(pipeline, 0);
        period = 0;
        started = true;
    }

    /**
     * Plays one period in every copy.
     *
     * @param orders   {@code q^i} of copy {@code k} at {@code [k·N + i]}, each in {@code 0..Q}
     * @param exposure either {@code N·M} entries (one exposure shared by all copies) or
     *                 {@code K·N·M} (copy {@code k}'s at offset {@code k·N·M}); see {@link Exposure}
     * @param rewardOut receives {@code Σ_i F_t^i} of copy {@code k} at {@code [k]}
     * @throws IllegalArgumentException naming the bad order or exposure entry and its allowed range
     * @throws IllegalStateException before {@link #reset(long)} or after period {@code T}
     */
    public void step(int[] orders, double[] exposure, double[] rewardOut) {
        checkSteppable();
        int nm = n * m;
        if (orders == null || orders.length != copies * n) {
            throw new IllegalArgumentException("orders must have copies × products = " + copies * n + " entries, got "
                    + (orders == null ? "null" : orders.length));
        }
        for (int x = 0; x < orders.length; x++) {
            if (orders[x] < 0 || orders[x] > s.maxOrder()) {
                throw new IllegalArgumentException("orders[" + x + "] (copy " + x / n + ", product " + x % n
                        + ") must be in [0, maxOrder = " + s.maxOrder() + "], got " + orders[x]);
            }
        }
        boolean shared;
        if (exposure != null && exposure.length == nm) {
            shared = true;
        } else if (exposure != null && exposure.length == (long) copies * nm) {
            shared = false;
        } else {
            throw new IllegalArgumentException("exposure must have products × customers = " + nm
                    + " or copies × products × customers = " + (long) copies * nm + " entries, got "
                    + (exposure == null ? "null" : exposure.length));
        }
        if (rewardOut == null || rewardOut.length < copies) {
            throw new IllegalArgumentException("rewardOut must have at least " + copies + " entries");
        }
        if (shared) {
            Exposure.check(exposure, 0, n, m, "exposure");
            probabilities(exposure, 0);
        } else {
            for (int k = 0; k < copies; k++) {
                Exposure.check(exposure, k * nm, n, m, "exposure of copy", k);
            }
        }
        // Copies are independent (own stream, own state), so drawing them block by block gives
        // the same bits as one block; per-copy exposure bounds the block so its probabilities stay
        // within BLOCK_PROBABILITIES doubles.
        int width = shared ? copies : Math.max(1, Math.min(copies, BLOCK_PROBABILITIES / nm));
        if (!shared && blockGamma == null) {
            blockGamma = new double[width * nm];
        }
        for (int from = 0; from < copies; from += width) {
            int to = Math.min(copies, from + width);
            if (!shared) {
                for (int k = from; k < to; k++) {
                    probabilities(exposure, k * nm);
                    System.arraycopy(gamma, 0, blockGamma, (k - from) * nm, nm);
                }
            }
            drawDemand(from, to, shared);
            for (int k = from; k < to; k++) {
                rewardOut[k] = settle(k, orders);
            }
        }
        period++;
    }

    // Upper bound on the doubles of blockGamma (8 MiB).
    private static final int BLOCK_PROBABILITIES = 1 << 20;

    private void probabilities(double[] exposure, int off) {
        RecommendationDynamics.ratings(initialRatings, s.ratingMax(), s.efficiency(), exposure, off, ratings);
        RecommendationDynamics.choiceProbabilities(ratings, n, m, gamma);
    }

    /**
     * Demand of copies {@code from..to−1}: draw {@code (j, i)} of all of them in one batched call,
     * in each copy's order {@code j} outer, {@code i} inner. Probabilities from {@code gamma} when
     * shared, else from {@code blockGamma}.
     */
    private void drawDemand(int from, int to, boolean shared) {
        int w = to - from;
        int nm = n * m;
        System.arraycopy(streamSeed, from, laneSeed, 0, w);
        System.arraycopy(streamGamma, from, laneGamma, 0, w);
        java.util.Arrays.fill(lastDemand, from * n, to * n, 0);
        for (int j = 0; j < m; j++) {
            java.util.Arrays.fill(laneTrials, 0, w, counts[j]);
            for (int i = 0; i < n; i++) {
                int ij = i * m + j;
                if (shared) {
                    java.util.Arrays.fill(laneP, 0, w, gamma[ij]);
                } else {
                    for (int b = 0; b < w; b++) {
                        laneP[b] = blockGamma[b * nm + ij];
                    }
                }
                Kernels.binomial(laneTrials, laneP, laneSeed, laneGamma, laneOut, w);
                for (int b = 0, x = from * n + i; b < w; b++, x += n) {
                    lastDemand[x] += laneOut[b];
                }
            }
        }
        System.arraycopy(laneSeed, 0, streamSeed, from, w);
        System.arraycopy(laneGamma, 0, streamGamma, from, w);
    }

    private double settle(int k, int[] orders) {
        double reward = 0;
        for (int i = 0; i < n; i++) {
            int x = k * n + i;
            int q = orders[x];
            int li = lead[i];
            int arrived;
            if (li == 0) {
                arrived = q;
            } else {
                int p = x * lMax;
                arrived = pipeline[p];
                System.arraycopy(pipeline, p + 1, pipeline, p, li - 1);
                pipeline[p + li - 1] = q;
            }
            int available = inventory[x] + arrived;
            int toServe = lastDemand[x] + backlog[x];
            int sold = RecommendationDynamics.sales(toServe, available);
            int shortage = toServe - sold;
            inventory[x] = available - sold;
            if (backlogMode) {
                backlog[x] = shortage;
            }
            lastSales[x] = sold;
            lastShortage[x] = shortage;
            lastArrived[x] = arrived;
            double f = RecommendationDynamics.profit(pOut[i], pIn[i], hold[i], shortCost[i], sold, q, inventory[x],
                    shortage);
            lastProfit[x] = f;
            reward += f;
        }
        return reward;
    }

    /** Throws unless a period can be played. */
    public void checkSteppable() {
        if (!started) {
            throw new IllegalStateException("reset(seed) must be called before step");
        }
        if (period >= s.horizon()) {
            throw new IllegalStateException("episode ended after horizon T = " + s.horizon() + "; call reset");
        }
    }

    /** Writes copy {@code k}'s observation ({@link RecommendationObservation} layout) at {@code out[off..]}. */
    public void observe(int k, float[] out, int off) {
        int base = k * n;
        int pipeOff = off + 2 * n;
        for (int i = 0; i < n; i++) {
            out[off + i] = inventory[base + i];
            out[off + n + i] = backlog[base + i];
            for (int l = 0; l < lMax; l++) {
                out[pipeOff + i * lMax + l] = pipeline[(base + i) * lMax + l];
            }
        }
    }

    /** Copy {@code k}'s state at the start of the coming period. */
    public RecommendationState state(int k) {
        int[][] pipe = new int[n][];
        for (int i = 0; i < n; i++) {
            pipe[i] = new int[lead[i]];
            System.arraycopy(pipeline, (k * n + i) * lMax, pipe[i], 0, lead[i]);
        }
        return new RecommendationState(period, java.util.Arrays.copyOfRange(inventory, k * n, k * n + n),
                java.util.Arrays.copyOfRange(backlog, k * n, k * n + n), pipe);
    }

    /**
     * Copy {@code k}'s state as {@link #state(int)} gives it, written into the caller's arrays
     * instead of new ones (for a rollout's every step): {@code inventory[i]}, {@code backlog[i]} and
     * {@code pipeline[i·L_max + l]} for {@code l < L^i} (the slots from {@code L^i} on are copied
     * too and mean nothing); the period is {@link #period()}.
     */
    public void stateInto(int k, int[] inventoryOut, int[] backlogOut, int[] pipelineOut) {
        System.arraycopy(inventory, k * n, inventoryOut, 0, n);
        System.arraycopy(backlog, k * n, backlogOut, 0, n);
        System.arraycopy(pipeline, k * n * lMax, pipelineOut, 0, n * lMax);
    }

    /** Copy {@code k}'s diagnostics of the last period played (orders as given to that step). */
    public RecommendationInfo lastInfo(int k, int[] orders) {
        int from = k * n;
        int to = from + n;
        double reward = 0;
        for (int x = from; x < to; x++) {
            reward += lastProfit[x];
        }
        return new RecommendationInfo(period, java.util.Arrays.copyOfRange(lastDemand, from, to),
                java.util.Arrays.copyOfRange(lastSales, from, to), java.util.Arrays.copyOfRange(lastShortage, from, to),
                java.util.Arrays.copyOfRange(lastArrived, from, to), java.util.Arrays.copyOfRange(orders, from, to),
                java.util.Arrays.copyOfRange(inventory, from, to), java.util.Arrays.copyOfRange(lastProfit, from, to),
                reward);
    }

    /** {@code d_t^i} of copy {@code k} in the last period. */
    public int lastDemand(int k, int i) {
        return lastDemand[k * n + i];
    }

    /** {@code S_t^i} of copy {@code k} in the last period. */
    public int lastSales(int k, int i) {
        return lastSales[k * n + i];
    }

    /** Copy {@code k}'s reward {@code Σ_i F_t^i} of the last period (0 before the first). */
    public double lastReward(int k) {
        if (period == 0) {
            return 0;
        }
        double r = 0;
        for (int i = 0; i < n; i++) {
            r += lastProfit[k * n + i];
        }
        return r;
    }

    /** Length of one copy's observation. */
    public int observationSize() {
        return RecommendationObservation.size(s);
    }

    /** Periods completed in the current episode. */
    public int period() {
        return period;
    }

    /** True once {@code T} periods have been played. */
    public boolean done() {
        return period >= s.horizon();
    }

    /** Number of copies {@code K}. */
    public int copies() {
        return copies;
    }

    /** The scenario simulated. */
    public RecommendationScenario scenario() {
        return s;
    }
}
