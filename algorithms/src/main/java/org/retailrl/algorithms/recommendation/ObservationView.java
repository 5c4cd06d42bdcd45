package org.retailrl.algorithms.recommendation;

import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationState;

/**
 * What a network of docs/model.md §3 sees at the start of a period. Stock quantities are divided by
 * {@code u = Σ_j c^j / N}, the mean demand of one product per period when exposure is uniform in
 * expectation, so the inputs are of order one whatever the scenario's size; the period enters as
 * {@code t/T}. The initial ratings and purchase counts are constant within a scenario, so they
 * are not inputs: a network absorbs constants into its biases.
 *
 * <ul>
 * <li>{@link #GLOBAL} — the Markov state {@code s_t = {I_{t-1}^i, q_{t-t'}^i}} of Jiang et al. §VI.A:
 *     per product on-hand, backlog, and the {@code L_max} pipeline slots, then {@code t/T};
 *     {@code N·(2 + L_max) + 1} floats. The centralised critic, the Joint agent and the siloed
 *     agents (which, as in Jiang et al. §VI.B, take the global state) see this.</li>
 * <li>{@link #REPLENISHMENT} — the MTMA replenishment agent's own view: the stock ledger of the
 *     replenishment department, which for this model is the whole inventory state, so it has the
 *     same contents as {@link #GLOBAL}.</li>
 * <li>{@link #RECOMMENDATION} — the MTMA recommendation agent's own view: per product only the
 *     stock available to sell this period ({@code I + next arrival − backlog}) and the inventory
 *     position ({@code I − backlog + pipeline}), then {@code t/T}; {@code 2N + 1} floats. It does
 *     not see the pipeline's timing nor the orders placed this period (decentralised execution).</li>
 * </ul>
 */
public enum ObservationView {
    /** The global state (critic, single-agent learners). */
    GLOBAL,
    /** The replenishment agent's ledger (same contents as the global state here). */
    REPLENISHMENT,
    /** The recommendation agent's per-product stock summary. */
    RECOMMENDATION;

    /** Floats in this view for scenario {@code s}. */
    public int size(RecommendationScenario s) {
        int n = s.products();
        return this == RECOMMENDATION ? 2 * n + 1 : n * (2 + s.maxLeadTime()) + 1;
    }

    /** The stock scale {@code u} of {@code s}, units per product per period (at least 1). */
    public static double stockScale(RecommendationScenario s) {
        return Math.max(1.0, (double) s.totalPurchaseCount() / s.products());
    }

    /**
     * Writes the view of {@code st} into {@code out[off .. off + size)}.
     *
     * @param s  the scenario {@code st} belongs to
     * @param st the state at the start of the coming period
     */
    public void write(RecommendationScenario s, RecommendationState st, float[] out, int off) {
        int n = s.products();
        int lMax = s.maxLeadTime();
        double inv = 1.0 / stockScale(s);
        float time = (float) ((double) st.period() / s.horizon());
        int[] stock = st.inventory();
        int[] back = st.backlog();
        int[][] pipe = st.pipeline();
        if (this == RECOMMENDATION) {
            for (int i = 0; i < n; i++) {
                out[off + i] = (float) ((stock[i] + st.nextArrival(i) - back[i]) * inv);
                out[off + n + i] = (float) (st.inventoryPosition(i) * inv);
            }
            out[off + 2 * n] = time;
            return;
        }
        for (int i = 0; i < n; i++) {
            out[off + i] = (float) (stock[i] * inv);
            out[off + n + i] = (float) (back[i] * inv);
            for (int l = 0; l < lMax; l++) {
                out[off + 2 * n + i * lMax + l] = l < pipe[i].length ? (float) (pipe[i][l] * inv) : 0f;
            }
        }
        out[off + n * (2 + lMax)] = time;
    }
}
