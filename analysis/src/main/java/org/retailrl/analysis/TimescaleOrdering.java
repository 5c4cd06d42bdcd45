package org.retailrl.analysis;

/**
 * Which decision of the two-timescale stochastic approximation (docs/model.md §2, Zheng, Li, Jiang and Peng Eq. 16)
 * moves on the faster timescale, i.e. has the larger step sizes.
 */
public enum TimescaleOrdering {
    /** Price updated faster than stock: {@code b_n / a_n → 0} (the paper's main case). */
    PRICE_FAST,
    /** Stock updated faster than price: {@code a_n / b_n → 0} (the mirror case). */
    STOCK_FAST
}
