package org.retailrl.envs.pricing;

/**
 * Mutable builder for {@link PricingScenario} (docs/model.md §1); every setter returns {@code this}.
 * Starts from a given scenario ({@link PricingScenario#toBuilder()}); {@link #build()} runs the
 * record's validation. Setting the lead time also resets the initial pipeline to {@code L} empty
 * orders; set {@link #initialPipeline(int...)} afterwards to change it.
 */
public final class PricingScenarioBuilder {
    private double[] prices;
    private int maxOrder;
    private double unitCost;
    private double holdingCost;
    private double shortageCost;
    private double fixedCost;
    private int leadTime;
    private int horizon;
    private int initialInventory;
    private int[] initialPipeline;
    private double marketSize;
    private double periodLength;
    private double betaIntercept;
    private double betaRank;
    private double betaGap;
    private double betaCompetitors;
    private double betaAverage;
    private double betaReference;
    private double referenceWeight;
    private double initialReference;
    private CompetitorKind competitor;
    private double undercutStep;
    private double initialCompetitorPrice;
    private double fixedCompetitorPrice;
    private ShortageMode mode;
    private int inventoryCap;
    private DemandModel demandModel;

    PricingScenarioBuilder(PricingScenario s) {
        prices = s.prices();
        maxOrder = s.maxOrder();
        unitCost = s.unitCost();
        holdingCost = s.holdingCost();
        shortageCost = s.shortageCost();
        fixedCost = s.fixedCost();
        leadTime = s.leadTime();
        horizon = s.horizon();
        initialInventory = s.initialInventory();
        initialPipeline = s.initialPipeline();
        marketSize = s.marketSize();
        periodLength = s.periodLength();
        betaIntercept = s.betaIntercept();
        betaRank = s.betaRank();
        betaGap = s.betaGap();
        betaCompetitors = s.betaCompetitors();
        betaAverage = s.betaAverage();
        betaReference = s.betaReference();
        referenceWeight = s.referenceWeight();
        initialReference = s.initialReference();
        competitor = s.competitor();
        undercutStep = s.undercutStep();
        initialCompetitorPrice = s.initialCompetitorPrice();
        fixedCompetitorPrice = s.fixedCompetitorPrice();
        mode = s.mode();
        inventoryCap = s.inventoryCap();
        demandModel = s.demandModel();
    }

    /** Validates and returns the scenario. */
    public PricingScenario build() {
        return new PricingScenario(prices, maxOrder, unitCost, holdingCost, shortageCost, fixedCost,
                leadTime, horizon, initialInventory, initialPipeline, marketSize, periodLength,
                betaIntercept, betaRank, betaGap, betaCompetitors, betaAverage, betaReference,
                referenceWeight, initialReference, competitor, undercutStep, initialCompetitorPrice,
                fixedCompetitorPrice, mode, inventoryCap, demandModel);
    }

    /** {@code null} for the logit demand of docs/model.md §1.2, else a data-driven law (§5.4). */
    public PricingScenarioBuilder demandModel(DemandModel v) {
        demandModel = v;
        return this;
    }

    public PricingScenarioBuilder prices(double... v) {
        prices = v == null ? null : v.clone();
        return this;
    }

    public PricingScenarioBuilder maxOrder(int v) {
        maxOrder = v;
        return this;
    }

    public PricingScenarioBuilder unitCost(double v) {
        unitCost = v;
        return this;
    }

    public PricingScenarioBuilder holdingCost(double v) {
        holdingCost = v;
        return this;
    }

    public PricingScenarioBuilder shortageCost(double v) {
        shortageCost = v;
        return this;
    }

    public PricingScenarioBuilder fixedCost(double v) {
        fixedCost = v;
        return this;
    }

    /** Sets {@code L} and an empty pipeline of {@code L} orders (when {@code L >= 0}). */
    public PricingScenarioBuilder leadTime(int v) {
        leadTime = v;
        // An out-of-range lead time is refused by build() with its range; the empty pipeline is
        // only allocated for a lead time that can pass, so a hostile value costs no memory.
        initialPipeline = new int[v >= 0 && v <= PricingScenario.MAX_UNITS ? v : 0];
        return this;
    }

    public PricingScenarioBuilder horizon(int v) {
        horizon = v;
        return this;
    }

    public PricingScenarioBuilder initialInventory(int v) {
        initialInventory = v;
        return this;
    }

    public PricingScenarioBuilder initialPipeline(int... v) {
        initialPipeline = v == null ? null : v.clone();
        return this;
    }

    public PricingScenarioBuilder marketSize(double v) {
        marketSize = v;
        return this;
    }

    public PricingScenarioBuilder periodLength(double v) {
        periodLength = v;
        return this;
    }

    /** Sets the six coefficients {@code β_1..β_6} of docs/model.md §1's demand table, in table order. */
    public PricingScenarioBuilder betas(double intercept, double rank, double gap, double competitors,
            double average, double reference) {
        betaIntercept = intercept;
        betaRank = rank;
        betaGap = gap;
        betaCompetitors = competitors;
        betaAverage = average;
        betaReference = reference;
        return this;
    }

    public PricingScenarioBuilder referenceWeight(double v) {
        referenceWeight = v;
        return this;
    }

    public PricingScenarioBuilder initialReference(double v) {
        initialReference = v;
        return this;
    }

    /** Holds the reference price at {@code r0} for the whole episode ({@code w = 1}, docs/model.md §1 small instances). */
    public PricingScenarioBuilder fixedReference(double r0) {
        referenceWeight = 1;
        initialReference = r0;
        return this;
    }

    public PricingScenarioBuilder competitor(CompetitorKind v) {
        competitor = v;
        return this;
    }

    public PricingScenarioBuilder undercutStep(double v) {
        undercutStep = v;
        return this;
    }

    public PricingScenarioBuilder initialCompetitorPrice(double v) {
        initialCompetitorPrice = v;
        return this;
    }

    /** A {@link CompetitorKind#FIXED} competitor always posting {@code price}. */
    public PricingScenarioBuilder fixedCompetitor(double price) {
        competitor = CompetitorKind.FIXED;
        fixedCompetitorPrice = price;
        return this;
    }

    public PricingScenarioBuilder fixedCompetitorPrice(double v) {
        fixedCompetitorPrice = v;
        return this;
    }

    public PricingScenarioBuilder mode(ShortageMode v) {
        mode = v;
        return this;
    }

    /** Caps stock on arrival at {@code v} units; {@link PricingScenario#UNCAPPED} removes the cap. */
    public PricingScenarioBuilder inventoryCap(int v) {
        inventoryCap = v;
        return this;
    }
}
