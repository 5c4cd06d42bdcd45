package org.retailrl.algorithms.pricing;

import org.retailrl.algorithms.rl.AgentEnv;
import org.retailrl.algorithms.rl.FactorLayout;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.pricing.PricingObservation;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * The pricing-and-replenishment simulator of docs/model.md §1 ({@link PricingBatch}) as a
 * {@link AgentEnv} for the learners of docs/model.md §8, either with two agents — pricing (one action
 * per grid price) and ordering ({@code Q + 1} order sizes), FSDA's split (Zheng, Li, Jiang and Peng §3.5.2) — or
 * with one agent over the joint action {@code a = priceIndex·(Q + 1) + q} (21 × 21 = 441 actions
 * by default), the single-agent PPO comparison.
 *
 * <p>Observation (state normalisation is the learner's business, docs/model.md §1): the simulator's
 * {@code 6 + L} floats with unit quantities (inventory, lost sales, demand, pipeline) divided by
 * {@code Q} and then logarithmically compressed beyond ±1 ({@code ±(1 + ln|u|)}), prices divided by the
 * largest grid price, followed by the fraction of the horizon
 * elapsed {@code t/T} — the problem is finite-horizon, so the optimal decision depends on the
 * period and the simulator's observation does not carry it. Rewards are the period's profit
 * (currency), unscaled.
 *
 * <p>Randomness: episode batch {@code e} resets copy {@code i} onto
 * {@code Rng.stream(seed, e·N + i)}, so episodes never share a stream.
 */
public final class PricingBatchEnv implements AgentEnv {
    /** How actions are split among agents. */
    public enum Agents {
        /** Agent 0 prices, agent 1 orders (FSDA, HAPPO). */
        PRICING_AND_ORDERING,
        /** One agent over the joint (price, order) action. */
        JOINT
    }

    /** Index of the pricing agent in {@link Agents#PRICING_AND_ORDERING}. */
    public static final int PRICING = 0;
    /** Index of the ordering agent in {@link Agents#PRICING_AND_ORDERING}. */
    public static final int ORDERING = 1;

    private final PricingBatch batch;
    private final Agents agents;
    private final int raw;
    private final int orders;
    private final float[] rawObs;
    private final int[] price;
    private final int[] order;
    private final double[] reward;
    private final FactorLayout[] layouts;

    /** {@code copies} copies of {@code scenario} with the given action split. */
    public PricingBatchEnv(PricingScenario scenario, int copies, Agents agents) {
        if (agents == null) {
            throw new IllegalArgumentException("agents must be PRICING_AND_ORDERING or JOINT, got null");
        }
        this.batch = new PricingBatch(scenario, copies);
        this.agents = agents;
        this.raw = batch.observationSize();
        this.orders = scenario.maxOrder() + 1;
        this.rawObs = new float[raw * copies];
        this.price = new int[copies];
        this.order = new int[copies];
        this.reward = new double[copies];
        // Built once: the learners ask for a layout on every minibatch.
        this.layouts = new FactorLayout[agents()];
        for (int a = 0; a < layouts.length; a++) {
            layouts[a] = new FactorLayout(actionCount(a));
        }
    }

    /** The simulator (for reading states in evaluations). */
    public PricingBatch batch() {
        return batch;
    }

    @Override
    public int copies() {
        return batch.copies();
    }

    /** Floats per copy in the one observation every network sees. */
    public int observationSize() {
        return raw + 1;
    }

    @Override
    public int agents() {
        return agents == Agents.JOINT ? 1 : 2;
    }

    /** One view: every agent and the critic see the same observation. */
    @Override
    public int viewSize(int view) {
        if (view != 0) {
            throw new IllegalArgumentException("view must be 0, got " + view);
        }
        return observationSize();
    }

    /** Number of discrete actions of agent {@code agent}. */
    public int actionCount(int agent) {
        if (agent < 0 || agent >= agents()) {
            throw new IllegalArgumentException("agent must be in [0, " + agents() + "), got " + agent);
        }
        int prices = batch.scenario().priceCount();
        if (agents == Agents.JOINT) {
            return prices * orders;
        }
        return agent == PRICING ? prices : orders;
    }

    @Override
    public FactorLayout actionLayout(int agent) {
        actionCount(agent); // validates the index
        return layouts[agent];
    }

    @Override
    public int horizon() {
        return batch.scenario().horizon();
    }

    @Override
    public void reset(long seed, long episode) {
        batch.reset(seed, Math.multiplyExact(episode, (long) batch.copies()));
    }

    @Override
    public void observe(int view, float[] out) {
        observation(batch, rawObs, out);
    }

    /**
     * Writes the learners' observation of every copy of {@code batch} (the simulator's, scaled,
     * then {@code t/T}) to {@code out[i·(6 + L + 1) ..]}; {@code raw} is scratch of
     * {@code copies·(6 + L)} floats. Policies built from trained actors use this to see what the
     * learner saw.
     */
    public static void observation(PricingBatch batch, float[] raw, float[] out) {
        PricingScenario sc = batch.scenario();
        int r = batch.observationSize();
        int d = r + 1;
        if (raw.length < r * batch.copies() || out.length < d * batch.copies()) {
            throw new IllegalArgumentException("raw must hold " + r * batch.copies() + " and out " + d * batch.copies()
                    + " floats, got " + raw.length + " and " + out.length);
        }
        batch.observe(raw, 0);
        for (int i = 0; i < batch.copies(); i++) {
            normalizeRow(sc, raw, i * r, batch.period(), out, i * d);
        }
    }

    /**
     * The one definition of what the learners see (this class's observation), for one copy: the
     * {@code 6 + L} raw simulator floats at {@code raw[rawOff..]} in period {@code period} written
     * normalised, followed by {@code t/T}, to {@code out[outOff..]}. Training and the embedded
     * {@code deploy.Policy} both call this, so a trained actor always sees the encoding it was trained
     * on. Allocation-free.
     */
    public static void normalizeRow(PricingScenario sc, float[] raw, int rawOff, int period, float[] out, int outOff) {
        int r = PricingObservation.PIPELINE + sc.leadTime();
        float unitScale = (float) (1.0 / Math.max(1, sc.maxOrder()));
        float priceScale = (float) (1.0 / sc.maxPrice());
        for (int k = 0; k < r; k++) {
            boolean isPrice = k == PricingObservation.PRICE || k == PricingObservation.COMPETITOR_PRICE
                    || k == PricingObservation.REFERENCE_PRICE;
            out[outOff + k] = isPrice ? raw[rawOff + k] * priceScale : squash(raw[rawOff + k] * unitScale);
        }
        out[outOff + r] = (float) period / sc.horizon();
    }

    /**
     * The identity on {@code [−1, 1]} and {@code ±(1 + ln|u|)} beyond: continuous with a
     * continuous slope, so quantities up to {@code Q} keep their linear scale while the stock an
     * untrained ordering agent piles up (hundreds of units, i.e. {@code u} in the tens) stays
     * within a few units instead of saturating the first tanh layer.
     */
    public static float squash(float u) {
        float a = Math.abs(u);
        return a <= 1f ? u : Math.copySign(1f + (float) Math.log(a), u);
    }

    @Override
    public void step(int[][] actions, Rng[] streams, double[] rewardOut) {
        int n = batch.copies();
        if (agents == Agents.JOINT) {
            for (int i = 0; i < n; i++) {
                price[i] = actions[0][i] / orders;
                order[i] = actions[0][i] % orders;
            }
        } else {
            System.arraycopy(actions[PRICING], 0, price, 0, n);
            System.arraycopy(actions[ORDERING], 0, order, 0, n);
        }
        batch.step(price, order, reward);
        for (int i = 0; i < n; i++) {
            // The learners see the profit rounded to float, as they always have.
            rewardOut[i] = (float) reward[i];
        }
    }
}
