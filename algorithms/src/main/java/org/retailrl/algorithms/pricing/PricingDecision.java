package org.retailrl.algorithms.pricing;

/**
 * One period's decision of docs/model.md §1: the index of the posted price on the scenario's price grid
 * and the order quantity {@code q_t} in units ({@code 0..Q}). Mutable and reused so that acting
 * allocates nothing.
 */
public final class PricingDecision {
    private int priceIndex;
    private int order;

    /** Index into the price grid, {@code 0..grid.length − 1}. */
    public int priceIndex() {
        return priceIndex;
    }

    /** Order quantity in units. */
    public int order() {
        return order;
    }

    /** Sets both parts of the decision. */
    public void set(int priceIndex, int order) {
        this.priceIndex = priceIndex;
        this.order = order;
    }
}
