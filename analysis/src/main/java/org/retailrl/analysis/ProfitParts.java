package org.retailrl.analysis;

/**
 * The exact expectations of docs/model.md §2 at one point {@code (p, y)}: expected sales
 * {@code E[min(y, D)]}, leftover {@code E[(y − D)^+]}, lost sales {@code E[(D − y)^+]} (all in
 * units), revenue {@code p·E[min(y, D)]} and profit {@code π(p, y)} (money), each with its price
 * derivatives; {@code lambda} is the demand mean {@code λ(p)}. {@code slopeLeft} and
 * {@code slopeRight} are the one-sided derivatives of {@code π} in {@code y} (money per unit;
 * equal between integer nodes, where {@code π} is linear in {@code y}).
 */
public record ProfitParts(double lambda, PartValue sales, PartValue leftover, PartValue lost, PartValue revenue,
        PartValue profit, double slopeLeft, double slopeRight) {
}
