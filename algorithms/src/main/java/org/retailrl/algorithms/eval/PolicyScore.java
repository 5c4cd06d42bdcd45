package org.retailrl.algorithms.eval;

/**
 * One policy's score under the evaluation protocol of docs/model.md §8.
 *
 * @param name policy name
 * @param episodeScores per evaluation episode {@code e}, the episode profit (currency) averaged
 *                      over the policy's seeds; the statistics below are over these
 * @param seedMeans per seed, the mean episode profit over all evaluation episodes
 * @param summary mean and 95% t-interval of {@code episodeScores}
 * @param gapToOptimumPct {@code 100·(V* − mean)/|V*|} when a DP optimum {@code V*} is known, else NaN
 * @param gapHalfWidthPct half-width of the gap's interval ({@code 100·halfWidth/|V*|}), else NaN
 */
public record PolicyScore(String name, double[] episodeScores, double[] seedMeans, Summary summary,
        double gapToOptimumPct, double gapHalfWidthPct) {

    /** Standard deviation of the per-seed means (0 with one seed). */
    public double seedSd() {
        if (seedMeans.length < 2) {
            return 0;
        }
        double m = 0;
        for (double x : seedMeans) {
            m += x;
        }
        m /= seedMeans.length;
        double ss = 0;
        for (double x : seedMeans) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (seedMeans.length - 1));
    }
}
