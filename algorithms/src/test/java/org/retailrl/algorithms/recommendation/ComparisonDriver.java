package org.retailrl.algorithms.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.retailrl.algorithms.rl.Trainer;

/**
 * Runs the docs/model.md §3 comparison from its algorithm-level pieces for the tests and manual
 * runs of this package: {@link RecommendationComparison#trainingSeed}, {@link Learner#trainer},
 * {@link RecommendationComparison#evaluateSeed}, {@link RecommendationComparison#heuristics} and
 * {@link RecommendationComparison#result}, each training and evaluation a task of its own.
 */
final class ComparisonDriver {
    private ComparisonDriver() {
    }

    private static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Trains every learner of every seed, evaluates each seed and the heuristics, each as its own
     * task on {@code o.threads()} workers, then combines them.
     */
    static ComparisonResult run(ComparisonOptions o) throws InterruptedException {
        DecisionSpace space = new DecisionSpace(o.scenario());
        Learner[] learners = Learner.values();
        int rounds = o.rounds();
        ExecutorService pool = Executors.newFixedThreadPool(o.threads());
        try {
            List<Future<Trainer>> trainings = new ArrayList<>();
            double[][][] curves = new double[learners.length][o.seeds()][rounds];
            for (int g = 0; g < o.seeds(); g++) {
                for (Learner l : learners) {
                    final int seed = g;
                    trainings.add(pool.submit(() -> {
                        Trainer t = l.trainer(space, o.config(l), o.copies(), RecommendationComparison.trainingSeed(seed, l),
                                rounds);
                        for (int r = 0; r < rounds; r++) {
                            curves[l.ordinal()][seed][r] = t.round().meanEpisodeReward();
                        }
                        return t;
                    }));
                }
            }
            Future<List<PolicyOutcome>> heuristics = pool.submit(() -> RecommendationComparison.heuristics(o));
            List<Trainer> trained = new ArrayList<>();
            for (Future<Trainer> f : trainings) {
                trained.add(get(f));
            }
            List<Future<double[][]>> evals = new ArrayList<>();
            for (int g = 0; g < o.seeds(); g++) {
                List<Trainer> mine = trained.subList(g * learners.length, (g + 1) * learners.length);
                evals.add(pool.submit(() -> RecommendationComparison.evaluateSeed(o, mine)));
            }
            double[][][] rewards = new double[learners.length + 1][o.seeds()][];
            for (int g = 0; g < o.seeds(); g++) {
                double[][] rows = get(evals.get(g));
                for (int p = 0; p < rows.length; p++) {
                    rewards[p][g] = rows[p];
                }
            }
            return RecommendationComparison.result(o, rewards, get(heuristics), List.of(curves));
        } finally {
            pool.shutdownNow();
        }
    }
}
