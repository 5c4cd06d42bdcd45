package org.retailrl.algorithms.dp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.retailrl.envs.pricing.CompetitorKind;
import org.retailrl.envs.pricing.Demand;
import org.retailrl.envs.pricing.PricingDynamics;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * A small instance of docs/model.md §1 with a reacting competitor, for exact dynamic programming
 * (docs/model.md §1.9): lost sales, lead time {@code L ∈ {0, 1}}, stock capped on arrival, and the
 * competitor of the scenario — undercutting ({@code o_{t+1} = p_t − δ}, {@code p_max} below
 * {@code p_min}) or fixed. The state is {@code (x, k, m)}: the stock of {@link DpInstance}'s state,
 * the competitor's price {@code o_k} of this period (the finite set {@code {o_1} ∪ {undercut(p_j)}}),
 * and the reference price {@code r_m} of a grid.
 *
 * <p>With {@code w = 1} the reference price stays at {@code r_0}, the grid is that single point and
 * the model is the simulator's exactly. With {@code w < 1} the reference price moves to
 * {@code r' = w(w r + (1 − w) p) + (1 − w) o}, which leaves any grid; the instance then puts it on the
 * grid {@code r_0 + i·step} covering {@code [min(p_min, r_0), max(p_max, r_0)]} (where every
 * reference price stays, being a running average of grid and competitor prices) and splits the
 * transition between the two neighbouring points with linear-interpolation weights. That is a
 * different, discretised model; its optimum approximates the simulator's, with an error that
 * {@code retail dp} measures (docs/model.md §1.9).
 *
 * <p>Demand means are {@link Demand#rate} at {@code (p_j, o_k, r_m)}, the simulator's own rate.
 * Units as in {@link DpInstance}.
 */
public final class CompetitiveInstance {
    /** Largest number of states {@code (cap + 1)·|competitor prices|·|reference grid|}. */
    public static final int MAX_STATES = 2_000_000;
    private final double[] prices;
    private final int maxOrder;
    private final double unitCost;
    private final double holding;
    private final double penalty;
    private final double fixedCost;
    private final int leadTime;
    private final int cap;
    private final int startInventory;
    private final double[] competitor;
    private final int[] nextCompetitor;
    private final int startCompetitor;
    private final double[] reference;
    private final int startReference;
    // Indexed [(k * M + m) * J + j].
    private final double[] means;
    private final int[] refLow;
    private final double[] refWeight;

    private CompetitiveInstance(PricingScenario s, double[] competitor, int[] nextCompetitor, int startCompetitor,
            double[] reference, int startReference) {
        this.prices = s.prices();
        this.maxOrder = s.maxOrder();
        this.unitCost = s.unitCost();
        this.holding = s.holdingCost();
        this.penalty = s.shortageCost();
        this.fixedCost = s.fixedCost();
        this.leadTime = s.leadTime();
        this.cap = s.inventoryCap();
        this.startInventory = s.leadTime() == 1 ? Math.min(s.initialInventory() + s.initialPipeline()[0], cap)
                : s.initialInventory();
        this.competitor = competitor;
        this.nextCompetitor = nextCompetitor;
        this.startCompetitor = startCompetitor;
        this.reference = reference;
        this.startReference = startReference;
        int nj = prices.length;
        int nk = competitor.length;
        int nm = reference.length;
        Demand demand = new Demand(s);
        PricingDynamics dyn = new PricingDynamics(s);
        means = new double[nk * nm * nj];
        refLow = new int[nk * nm * nj];
        refWeight = new double[nk * nm * nj];
        for (int k = 0; k < nk; k++) {
            for (int m = 0; m < nm; m++) {
                for (int j = 0; j < nj; j++) {
                    int i = (k * nm + m) * nj + j;
                    means[i] = demand.rate(prices[j], competitor[k], reference[m]);
                    if (nm == 1) {
                        continue;
                    }
                    double next = dyn.nextReference(reference[m], prices[j], competitor[k]);
                    double pos = (next - reference[0]) / (reference[1] - reference[0]);
                    int lo = (int) Math.max(0, Math.min(nm - 2, Math.floor(pos)));
                    refLow[i] = lo;
                    refWeight[i] = Math.max(0, Math.min(1, pos - lo));
                }
            }
        }
    }

    /**
     * Why {@code s} is not a small competitive instance, or {@code null}: lost sales, {@code L ≤ 1},
     * an undercutting or fixed competitor, a stock cap in {@code [1, 10000]}, and a reference grid
     * step {@code > 0} when the reference price moves ({@code w < 1}).
     */
    public static String whyNotSmall(PricingScenario s, double referenceStep) {
        if (s.mode() != ShortageMode.LOST_SALES) {
            return "mode must be LOST_SALES for exact DP, got " + s.mode();
        }
        if (s.leadTime() > 1) {
            return "leadTime must be 0 or 1 for exact DP, got " + s.leadTime();
        }
        if (s.competitor() == CompetitorKind.UNIFORM) {
            return "competitor must be UNDERCUT or FIXED for the competitive DP, got " + s.competitor();
        }
        if (!s.capped() || s.inventoryCap() < 1 || s.inventoryCap() > 10000) {
            return "inventoryCap must be in [1, 10000] for exact DP, got "
                    + (s.capped() ? Integer.toString(s.inventoryCap()) : "none");
        }
        if (s.referenceWeight() != 1 && !(referenceStep > 0 && referenceStep <= s.maxPrice() - s.minPrice())) {
            return "referenceStep must be in (0, " + (s.maxPrice() - s.minPrice())
                    + "] when the reference price moves (referenceWeight " + s.referenceWeight() + " < 1), got "
                    + referenceStep;
        }
        return null;
    }

    /**
     * The competitive instance of {@code s}; {@code referenceStep} is the reference grid's spacing
     * (currency) and is ignored when {@code w = 1}.
     *
     * @throws IllegalArgumentException naming the field when {@link #whyNotSmall} objects or the
     *                                  state space exceeds {@link #MAX_STATES}
     */
    public static CompetitiveInstance of(PricingScenario s, double referenceStep) {
        String why = whyNotSmall(s, referenceStep);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        List<Double> states = new ArrayList<>();
        double first = s.competitor() == CompetitorKind.FIXED ? s.fixedCompetitorPrice() : s.initialCompetitorPrice();
        states.add(first);
        int[] next = new int[s.priceCount()];
        PricingDynamics dyn = new PricingDynamics(s);
        for (int j = 0; j < next.length; j++) {
            double o = s.competitor() == CompetitorKind.FIXED ? first : dyn.undercut(s.price(j));
            int k = states.indexOf(o);
            if (k < 0) {
                states.add(o);
                k = states.size() - 1;
            }
            next[j] = k;
        }
        double[] comp = new double[states.size()];
        for (int k = 0; k < comp.length; k++) {
            comp[k] = states.get(k);
        }
        double r0 = s.initialReference();
        double[] ref;
        int start = 0;
        if (s.referenceWeight() == 1) {
            ref = new double[] {r0};
        } else {
            double lo = Math.min(s.minPrice(), r0);
            double hi = Math.max(s.maxPrice(), r0);
            int below = (int) Math.ceil((r0 - lo) / referenceStep - 1e-9);
            int above = (int) Math.ceil((hi - r0) / referenceStep - 1e-9);
            long n = (long) below + above + 1;
            long total = n * comp.length * (s.inventoryCap() + 1L);
            if (total > MAX_STATES) {
                throw new IllegalArgumentException("referenceStep " + referenceStep + " gives " + total
                        + " states; must give at most " + MAX_STATES + " (a coarser step or a smaller cap)");
            }
            ref = new double[(int) n];
            for (int i = 0; i < n; i++) {
                ref[i] = r0 + (i - below) * referenceStep;
            }
            start = below;
        }
        long total = (long) ref.length * comp.length * (s.inventoryCap() + 1L);
        if (total > MAX_STATES) {
            throw new IllegalArgumentException("inventoryCap " + s.inventoryCap() + " gives " + total
                    + " states; must give at most " + MAX_STATES);
        }
        return new CompetitiveInstance(s, comp, next, 0, ref, start);
    }

    int priceCount() {
        return prices.length;
    }

    /** Price at grid index {@code j}. */
    public double price(int j) {
        return prices[j];
    }

    int maxOrder() {
        return maxOrder;
    }

    double unitCost() {
        return unitCost;
    }

    double holding() {
        return holding;
    }

    double penalty() {
        return penalty;
    }

    double fixedCost() {
        return fixedCost;
    }

    /** Lead time, 0 or 1. */
    public int leadTime() {
        return leadTime;
    }

    /** Stock cap on arrival. */
    public int cap() {
        return cap;
    }

    /** Start stock state. */
    public int startInventory() {
        return startInventory;
    }

    /** Number of competitor prices in the state. */
    public int competitorCount() {
        return competitor.length;
    }

    /** Competitor price of state index {@code k}. */
    public double competitorPrice(int k) {
        return competitor[k];
    }

    int nextCompetitor(int j) {
        return nextCompetitor[j];
    }

    int startCompetitor() {
        return startCompetitor;
    }

    /** Number of reference grid points (1 when the reference price is fixed). */
    public int referenceCount() {
        return reference.length;
    }

    /** Reference price of grid index {@code m}. */
    public double referencePrice(int m) {
        return reference[m];
    }

    int startReference() {
        return startReference;
    }

    /** Total number of states per period. */
    public int states() {
        return (cap + 1) * competitor.length * reference.length;
    }

    double mean(int k, int m, int j) {
        return means[(k * reference.length + m) * prices.length + j];
    }

    int refLow(int k, int m, int j) {
        return refLow[(k * reference.length + m) * prices.length + j];
    }

    double refWeight(int k, int m, int j) {
        return refWeight[(k * reference.length + m) * prices.length + j];
    }

    /** The competitor state index of price {@code o}: the exact match, else the nearest. */
    int competitorIndex(double o) {
        int best = 0;
        for (int k = 1; k < competitor.length; k++) {
            if (Math.abs(competitor[k] - o) < Math.abs(competitor[best] - o)) {
                best = k;
            }
        }
        return best;
    }

    /** The nearest reference grid index of {@code r}. */
    int referenceIndex(double r) {
        if (reference.length == 1) {
            return 0;
        }
        long m = Math.round((r - reference[0]) / (reference[1] - reference[0]));
        return (int) Math.max(0, Math.min(reference.length - 1, m));
    }

    @Override
    public String toString() {
        return "CompetitiveInstance[L=" + leadTime + ", cap=" + cap + ", K=" + fixedCost + ", c=" + unitCost + ", h="
                + holding + ", b=" + penalty + ", Q=" + maxOrder + ", x0=" + startInventory + ", prices="
                + prices.length + ", competitor prices=" + competitor.length + ", reference grid=" + reference.length
                + (reference.length > 1 ? " (step " + (reference[1] - reference[0]) + ")" : " (fixed " + reference[0] + ")")
                + "]";
    }

    /** The competitor prices of the state, in index order. */
    public double[] competitorPrices() {
        return Arrays.copyOf(competitor, competitor.length);
    }
}
