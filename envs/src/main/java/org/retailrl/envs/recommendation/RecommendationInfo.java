package org.retailrl.envs.recommendation;

/**
 * Diagnostics of one period of the docs/model.md §3 simulator, per product {@code i} (units of product,
 * currency for money). Arrays are owned by this record; do not modify them.
 *
 * @param period    the period just played, {@code 1..T}
 * @param demand    {@code d_t^i = Σ_j d_t^{i,j}} (Eq. 9), new demand of the period
 * @param sales     {@code S_t^i} (Eq. 11), including backlog served
 * @param shortage  {@code O_t^i} (Eq. 12): units lost (lost sales) or backlogged at the period's end (backlog)
 * @param arrived   units that arrived before the period's sales ({@code q_{t-L^i}^i})
 * @param orders    {@code q_t^i}, units ordered
 * @param inventory {@code I_t^i} (Eq. 13), units on hand at the period's end
 * @param profit    {@code F_t^i} (Eq. 14)
 * @param reward    {@code Σ_i F_t^i}
 */
public record RecommendationInfo(int period, int[] demand, int[] sales, int[] shortage, int[] arrived, int[] orders,
        int[] inventory, double[] profit, double reward) {
}
