package org.retailrl.runtime;

/**
 * One greedy decision of a pricing-and-replenishment policy (docs/model.md §1): the index of the
 * price in the scenario's grid, that price, and the order quantity. Immutable.
 *
 * @param priceIndex index into {@link PricingPolicy#prices()}, {@code 0 <= priceIndex < prices().length}
 * @param price      the price, currency per unit
 * @param order      units to order, {@code 0..Q}; they arrive {@code L} periods later
 */
public record Decision(int priceIndex, double price, int order) {
}
