package org.retailrl.envs.pricing;

import java.util.Arrays;
import java.util.Locale;

/**
 * Every parameter of the pricing-and-replenishment problem of docs/model.md §1, as one immutable value.
 * Money is in currency units, stock in units of the product, time in periods.
 *
 * <p>The compact constructor validates each field and names it, with its allowed range, in the
 * {@link IllegalArgumentException} it throws. {@link #named(String)} gives the four scenarios
 * (a)–(d) of Zheng, Li, Jiang and Peng §3.9; {@link #defaults()} is scenario (b). Use {@link #toBuilder()} to
 * change a few fields, for instance for the small dynamic-programming instances of docs/model.md §1
 * (lead time ≤ 1, {@link #inventoryCap}, {@link CompetitorKind#FIXED}, {@code referenceWeight = 1}).
 *
 * @param prices                 the price grid, strictly increasing, finite, &gt; 0 (currency/unit)
 * @param maxOrder               {@code Q}: order sizes are {@code 0..Q} units
 * @param unitCost               {@code c}, purchase cost per unit ordered
 * @param holdingCost            {@code h}, per unit on hand at the end of a period
 * @param shortageCost           {@code b}, per unit lost (lost sales) or backlogged at the end of a period
 * @param fixedCost              {@code K}, per period in which an order is placed
 * @param leadTime               {@code L}: an order placed in period {@code t} arrives at the start of {@code t+L}
 * @param horizon                {@code T}, periods per episode
 * @param initialInventory       {@code I_0} (or net inventory {@code N_0} under backlog), units
 * @param initialPipeline        the {@code L} outstanding orders at the start; entry {@code k} arrives at
 *                               the start of period {@code k+1}
 * @param marketSize             {@code η}, customers per unit time
 * @param periodLength           {@code Δ}, length of a period in the time unit of {@code η}
 * @param betaIntercept          {@code β_1}, coefficient of the constant regressor
 * @param betaRank               {@code β_2}, coefficient of the price rank (1 cheapest, 1.5 tie, 2 dearer)
 * @param betaGap                {@code β_3}, coefficient of {@code p − o}
 * @param betaCompetitors        {@code β_4}, coefficient of the number of competitors (one)
 * @param betaAverage            {@code β_5}, coefficient of {@code (p + o)/2}
 * @param betaReference          {@code β_6}, coefficient of {@code p − r}
 * @param referenceWeight        {@code w} of the reference-price update; {@code 1} holds {@code r} at {@code r_0}
 * @param initialReference       {@code r_0}, currency/unit
 * @param competitor             the competitor's strategy
 * @param undercutStep           {@code δ} of {@link CompetitorKind#UNDERCUT}, currency/unit
 * @param initialCompetitorPrice {@code o_1} of {@link CompetitorKind#UNDERCUT}
 * @param fixedCompetitorPrice   the price of {@link CompetitorKind#FIXED}
 * @param mode                   lost sales or backlog
 * @param inventoryCap           stock above this after an arrival is disposed of at no value;
 *                               {@link #UNCAPPED} for none
 * @param demandModel            {@code null} for the logit-Poisson demand of docs/model.md §1.2 (then
 *                               {@code marketSize}…{@code betaReference} define it); otherwise the
 *                               data-driven law of docs/model.md §5.4, which also sets the competitor's
 *                               price (the competitor fields and the logit coefficients are then unused)
 */
public record PricingScenario(
        double[] prices, int maxOrder,
        double unitCost, double holdingCost, double shortageCost, double fixedCost,
        int leadTime, int horizon, int initialInventory, int[] initialPipeline,
        double marketSize, double periodLength,
        double betaIntercept, double betaRank, double betaGap, double betaCompetitors,
        double betaAverage, double betaReference,
        double referenceWeight, double initialReference,
        CompetitorKind competitor, double undercutStep, double initialCompetitorPrice,
        double fixedCompetitorPrice,
        ShortageMode mode, int inventoryCap, DemandModel demandModel) {

    /** The value of {@link #inventoryCap} meaning "no cap". */
    public static final int UNCAPPED = Integer.MAX_VALUE;
    /** Largest accepted {@code maxOrder}, {@code leadTime}, {@code |initialInventory|} and cap other than {@link #UNCAPPED}. */
    public static final int MAX_UNITS = 1_000_000;
    /** Largest accepted horizon. */
    public static final int MAX_HORIZON = 100_000_000;
    /** Largest accepted {@code marketSize · periodLength} (the Poisson mean's upper bound). */
    public static final double MAX_MEAN = 1e9;

    /** Validates every field; see the class description for the allowed ranges. */
    public PricingScenario {
        if (prices == null || prices.length == 0) {
            throw new IllegalArgumentException("prices must be a non-empty grid, got "
                    + (prices == null ? "null" : "[]"));
        }
        prices = prices.clone();
        for (int i = 0; i < prices.length; i++) {
            if (!Double.isFinite(prices[i]) || prices[i] <= 0) {
                throw new IllegalArgumentException("prices[" + i + "] must be finite and > 0, got " + prices[i]);
            }
            if (i > 0 && !(prices[i] > prices[i - 1])) {
                throw new IllegalArgumentException("prices must be strictly increasing, got prices[" + (i - 1) + "] = "
                        + prices[i - 1] + " >= prices[" + i + "] = " + prices[i]);
            }
        }
        range("maxOrder", maxOrder, 0, MAX_UNITS);
        nonNegative("unitCost", unitCost);
        nonNegative("holdingCost", holdingCost);
        nonNegative("shortageCost", shortageCost);
        nonNegative("fixedCost", fixedCost);
        range("leadTime", leadTime, 0, MAX_UNITS);
        range("horizon", horizon, 1, MAX_HORIZON);
        if (inventoryCap != UNCAPPED) {
            range("inventoryCap", inventoryCap, 0, MAX_UNITS);
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode must be LOST_SALES or BACKLOG, got null");
        }
        int invLow = mode == ShortageMode.LOST_SALES ? 0 : -MAX_UNITS;
        int invHigh = Math.min(MAX_UNITS, inventoryCap);
        range("initialInventory", initialInventory, invLow, invHigh);
        if (initialPipeline == null || initialPipeline.length != leadTime) {
            throw new IllegalArgumentException("initialPipeline must hold leadTime = " + leadTime + " orders, got "
                    + (initialPipeline == null ? "null" : initialPipeline.length));
        }
        initialPipeline = initialPipeline.clone();
        for (int k = 0; k < initialPipeline.length; k++) {
            range("initialPipeline[" + k + "]", initialPipeline[k], 0, maxOrder);
        }
        positive("marketSize", marketSize);
        positive("periodLength", periodLength);
        if (!(marketSize * periodLength <= MAX_MEAN)) {
            throw new IllegalArgumentException("marketSize * periodLength must be in (0, " + MAX_MEAN + "], got "
                    + marketSize * periodLength);
        }
        finite("betaIntercept", betaIntercept);
        finite("betaRank", betaRank);
        finite("betaGap", betaGap);
        finite("betaCompetitors", betaCompetitors);
        finite("betaAverage", betaAverage);
        finite("betaReference", betaReference);
        if (!(referenceWeight >= 0 && referenceWeight <= 1)) {
            throw new IllegalArgumentException("referenceWeight must be in [0, 1], got " + referenceWeight);
        }
        positive("initialReference", initialReference);
        if (competitor == null) {
            throw new IllegalArgumentException("competitor must be UNDERCUT, UNIFORM or FIXED, got null");
        }
        nonNegative("undercutStep", undercutStep);
        positive("initialCompetitorPrice", initialCompetitorPrice);
        positive("fixedCompetitorPrice", fixedCompetitorPrice);
        if (demandModel != null && horizon > demandModel.maxHorizon()) {
            throw new IllegalArgumentException("horizon must be in [1, " + demandModel.maxHorizon()
                    + "] for this data-driven demand (the weeks it can replay), got " + horizon);
        }
    }

    private static void range(String field, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(field + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }

    private static void finite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " must be finite, got " + v);
        }
    }

    private static void nonNegative(String field, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " must be finite and >= 0, got " + v);
        }
    }

    private static void positive(String field, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " must be finite and > 0, got " + v);
        }
    }

    /** The defaults of docs/model.md §1: scenario (b), lost sales without fixed ordering cost. */
    public static PricingScenario defaults() {
        double[] grid = new double[21];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = 10 + 2 * i;
        }
        return new PricingScenario(grid, 20,
                10, 1, 5, 0,
                3, 100, 10, new int[3],
                800, 1,
                -3.89, -0.56, -0.01, 0.07, -0.03, -0.01,
                0.9, 30,
                CompetitorKind.UNDERCUT, 1, 30, 30,
                ShortageMode.LOST_SALES, UNCAPPED, null);
    }

    /**
     * The scenarios of Zheng, Li, Jiang and Peng §3.9 (docs/model.md §1): {@code "a"} backlog, K = 0; {@code "b"} lost
     * sales, K = 0; {@code "c"} backlog, K = 20; {@code "d"} lost sales, K = 20. Case-insensitive.
     */
    public static PricingScenario named(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        PricingScenarioBuilder b = defaults().toBuilder();
        return switch (n) {
            case "a" -> b.mode(ShortageMode.BACKLOG).fixedCost(0).build();
            case "b" -> b.mode(ShortageMode.LOST_SALES).fixedCost(0).build();
            case "c" -> b.mode(ShortageMode.BACKLOG).fixedCost(20).build();
            case "d" -> b.mode(ShortageMode.LOST_SALES).fixedCost(20).build();
            default -> throw new IllegalArgumentException("scenario name must be one of a, b, c, d, got '" + name + "'");
        };
    }

    /** A builder holding this scenario's values. */
    public PricingScenarioBuilder toBuilder() {
        return new PricingScenarioBuilder(this);
    }

    /** A copy of the price grid. */
    @Override
    public double[] prices() {
        return prices.clone();
    }

    /** A copy of the initial pipeline. */
    @Override
    public int[] initialPipeline() {
        return initialPipeline.clone();
    }

    /** Number of prices on the grid. */
    public int priceCount() {
        return prices.length;
    }

    /** The {@code i}-th price of the grid. */
    public double price(int i) {
        return prices[i];
    }

    /** Lowest price of the grid. */
    public double minPrice() {
        return prices[0];
    }

    /** Highest price of the grid. */
    public double maxPrice() {
        return prices[prices.length - 1];
    }

    /** True when demand comes from a {@link DemandModel} (docs/model.md §5.4) instead of the logit rate. */
    public boolean dataDriven() {
        return demandModel != null;
    }

    /** True when stock is capped on arrival. */
    public boolean capped() {
        return inventoryCap != UNCAPPED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PricingScenario s
                && Arrays.equals(prices, s.prices) && maxOrder == s.maxOrder
                && same(unitCost, s.unitCost) && same(holdingCost, s.holdingCost)
                && same(shortageCost, s.shortageCost) && same(fixedCost, s.fixedCost)
                && leadTime == s.leadTime && horizon == s.horizon && initialInventory == s.initialInventory
                && Arrays.equals(initialPipeline, s.initialPipeline)
                && same(marketSize, s.marketSize) && same(periodLength, s.periodLength)
                && same(betaIntercept, s.betaIntercept) && same(betaRank, s.betaRank)
                && same(betaGap, s.betaGap) && same(betaCompetitors, s.betaCompetitors)
                && same(betaAverage, s.betaAverage) && same(betaReference, s.betaReference)
                && same(referenceWeight, s.referenceWeight) && same(initialReference, s.initialReference)
                && competitor == s.competitor && same(undercutStep, s.undercutStep)
                && same(initialCompetitorPrice, s.initialCompetitorPrice)
                && same(fixedCompetitorPrice, s.fixedCompetitorPrice)
                && mode == s.mode && inventoryCap == s.inventoryCap
                && java.util.Objects.equals(demandModel, s.demandModel);
    }

    private static boolean same(double a, double b) {
        return Double.compare(a, b) == 0;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(prices);
        h = 31 * h + Arrays.hashCode(initialPipeline);
        h = 31 * h + Double.hashCode(unitCost + 3 * holdingCost + 7 * shortageCost + 11 * fixedCost);
        h = 31 * h + maxOrder * 7 + leadTime * 13 + horizon * 17 + initialInventory * 19;
        h = 31 * h + competitor.hashCode() * 3 + mode.hashCode();
        h = 31 * h + inventoryCap;
        return demandModel == null ? h : 31 * h + demandModel.hashCode();
    }

    @Override
    public String toString() {
        return "PricingScenario[prices=" + Arrays.toString(prices) + ", Q=" + maxOrder + ", c=" + unitCost
                + ", h=" + holdingCost + ", b=" + shortageCost + ", K=" + fixedCost + ", L=" + leadTime
                + ", T=" + horizon + ", I0=" + initialInventory + ", pipeline=" + Arrays.toString(initialPipeline)
                + ", eta=" + marketSize + ", Delta=" + periodLength + ", beta=[" + betaIntercept + ", " + betaRank
                + ", " + betaGap + ", " + betaCompetitors + ", " + betaAverage + ", " + betaReference + "], w="
                + referenceWeight + ", r0=" + initialReference + ", competitor=" + competitor + ", delta="
                + undercutStep + ", o1=" + initialCompetitorPrice + ", fixed=" + fixedCompetitorPrice + ", mode="
                + mode + ", cap=" + (capped() ? Integer.toString(inventoryCap) : "none")
                + (demandModel == null ? "" : ", demand=" + demandModel) + "]";
    }
}
