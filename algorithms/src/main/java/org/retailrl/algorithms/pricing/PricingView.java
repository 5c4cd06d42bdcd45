package org.retailrl.algorithms.pricing;

import java.util.Arrays;

/**
 * What a pricing-and-replenishment policy sees at the decision point of period {@code t}
 * (docs/model.md §1, after step 1 "the order placed L periods ago arrives", before step 2 "the firm posts
 * p_t, orders q_t"). Mutable and reused across periods so that acting allocates nothing.
 *
 * <p>Units: stock and orders in units of the product; prices in currency per unit.
 * <ul>
 *   <li>{@link #available()} — stock available for sale this period, {@code A_t = I_{t-1} + q_{t-L}}
 *       (lost sales; never negative) or the net inventory after arrival {@code N_{t-1} + q_{t-L}}
 *       (backlog; negative when customers wait);</li>
 *   <li>{@link #pipeline(int)} — orders placed but not yet arrived, oldest first:
 *       {@code q_{t-L+1}, …, q_{t-1}} ({@code L − 1} entries; none when {@code L ≤ 1});</li>
 *   <li>the previous period's demand, shortfall (lost sales or backlog) and own price, the
 *       competitor's current price and the reference price the period's demand uses.</li>
 * </ul>
 */
public final class PricingView {
    private final int leadTime;
    private final int[] pipeline;
    private int period;
    private int horizon;
    private int available;
    private int lastDemand;
    private int lastShortfall;
    private double lastPrice;
    private double competitorPrice;
    private double referencePrice;

    /** Largest lead time the view (and so every heuristic and learner that uses it) accepts. */
    public static final int MAX_LEAD_TIME = 1000;

    /** A view for lead time {@code leadTime >= 0} (it holds {@code max(leadTime − 1, 0)} pipeline entries). */
    public PricingView(int leadTime) {
        if (leadTime < 0 || leadTime > MAX_LEAD_TIME) {
            throw new IllegalArgumentException("leadTime must be in [0, " + MAX_LEAD_TIME + "], got " + leadTime);
        }
        this.leadTime = leadTime;
        this.pipeline = new int[Math.max(leadTime - 1, 0)];
    }

    /** Lead time {@code L} in periods. */
    public int leadTime() {
        return leadTime;
    }

    /** Current period {@code t}, 1-based. */
    public int period() {
        return period;
    }

    /** Episode length {@code T} in periods (0 when unknown or infinite). */
    public int horizon() {
        return horizon;
    }

    /** Stock available for sale now (net inventory under backlog), units. */
    public int available() {
        return available;
    }

    /** Number of outstanding pipeline entries, {@code max(L − 1, 0)}. */
    public int pipelineLength() {
        return pipeline.length;
    }

    /** Outstanding order {@code i} (0 = oldest, arrives next period), units. */
    public int pipeline(int i) {
        return pipeline[i];
    }

    /** Sum of outstanding orders, units. */
    public int pipelineTotal() {
        int s = 0;
        for (int q : pipeline) {
            s += q;
        }
        return s;
    }

    /** Inventory position before ordering: available stock plus everything in the pipeline. */
    public int inventoryPosition() {
        return available + pipelineTotal();
    }

    /** Previous period's demand, units (0 in period 1). */
    public int lastDemand() {
        return lastDemand;
    }

    /** Previous period's lost sales (lost-sales model) or ending backlog (backlog model), units. */
    public int lastShortfall() {
        return lastShortfall;
    }

    /** Previous period's own price (the initial reference price in period 1). */
    public double lastPrice() {
        return lastPrice;
    }

    /** Competitor's price, currency per unit. */
    public double competitorPrice() {
        return competitorPrice;
    }

    /** Reference price {@code r_{t-1}} that this period's demand uses, currency per unit. */
    public double referencePrice() {
        return referencePrice;
    }

    /** Sets the period counter and horizon. */
    public PricingView setPeriod(int period, int horizon) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, got " + period);
        }
        if (horizon < 0) {
            throw new IllegalArgumentException("horizon must be >= 0, got " + horizon);
        }
        this.period = period;
        this.horizon = horizon;
        return this;
    }

    /** Sets the stock available after this period's arrival. */
    public PricingView setAvailable(int available) {
        this.available = available;
        return this;
    }

    /** Sets pipeline entry {@code i} (0 = oldest). */
    public PricingView setPipeline(int i, int quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("pipeline quantity must be >= 0, got " + quantity);
        }
        pipeline[i] = quantity;
        return this;
    }

    /** Empties the pipeline. */
    public PricingView clearPipeline() {
        Arrays.fill(pipeline, 0);
        return this;
    }

    /** Sets last period's demand, shortfall and own price. */
    public PricingView setLast(int demand, int shortfall, double price) {
        this.lastDemand = demand;
        this.lastShortfall = shortfall;
        this.lastPrice = price;
        return this;
    }

    /** Sets the competitor's and the reference price. */
    public PricingView setMarket(double competitorPrice, double referencePrice) {
        this.competitorPrice = competitorPrice;
        this.referencePrice = referencePrice;
        return this;
    }
}
