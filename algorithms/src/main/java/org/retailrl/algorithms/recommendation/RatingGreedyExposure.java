package org.retailrl.algorithms.recommendation;

import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationState;

/**
 * Rating-greedy recommendation for docs/model.md §3. Rule: each product {@code i} is shown, in equal
 * parts {@code α^{i,j} = 1/k}, to the {@code k} customers with the highest initial choice
 * probability {@code γ_{-1}^{i,j}} (Eq. 10 at the initial ratings; ties to the lower customer
 * index), and not at all to the others. It ignores stock: the same exposure in every state.
 */
public final class RatingGreedyExposure implements ExposureRule {
    private final int m;
    private final int k;
    private final int[][] chosen;

    /** Shows each product to its {@code k ∈ [1, M]} best-matching customers. */
    public RatingGreedyExposure(RecommendationScenario s, int k) {
        ChoiceBaseline base = new ChoiceBaseline(s);
        this.m = s.customers();
        this.k = k;
        chosen = new int[s.products()][];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = base.highestChoice(i, k);
        }
    }

    @Override
    public void exposure(RecommendationState state, double[] out) {
        for (int i = 0; i < chosen.length; i++) {
            ChoiceBaseline.spread(out, i, m, chosen[i]);
        }
    }

    @Override
    public String toString() {
        return "rating-greedy(k=" + k + ")";
    }
}
