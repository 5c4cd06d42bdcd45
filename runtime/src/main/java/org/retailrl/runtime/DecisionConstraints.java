package org.retailrl.runtime;

/**
 * Business rules a decision must respect (docs/model.md §1 action space, narrowed): a price floor
 * and ceiling and a largest order. They are applied as action masks — excluded actions get score
 * {@code -Infinity} before the arg-max — so the policy picks its most preferred allowed action; the
 * recurrent state is the same as without constraints. Immutable; {@link #NONE} allows everything.
 *
 * <pre>{@code
 * DecisionConstraints rules = DecisionConstraints.NONE.withPriceFloor(9.5).withMaxOrder(12);
 * Decision d = policy.decide(store, observation, t, rules);
 * }</pre>
 */
public final class DecisionConstraints {
    /** No constraint. */
    public static final DecisionConstraints NONE = new DecisionConstraints(Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, Integer.MAX_VALUE);

    private final double priceFloor;
    private final double priceCeiling;
    private final int maxOrder;

    private DecisionConstraints(double priceFloor, double priceCeiling, int maxOrder) {
        if (Double.isNaN(priceFloor) || Double.isNaN(priceCeiling) || priceFloor > priceCeiling) {
            throw new IllegalArgumentException("price floor and ceiling must be numbers with floor <= ceiling, got "
                    + priceFloor + " and " + priceCeiling);
        }
        if (maxOrder < 0) {
            throw new IllegalArgumentException("maxOrder must be >= 0, got " + maxOrder);
        }
        this.priceFloor = priceFloor;
        this.priceCeiling = priceCeiling;
        this.maxOrder = maxOrder;
    }

    /**
     * These constraints with a price floor: grid prices below it are excluded.
     *
     * @param floor currency/unit, not NaN and not above the ceiling
     * @return new constraints
     */
    public DecisionConstraints withPriceFloor(double floor) {
        return new DecisionConstraints(floor, priceCeiling, maxOrder);
    }

    /**
     * These constraints with a price ceiling: grid prices above it are excluded.
     *
     * @param ceiling currency/unit, not NaN and not below the floor
     * @return new constraints
     */
    public DecisionConstraints withPriceCeiling(double ceiling) {
        return new DecisionConstraints(priceFloor, ceiling, maxOrder);
    }

    /**
     * These constraints with a largest order: larger quantities are excluded.
     *
     * @param max units, at least 0
     * @return new constraints
     */
    public DecisionConstraints withMaxOrder(int max) {
        return new DecisionConstraints(priceFloor, priceCeiling, max);
    }

    /**
     * The price floor.
     *
     * @return currency/unit, {@code -Infinity} when none
     */
    public double priceFloor() {
        return priceFloor;
    }

    /**
     * The price ceiling.
     *
     * @return currency/unit, {@code +Infinity} when none
     */
    public double priceCeiling() {
        return priceCeiling;
    }

    /**
     * The largest order.
     *
     * @return units, {@link Integer#MAX_VALUE} when none
     */
    public int maxOrder() {
        return maxOrder;
    }

    /** Whether grid price {@code p} is allowed. */
    boolean allowsPrice(double p) {
        return p >= priceFloor && p <= priceCeiling;
    }

    @Override
    public String toString() {
        return "DecisionConstraints[price in [" + priceFloor + ", " + priceCeiling + "], order <= " + maxOrder + "]";
    }
}
