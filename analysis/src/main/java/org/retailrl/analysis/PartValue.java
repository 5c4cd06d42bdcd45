package org.retailrl.analysis;

/**
 * One expected quantity of the single-period problem (docs/model.md §2) at a point {@code (p, y)},
 * with its first and second partial derivatives in the price {@code p}. Units: those of the
 * quantity (units of stock, or money), per unit of price for {@code dp}, per unit of price
 * squared for {@code dpp}.
 */
public record PartValue(double value, double dp, double dpp) {
}
