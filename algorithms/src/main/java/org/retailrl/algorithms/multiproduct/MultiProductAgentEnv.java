package org.retailrl.algorithms.multiproduct;

import org.retailrl.algorithms.pricing.PricingBatchEnv;
import org.retailrl.algorithms.rl.AgentEnv;
import org.retailrl.algorithms.rl.FactorLayout;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.multiproduct.MultiProductBatch;
import org.retailrl.envs.multiproduct.MultiProductScenario;

/**
 * The multi-product simulator of docs/model.md §4 ({@link MultiProductBatch}) as an {@link AgentEnv}
 * of the learner core (§8.13), with the agents split in one of three ways ({@link Agents}):
 * {@code 2N} agents — a pricing agent (one action per grid price) and an ordering agent
 * ({@code Q + 1} sizes) per product, in the order pricing 0, ordering 0, pricing 1, … (FSDA and
 * HAPPO, §4.3); {@code N} agents, each over its product's joint action
 * {@code priceIndex·(Q + 1) + q} (independent PPO per product); or one agent whose action has
 * {@code 2N} factors, the prices and orders of all products (one factorised policy); or one
 * network shared by all products with a product code ({@link Agents#SHARED}).
 *
 * <p>Every agent and the critic see one observation (centralised, as in §1.7): the simulator's
 * {@code N·(4 + L)} floats with unit quantities divided by {@code Q} and compressed beyond ±1,
 * prices divided by the largest grid price ({@link PricingBatchEnv#squash}, the encoding of §1.7),
 * then {@code t/T}. The shared reward is the total profit {@code Σ_i R_i} (Eq. 23 of Zheng, Li,
 * Jiang &amp; Peng). Episode batch {@code e} resets copy {@code c} onto {@code Rng.stream(seed, e·C + c)}.
 */
public final class MultiProductAgentEnv implements AgentEnv {
    /** How the decisions are split among agents. */
    public enum Agents {
        /** A pricing and an ordering agent per product: 2N agents. */
        PRICING_AND_ORDERING,
        /** One agent per product over its joint (price, order) action: N agents. */
        PER_PRODUCT_JOINT,
        /** One agent, 2N factors (every product's price and order). */
        FACTORED,
        /**
         * One network shared by the products: every (copy, product) pair is a copy of this
         * environment whose one agent sets that product's price and order (2 factors) from the
         * copy's observation with the product's own block first and a one-hot product code (the
         * first layer's weights on it are the learned product embedding); every pair receives the
         * copy's total profit.
         */
        SHARED
    }

    private final MultiProductBatch batch;
    private final Agents agents;
    private final int n;
    private final int orders;
    private final float[] raw;
    private final float[] full;
    private final double[] total;
    private final int[] price;
    private final int[] order;
    private final FactorLayout[] layouts;

    /** {@code copies} copies of {@code scenario} with the given split. */
    public MultiProductAgentEnv(MultiProductScenario scenario, int copies, Agents agents) {
        if (agents == null) {
            throw new IllegalArgumentException("agents must be PRICING_AND_ORDERING, PER_PRODUCT_JOINT or FACTORED");
        }
        this.batch = new MultiProductBatch(scenario, copies);
        this.agents = agents;
        this.n = scenario.products();
        this.orders = scenario.maxOrder() + 1;
        this.raw = new float[batch.observationSize()];
        this.full = new float[copies * observationSize(scenario)];
        this.total = new double[copies];
        this.price = new int[copies * n];
        this.order = new int[copies * n];
        int prices = scenario.priceCount();
        layouts = new FactorLayout[agentCount(agents, n)];
        for (int a = 0; a < layouts.length; a++) {
            layouts[a] = switch (agents) {
                case PRICING_AND_ORDERING -> new FactorLayout(a % 2 == 0 ? prices : orders);
                case PER_PRODUCT_JOINT -> new FactorLayout(prices * orders);
                case FACTORED -> factored(n, prices, orders);
                case SHARED -> new FactorLayout(prices, orders);
            };
        }
    }

    private static FactorLayout factored(int n, int prices, int orders) {
        int[] s = new int[2 * n];
        for (int i = 0; i < n; i++) {
            s[2 * i] = prices;
            s[2 * i + 1] = orders;
        }
        return new FactorLayout(s);
    }

    /** Number of agents of split {@code agents} for {@code n} products. */
    public static int agentCount(Agents agents, int n) {
        return switch (agents) {
            case PRICING_AND_ORDERING -> 2 * n;
            case PER_PRODUCT_JOINT -> n;
            case FACTORED, SHARED -> 1;
        };
    }

    /** Agent names in agent order ({@code pricing0, ordering0, …}, {@code product0, …}, {@code actor} or {@code shared}). */
    public static String[] agentNames(Agents agents, int n) {
        String[] names = new String[agentCount(agents, n)];
        for (int a = 0; a < names.length; a++) {
            names[a] = switch (agents) {
                case PRICING_AND_ORDERING -> (a % 2 == 0 ? "pricing" : "ordering") + (a / 2);
                case PER_PRODUCT_JOINT -> "product" + a;
                case FACTORED -> "actor";
                case SHARED -> "shared";
            };
        }
        return names;
    }

    /** The simulator. */
    public MultiProductBatch batch() {
        return batch;
    }

    /** The split. */
    public Agents split() {
        return agents;
    }

    /** Floats per copy in the observation every network sees, {@code N·(4 + L) + 1}. */
    public static int observationSize(MultiProductScenario s) {
        return s.products() * (MultiProductBatch.PER_PRODUCT + s.leadTime()) + 1;
    }

    /** Floats per row that the networks of {@code split} see: {@link #observationSize} plus {@code N} for {@link Agents#SHARED}. */
    public static int viewSize(MultiProductScenario s, Agents split) {
        return observationSize(s) + (split == Agents.SHARED ? s.products() : 0);
    }

    /** Rows per simulator copy: {@code N} for {@link Agents#SHARED}, else 1. */
    public static int rowsPerCopy(MultiProductScenario s, Agents split) {
        return split == Agents.SHARED ? s.products() : 1;
    }

    @Override
    public int copies() {
        return batch.copies() * rowsPerCopy(batch.scenario(), agents);
    }

    @Override
    public int horizon() {
        return batch.scenario().horizon();
    }

    @Override
    public int agents() {
        return layouts.length;
    }

    @Override
    public int viewSize(int view) {
        if (view != 0) {
            throw new IllegalArgumentException("view must be 0, got " + view);
        }
        return viewSize(batch.scenario(), agents);
    }

    @Override
    public FactorLayout actionLayout(int agent) {
        if (agent < 0 || agent >= layouts.length) {
            throw new IllegalArgumentException("agent must be in [0, " + layouts.length + "), got " + agent);
        }
        return layouts[agent];
    }

    @Override
    public void reset(long seed, long episode) {
        batch.reset(seed, Math.multiplyExact(episode, (long) batch.copies()));
    }

    @Override
    public void observe(int view, float[] out) {
        observation(batch, agents, raw, full, out);
    }

    /**
     * The rows {@code split}'s networks see: {@link #observation(MultiProductBatch, float[], float[])}
     * into {@code full} (copies × {@link #observationSize}); for {@link Agents#SHARED} each copy's
     * row is then written once per product {@code i} to {@code out}, blocks in the order
     * {@code i, i+1, …, i−1} (cyclic), then {@code t/T}, then the one-hot code of {@code i}; for
     * the other splits {@code out} receives {@code full}.
     */
    public static void observation(MultiProductBatch batch, Agents split, float[] raw, float[] full, float[] out) {
        observation(batch, raw, full);
        MultiProductScenario sc = batch.scenario();
        int d = observationSize(sc);
        if (split != Agents.SHARED) {
            System.arraycopy(full, 0, out, 0, d * batch.copies());
            return;
        }
        int n = sc.products();
        int per = MultiProductBatch.PER_PRODUCT + sc.leadTime();
        int w = d + n;
        for (int c = 0; c < batch.copies(); c++) {
            for (int i = 0; i < n; i++) {
                int o = (c * n + i) * w;
                for (int k = 0; k < n; k++) {
                    System.arraycopy(full, c * d + ((i + k) % n) * per, out, o + k * per, per);
                }
                out[o + n * per] = full[c * d + d - 1];
                for (int k = 0; k < n; k++) {
                    out[o + d + k] = k == i ? 1f : 0f;
                }
            }
        }
    }

    /**
     * Writes the learners' observation of every copy of {@code batch} to
     * {@code out[c·observationSize ..]}; {@code raw} is scratch of {@code batch.observationSize()} floats.
     * Evaluations of trained actors call this, so they see what the learner saw.
     */
    public static void observation(MultiProductBatch batch, float[] raw, float[] out) {
        MultiProductScenario sc = batch.scenario();
        int r = batch.observationSize();
        int d = r + 1;
        int per = MultiProductBatch.PER_PRODUCT + sc.leadTime();
        float unit = (float) (1.0 / Math.max(1, sc.maxOrder()));
        float priceScale = (float) (1.0 / sc.price(sc.priceCount() - 1));
        float elapsed = (float) batch.period() / sc.horizon();
        for (int c = 0; c < batch.copies(); c++) {
            batch.observe(c, raw, 0);
            int o = c * d;
            for (int k = 0; k < r; k++) {
                out[o + k] = k % per == MultiProductBatch.PRICE ? raw[k] * priceScale : PricingBatchEnv.squash(raw[k] * unit);
            }
            out[o + r] = elapsed;
        }
    }

    @Override
    public void step(int[][] choices, Rng[] streams, double[] rewardOut) {
        decode(agents, n, orders, batch.copies(), choices, price, order);
        batch.step(price, order, total);
        int rows = rowsPerCopy(batch.scenario(), agents);
        for (int r = 0; r < copies(); r++) {
            rewardOut[r] = total[r / rows];
        }
    }

    /**
     * Turns the agents' choices ({@code choices[a][c·F_a + f]}) into per-product price indices and
     * orders ({@code price[c·N + i]}, {@code order[c·N + i]}).
     */
    public static void decode(Agents agents, int n, int orders, int copies, int[][] choices, int[] price, int[] order) {
        for (int c = 0; c < copies; c++) {
            for (int i = 0; i < n; i++) {
                int x = c * n + i;
                switch (agents) {
                    case PRICING_AND_ORDERING -> {
                        price[x] = choices[2 * i][c];
                        order[x] = choices[2 * i + 1][c];
                    }
                    case PER_PRODUCT_JOINT -> {
                        price[x] = choices[i][c] / orders;
                        order[x] = choices[i][c] % orders;
                    }
                    case FACTORED, SHARED -> {
                        // FACTORED: copy c's row holds 2N factors; SHARED: row c·N + i holds 2.
                        price[x] = choices[0][2 * x];
                        order[x] = choices[0][2 * x + 1];
                    }
                }
            }
        }
    }
}
