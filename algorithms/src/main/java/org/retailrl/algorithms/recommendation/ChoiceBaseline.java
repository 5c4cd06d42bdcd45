package org.retailrl.algorithms.recommendation;

import java.util.Arrays;
import org.retailrl.envs.recommendation.Exposure;
import org.retailrl.envs.recommendation.RecommendationDynamics;
import org.retailrl.envs.recommendation.RecommendationScenario;

/**
 * Static demand quantities of a docs/model.md §3 scenario that the heuristic recommenders rank
 * customers by, all from Eqs. 8–10:
 * <ul>
 * <li>{@code baseChoice(i, j)} — {@code γ_{-1}^{i,j}}, Eq. 10 at the initial ratings (no exposure);</li>
 * <li>{@code lift(i, j)} — {@code u^{i,j} = c^j·(γ'^{i,j} − γ_{-1}^{i,j})}, the expected extra units of
 *     product {@code i} bought by customer {@code j} per period when product {@code i} alone is fully
 *     shown to {@code j} ({@code α^{i,j} = 1}, every other rating at {@code R_{-1}});</li>
 * <li>{@code uniformDemand(i)} — {@code μ^i = Σ_j c^j γ^{i,j}} under uniform exposure
 *     {@code α = 1/M}, units per period.</li>
 * </ul>
 */
public final class ChoiceBaseline {
    private final int n;
    private final int m;
    private final double[] baseChoice;
    private final double[] lift;
    private final double[] uniformDemand;

    /** The quantities of {@code s}. */
    public ChoiceBaseline(RecommendationScenario s) {
        n = s.products();
        m = s.customers();
        double[] r0 = s.initialRatings();
        int[] c = s.purchaseCounts();
        baseChoice = new double[n * m];
        RecommendationDynamics.choiceProbabilities(r0, n, m, baseChoice);
        lift = new double[n * m];
        for (int j = 0; j < m; j++) {
            double mx = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double lifted = RecommendationDynamics.rating(r0[i * m + j], s.ratingMax(), 1.0, s.efficiency());
                mx = Math.max(mx, Math.max(r0[i * m + j], lifted));
            }
            double z = 0;
            for (int i = 0; i < n; i++) {
                z += Math.exp(r0[i * m + j] - mx);
            }
            for (int i = 0; i < n; i++) {
                double own = Math.exp(r0[i * m + j] - mx);
                double lifted = Math.exp(
                        RecommendationDynamics.rating(r0[i * m + j], s.ratingMax(), 1.0, s.efficiency()) - mx);
                double gammaLifted = lifted / (z - own + lifted);
                lift[i * m + j] = c[j] * (gammaLifted - baseChoice[i * m + j]);
            }
        }
        double[] ratings = new double[n * m];
        double[] gamma = new double[n * m];
        RecommendationDynamics.ratings(r0, s.ratingMax(), s.efficiency(), Exposure.uniform(n, m), 0, ratings);
        RecommendationDynamics.choiceProbabilities(ratings, n, m, gamma);
        uniformDemand = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                uniformDemand[i] += c[j] * gamma[i * m + j];
            }
        }
    }

    /** {@code γ_{-1}^{i,j}}. */
    public double baseChoice(int i, int j) {
        return baseChoice[i * m + j];
    }

    /** {@code u^{i,j}}, units per period. */
    public double lift(int i, int j) {
        return lift[i * m + j];
    }

    /** {@code μ^i} under uniform exposure, units per period. */
    public double uniformDemand(int i) {
        return uniformDemand[i];
    }

    /** The {@code k} customers with the highest {@code baseChoice(i, ·)}; ties go to the lower index. */
    public int[] highestChoice(int i, int k) {
        return rank(baseChoice, i, k, true);
    }

    /** The {@code k} customers with the highest ({@code largest}) or lowest lift for product {@code i}. */
    public int[] byLift(int i, int k, boolean largest) {
        return rank(lift, i, k, largest);
    }

    private int[] rank(double[] score, int i, int k, boolean largest) {
        if (k < 1 || k > m) {
            throw new IllegalArgumentException("k (customers per product) must be in [1, " + m + "], got " + k);
        }
        Integer[] idx = new Integer[m];
        for (int j = 0; j < m; j++) {
            idx[j] = j;
        }
        // A stable sort keeps ties in index order, which makes the rule deterministic.
        Arrays.sort(idx, (a, b) -> largest ? Double.compare(score[i * m + b], score[i * m + a])
                : Double.compare(score[i * m + a], score[i * m + b]));
        int[] out = new int[k];
        for (int t = 0; t < k; t++) {
            out[t] = idx[t];
        }
        return out;
    }

    /** Writes {@code α^{i,·}}: {@code 1/|chosen|} on the chosen customers, 0 elsewhere. */
    static void spread(double[] out, int i, int m, int[] chosen) {
        Arrays.fill(out, i * m, i * m + m, 0.0);
        double w = 1.0 / chosen.length;
        for (int j : chosen) {
            out[i * m + j] = w;
        }
    }
}
