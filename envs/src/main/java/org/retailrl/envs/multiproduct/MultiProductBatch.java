package org.retailrl.envs.multiproduct;

import org.retailrl.core.random.PoissonSampler;
import org.retailrl.core.random.RawStreams;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * {@code C} copies of the multi-product simulator of docs/model.md §4 stepped in lockstep, held as
 * struct-of-arrays (product {@code i} of copy {@code c} at index {@code c·N + i}), on the template of
 * {@code PricingBatch}. {@link #step} writes into caller buffers and allocates nothing.
 *
 * <p><b>Period {@code t} of each copy</b> (docs/model.md §4.2), products in index order:
 * <ol>
 * <li>every product's order placed {@code L} periods ago arrives ({@code L = 0}: this period's);
 *     stock above the cap is disposed of; {@code A_i} is the stock (net inventory) after arrival;</li>
 * <li>the posted prices {@code p} and orders {@code q} apply;</li>
 * <li>primary demand {@code D_i ~ Poisson(λ_i(p))} ({@link MnlDemand}), drawn for {@code i = 0..N−1};</li>
 * <li>each product serves its own demand from its stock: {@code S_i = min(D_i, [A_i]^+)},
 *     {@code U_i = D_i − S_i} units find it out of stock;</li>
 * <li>substitution, for {@code i = 0..N−1} and each of the {@code U_i} units in turn: one uniform
 *     {@code v} picks the first {@code k} with {@code v < Σ_{m≤k} θ_{im} a_{im}}, where the
 *     acceptance {@code a_{im} = min(1, e^{−β_m (p_m − p_i)})} discounts a dearer substitute by the
 *     logit utility its higher price costs ({@link #acceptance}); such a unit is served
 *     from {@code k}'s remaining stock at {@code k}'s price if any is left, otherwise it is lost at
 *     {@code k} (backlog: waits for {@code k}); a unit with no {@code k} picked is lost at
 *     {@code i} (backlog: waits for {@code i}). No unit switches twice. Rows with
 *     {@code Σ_k θ_{ik} = 0} draw nothing;</li>
 * <li>accounting per product with the final demand {@code E_i} (the units whose last choice was
 *     {@code i}; {@code Σ_i E_i = Σ_i D_i}): lost sales — sales {@code S_i}, ending stock
 *     {@code I_i = A_i − S_i}, lost {@code O_i = E_i − S_i},
 *     {@code R_i = p_i S_i − h_i I_i − b_i O_i − c_i q_i − K_i 1{q_i > 0}}; backlog —
 *     {@code N_i = A_i − E_i}, {@code R_i = p_i E_i − h_i [N_i]^+ − b_i [N_i]^- − c_i q_i − K_i 1{q_i > 0}};
 *     the copy's reward is {@code Σ_i R_i} (Zheng, Li, Jiang &amp; Peng, Eq. 23).</li>
 * </ol>
 *
 * <p><b>Random numbers.</b> Copy {@code c} owns {@code Rng.stream(seed, firstStream + c)} and reads
 * it in this order each period: the {@code N} demand draws (one uniform each below a mean of 30,
 * {@link PoissonSampler}), then the substitution uniforms of step 5. Nothing is drawn at reset. A
 * copy's trajectory therefore does not depend on the number of copies.
 *
 * <p><b>Observation</b> of a copy ({@code N·(4 + L)} floats, product-major): per product its ending
 * (net) inventory, last period's lost units (backlog: {@code [N_i]^-}), last final demand
 * {@code E_i}, last price, and its {@code L} outstanding orders oldest first.
 *
 * <p>Not thread-safe; one batch per thread.
 */
public final class MultiProductBatch {
    /** Floats per product in the observation before the pipeline. */
    public static final int PER_PRODUCT = 4;
    /** Offset of the last price within a product's observation (the other three are unit quantities). */
    public static final int PRICE = 3;

    private final MultiProductScenario scenario;
    private final int copies;
    private final int n;
    private final int lead;
    private final boolean backlog;
    private final int cap;
    private final double[] prices;
    private final int maxOrder;
    private final MnlDemand demand;
    private final double[] c;
    private final double[] h;
    private final double[] b;
    private final double[] k;
    // Substitution probabilities θ (row-major), whether a row switches at all, and the substitutes' sensitivities.
    private final double[] theta;
    private final boolean[] switches;
    private final double[] beta;
    private final double[] rowCum;

    private final long[] seed;
    private final long[] gamma;
    private final int[] inventory;
    private final int[] pipeline;
    private int head;
    private final double[] lastPrice;
    private final int[] lastDemand;
    private final int[] lastPrimary;
    private final int[] lastSales;
    private final int[] lastLost;
    private final int[] lastMovedOut;
    private final int[] lastMovedIn;
    private final int[] lastDisposed;
    private final double[] lastReward;
    // Scratch for one copy's period.
    private final double[] posted;
    private final double[] rate;
    private final int[] stock;
    private final int[] remaining;
    private final int[] unmet;
    private int period;
    private boolean started;

    /** {@code copies} copies of {@code scenario}; call {@link #reset} before stepping. */
    public MultiProductBatch(MultiProductScenario scenario, int copies) {
        if (scenario == null) {
            throw new IllegalArgumentException("scenario must not be null");
        }
        if (copies < 1 || copies > 1 << 20) {
            throw new IllegalArgumentException("copies must be in [1, " + (1 << 20) + "], got " + copies);
        }
        this.scenario = scenario;
        this.copies = copies;
        n = scenario.products();
        lead = scenario.leadTime();
        backlog = scenario.mode() == ShortageMode.BACKLOG;
        cap = scenario.inventoryCap();
        prices = scenario.prices();
        maxOrder = scenario.maxOrder();
        demand = new MnlDemand(scenario);
        c = scenario.unitCost();
        h = scenario.holdingCost();
        b = scenario.shortageCost();
        k = scenario.fixedCost();
        double[][] th = scenario.substitution();
        theta = new double[n * n];
        switches = new boolean[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int m = 0; m < n; m++) {
                s += th[i][m];
                theta[i * n + m] = th[i][m];
            }
            switches[i] = s > 0;
        }
        beta = scenario.sensitivity();
        rowCum = new double[n];
        int cn = Math.multiplyExact(copies, n);
        seed = new long[copies];
        gamma = new long[copies];
        inventory = new int[cn];
        pipeline = new int[Math.multiplyExact(cn, lead)];
        lastPrice = new double[cn];
        lastDemand = new int[cn];
        lastPrimary = new int[cn];
        lastSales = new int[cn];
        lastLost = new int[cn];
        lastMovedOut = new int[cn];
        lastMovedIn = new int[cn];
        lastDisposed = new int[cn];
        lastReward = new double[cn];
        posted = new double[n];
        rate = new double[n];
        stock = new int[n];
        remaining = new int[n];
        unmet = new int[n];
    }

    /** Resets every copy; copy {@code c} draws from {@code Rng.stream(seed, firstStream + c)}. */
    public void reset(long seed, long firstStream) {
        int[] inv0 = scenario.initialInventory();
        double p0 = prices[prices.length / 2];
        for (int cp = 0; cp < copies; cp++) {
            RawStreams.load(this.seed, gamma, cp, seed, firstStream + cp);
            for (int i = 0; i < n; i++) {
                int x = cp * n + i;
                inventory[x] = inv0[i];
                lastPrice[x] = p0;
                lastDemand[x] = 0;
                lastPrimary[x] = 0;
                lastSales[x] = 0;
                lastLost[x] = backlog ? Math.max(-inv0[i], 0) : 0;
                lastMovedOut[x] = 0;
                lastMovedIn[x] = 0;
                lastDisposed[x] = 0;
                lastReward[x] = 0;
            }
        }
        java.util.Arrays.fill(pipeline, 0);
        head = 0;
        period = 0;
        started = true;
    }

    /**
     * Plays one period in every copy: product {@code i} of copy {@code cp} posts
     * {@code prices[priceIndex[cp·N + i]]} and orders {@code orderQty[cp·N + i]}; the copy's total
     * reward goes to {@code rewardOut[cp]} (per product: {@link #lastReward(int, int)}).
     *
     * @throws IllegalArgumentException when a buffer is too short or an action out of range (nothing changes)
     * @throws IllegalStateException    before {@link #reset} or after period {@code T}
     */
    public void step(int[] priceIndex, int[] orderQty, double[] rewardOut) {
        if (!started) {
            throw new IllegalStateException("call reset(seed, firstStream) before step");
        }
        if (period >= scenario.horizon()) {
            throw new IllegalStateException("the episode ended after T = " + scenario.horizon() + " periods");
        }
        int cn = copies * n;
        if (priceIndex == null || priceIndex.length < cn || orderQty == null || orderQty.length < cn
                || rewardOut == null || rewardOut.length < copies) {
            throw new IllegalArgumentException("priceIndex and orderQty must hold copies * products = " + cn
                    + " entries and rewardOut " + copies);
        }
        for (int x = 0; x < cn; x++) {
            if (priceIndex[x] < 0 || priceIndex[x] >= prices.length) {
                throw new IllegalArgumentException("priceIndex[" + x + "] must be in [0, " + (prices.length - 1)
                        + "], got " + priceIndex[x]);
            }
            if (orderQty[x] < 0 || orderQty[x] > maxOrder) {
                throw new IllegalArgumentException("orderQty[" + x + "] must be in [0, " + maxOrder + "], got "
                        + orderQty[x]);
            }
        }
        for (int cp = 0; cp < copies; cp++) {
            rewardOut[cp] = stepCopy(cp, priceIndex, orderQty);
        }
        if (lead > 0) {
            head = head + 1 == lead ? 0 : head + 1;
        }
        period++;
    }

    private double stepCopy(int cp, int[] priceIndex, int[] orderQty) {
        int base = cp * n;
        for (int i = 0; i < n; i++) {
            int x = base + i;
            int q = orderQty[x];
            int arrived;
            if (lead == 0) {
                arrived = q;
            } else {
                int slot = x * lead + head;
                arrived = pipeline[slot];
                pipeline[slot] = q;
            }
            int a = (int) Math.min((long) inventory[x] + arrived, cap);
            lastDisposed[x] = inventory[x] + arrived - a;
            stock[i] = a;
            posted[i] = prices[priceIndex[x]];
        }
        demand.rates(posted, 0, rate, 0);
        for (int i = 0; i < n; i++) {
            int d = PoissonSampler.sample(seed, gamma, cp, rate[i]);
            int x = base + i;
            int avail = Math.max(stock[i], 0);
            int s = Math.min(d, avail);
            lastPrimary[x] = d;
            lastDemand[x] = d;
            lastSales[x] = s;
            lastLost[x] = 0;
            lastMovedOut[x] = 0;
            lastMovedIn[x] = 0;
            remaining[i] = avail - s;
            unmet[i] = d - s;
        }
        for (int i = 0; i < n; i++) {
            int x = base + i;
            // Own-stock shortfall, fixed before any product's units switch (lastSales[x] may grow below).
            int missing = unmet[i];
            if (missing == 0) {
                continue;
            }
            if (!switches[i]) {
                lastLost[x] += missing;
                continue;
            }
            double cum = 0;
            for (int m = 0; m < n; m++) {
                cum += theta[i * n + m] * acceptance(posted[m] - posted[i], m);
                rowCum[m] = cum;
            }
            for (int u = 0; u < missing; u++) {
                double v = RawStreams.nextDouble(seed, gamma, cp);
                int to = -1;
                for (int m = 0; m < n; m++) {
                    if (v < rowCum[m]) {
                        to = m;
                        break;
                    }
                }
                if (to < 0) {
                    lastLost[x]++;
                    continue;
                }
                int y = base + to;
                lastMovedOut[x]++;
                lastMovedIn[y]++;
                lastDemand[x]--;
                lastDemand[y]++;
                if (remaining[to] > 0) {
                    remaining[to]--;
                    lastSales[y]++;
                } else {
                    lastLost[y]++;
                }
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            int x = base + i;
            double p = posted[i];
            int q = orderQty[x];
            double r;
            if (backlog) {
                int net = stock[i] - lastDemand[x];
                inventory[x] = net;
                lastLost[x] = Math.max(-net, 0);
                r = p * lastDemand[x] - h[i] * Math.max(net, 0) - b[i] * Math.max(-net, 0);
            } else {
                inventory[x] = stock[i] - lastSales[x];
                r = p * lastSales[x] - h[i] * inventory[x] - b[i] * lastLost[x];
            }
            r -= c[i] * q + (q > 0 ? k[i] : 0);
            lastPrice[x] = p;
            lastReward[x] = r;
            total += r;
        }
        return total;
    }

    /**
     * The factor by which a switch to product {@code m} is accepted when {@code m} costs
     * {@code dearer} more than the product that was out of stock: 1 when it is not dearer,
     * {@code e^{−β_m·dearer}} (the logit utility lost to the higher price) when it is.
     */
    public double acceptance(double dearer, int m) {
        return dearer <= 0 ? 1 : StrictMath.exp(-beta[m] * dearer);
    }

    /** Floats per copy in the observation, {@code N·(4 + L)}. */
    public int observationSize() {
        return n * (PER_PRODUCT + lead);
    }

    /** Writes copy {@code cp}'s observation to {@code out[off ..]} (see the class description). */
    public void observe(int cp, float[] out, int off) {
        int d = PER_PRODUCT + lead;
        for (int i = 0; i < n; i++) {
            int x = cp * n + i;
            int o = off + i * d;
            out[o] = inventory[x];
            out[o + 1] = lastLost[x];
            out[o + 2] = lastDemand[x];
            out[o + PRICE] = (float) lastPrice[x];
            for (int j = 0; j < lead; j++) {
                out[o + PER_PRODUCT + j] = pipeline[x * lead + slot(j)];
            }
        }
    }

    private int slot(int j) {
        int s = head + j;
        return s >= lead ? s - lead : s;
    }

    /** (Net) inventory of product {@code i} in copy {@code cp}, units. */
    public int inventory(int cp, int i) {
        return inventory[cp * n + i];
    }

    /** The {@code j}-th oldest outstanding order of product {@code i} in copy {@code cp} (arrives at the start of period {@code t + j}). */
    public int pipeline(int cp, int i, int j) {
        if (j < 0 || j >= lead) {
            throw new IllegalArgumentException("pipeline index must be in [0, " + (lead - 1) + "], got " + j);
        }
        return pipeline[(cp * n + i) * lead + slot(j)];
    }

    /** Sum of the outstanding orders of product {@code i} in copy {@code cp}. */
    public int pipelineTotal(int cp, int i) {
        int s = 0;
        for (int j = 0; j < lead; j++) {
            s += pipeline[(cp * n + i) * lead + j];
        }
        return s;
    }

    /** Last price of product {@code i} in copy {@code cp}. */
    public double lastPrice(int cp, int i) {
        return lastPrice[cp * n + i];
    }

    /** Last period's final demand {@code E_i} (after substitution). */
    public int lastDemand(int cp, int i) {
        return lastDemand[cp * n + i];
    }

    /** Last period's primary demand {@code D_i} (before stock limits and substitution). */
    public int lastPrimaryDemand(int cp, int i) {
        return lastPrimary[cp * n + i];
    }

    /** Units sold (shipped from stock) last period. */
    public int lastSales(int cp, int i) {
        return lastSales[cp * n + i];
    }

    /** Units lost last period (lost sales) or the backlog {@code [N_i]^-} (backlog). */
    public int lastLost(int cp, int i) {
        return lastLost[cp * n + i];
    }

    /** Units of {@code i}'s unmet demand that switched to another product last period. */
    public int lastMovedOut(int cp, int i) {
        return lastMovedOut[cp * n + i];
    }

    /** Units that switched to {@code i} from other products last period. */
    public int lastMovedIn(int cp, int i) {
        return lastMovedIn[cp * n + i];
    }

    /** Units of {@code i} disposed of by the cap last period. */
    public int lastDisposed(int cp, int i) {
        return lastDisposed[cp * n + i];
    }

    /** Last period's profit of product {@code i} in copy {@code cp}, currency. */
    public double lastReward(int cp, int i) {
        return lastReward[cp * n + i];
    }

    /** Periods played since the reset. */
    public int period() {
        return period;
    }

    /** True after {@code T} periods. */
    public boolean done() {
        return period >= scenario.horizon();
    }

    /** Number of copies. */
    public int copies() {
        return copies;
    }

    /** Number of products. */
    public int products() {
        return n;
    }

    /** The scenario. */
    public MultiProductScenario scenario() {
        return scenario;
    }

    /** The demand law. */
    public MnlDemand demand() {
        return demand;
    }
}
