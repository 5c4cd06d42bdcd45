package org.retailrl.algorithms.heuristics;

import org.retailrl.core.random.PoissonMoments;
import org.retailrl.core.simd.Kernels;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * One-step lookahead pricing in the full observed state (docs/model.md §8.10, strong and oracle
 * variants): for stock {@code x} on sale, competitor's price {@code o}, reference price {@code r}
 * and a value {@code v} per unit carried into the next period, the expected one-period profit of
 * grid price {@code p_j} under a {@link MarketDemand} {@code λ}, {@code D ~ Poisson(λ(p_j, o, r))}:
 * <ul>
 *   <li>lost sales: {@code π = p E[min(D, x)] + (v − h) E[(x − D)^+] − b E[(D − x)^+]};</li>
 *   <li>backlog: {@code π = p E[D] + (v − h) E[(x − D)^+] − (b + v) E[(D − x)^+]} (a unit short is
 *       sold now and bought later at the carried value).</li>
 * </ul>
 * With {@code v = c} this is the faithful Myopic's objective ({@link MyopicPriceTable}); near the
 * end of the horizon, when carried stock will not be replaced, the caller passes less. The
 * expectations are exact: {@code E[min(D, x)] = Σ_{k<x} P(D > k)} summed until the tail is below
 * 1e-15 ({@link PoissonMoments#expectedMin}), and the other two follow from it and {@code E[D] = λ}.
 *
 * <p>Immutable after construction and allocation-free after each thread's first call (per-thread
 * scratch and memo), so one instance serves every batch copy on any thread. {@link #best} keeps a
 * per-thread memo of its answers: the heuristics' optimiser scores every candidate parameter set
 * on the same simulated episodes (common random numbers), so the same states recur — 72% of the
 * calls of a fit on scenario (b) repeat an earlier call exactly, and a direct-mapped memo of
 * 65,536 entries (2.6 MB per thread that calls {@code best}) answers 58% of them,
 * each for a comparison of its arguments' bits instead of the expected sales of every candidate
 * price.
 */
public final class OneStepPrice {
    private final double[] prices;
    private final double holding;
    private final double shortage;
    private final boolean backlog;
    private final MarketDemand demand;
    // Per-thread means and expected sales of best's candidate prices: one instance serves every
    // copy, and batch policies may run on several threads.
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[2][0]);
    /** Entries of each thread's memo of {@link #best} (a power of two). */
    static final int MEMO_SIZE = 1 << 16;
    private final ThreadLocal<Memo> memo = ThreadLocal.withInitial(Memo::new);

    /**
     * A direct-mapped table of {@link #best}'s answers keyed by the exact bits of all its
     * arguments (an answer depends on nothing else: the grid, costs and demand are fixed), so a
     * hit returns what the computation would; a new key overwrites its slot.
     */
    private static final class Memo {
        final int[] stock = new int[MEMO_SIZE];
        final long[] competitor = new long[MEMO_SIZE];
        final long[] reference = new long[MEMO_SIZE];
        final long[] carried = new long[MEMO_SIZE];
        final long[] range = new long[MEMO_SIZE];
        final int[] answer = new int[MEMO_SIZE];

        Memo() {
            // −1 marks an empty slot: no answer is negative.
            java.util.Arrays.fill(answer, -1);
        }
    }

    /**
     * One-step pricing on {@code scenario}'s grid and costs under {@code demand}, which must be a
     * pure function of its arguments (answers are memoised).
     */
    public OneStepPrice(PricingScenario scenario, MarketDemand demand) {
        if (demand == null) {
            throw new IllegalArgumentException("demand must not be null");
        }
        this.prices = scenario.prices();
        this.holding = scenario.holdingCost();
        this.shortage = scenario.shortageCost();
        this.backlog = scenario.mode() == ShortageMode.BACKLOG;
        this.demand = demand;
    }

    /** Number of grid prices. */
    public int priceCount() {
        return prices.length;
    }

    /** The demand law used. */
    public MarketDemand demand() {
        return demand;
    }

    /** Expected one-period profit of grid price {@code j} with {@code x} units on sale, currency. */
    public double expectedProfit(int j, int x, double o, double r, double carried) {
        double lambda = demand.mean(prices[j], o, r);
        return profit(prices[j], lambda, PoissonMoments.expectedMin(lambda, x), x, carried);
    }

    private double profit(double p, double lambda, double sold, int x, double carried) {
        double short_ = lambda - sold;
        double left = x - sold;
        if (backlog) {
            return p * lambda + (carried - holding) * left - (shortage + carried) * short_;
        }
        return p * sold + (carried - holding) * left - shortage * short_;
    }

    /**
     * The grid index in {@code lo..hi} maximising {@link #expectedProfit}; ties to the lowest index.
     * The expected sales of all candidate prices come from one batched kernel call
     * ({@link Kernels#poissonExpectedMin}, the same bits as one {@code expectedProfit} per price).
     */
    public int best(int x, double o, double r, double carried, int lo, int hi) {
        long ob = Double.doubleToRawLongBits(o);
        long rb = Double.doubleToRawLongBits(r);
        long cb = Double.doubleToRawLongBits(carried);
        long range = (long) lo << 32 | (hi & 0xffff_ffffL);
        int slot = memoSlot(x, ob, rb, cb, range);
        Memo m = memo.get();
        if (m.answer[slot] >= 0 && m.stock[slot] == x && m.competitor[slot] == ob && m.reference[slot] == rb
                && m.carried[slot] == cb && m.range[slot] == range) {
            return m.answer[slot];
        }
        int j = bestUncached(x, o, r, carried, lo, hi);
        m.stock[slot] = x;
        m.competitor[slot] = ob;
        m.reference[slot] = rb;
        m.carried[slot] = cb;
        m.range[slot] = range;
        m.answer[slot] = j;
        return j;
    }

    /** The memo slot of {@link #best}'s arguments (the doubles as raw bits, the range packed). */
    static int memoSlot(int x, long ob, long rb, long cb, long range) {
        long h = (x * 0x9E37_79B9_7F4A_7C15L ^ ob) * 0xBF58_476D_1CE4_E5B9L;
        h = (h ^ rb) * 0x94D0_49BB_1331_11EBL;
        h = (h ^ cb) * 0xBF58_476D_1CE4_E5B9L;
        h = (h ^ range) * 0x94D0_49BB_1331_11EBL;
        return (int) (h >>> (64 - Integer.numberOfTrailingZeros(MEMO_SIZE)));
    }

    /** {@link #best} without the memo. */
    int bestUncached(int x, double o, double r, double carried, int lo, int hi) {
        int count = hi - lo + 1;
        if (count <= 0) {
            return lo;
        }
        double[][] scratch = SCRATCH.get();
        if (scratch[0].length < count) {
            scratch[0] = new double[count];
            scratch[1] = new double[count];
        }
        double[] lambda = scratch[0];
        double[] sold = scratch[1];
        for (int j = lo; j <= hi; j++) {
            lambda[j - lo] = demand.mean(prices[j], o, r);
        }
        Kernels.poissonExpectedMin(lambda, x, sold, count);
        int bj = lo;
        double best = Double.NEGATIVE_INFINITY;
        for (int j = lo; j <= hi; j++) {
            double v = profit(prices[j], lambda[j - lo], sold[j - lo], x, carried);
            if (v > best) {
                best = v;
                bj = j;
            }
        }
        return bj;
    }

    /**
     * The grid index in {@code lo..hi} maximising the stock-free margin {@code (p_j − v) λ(p_j, o, r)}
     * (every unit demanded is served and costs {@code v}); ties to the lowest index.
     */
    public int riskless(double o, double r, double carried, int lo, int hi) {
        int bj = lo;
        double best = Double.NEGATIVE_INFINITY;
        for (int j = lo; j <= hi; j++) {
            double v = (prices[j] - carried) * demand.mean(prices[j], o, r);
            if (v > best) {
                best = v;
                bj = j;
            }
        }
        return bj;
    }
}
