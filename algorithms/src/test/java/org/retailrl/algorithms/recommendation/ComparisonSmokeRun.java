package org.retailrl.algorithms.recommendation;

import org.retailrl.algorithms.rl.Presets;

/**
 * A manual smoke run (not a test) of the {@link RecommendationComparison} pieces ({@link ComparisonDriver}). Arguments: scenario name,
 * training episodes, seeds, threads.
 */
public final class ComparisonSmokeRun {
    private ComparisonSmokeRun() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "recommendation-lost";
        int episodes = args.length > 1 ? Integer.parseInt(args[1]) : 800;
        int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        ComparisonOptions o = new ComparisonOptions(name, RecommendationComparison.scenario(name), seeds, episodes,
                ComparisonOptions.DEFAULT_EVAL_EPISODES, ComparisonOptions.DEFAULT_FIT_EPISODES, threads,
                Presets.RECOMMENDATION_COPIES, Presets.MTMA, Presets.MTMA_SINGLE);
        long t0 = System.nanoTime();
        ComparisonResult r = ComparisonDriver.run(o);
        System.out.print(RecommendationComparison.table(r));
        r.claims().evidence().forEach(System.out::println);
        System.out.printf("%.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
