package org.retailrl.analysis;

/**
 * Which decision of the two-timescale stochastic approximation (MODEL.md §2, seed 003 Eq. 16)
 * moves on the faster timescale, i.e. has the larger step sizes.
 */
public enum TimescaleOrdering {
    /** Price updated faster than stock: {@code b_n / a_n → 0} (the seed's main case). */
    PRICE_FAST,
    /** Stock updated faster than price: {@code a_n / b_n → 0} (the mirror case). */
    STOCK_FAST
}
