package org.retailrl.envs.pricing;

import org.retailrl.core.random.PoissonSampler;
import org.retailrl.core.random.RawStreams;
import org.retailrl.core.random.Rng;
import org.retailrl.core.simd.LaneArrays;

/**
 * {@code N} copies of the pricing-and-replenishment simulator of docs/model.md §1 stepped in lockstep,
 * held as struct-of-arrays (one primitive array per state variable): the dynamics kernel that
 * {@link PricingEnv} also runs (as a batch of one). {@link #step(int[], int[], float[])} writes into
 * caller buffers and allocates nothing. The demand draw and the rest of the period run as two
 * batched passes ({@link DemandKernel}: in vector lanes where the machine has them, else the
 * scalar code below), with the same result to the bit.
 *
 * <p><b>Period {@code t} for each copy</b> (docs/model.md §1, order of events):
 * <ol>
 * <li>the order placed {@code L} periods ago arrives ({@code L = 0}: this period's order); stock
 *     above {@link PricingScenario#inventoryCap()} is disposed of;</li>
 * <li>the firm's price {@code p_t} and order {@code q_t} apply; the competitor's {@code o_t} was
 *     fixed at the end of period {@code t−1} (at reset for {@code t = 1});</li>
 * <li>demand {@code d_t ~ Poisson(λ(p_t, o_t, r_{t−1}))} ({@link Demand}, {@link PoissonSampler});</li>
 * <li>sales, stock and the reward {@code p S − h I − b O − c q − K·1{q>0}} (lost sales) or
 *     {@code p d − h[N]^+ − b[N]^- − c q − K·1{q>0}} (backlog); then
 *     {@code r_t = w(w r_{t−1} + (1−w) p_t) + (1−w) o_t} and the competitor's {@code o_{t+1}}.</li>
 * </ol>
 *
 * <p><b>Random numbers.</b> Copy {@code i} owns {@code Rng.stream(seed, firstStream + i)} and
 * consumes it in this fixed order: at reset, one {@code nextInt(#prices)} for {@code o_1} when the
 * competitor is {@link CompetitorKind#UNIFORM}; then in each period {@code t} the demand draw (one
 * uniform, more only when {@code λ >= 30} or in a rounding corner case, see {@link PoissonSampler})
 * followed by the {@code nextInt} for {@code o_{t+1}} (UNIFORM only). So each period's competitor
 * price is drawn before its demand, and no copy ever reads another copy's stream: a copy's
 * trajectory does not depend on {@code N} or on the kernel (scalar or vector lanes).
 *
 * <p><b>Observation</b> of copy {@code i} ({@link PricingObservation}, {@code 6 + L} floats):
 * previous ending (net) inventory, previous lost sales (backlog: {@code [N]^-}), previous demand,
 * previous own price, competitor's current price, reference price, and the {@code L} outstanding
 * orders oldest first. docs/model.md §1 lists the pipeline as {@code q_{t−L+1..t−1}}; that omits
 * {@code q_{t−L}}, which arrives at the start of period {@code t} and is not yet in
 * {@code I_{t−1}}, so the observation would not determine the next state — all {@code L} are given.
 *
 * <p><b>Data-driven demand</b> (docs/model.md §5.4). When the scenario has a {@link DemandModel},
 * step 3 takes the Poisson mean from it ({@link DemandModel.Copies#rate}) instead of the logit rate,
 * the model sets the competitor's price ({@link DemandModel.Copies#reset} at reset,
 * {@link DemandModel.Copies#advance} after each period, in place of the competitor strategy), and
 * the draw uses the same sampler on the same per-copy stream; the order of draws is then: at reset
 * whatever the model draws, every period the demand draw. Sales, stock, rewards and the reference
 * price are unchanged.
 *
 * <p>Not thread-safe; one batch per thread.
 */
public final class PricingBatch {
    private final PricingScenario scenario;
    private final int copies;
    final int lead;
    final double[] prices;
    private final int priceCount;
    private final int maxOrder;
    private final Demand demand;
    final double fixedCompetitorPrice;
    final CompetitorKind competitor;
    final PricingDynamics dynamics;
    // Null for the logit law of docs/model.md §1.2; the data-driven law of §5.4 otherwise.
    private final DemandModel.Copies model;

    private final DemandKernel kernel;
    // Raw SplitMix64 streams (state, increment) per copy; see RawStreams.
    private final long[] seed;
    private final long[] gamma;
    // Demand of the period being played, written by the kernel (doubles: vector lanes store them directly).
    final double[] drawn;
    final int[] inventory;
    // Ring of outstanding orders, slot-major: slot s of copy i at [s*N + i], and slot (head + k) % L
    // holds the k-th oldest. A slot's copies are contiguous, so the vector kernel loads and stores
    // them as plain vectors (a copy-major ring needed a gather and a scatter per block).
    final int[] pipeline;
    int head;
    final double[] lastPrice;
    final double[] competitorPrice;
    final double[] reference;
    final int[] lastDemand;
    final int[] lastLost;
    final int[] lastDisposed;
    final double[] lastReward;
    private int period;
    private boolean started;

    /** A batch of {@code copies} simulators of {@code scenario}; call {@link #reset(long)} before stepping. */
    public PricingBatch(PricingScenario scenario, int copies) {
        this(scenario, copies, DemandKernel.select());
    }

    PricingBatch(PricingScenario scenario, int copies, DemandKernel kernel) {
        if (scenario == null) {
            throw new IllegalArgumentException("scenario must not be null");
        }
        if (copies < 1 || copies > 1 << 24) {
            throw new IllegalArgumentException("copies must be in [1, " + (1 << 24) + "], got " + copies);
        }
        this.scenario = scenario;
        this.copies = copies;
        lead = scenario.leadTime();
        prices = scenario.prices();
        priceCount = prices.length;
        maxOrder = scenario.maxOrder();
        demand = new Demand(scenario);
        fixedCompetitorPrice = scenario.fixedCompetitorPrice();
        dynamics = new PricingDynamics(scenario);
        model = scenario.demandModel() == null ? null : scenario.demandModel().newCopies(copies, scenario.horizon());
        // With a demand model the competitor's price is the model's; FIXED keeps the per-copy kernel
        // below free of draws and its result is overwritten after every period (advanceModel).
        competitor = model != null ? CompetitorKind.FIXED : scenario.competitor();
        this.kernel = kernel;
        seed = LaneArrays.longs(copies);
        gamma = LaneArrays.longs(copies);
        drawn = LaneArrays.doubles(copies);
        inventory = LaneArrays.ints(copies);
        pipeline = LaneArrays.ints(Math.multiplyExact(copies, lead));
        lastPrice = LaneArrays.doubles(copies);
        competitorPrice = LaneArrays.doubles(copies);
        reference = LaneArrays.doubles(copies);
        lastDemand = LaneArrays.ints(copies);
        lastLost = LaneArrays.ints(copies);
        lastDisposed = LaneArrays.ints(copies);
        lastReward = LaneArrays.doubles(copies);
    }

    /** Resets every copy; copy {@code i} draws from {@code Rng.stream(seed, i)}. */
    public void reset(long seed) {
        reset(seed, 0);
    }

    /** Resets every copy; copy {@code i} draws from {@code Rng.stream(seed, firstStream + i)}. */
    public void reset(long seed, long firstStream) {
        int[] pipe0 = scenario.initialPipeline();
        double r0 = scenario.initialReference();
        for (int i = 0; i < copies; i++) {
            long[] st = Rng.stream(seed, firstStream + i).state();
            this.seed[i] = st[0];
            this.gamma[i] = st[1];
            inventory[i] = scenario.initialInventory();
            for (int k = 0; k < lead; k++) {
                pipeline[k * copies + i] = pipe0[k];
            }
            lastPrice[i] = r0;
            reference[i] = r0;
            competitorPrice[i] = model != null ? model.reset(i, this.seed, this.gamma) : switch (competitor) {
                case UNDERCUT -> scenario.initialCompetitorPrice();
                case UNIFORM -> prices[RawStreams.nextInt(this.seed, this.gamma, i, priceCount)];
                case FIXED -> fixedCompetitorPrice;
            };
            lastDemand[i] = 0;
            lastLost[i] = Math.max(-inventory[i], 0);
            lastDisposed[i] = 0;
            lastReward[i] = 0;
        }
        head = 0;
        period = 0;
        started = true;
    }

    /**
     * Plays one period in every copy: copy {@code i} posts {@code prices[priceIndex[i]]} and orders
     * {@code orderQty[i]} units; its reward (currency) goes to {@code rewardOut[i]}.
     *
     * @throws IllegalArgumentException when a buffer is shorter than {@link #copies()} or an action
     *                                  is out of range (nothing is changed then)
     * @throws IllegalStateException    before {@link #reset(long)} or after period {@code T}
     */
    public void step(int[] priceIndex, int[] orderQty, float[] rewardOut) {
        checkStep(priceIndex, orderQty, rewardOut == null ? -1 : rewardOut.length);
        if (model != null) {
            stepModel(priceIndex, orderQty, rewardOut, null);
            return;
        }
        kernel.draw(demand, prices, priceIndex, competitorPrice, reference, seed, gamma, drawn, copies);
        for (int i = kernel.settle(this, priceIndex, orderQty, rewardOut, null); i < copies; i++) {
            rewardOut[i] = (float) stepCopy(i, priceIndex[i], orderQty[i]);
        }
        advance();
    }

    /** As {@link #step(int[], int[], float[])} with rewards in double precision. */
    public void step(int[] priceIndex, int[] orderQty, double[] rewardOut) {
        checkStep(priceIndex, orderQty, rewardOut == null ? -1 : rewardOut.length);
        if (model != null) {
            stepModel(priceIndex, orderQty, null, rewardOut);
            return;
        }
        kernel.draw(demand, prices, priceIndex, competitorPrice, reference, seed, gamma, drawn, copies);
        for (int i = kernel.settle(this, priceIndex, orderQty, null, rewardOut); i < copies; i++) {
            rewardOut[i] = stepCopy(i, priceIndex[i], orderQty[i]);
        }
        advance();
    }

    /**
     * A period with a demand model (kept apart so that the logit path's code stays as it was): every
     * copy's demand from the model's mean on its own stream, the accounting of {@link #stepCopy},
     * then the model records the period and sets the competitor's next price. Rewards go to
     * whichever of {@code floats}, {@code doubles} is not null.
     */
    private void stepModel(int[] priceIndex, int[] orderQty, float[] floats, double[] doubles) {
        for (int i = 0; i < copies; i++) {
            drawn[i] = PoissonSampler.sample(seed, gamma, i, modelRate(i, prices[priceIndex[i]]));
        }
        for (int i = 0; i < copies; i++) {
            double r = stepCopy(i, priceIndex[i], orderQty[i]);
            if (floats != null) {
                floats[i] = (float) r;
            } else {
                doubles[i] = r;
            }
        }
        for (int i = 0; i < copies; i++) {
            competitorPrice[i] = model.advance(i, prices[priceIndex[i]], lastDemand[i]);
        }
        advance();
    }

    private double modelRate(int i, double price) {
        double lambda = model.rate(i, price);
        if (!(lambda >= 0 && lambda <= PricingScenario.MAX_MEAN)) {
            throw new IllegalStateException("the demand model gave copy " + i + " a Poisson mean of " + lambda
                    + " at price " + price + "; it must be in [0, " + PricingScenario.MAX_MEAN + "]");
        }
        return lambda;
    }

    /**
     * The Poisson mean of copy {@code i}'s coming period if it charged {@code price}: the logit rate
     * of docs/model.md §1.2 at the copy's competitor and reference price, or the data-driven model's
     * (§5.4). Changes no state.
     */
    public double rate(int i, double price) {
        checkCopy(i);
        return model == null ? demand.rate(price, competitorPrice[i], reference[i]) : modelRate(i, price);
    }

    /** Throws unless a period can be played now. */
    void checkSteppable() {
        if (!started) {
            throw new IllegalStateException("call reset(seed) before step");
        }
        if (period >= scenario.horizon()) {
            throw new IllegalStateException("the episode ended after T = " + scenario.horizon()
                    + " periods; call reset(seed)");
        }
    }

    private void checkStep(int[] priceIndex, int[] orderQty, int rewardLength) {
        checkSteppable();
        requireLength("priceIndex", priceIndex == null ? -1 : priceIndex.length);
        requireLength("orderQty", orderQty == null ? -1 : orderQty.length);
        requireLength("rewardOut", rewardLength);
        int bad = 0;
        for (int i = 0; i < copies; i++) {
            // Branch-free accumulation: the common all-valid case costs no mispredictions.
            bad |= (priceIndex[i] | (priceCount - 1 - priceIndex[i]) | orderQty[i] | (maxOrder - orderQty[i]));
        }
        if (bad < 0) {
            for (int i = 0; i < copies; i++) {
                if (priceIndex[i] < 0 || priceIndex[i] >= priceCount) {
                    throw new IllegalArgumentException("priceIndex[" + i + "] must be in [0, " + (priceCount - 1)
                            + "], got " + priceIndex[i]);
                }
                if (orderQty[i] < 0 || orderQty[i] > maxOrder) {
                    throw new IllegalArgumentException("orderQty[" + i + "] must be in [0, " + maxOrder + "], got "
                            + orderQty[i]);
                }
            }
        }
    }

    private void requireLength(String name, int length) {
        if (length < copies) {
            throw new IllegalArgumentException(name + " must have length >= copies = " + copies + ", got "
                    + (length < 0 ? "null" : Integer.toString(length)));
        }
    }

    private void advance() {
        if (lead > 0) {
            head = head + 1 == lead ? 0 : head + 1;
        }
        period++;
    }

    /**
     * One period of copy {@code i} after its demand was drawn (all copies' step 3 runs first, in
     * the kernel); returns its reward. The order of events is the class's list.
     */
    private double stepCopy(int i, int pi, int q) {
        double p = prices[pi];
        int arrived;
        if (lead == 0) {
            arrived = q;
        } else {
            int slot = head * copies + i;
            arrived = pipeline[slot];
            pipeline[slot] = q;
        }
        int stock = dynamics.stockAfterArrival(inventory[i], arrived);
        int disposed = inventory[i] + arrived - stock;
        double o = competitorPrice[i];
        int d = (int) drawn[i];
        double reward = dynamics.reward(p, q, stock, d);
        inventory[i] = dynamics.endInventory(stock, d);
        lastLost[i] = dynamics.shortage(stock, d);
        reference[i] = dynamics.nextReference(reference[i], p, o);
        competitorPrice[i] = switch (competitor) {
            case UNDERCUT -> dynamics.undercut(p);
            case UNIFORM -> prices[RawStreams.nextInt(seed, gamma, i, priceCount)];
            case FIXED -> fixedCompetitorPrice;
        };
        lastPrice[i] = p;
        lastDemand[i] = d;
        lastDisposed[i] = disposed;
        lastReward[i] = reward;
        return reward;
    }

    /** Writes every copy's observation, copy {@code i} at {@code out[off + i*dim ..]} with {@code dim = }{@link #observationSize()}. */
    public void observe(float[] out, int off) {
        int dim = observationSize();
        if (out == null || off < 0 || (long) off + (long) dim * copies > out.length) {
            throw new IllegalArgumentException("out must hold copies * observationSize = " + (long) dim * copies
                    + " floats from offset " + off);
        }
        for (int i = 0; i < copies; i++) {
            observeCopy(i, out, off + i * dim);
        }
    }

    /** Writes copy {@code i}'s observation to {@code out[off .. off + observationSize())}. */
    public void observe(int i, float[] out, int off) {
        checkCopy(i);
        if (out == null || off < 0 || off + observationSize() > out.length) {
            throw new IllegalArgumentException("out must hold observationSize = " + observationSize()
                    + " floats from offset " + off);
        }
        observeCopy(i, out, off);
    }

    private void observeCopy(int i, float[] out, int o) {
        out[o + PricingObservation.INVENTORY] = inventory[i];
        out[o + PricingObservation.LOST] = lastLost[i];
        out[o + PricingObservation.DEMAND] = lastDemand[i];
        out[o + PricingObservation.PRICE] = (float) lastPrice[i];
        out[o + PricingObservation.COMPETITOR_PRICE] = (float) competitorPrice[i];
        out[o + PricingObservation.REFERENCE_PRICE] = (float) reference[i];
        for (int k = 0; k < lead; k++) {
            out[o + PricingObservation.PIPELINE + k] = pipeline[pipelineIndex(i, k)];
        }
    }

    private int slot(int k) {
        int s = head + k;
        return s >= lead ? s - lead : s;
    }

    /** Where copy {@code i}'s {@code k}-th oldest outstanding order sits in the slot-major ring. */
    private int pipelineIndex(int i, int k) {
        return slot(k) * copies + i;
    }

    /** Floats per copy in the observation: {@code 6 + L}. */
    public int observationSize() {
        return PricingObservation.PIPELINE + lead;
    }

    /** The raw state of copy {@code i} at the start of the coming period. */
    public PricingState state(int i) {
        checkCopy(i);
        int[] pipe = new int[lead];
        for (int k = 0; k < lead; k++) {
            pipe[k] = pipeline[pipelineIndex(i, k)];
        }
        return new PricingState(period, inventory[i], pipe, lastPrice[i], competitorPrice[i], reference[i],
                lastDemand[i], lastLost[i]);
    }

    private void checkCopy(int i) {
        if (i < 0 || i >= copies) {
            throw new IllegalArgumentException("copy index must be in [0, " + (copies - 1) + "], got " + i);
        }
        if (!started) {
            throw new IllegalStateException("call reset(seed) first");
        }
    }

    /** (Net) inventory of copy {@code i}, units. */
    public int inventory(int i) {
        return inventory[i];
    }

    /** The {@code k}-th oldest outstanding order of copy {@code i} (arrives at the start of period {@code t+k}). */
    public int pipeline(int i, int k) {
        if (k < 0 || k >= lead) {
            throw new IllegalArgumentException("pipeline index k must be in [0, " + (lead - 1) + "], got " + k);
        }
        return pipeline[pipelineIndex(i, k)];
    }

    /** Competitor's price for the coming period of copy {@code i}. */
    public double competitorPrice(int i) {
        return competitorPrice[i];
    }

    /** Reference price the coming period of copy {@code i} uses. */
    public double referencePrice(int i) {
        return reference[i];
    }

    /** The firm's last price in copy {@code i}. */
    public double lastPrice(int i) {
        return lastPrice[i];
    }

    /** Last period's demand of copy {@code i}. */
    public int lastDemand(int i) {
        return lastDemand[i];
    }

    /** Last period's lost units (lost sales) or current backlog {@code [N]^-} of copy {@code i}. */
    public int lastLost(int i) {
        return lastLost[i];
    }

    /** Units disposed of by the cap in copy {@code i}'s last period. */
    public int lastDisposed(int i) {
        return lastDisposed[i];
    }

    /** Last period's reward of copy {@code i}, in double precision. */
    public double lastReward(int i) {
        return lastReward[i];
    }

    /** Periods completed since the last reset. */
    public int period() {
        return period;
    }

    /** True when all {@code T} periods have been played. */
    public boolean done() {
        return period >= scenario.horizon();
    }

    /** Number of copies {@code N}. */
    public int copies() {
        return copies;
    }

    /** The scenario simulated. */
    public PricingScenario scenario() {
        return scenario;
    }

    /**
     * The scenario's logit demand of docs/model.md §1.2; unused when the scenario is data-driven
     * (§5.4), where {@link #rate(int, double)} gives the mean.
     */
    public Demand demand() {
        return demand;
    }
}
