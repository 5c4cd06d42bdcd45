package org.retailrl.envs.pricing;

/**
 * The raw state of one pricing simulator copy at the start of a period (docs/model.md §1), for
 * heuristics and dynamic programming: everything the next period's dynamics depend on, plus the
 * previous period's outcome.
 *
 * @param period          periods completed so far ({@code 0} after reset, {@code T} at the end)
 * @param inventory       ending inventory {@code I_{t-1}} (lost sales) or net inventory {@code N_{t-1}} (backlog), units
 * @param pipeline        outstanding orders, oldest first: entry {@code k} arrives at the start of period
 *                        {@code t+k}; length {@code L}
 * @param lastPrice       the firm's previous price {@code p_{t-1}} ({@code r_0} before the first period)
 * @param competitorPrice the competitor's price {@code o_t} for the coming period
 * @param referencePrice  the reference price {@code r_{t-1}} the coming period's demand uses
 * @param lastDemand      {@code d_{t-1}}, units ({@code 0} before the first period)
 * @param lastLost        {@code O_{t-1}} lost units (lost sales) or {@code [N_{t-1}]^-} backlogged units
 */
public record PricingState(int period, int inventory, int[] pipeline, double lastPrice, double competitorPrice,
        double referencePrice, int lastDemand, int lastLost) {
    /** Copies the pipeline so the record stays immutable. */
    public PricingState {
        pipeline = pipeline.clone();
    }

    /** A copy of the outstanding orders, oldest first. */
    @Override
    public int[] pipeline() {
        return pipeline.clone();
    }

    /** Inventory position: (net) inventory plus every outstanding order, units. */
    public int inventoryPosition() {
        int s = inventory;
        for (int q : pipeline) {
            s += q;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PricingState s && period == s.period && inventory == s.inventory
                && java.util.Arrays.equals(pipeline, s.pipeline)
                && Double.compare(lastPrice, s.lastPrice) == 0
                && Double.compare(competitorPrice, s.competitorPrice) == 0
                && Double.compare(referencePrice, s.referencePrice) == 0
                && lastDemand == s.lastDemand && lastLost == s.lastLost;
    }

    @Override
    public int hashCode() {
        return ((period * 31 + inventory) * 31 + java.util.Arrays.hashCode(pipeline)) * 31
                + Double.hashCode(lastPrice + 3 * competitorPrice + 7 * referencePrice) + lastDemand * 13 + lastLost;
    }

    @Override
    public String toString() {
        return "PricingState[t=" + period + ", inventory=" + inventory + ", pipeline="
                + java.util.Arrays.toString(pipeline) + ", lastPrice=" + lastPrice + ", competitorPrice="
                + competitorPrice + ", referencePrice=" + referencePrice + ", lastDemand=" + lastDemand
                + ", lastLost=" + lastLost + "]";
    }
}
