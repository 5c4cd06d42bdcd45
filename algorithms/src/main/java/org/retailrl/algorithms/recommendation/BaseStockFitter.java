package org.retailrl.algorithms.recommendation;

import org.retailrl.envs.recommendation.RecommendationEnv;
import org.retailrl.envs.recommendation.RecommendationScenario;

/**
 * Fits the base-stock levels {@code S^i} of {@link BaseStockReplenishment} for docs/model.md §3 by
 * simulation. Candidate levels are {@code S^i(f) = round(f·(L^i + 1)·μ^i)} — a multiple {@code f}
 * of the mean demand over the lead time plus the review period, {@code μ^i} from
 * {@link ChoiceBaseline#uniformDemand} — for {@code f} on a grid. For each {@code f} all products
 * use {@code S^i(f)} over the same {@code episodes} episodes (common random numbers); then each
 * product keeps the {@code f} with the highest mean of its own profit {@code Σ_t F_t^i}.
 *
 * <p>When the exposure rule does not depend on stock (uniform, rating-greedy) a product's
 * demand does not depend on any order, so its profit depends on its own level only and the
 * per-product choice is the exact optimum over the grid for these episodes. With a stock-aware
 * rule the products interact through exposure and the per-product choice is a heuristic. Fit on
 * one seed and evaluate on another, or the reported reward is biased upwards by the selection.
 */
public final class BaseStockFitter {
    /** The default multiplier grid: {@code f = 0, 0.1, …, 3.0}. */
    public static double[] defaultGrid() {
        double[] g = new double[31];
        for (int k = 0; k < g.length; k++) {
            g[k] = k / 10.0;
        }
        return g;
    }

    private BaseStockFitter() {
    }

    /**
     * Fitted levels for {@code s} under {@code recommendation}, from {@code episodes} episodes of
     * the run seeded {@code seed}.
     */
    public static int[] fit(RecommendationScenario s, ExposureRule recommendation, double[] grid, long seed,
            int episodes) {
        if (grid == null || grid.length == 0) {
            throw new IllegalArgumentException("grid must have at least one multiplier");
        }
        for (int g = 0; g < grid.length; g++) {
            if (!(grid[g] >= 0 && grid[g] <= 1e6)) {
                throw new IllegalArgumentException("grid[" + g + "] must be in [0, 1e6], got " + grid[g]);
            }
        }
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        int n = s.products();
        ChoiceBaseline base = new ChoiceBaseline(s);
        int[] lead = s.leadTime();
        int[][] levels = new int[grid.length][n];
        double[][] profit = new double[grid.length][n];
        RecommendationEnv env = new RecommendationEnv(s);
        int[] orders = new int[n];
        double[] exposure = new double[n * s.customers()];
        for (int g = 0; g < grid.length; g++) {
            for (int i = 0; i < n; i++) {
                levels[g][i] = (int) Math.min(Integer.MAX_VALUE / 2,
                        Math.round(grid[g] * (lead[i] + 1) * base.uniformDemand(i)));
            }
            RecommendationPolicy policy = RecommendationPolicy.of(
                    new BaseStockReplenishment(levels[g], s.maxOrder()), recommendation);
            for (int e = 0; e < episodes; e++) {
                env.reset(seed, e);
                policy.beginEpisode(seed, e);
                while (!env.done()) {
                    policy.act(env.state(), orders, exposure);
                    double[] f = env.step(orders, exposure).info().profit();
                    for (int i = 0; i < n; i++) {
                        profit[g][i] += f[i];
                    }
                }
            }
        }
        int[] best = new int[n];
        for (int i = 0; i < n; i++) {
            int arg = 0;
            for (int g = 1; g < grid.length; g++) {
                if (profit[g][i] > profit[arg][i]) {
                    arg = g;
                }
            }
            best[i] = levels[arg][i];
        }
        return best;
    }
}
