package org.retailrl.envs.pricing;

/** What happens to demand that finds no stock (docs/model.md §1, <em>Lost sales</em> / <em>Backlog</em>). */
public enum ShortageMode {
    /** Unmet demand leaves: {@code S_t = min(d_t, A_t)}, {@code O_t = d_t − S_t}, penalty {@code b} per lost unit. */
    LOST_SALES,
    /** Unmet demand waits: net inventory goes negative, penalty {@code b} per backlogged unit and period. */
    BACKLOG
}
