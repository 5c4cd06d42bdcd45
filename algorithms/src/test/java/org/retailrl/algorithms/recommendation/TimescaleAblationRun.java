package org.retailrl.algorithms.recommendation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.envs.recommendation.RecommendationScenario;

/**
 * A manual run (not a test): the ablations of the docs/model.md §3 learners over their timescales
 * and their recommendation action set, each variant trained on the comparison's training seeds of
 * its learner ({@link RecommendationComparison#trainingSeed}) and scored on the comparison's
 * evaluation episodes, so {@code mtma} and {@code joint} reproduce the comparison's MTMA and Joint
 * IM-RS. Seeds are the replicates: per variant the mean over seeds of the per-seed mean profit
 * with its t-interval, and the paired per-seed difference to the first variant.
 * Arguments: scenario name, training episodes, seeds, threads, then variant names (default: all).
 */
public final class TimescaleAblationRun {
    private record Variant(Learner learner, boolean simplex, LearnerConfig config) {
    }

    private static final Map<String, Variant> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("mtma", new Variant(Learner.MTMA, true, Presets.MTMA));
        VARIANTS.put("mtma-constant", new Variant(Learner.MTMA, true, Presets.MTMA_CONSTANT));
        VARIANTS.put("mtma-replenishment-fast", new Variant(Learner.MTMA, true, Presets.MTMA_REPLENISHMENT_FAST));
        VARIANTS.put("mtma-discrete", new Variant(Learner.MTMA, false, Presets.MTMA));
        VARIANTS.put("mtma-discrete-constant", new Variant(Learner.MTMA, false, Presets.MTMA_CONSTANT));
        VARIANTS.put("mtma-no-entropy", new Variant(Learner.MTMA, true, Presets.MTMA.withEntropyAndScaling(0.0,
                Presets.MTMA.scaleRewards())));
        VARIANTS.put("joint", new Variant(Learner.JOINT, true, Presets.MTMA_SINGLE));
        VARIANTS.put("joint-no-entropy", new Variant(Learner.JOINT, true, Presets.MTMA_SINGLE.withEntropyAndScaling(0.0,
                Presets.MTMA_SINGLE.scaleRewards())));
        VARIANTS.put("joint-discrete", new Variant(Learner.JOINT, false, Presets.MTMA_SINGLE));
    }

    private TimescaleAblationRun() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "recommendation-lost";
        int episodes = args.length > 1 ? Integer.parseInt(args[1]) : ComparisonOptions.DEFAULT_TRAIN_EPISODES;
        int seeds = args.length > 2 ? Integer.parseInt(args[2]) : ComparisonOptions.DEFAULT_SEEDS;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        List<String> names = args.length > 4 ? List.of(args).subList(4, args.length) : List.copyOf(VARIANTS.keySet());
        RecommendationScenario s = RecommendationComparison.scenario(name);
        int copies = Presets.RECOMMENDATION_COPIES;
        int rounds = (episodes + copies - 1) / copies;
        int e = ComparisonOptions.DEFAULT_EVAL_EPISODES;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<double[]>> tasks = new ArrayList<>();
            for (String v : names) {
                Variant x = VARIANTS.get(v);
                if (x == null) {
                    throw new IllegalArgumentException("variant must be one of " + VARIANTS.keySet() + ", got '" + v + "'");
                }
                DecisionSpace space = x.simplex() ? new DecisionSpace(s) : DecisionSpace.segments(s);
                for (int g = 0; g < seeds; g++) {
                    final int seed = g;
                    tasks.add(pool.submit(() -> {
                        Trainer t = x.learner().trainer(space, x.config(), copies,
                                RecommendationComparison.trainingSeed(seed, x.learner()), rounds);
                        for (int r = 0; r < rounds; r++) {
                            t.round();
                        }
                        return CrnEvaluation.episodeRewards(s, LearnedPolicy.of(v, t), RecommendationComparison.EVAL_SEED,
                                e);
                    }));
                }
            }
            double[][] seedMeans = new double[names.size()][seeds];
            double[][] pooled = new double[names.size()][seeds * e];
            for (int k = 0; k < names.size(); k++) {
                for (int g = 0; g < seeds; g++) {
                    double[] r = tasks.get(k * seeds + g).get();
                    seedMeans[k][g] = MeanInterval.of(r).mean();
                    System.arraycopy(r, 0, pooled[k], g * e, e);
                }
            }
            System.out.printf(Locale.ROOT, "%s: %d seeds x %d training episodes, %d evaluation episodes per seed, %.0f s%n",
                    name, seeds, episodes, e, (System.nanoTime() - start) / 1e9);
            System.out.printf(Locale.ROOT, "%-26s %-28s %-22s %-26s %s%n", "variant", "seed means",
                    "over seeds ± 95% CI", "paired vs " + names.get(0), "sd of episode profit");
            for (int k = 0; k < names.size(); k++) {
                StringBuilder sm = new StringBuilder();
                for (double m : seedMeans[k]) {
                    sm.append(String.format(Locale.ROOT, "%.1f ", m));
                }
                MeanInterval over = MeanInterval.of(seedMeans[k]);
                String diff = k == 0 ? "—" : fmt(MeanInterval.ofDifference(seedMeans[k], seedMeans[0]));
                System.out.printf(Locale.ROOT, "%-26s %-28s %-22s %-26s %.1f%n", names.get(k), sm.toString().trim(),
                        fmt(over), diff, Spread.sd(pooled[k]));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String fmt(MeanInterval m) {
        return String.format(Locale.ROOT, "%.1f ± %.1f", m.mean(), m.halfWidth());
    }
}
