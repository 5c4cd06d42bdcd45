package org.retailrl.envs.pricing;

/**
 * The competitor's pricing strategy of docs/model.md §1 (<em>Competitor</em>). The competitor's price for
 * period {@code t} depends only on what happened up to period {@code t-1}, so it is known (and
 * shown in the observation) when the firm decides period {@code t}.
 */
public enum CompetitorKind {
    /**
     * Zheng, Li, Jiang and Peng §3.9: {@code o_t = p_{t-1} − δ} if that is {@code >= p_min}, else {@code p_max}, for
     * {@code t >= 2}; {@code o_1} is the scenario's initial competitor price.
     */
    UNDERCUT,
    /** {@code o_t} i.i.d. uniform on the firm's price grid, every period including the first. */
    UNIFORM,
    /** {@code o_t} equals the scenario's fixed competitor price in every period. */
    FIXED
}
