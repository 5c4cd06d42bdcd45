package org.retailrl.envs.recommendation;

/**
 * The deterministic equations of one period of docs/model.md §3, as pure functions shared by
 * {@link RecommendationEnv} and {@link RecommendationBatch} (so both compute bit-identical
 * probabilities). Matrices are row-major {@code [i·M + j]}: product {@code i}, customer {@code j}.
 *
 * <p>Order of events in period {@code t}: (1) ratings from the exposure (Eq. 8); (2) choice
 * probabilities (Eq. 10); (3) demand draws (Eq. 9); (4) the order {@code q_t^i} is placed and the
 * order placed {@code L^i} periods ago arrives ({@code L^i = 0}: this period's order arrives
 * now); (5) sales from stock on hand plus the arrival (Eq. 11), lost sales or backlog (Eq. 12),
 * end-of-period stock (Eq. 13); (6) profit (Eq. 14).
 */
public final class RecommendationDynamics {
    private RecommendationDynamics() {
    }

    /** Eq. 8: {@code R_t = R_{-1} + (R_max − R_{-1})·α·E}. */
    public static double rating(double initialRating, double ratingMax, double exposure, double efficiency) {
        return initialRating + (ratingMax - initialRating) * exposure * efficiency;
    }

    /**
     * Eq. 8 for every pair: {@code ratingsOut[k] = rating(initial[k], ratingMax, exposure[expOff + k], E)}
     * for {@code k < n·m}.
     */
    public static void ratings(double[] initial, double ratingMax, double efficiency, double[] exposure, int expOff,
            double[] ratingsOut) {
        for (int k = 0; k < initial.length; k++) {
            ratingsOut[k] = rating(initial[k], ratingMax, exposure[expOff + k], efficiency);
        }
    }

    /**
     * Eq. 10 for every customer: {@code γ^{i,j} = exp(R^{i,j}) / Σ_k exp(R^{k,j})}, computed as
     * {@code exp(R^{i,j} − max_k R^{k,j})} over the same sum so that no exponential overflows.
     *
     * @param ratings  {@code R_t}, {@code n·m} row-major
     * @param gammaOut receives {@code γ_t}, same layout (may not alias {@code ratings})
     */
    public static void choiceProbabilities(double[] ratings, int n, int m, double[] gammaOut) {
        for (int j = 0; j < m; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, ratings[i * m + j]);
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double e = Math.exp(ratings[i * m + j] - max);
                gammaOut[i * m + j] = e;
                sum += e;
            }
            double inv = 1.0 / sum;
            for (int i = 0; i < n; i++) {
                // Clamp guards binomial's p ≤ 1 against rounding of e·(1/sum) just above one.
                gammaOut[i * m + j] = Math.min(1.0, gammaOut[i * m + j] * inv);
            }
        }
    }

    /**
     * Eq. 11: units sold, {@code S = d − [d − A]^+ = min(d, A)}, where {@code d} is the demand
     * to serve (this period's, plus the carried backlog under backlog) and {@code A} the stock on
     * hand after the arrival.
     */
    public static int sales(int demandToServe, int available) {
        return Math.min(demandToServe, available);
    }

    /**
     * Eq. 14: {@code F = p_out·S − p_in·q − h·I − b·O}, where {@code O} is the lost units (lost sales)
     * or the units backlogged at the end of the period (backlog).
     */
    public static double profit(double priceOut, double priceIn, double holdingCost, double shortageCost, int sales,
            int order, int inventory, int shortage) {
        return priceOut * sales - priceIn * order - holdingCost * inventory - shortageCost * shortage;
    }
}
