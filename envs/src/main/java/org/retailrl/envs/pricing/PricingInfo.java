package org.retailrl.envs.pricing;

/**
 * Diagnostics of one period of the pricing simulator (docs/model.md §1), returned as the {@code info}
 * of {@link PricingEnv#step(int[])}. Units: stock in units, prices in currency per unit, reward in
 * currency.
 *
 * @param period          the period just played, {@code 1..T}
 * @param price           the firm's price {@code p_t}
 * @param order           the order quantity {@code q_t}
 * @param competitorPrice the competitor's price {@code o_t}
 * @param referencePrice  the reference price {@code r_{t-1}} this period's demand used
 * @param lambda          the Poisson mean {@code λ_t}
 * @param demand          {@code d_t}
 * @param sales           units sold: {@code S_t} (lost sales) or {@code d_t} (backlog: every demanded unit is sold)
 * @param lost            {@code O_t} lost units (always 0 under backlog)
 * @param backlog         {@code [N_t]^-} backordered units at the end of the period (always 0 under lost sales)
 * @param arrived         units that arrived at the start of the period ({@code q_{t-L}})
 * @param disposed        units discarded by the inventory cap on arrival
 * @param inventory       ending inventory {@code I_t} or net inventory {@code N_t}
 * @param reward          the period's profit {@code r_t}
 */
public record PricingInfo(int period, double price, int order, double competitorPrice, double referencePrice,
        double lambda, int demand, int sales, int lost, int backlog, int arrived, int disposed, int inventory,
        double reward) {
}
