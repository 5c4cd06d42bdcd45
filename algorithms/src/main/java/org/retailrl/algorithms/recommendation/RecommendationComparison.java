package org.retailrl.algorithms.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.retailrl.algorithms.recommendation.BaseStockFitter;
import org.retailrl.algorithms.recommendation.BaseStockReplenishment;
import org.retailrl.algorithms.recommendation.CrnEvaluation;
import org.retailrl.algorithms.recommendation.ExposureRule;
import org.retailrl.algorithms.recommendation.RatingGreedyExposure;
import org.retailrl.algorithms.recommendation.RecommendationPolicy;
import org.retailrl.algorithms.recommendation.StockAwareExposure;
import org.retailrl.algorithms.recommendation.UniformExposure;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationScenarios;

/**
 * The inventory-with-recommendation experiment of MODEL.md §3 (seed 002 §VI.B, Fig. 2; seeds
 * 000/001): for every training seed, trains MTMA, Joint IM-RS, IM-Only and RS-Only
 * ({@link Trainer}), builds Naive IM-RS from the last two, fits the base-stock
 * heuristics (uniform, rating-greedy, stock-aware exposure) on their own episodes, and scores
 * every policy on the same evaluation episodes ({@link CrnEvaluation}, common random numbers),
 * then compares them ({@link ComparisonResult}).
 *
 * <p>Seeds: learner {@code l} of training seed {@code g} is seeded
 * {@code Rng.stream(MASTER_SEED, 16·g + l)}; every policy is evaluated on episodes
 * {@code Rng.stream(EVAL_SEED, e)}; base-stock levels are fitted on {@code FIT_SEED}, disjoint
 * from the evaluation episodes. Parallelism: one task per (seed, learner) training, then one task
 * per seed's evaluation and one for the heuristics, on {@code threads} workers; each task is
 * sequential and self-contained and results are stored by index, so the result is bit-identical
 * whatever the thread count.
 */
public final class RecommendationComparison {
    /** Root of the training seeds. */
    public static final long MASTER_SEED = 0x5eed_3a7a_0000_0001L;
    /** Seed of the evaluation episodes. */
    public static final long EVAL_SEED = 0x5eed_3a7a_0000_e7a1L;
    /** Seed of the base-stock fitting episodes. */
    public static final long FIT_SEED = 0x5eed_3a7a_0000_f175L;
    /** Seed of the concentration bootstrap. */
    public static final long BOOTSTRAP_SEED = 0x5eed_3a7a_0000_b007L;
    /** Bootstrap resamples for the concentration intervals. */
    public static final int BOOTSTRAP_RESAMPLES = 2000;
    /** The scenario names accepted by {@link #scenario}. */
    public static final List<String> SCENARIOS = List.of("recommendation-lost", "recommendation-backlog");

    /** Receives progress: a phase name and the fraction of all work done, in [0, 1]. */
    public interface Progress {
        /** Called from worker threads, one call at a time. */
        void report(String phase, double fraction);
    }

    private RecommendationComparison() {
    }

    /**
     * The scenario called {@code name}: {@code recommendation-lost} (the small default, lost sales)
     * or {@code recommendation-backlog} (the same with backlog).
     */
    public static RecommendationScenario scenario(String name) {
        return switch (name == null ? "" : name) {
            case "recommendation-lost" -> RecommendationScenarios.named("small");
            case "recommendation-backlog" -> RecommendationScenarios.named("small-backlog");
            default -> throw new IllegalArgumentException("scenario must be one of " + SCENARIOS + ", got '" + name
                    + "'");
        };
    }

    /** Runs the experiment; {@code progress} may be null. */
    public static ComparisonResult run(ComparisonOptions o, Progress progress) throws InterruptedException {
        RecommendationScenario s = o.scenario();
        DecisionSpace space = new DecisionSpace(s);
        Learner[] learners = Learner.values();
        int rounds = o.rounds();
        int seeds = o.seeds();
        int evalCost = Math.max(1, (int) ((long) (learners.length + 1) * o.evalEpisodes()
                / (4L * o.copies() * o.mtma().episodesPerUpdate())));
        Meter meter = new Meter(progress, (long) seeds * learners.length * rounds + (long) (seeds + 1) * evalCost);
        ExecutorService pool = Executors.newFixedThreadPool(o.threads(), r -> {
            Thread t = new Thread(r, "recommendation-compare");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Trainer>> trainings = new ArrayList<>();
            List<double[]> curveRows = new ArrayList<>();
            for (int g = 0; g < seeds; g++) {
                for (Learner l : learners) {
                    long seed = Rng.stream(MASTER_SEED, 16L * (g + 1) + l.ordinal()).nextLong();
                    double[] curve = new double[rounds];
                    curveRows.add(curve);
                    trainings.add(pool.submit(() -> {
                        Trainer tr = l.trainer(space, o.config(l), o.copies(), seed, rounds);
                        for (int r = 0; r < rounds; r++) {
                            curve[r] = tr.round().meanEpisodeReward();
                            meter.add("training " + l.label(), 1);
                        }
                        return tr;
                    }));
                }
            }
            Future<List<PolicyOutcome>> heuristics = pool.submit(() -> {
                List<PolicyOutcome> out = heuristics(s, o);
                meter.add("heuristics", evalCost);
                return out;
            });
            List<Trainer> trained = new ArrayList<>();
            for (Future<Trainer> f : trainings) {
                trained.add(get(f));
            }
            List<Future<double[][]>> evals = new ArrayList<>();
            for (int g = 0; g < seeds; g++) {
                List<Trainer> mine = trained.subList(g * learners.length, (g + 1) * learners.length);
                evals.add(pool.submit(() -> {
                    double[][] out = evaluateSeed(s, o, mine);
                    meter.add("evaluation", evalCost);
                    return out;
                }));
            }
            int policiesLearned = learners.length + 1;
            double[][][] byPolicy = new double[policiesLearned][seeds][];
            for (int g = 0; g < seeds; g++) {
                double[][] rows = get(evals.get(g));
                for (int p = 0; p < policiesLearned; p++) {
                    byPolicy[p][g] = rows[p];
                }
            }
            List<PolicyOutcome> policies = new ArrayList<>();
            String[] names = {learners[0].label(), learners[1].label(), learners[2].label(), learners[3].label(),
                ComparisonResult.NAIVE};
            for (int p = 0; p < policiesLearned; p++) {
                policies.add(new PolicyOutcome(names[p], true, byPolicy[p]));
            }
            policies.addAll(get(heuristics));
            List<double[][]> curves = new ArrayList<>();
            for (int l = 0; l < learners.length; l++) {
                double[][] c = new double[seeds][];
                for (int g = 0; g < seeds; g++) {
                    c[g] = curveRows.get(g * learners.length + l);
                }
                curves.add(c);
            }
            meter.finish();
            return ComparisonResult.of(o, policies, curves, o.copies() * o.mtma().episodesPerUpdate(),
                    BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Rewards of MTMA, Joint, IM-Only, RS-Only and Naive of one seed's trained learners. */
    private static double[][] evaluateSeed(RecommendationScenario s, ComparisonOptions o,
                                           List<Trainer> tr) {
        Learner[] ls = Learner.values();
        List<RecommendationPolicy> ps = new ArrayList<>();
        for (int l = 0; l < ls.length; l++) {
            ps.add(LearnedPolicy.of(ls[l].label(), tr.get(l)));
        }
        ps.add(LearnedPolicy.naive(ComparisonResult.NAIVE, tr.get(Learner.IM_ONLY.ordinal()),
                tr.get(Learner.RS_ONLY.ordinal())));
        double[][] out = new double[ps.size()][];
        for (int p = 0; p < ps.size(); p++) {
            out[p] = CrnEvaluation.episodeRewards(s, ps.get(p), EVAL_SEED, o.evalEpisodes());
        }
        return out;
    }

    private static List<PolicyOutcome> heuristics(RecommendationScenario s, ComparisonOptions o) {
        return heuristics(s, o.fitEpisodes(), EVAL_SEED, o.evalEpisodes());
    }

    /**
     * Base-stock replenishment (levels fitted under each exposure rule on {@code fitEpisodes}
     * episodes) with the three heuristic recommenders, each scored on {@code evalEpisodes} common
     * episodes of {@code evalSeed}.
     */
    public static List<PolicyOutcome> heuristics(RecommendationScenario s, int fitEpisodes, long evalSeed,
                                                 int evalEpisodes) {
        ExposureRule[] rules = {new UniformExposure(s.customers()), new RatingGreedyExposure(s, 1),
            new StockAwareExposure(s)};
        String[] names = {"Base-stock + uniform", "Base-stock + rating-greedy", "Base-stock + stock-aware"};
        List<PolicyOutcome> out = new ArrayList<>();
        for (int k = 0; k < rules.length; k++) {
            int[] levels = BaseStockFitter.fit(s, rules[k], BaseStockFitter.defaultGrid(), FIT_SEED, fitEpisodes);
            RecommendationPolicy p = RecommendationPolicy.of(new BaseStockReplenishment(levels, s.maxOrder()), rules[k]);
            out.add(new PolicyOutcome(names[k], false,
                    new double[][] {CrnEvaluation.episodeRewards(s, p, evalSeed, evalEpisodes)}));
        }
        return out;
    }

    private static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException("comparison task failed", c);
        }
    }

    /** Thread-safe progress counter. */
    private static final class Meter {
        private final Progress progress;
        private final long total;
        private long done;

        Meter(Progress progress, long total) {
            this.progress = progress;
            this.total = Math.max(1, total);
        }

        synchronized void add(String phase, long units) {
            done += units;
            if (progress != null) {
                progress.report(phase, Math.min(1.0, (double) done / total));
            }
        }

        synchronized void finish() {
            if (progress != null) {
                progress.report("done", 1.0);
            }
        }
    }

    /** A plain-text table of {@code r} (policy, mean ± 95 % CI, SD, IQR, difference to MTMA). */
    public static String table(ComparisonResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-28s %22s %10s %10s %24s%n", "policy", "mean ± 95% CI", "sd", "iqr",
                "MTMA − policy (95% CI)"));
        for (PolicyOutcome p : r.policies()) {
            var m = p.summary();
            String d = p.name().equals(ComparisonResult.MTMA) ? "—"
                    : fmt(r.difference(ComparisonResult.MTMA, p.name()).diff());
            sb.append(String.format(Locale.ROOT, "%-28s %22s %10.1f %10.1f %24s%n", p.name(), fmt(m),
                    Spread.sd(p.pooled()), Spread.iqr(p.pooled()), d));
        }
        return sb.toString();
    }

    private static String fmt(org.retailrl.algorithms.recommendation.MeanInterval m) {
        return String.format(Locale.ROOT, "%.1f ± %.1f", m.mean(), m.halfWidth());
    }
}
