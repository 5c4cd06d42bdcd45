package org.retailrl.algorithms.recommendation;

import java.util.Arrays;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationState;

/**
 * Stock-aware recommendation for docs/model.md §3. Rule, per product {@code i} and period: let the
 * cover be {@code ρ^i = (I^i − B^i + a^i) / μ^i}, where {@code a^i} is the units arriving before the
 * coming period's sales and {@code μ^i} the expected demand per period under uniform exposure
 * ({@link ChoiceBaseline#uniformDemand}); {@code ρ^i = +∞} when {@code μ^i = 0}.
 * <ul>
 * <li>{@code ρ^i ≥ high} (ample stock): push — show {@code i} in equal parts to the {@code k}
 *     customers where full exposure adds the most expected units, {@code u^{i,j}} largest;</li>
 * <li>{@code ρ^i < low} (about to stock out): shield — show {@code i} in equal parts to the
 *     {@code k} customers where it adds the fewest units, {@code u^{i,j}} smallest;</li>
 * <li>otherwise uniform, {@code α^{i,j} = 1/M}.</li>
 * </ul>
 * Ties go to the lower customer index. Because {@code Σ_j α^{i,j} = 1} is forced, shielding is
 * the closest the recommender can come to not advertising a product.
 */
public final class StockAwareExposure implements ExposureRule {
    private final int m;
    private final int k;
    private final double low;
    private final double high;
    private final double[] mu;
    private final int[][] push;
    private final int[][] shield;

    /**
     * @param k    customers per pushed or shielded product, in {@code [1, M]}
     * @param low  cover below which a product is shielded, periods, {@code ≥ 0}
     * @param high cover at or above which a product is pushed, periods, {@code ≥ low}
     */
    public StockAwareExposure(RecommendationScenario s, int k, double low, double high) {
        if (!(low >= 0 && high >= low && Double.isFinite(high))) {
            throw new IllegalArgumentException("need finite 0 <= low <= high, got low = " + low + ", high = " + high);
        }
        ChoiceBaseline base = new ChoiceBaseline(s);
        this.m = s.customers();
        this.k = k;
        this.low = low;
        this.high = high;
        int n = s.products();
        mu = new double[n];
        push = new int[n][];
        shield = new int[n][];
        for (int i = 0; i < n; i++) {
            mu[i] = base.uniformDemand(i);
            push[i] = base.byLift(i, k, true);
            shield[i] = base.byLift(i, k, false);
        }
    }

    /** The defaults {@code k = 1}, {@code low = 1}, {@code high = 2} periods of cover. */
    public StockAwareExposure(RecommendationScenario s) {
        this(s, 1, 1.0, 2.0);
    }

    /** {@code ρ^i} of the rule. */
    public double cover(RecommendationState state, int i) {
        if (mu[i] == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return ((double) state.inventory()[i] - state.backlog()[i] + state.nextArrival(i)) / mu[i];
    }

    @Override
    public void exposure(RecommendationState state, double[] out) {
        for (int i = 0; i < mu.length; i++) {
            double rho = cover(state, i);
            if (rho >= high) {
                ChoiceBaseline.spread(out, i, m, push[i]);
            } else if (rho < low) {
                ChoiceBaseline.spread(out, i, m, shield[i]);
            } else {
                Arrays.fill(out, i * m, i * m + m, 1.0 / m);
            }
        }
    }

    @Override
    public String toString() {
        return "stock-aware(k=" + k + ", low=" + low + ", high=" + high + ")";
    }
}
