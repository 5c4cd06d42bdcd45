package org.retailrl.algorithms.lmm;

import org.retailrl.core.random.Rng;
import org.retailrl.envs.pricing.CompetitorKind;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.pricing.PricingObservation;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.ShortageMode;
import org.retailrl.envs.production.ProductionBatch;
import org.retailrl.envs.production.ProductionScenario;

/**
 * The family of tasks the large management model is trained and tested on (docs/model.md §6.4):
 * pricing and replenishment ({@link #task}: the scenario of docs/model.md §1, price grid 10..50
 * step 2, orders 0..20, with drawn unit, holding, shortage and fixed ordering costs, lead time,
 * unmet-demand rule, competitor rule and market size) and production with a choice of method and
 * a recommendation level ({@link #productionTask}: the single-product environment of
 * docs/model.md §6.1 on the same price grid and quantities, a cheap slow and a dear fast method,
 * three recommendation levels, with drawn costs, lead time and market size), and inventory with
 * recommendation ({@link #recommendationTask}: one product of a small docs/model.md §3 scenario,
 * {@link RecommendationSlice}, ordering and choosing an exposure level). {@link Split#SEEN}
 * draws from the training ranges; {@link Split#HELD_OUT} draws costs, market sizes and lead times
 * outside them (dearer goods, bigger markets, lead time 4), so a model meets values it never saw.
 *
 * <p>One token layout covers every kind (a recommendation task's entries: {@link RecommendationSlice#encode}). The state ({@link #encode}) is one fixed-length vector:
 * the learners' normalised observation of docs/model.md §1.7 with the pipeline padded with zeros
 * to {@link #MAX_LEAD} orders, the elapsed fraction of the horizon, the pricing task's cost and
 * market parameters, and the production task's method costs, slow lead time and recommendation
 * cost; entries a task does not have are 0. The action has four components — price index, order
 * size, production method, recommendation level; a pricing task has one method and one level (the
 * action mask of its last two components), so those components are padding. The task is
 * identified only through these observations and its action mask.
 */
public final class TaskFamily {
    /** Longest lead time of any task; shorter pipelines are padded. */
    public static final int MAX_LEAD = 4;
    /** Periods per episode. */
    public static final int HORIZON = 50;
    /** Entries of the encoded state. */
    public static final int STATE_SIZE = 6 + MAX_LEAD + 1 + 8 + 4;
    /** Price-grid points (the action's first component). */
    public static final int PRICES = 21;
    /** Order sizes 0..20 (the action's second component). */
    public static final int ORDERS = 21;
    /** Production methods (the action's third component); a pricing task has one. */
    public static final int METHODS = 2;
    /** Recommendation levels (the action's fourth component); a pricing task has one. */
    public static final int LEVELS = 3;

    /** Which ranges a task is drawn from. */
    public enum Split {
        /** The training ranges. */
        SEEN,
        /** Outside the training ranges. */
        HELD_OUT
    }

    private TaskFamily() {
    }

    /** Task {@code index}'s own stream: the seed salted per split, so SEEN and HELD_OUT never share draws. */
    private static Rng stream(long seed, Split split, int index, long seenSalt, long heldOutSalt) {
        if (index < 0) {
            throw new IllegalArgumentException("task index must be >= 0, got " + index);
        }
        return Rng.stream(seed ^ (split == Split.SEEN ? seenSalt : heldOutSalt), index);
    }

    /**
     * Task {@code index} of {@code split} under {@code seed}: a function of the three only (its own
     * stream {@code Rng.stream(seed ^ split salt, index)}).
     */
    public static PricingScenario task(long seed, Split split, int index) {
        Rng r = stream(seed, split, index, 0x5EE4L, 0x4E1DL);
        boolean out = split == Split.HELD_OUT;
        double c = out ? r.uniform(13, 15) : r.uniform(7, 13);
        double h = r.uniform(0.5, 1.5);
        double b = r.uniform(2, 8);
        double k = r.nextInt(2) == 0 ? 0 : 20;
        int lead = out ? 1 + r.nextInt(MAX_LEAD) : 1 + r.nextInt(3);
        ShortageMode mode = r.nextInt(2) == 0 ? ShortageMode.LOST_SALES : ShortageMode.BACKLOG;
        CompetitorKind comp = r.nextInt(2) == 0 ? CompetitorKind.UNDERCUT : CompetitorKind.UNIFORM;
        double eta = out ? r.uniform(1000, 1200) : r.uniform(600, 1000);
        return PricingScenario.defaults().toBuilder().unitCost(round2(c)).holdingCost(round2(h)).shortageCost(round2(b))
                .fixedCost(k).leadTime(lead).initialPipeline(new int[lead]).mode(mode).competitor(comp)
                .marketSize(Math.round(eta)).horizon(HORIZON).build();
    }

    /**
     * Production task {@code index} of {@code split} under {@code seed} (its own stream, as
     * {@link #task}): {@link ProductionScenario#single} with the slow method's unit cost
     * {@code c_s ~ U[5, 9]} (held out: {@code U[9, 11]}), the fast one's {@code c_s + U[2, 5]}, slow
     * lead time 1..3 (held out: 4), holding {@code U[0.5, 1.5]}, lost-sale penalty {@code U[2, 8]},
     * recommendation cost per level {@code U[0.5, 3]} and market size {@code U[150, 250]} (held
     * out: {@code U[250, 300]}), costs rounded to cents.
     */
    public static ProductionScenario productionTask(long seed, Split split, int index) {
        Rng r = stream(seed, split, index, 0x960DL, 0x960EL);
        boolean out = split == Split.HELD_OUT;
        double slow = out ? r.uniform(9, 11) : r.uniform(5, 9);
        double fast = slow + r.uniform(2, 5);
        int lead = out ? MAX_LEAD : 1 + r.nextInt(3);
        double h = r.uniform(0.5, 1.5);
        double b = r.uniform(2, 8);
        double level = r.uniform(0.5, 3);
        double eta = out ? r.uniform(250, 300) : r.uniform(150, 250);
        return ProductionScenario.single(round2(slow), lead, round2(fast), round2(h), round2(b), round2(level), Math.round(eta));
    }

    /**
     * Inventory-and-recommendation task {@code index} of {@code split} under {@code seed} (its own
     * stream, as {@link #task}): a {@link RecommendationSlice#scenario} with selling price
     * {@code p_out ~ U[10, 30]} (held out: {@code U[30, 40]}), purchase cost {@code p_out·U[0.4, 0.7]},
     * holding {@code U[0.2, 1]}, shortage {@code p_out·U[0.1, 0.4]}, lead time 0..2 (held out: 3),
     * {@value RecommendationSlice#SEGMENTS} segments whose purchase counts split a total
     * {@code U{8..16}} (held out: {@code U{18..22}}) in the shares 1/2, 3/10, 1/5, initial ratings of
     * both products {@code U[0, 3)}, lost sales or backlog; costs rounded to cents.
     */
    public static org.retailrl.envs.recommendation.RecommendationScenario recommendationTask(long seed, Split split,
                                                                                           int index) {
        Rng r = stream(seed, split, index, 0x7EC5L, 0x7EC6L);
        boolean out = split == Split.HELD_OUT;
        double pOut = out ? r.uniform(30, 40) : r.uniform(10, 30);
        double pIn = pOut * r.uniform(0.4, 0.7);
        double h = r.uniform(0.2, 1);
        double b = pOut * r.uniform(0.1, 0.4);
        int lead = out ? 3 : r.nextInt(3);
        int total = out ? 18 + r.nextInt(5) : 8 + r.nextInt(9);
        int c0 = (int) Math.round(total * 0.5);
        int c1 = (int) Math.round(total * 0.3);
        int[] counts = {c0, c1, total - c0 - c1};
        int m = RecommendationSlice.SEGMENTS;
        double[] r0 = new double[m];
        double[] r1 = new double[m];
        for (int j = 0; j < m; j++) {
            r0[j] = r.uniform(0, 3);
            r1[j] = r.uniform(0, 3);
        }
        ShortageMode mode = r.nextInt(2) == 0 ? ShortageMode.LOST_SALES : ShortageMode.BACKLOG;
        return RecommendationSlice.scenario(round2(pOut), round2(pIn), round2(h), round2(b), lead, r0, r1, counts, mode);
    }

    /** Number of small variants {@link #dpVariant} defines. */
    public static final int DP_VARIANTS = 4;

    /**
     * Small variant {@code index} (0..{@link #DP_VARIANTS}−1) of the pricing task: the docs/model.md
     * §1 defaults as a small instance of docs/model.md §1.9 over the family's horizon — lead time
     * 1, lost sales, stock capped at 40, reference price fixed at 30, a competitor fixed at 30
     * (variants 0, 1) or 26 (variants 2, 3), fixed order cost 0 (even) or 20 (odd) — the tasks on
     * which the exact DP optimum exists. A model has seen neither a fixed competitor nor capped
     * stock in training.
     */
    public static PricingScenario dpVariant(int index) {
        if (index < 0 || index >= DP_VARIANTS) {
            throw new IllegalArgumentException("DP variant index must be in [0, " + (DP_VARIANTS - 1) + "], got " + index);
        }
        return org.retailrl.algorithms.dp.DpInstance.smallScenario(1, HORIZON, index % 2 == 0 ? 0 : 20, 40, 0,
                index < 2 ? 30 : 26, 30);
    }

    /** Checks that {@code s} fits the layout: one product, the family's grids, at most two methods and three levels. */
    public static void requireCompatible(ProductionScenario s) {
        if (s.products() != 1 || s.prices().length != PRICES || s.maxOrder() + 1 != ORDERS || s.methods() > METHODS
                || s.levels() > LEVELS || s.maxLead() > MAX_LEAD || s.horizon() != HORIZON) {
            throw new IllegalArgumentException("production scenario must have 1 product, " + PRICES + " prices, orders 0.."
                    + (ORDERS - 1) + ", at most " + METHODS + " methods, " + LEVELS + " levels, lead times <= " + MAX_LEAD
                    + " and " + HORIZON + " periods, got " + s);
        }
    }

    /**
     * Writes the state of copy {@code i} of the production {@code batch} to
     * {@code out[off .. off + STATE_SIZE)} in the family's layout (the pricing-only entries 0);
     * {@code raw} is scratch of at least {@code batch.observationSize()} floats. Allocation-free.
     */
    public static void encode(ProductionBatch batch, int i, float[] raw, float[] out, int off) {
        ProductionScenario s = batch.scenario();
        float unit = 1f / s.maxOrder();
        double pmax = s.price(s.prices().length - 1);
        java.util.Arrays.fill(out, off, off + STATE_SIZE, 0f);
        out[off + PricingObservation.INVENTORY] = squash(batch.stock(i, 0) * unit);
        out[off + PricingObservation.LOST] = squash((batch.lastDemand(i, 0) - batch.lastSales(i, 0)) * unit);
        out[off + PricingObservation.DEMAND] = squash(batch.lastDemand(i, 0) * unit);
        out[off + PricingObservation.PRICE] = batch.period() == 0 ? 0f : (float) (s.price(batch.lastPrice(i, 0)) / pmax);
        int pipe = PricingObservation.PIPELINE;
        for (int k = 0; k < s.maxLead(); k++) {
            out[off + pipe + k] = squash(batch.pipeline(i, 0, k) * unit);
        }
        int o = off + pipe + MAX_LEAD;
        out[o] = (float) batch.period() / s.horizon();
        out[o + 2] = (float) s.holdingCost() / 2f;
        out[o + 3] = (float) s.shortageCost() / 10f;
        out[o + 8] = (float) (s.marketSize() / 1000.0);
        o += 9;
        out[o] = (float) (s.methodCost(0) / pmax);
        out[o + 1] = (float) (s.methods() > 1 ? s.methodCost(1) / pmax : 0);
        out[o + 2] = (float) s.methodLead(0) / MAX_LEAD;
        out[o + 3] = (float) s.levelCost() / 5f;
    }

    private static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }

    /** Checks that {@code s} fits the layout: the family's price grid and order range, lead time <= {@link #MAX_LEAD}. */
    public static void requireCompatible(PricingScenario s) {
        if (s.priceCount() != PRICES || s.maxOrder() + 1 != ORDERS) {
            throw new IllegalArgumentException("scenario must have " + PRICES + " prices and orders 0.." + (ORDERS - 1)
                    + ", got " + s.priceCount() + " prices and maxOrder " + s.maxOrder());
        }
        if (s.leadTime() < 1 || s.leadTime() > MAX_LEAD) {
            throw new IllegalArgumentException("scenario lead time must be in [1, " + MAX_LEAD + "], got " + s.leadTime());
        }
    }

    /**
     * Writes the state of copy {@code i} of {@code batch} (before the coming period's decision) to
     * {@code out[off .. off + STATE_SIZE)}; {@code raw} is scratch of at least
     * {@code batch.observationSize()} floats. Allocation-free.
     */
    public static void encode(PricingBatch batch, int i, float[] raw, float[] out, int off) {
        PricingScenario s = batch.scenario();
        int lead = s.leadTime();
        batch.observe(i, raw, 0);
        float unit = 1f / s.maxOrder();
        float price = (float) (1.0 / s.maxPrice());
        int pipe = PricingObservation.PIPELINE;
        for (int k = 0; k < pipe; k++) {
            boolean isPrice = k == PricingObservation.PRICE || k == PricingObservation.COMPETITOR_PRICE
                    || k == PricingObservation.REFERENCE_PRICE;
            out[off + k] = isPrice ? raw[k] * price : squash(raw[k] * unit);
        }
        for (int k = 0; k < MAX_LEAD; k++) {
            out[off + pipe + k] = k < lead ? squash(raw[pipe + k] * unit) : 0f;
        }
        int o = off + pipe + MAX_LEAD;
        out[o++] = (float) batch.period() / s.horizon();
        out[o++] = (float) (s.unitCost() / s.maxPrice());
        out[o++] = (float) s.holdingCost() / 2f;
        out[o++] = (float) s.shortageCost() / 10f;
        out[o++] = (float) s.fixedCost() / 20f;
        out[o++] = (float) lead / MAX_LEAD;
        out[o++] = s.mode() == ShortageMode.BACKLOG ? 1f : 0f;
        out[o++] = s.competitor() == CompetitorKind.UNIFORM ? 1f : 0f;
        out[o++] = (float) (s.marketSize() / 1000.0);
        java.util.Arrays.fill(out, o, off + STATE_SIZE, 0f);
    }

    private static float squash(float u) {
        return org.retailrl.algorithms.pricing.PricingBatchEnv.squash(u);
    }
}
