package org.retailrl.algorithms.recommendation;

import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationState;

/**
 * What a network of docs/model.md §3 (§3.6) sees at the start of a period. Stock quantities are
 * divided by {@code u = Σ_j c^j / N}, the mean demand of one product per period when exposure is
 * uniform in expectation, so the inputs are of order one whatever the scenario's size; the period
 * enters as {@code t/T}. Last period's demand {@code d_{t−1}^i} and sales {@code S_{t−1}^i} (zero in
 * the first period) are the signals an agent observes at its own counter; they are not part of the
 * Markov state, so a deployed policy is told them after every period
 * ({@link RecommendationPolicy#observe}).
 *
 * <ul>
 * <li>{@link #GLOBAL} — the Markov state {@code s_t = {I_{t-1}^i, q_{t-t'}^i}} of Jiang et al. §VI.A:
 *     per product on-hand, backlog, and the {@code L_max} pipeline slots, then {@code t/T};
 *     {@code N·(2 + L_max) + 1} floats. The centralised critic, the Joint agent and the siloed
 *     agents (which, as in Jiang et al. §VI.B, take the global state) see this.</li>
 * <li>{@link #REPLENISHMENT} — the MTMA replenishment agent's own view, the replenishment
 *     department's ledger: per product on-hand, backlog, the pipeline slots, last period's sales
 *     and last period's demand, then {@code t/T}; {@code N·(4 + L_max) + 1} floats. It sees nothing
 *     of the customers or of the exposure.</li>
 * <li>{@link #RECOMMENDATION} — the MTMA recommendation agent's own view: per product the stock
 *     available to sell this period ({@code I + next arrival − backlog}), the inventory position
 *     ({@code I − backlog + pipeline}) and last period's demand, then {@code t/T}; {@code 3N + 1}
 *     floats. It sees neither the pipeline's timing nor the orders placed this period. The ratings it
 *     acts on are the initial ratings {@code R_{−1}} (Eq. 8 lifts them afresh every period, nothing
 *     carries over) and the customers' purchase counts {@code c^j} are fixed, so both are constants
 *     of the scenario that the actor absorbs into its biases rather than inputs; last period's
 *     demand is the customer side's time-varying signal.</li>
 * </ul>
 */
public enum ObservationView {
    /** The global state (critic, single-agent learners). */
    GLOBAL,
    /** The replenishment agent's ledger: stock, pipeline, last sales and demand. */
    REPLENISHMENT,
    /** The recommendation agent's per-product stock summary and last demand. */
    RECOMMENDATION;

    /** Floats in this view for scenario {@code s}. */
    public int size(RecommendationScenario s) {
        int n = s.products();
        return switch (this) {
            case GLOBAL -> n * (2 + s.maxLeadTime()) + 1;
            case REPLENISHMENT -> n * (4 + s.maxLeadTime()) + 1;
            case RECOMMENDATION -> 3 * n + 1;
        };
    }

    /** The stock scale {@code u} of {@code s}, units per product per period (at least 1). */
    public static double stockScale(RecommendationScenario s) {
        return Math.max(1.0, (double) s.totalPurchaseCount() / s.products());
    }

    /**
     * Writes the view of {@code st} into {@code out[off .. off + size)}, with last period's demand
     * {@code demand[dOff .. dOff + N)} and sales {@code sales[dOff .. dOff + N)} (zeros in the first
     * period; unused by {@link #GLOBAL}).
     *
     * @param s  the scenario {@code st} belongs to
     * @param st the state at the start of the coming period
     */
    public void write(RecommendationScenario s, RecommendationState st, int[] demand, int[] sales, int dOff,
                      float[] out, int off) {
        int n = s.products();
        int lMax = s.maxLeadTime();
        int[][] pipe = st.pipeline();
        int[] slots = new int[n * lMax];
        int[] lead = new int[n];
        for (int i = 0; i < n; i++) {
            lead[i] = pipe[i].length;
            System.arraycopy(pipe[i], 0, slots, i * lMax, lead[i]);
        }
        write(s, st.period(), st.inventory(), st.backlog(), slots, lead, demand, sales, dOff, out, off);
    }

    /**
     * The same view from a state given as arrays — {@code period}, {@code stock[i]},
     * {@code back[i]} and {@code pipeline[i·L_max + l]} for {@code l < lead[i]} — as
     * {@code RecommendationBatch.stateInto} writes a copy's state into reused arrays, so a rollout
     * observes every copy without allocating.
     */
    public void write(RecommendationScenario s, int period, int[] stock, int[] back, int[] pipeline, int[] lead,
                      int[] demand, int[] sales, int dOff, float[] out, int off) {
        int n = s.products();
        int lMax = s.maxLeadTime();
        double inv = 1.0 / stockScale(s);
        float time = (float) ((double) period / s.horizon());
        if (this == RECOMMENDATION) {
            for (int i = 0; i < n; i++) {
                int p0 = i * lMax;
                int next = lead[i] == 0 ? 0 : pipeline[p0];
                long position = (long) stock[i] - back[i];
                for (int l = 0; l < lead[i]; l++) {
                    position += pipeline[p0 + l];
                }
                out[off + i] = (float) ((stock[i] + next - back[i]) * inv);
                out[off + n + i] = (float) (position * inv);
                out[off + 2 * n + i] = (float) (demand[dOff + i] * inv);
            }
            out[off + 3 * n] = time;
            return;
        }
        for (int i = 0; i < n; i++) {
            out[off + i] = (float) (stock[i] * inv);
            out[off + n + i] = (float) (back[i] * inv);
            for (int l = 0; l < lMax; l++) {
                out[off + 2 * n + i * lMax + l] = l < lead[i] ? (float) (pipeline[i * lMax + l] * inv) : 0f;
            }
        }
        int at = off + n * (2 + lMax);
        if (this == REPLENISHMENT) {
            for (int i = 0; i < n; i++) {
                out[at + i] = (float) (sales[dOff + i] * inv);
                out[at + n + i] = (float) (demand[dOff + i] * inv);
            }
            at += 2 * n;
        }
        out[at] = time;
    }
}
