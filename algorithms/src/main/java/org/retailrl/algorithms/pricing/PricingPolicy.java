package org.retailrl.algorithms.pricing;

/**
 * A pricing-and-replenishment policy for docs/model.md §1: maps the decision-time view of period
 * {@code t} to a price-grid index and an order quantity. Shared by the heuristics (docs/model.md §8), the
 * exact dynamic-programming tables (docs/model.md §1 small instances) and learned policies.
 *
 * <p>Contract: {@link #act} allocates nothing and writes both fields of {@code out}; a policy with
 * memory forgets it in {@link #reset()}, called before each episode. A policy must be deterministic
 * given its inputs (randomised policies own a seeded stream and reseed it in {@code reset}).
 */
public interface PricingPolicy {
    /** Short name used in tables and files (letters, digits, spaces, {@code ( ) , _ - *}). */
    String name();

    /** Called before every episode. */
    default void reset() {
    }

    /** Chooses this period's price index and order quantity. */
    void act(PricingView view, PricingDecision out);
}
