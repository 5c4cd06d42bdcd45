package org.retailrl.algorithms.recommendation;

import org.retailrl.algorithms.rl.FactorLayout;

/**
 * Which part of the docs/model.md §3 decision {@code a_t = {q_t^i, α_t^{i,j}}} an agent makes: the
 * orders, the exposure, or both (the Joint IM-RS agent of Jiang et al. §VI.B).
 */
public enum Decision {
    /** The orders {@code q^i}: one factor per product over the order levels. */
    ORDERS,
    /** The exposure {@code α^{i,·}}: one factor per product over the segment choices. */
    EXPOSURE,
    /** Both: the order factors first, then the exposure factors. */
    BOTH;

    /** The factor layout of this decision in {@code space}. */
    public FactorLayout layout(DecisionSpace space) {
        return switch (this) {
            case ORDERS -> space.orderLayout();
            case EXPOSURE -> space.exposureLayout();
            case BOTH -> FactorLayout.concat(space.orderLayout(), space.exposureLayout());
        };
    }

    /** Whether this decision includes the orders. */
    public boolean orders() {
        return this != EXPOSURE;
    }

    /** Whether this decision includes the exposure. */
    public boolean exposure() {
        return this != ORDERS;
    }
}
