package org.retailrl.algorithms.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationScenarios;

/**
 * The inventory-with-recommendation experiment of docs/model.md §3 (Jiang et al. §VI.B, Fig. 2; Jiang, Han, Peng and
 * Zhang): for every training seed, trains MTMA, Joint IM-RS, IM-Only and RS-Only
 * ({@link Trainer}), builds Naive IM-RS from the last two, fits the base-stock
 * heuristics (uniform, rating-greedy, stock-aware exposure) on their own episodes, and scores
 * every policy on the same evaluation episodes ({@link CrnEvaluation}, common random numbers),
 * then compares them ({@link ComparisonResult}).
 *
 * <p>Seeds: learner {@code l} of training seed {@code g} is seeded {@link #trainingSeed}; every
 * policy is evaluated on episodes {@code Rng.stream(EVAL_SEED, e)}; base-stock levels are fitted
 * on {@code FIT_SEED}, disjoint from the evaluation episodes. The experiment layer of the command
 * line runs the training, the per-seed evaluations ({@link #evaluateSeed}) and the heuristics
 * ({@link #heuristics(ComparisonOptions)}) as self-contained tasks and combines them with
 * {@link #result}, so the result is bit-identical whatever the thread count.
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
    public static final List<String> SCENARIOS = List.of("recommendation-lost", "recommendation-backlog",
            "recommendation-large-lost", "recommendation-large-backlog");

    private RecommendationComparison() {
    }

    /**
     * The scenario called {@code name}: {@code recommendation-lost} (the small default, 5 products ×
     * 20 customers, lost sales), {@code recommendation-backlog} (the same with backlog), and
     * {@code recommendation-large-lost} / {@code recommendation-large-backlog} (50 × 1,000).
     */
    public static RecommendationScenario scenario(String name) {
        return switch (name == null ? "" : name) {
            case "recommendation-lost" -> RecommendationScenarios.named("small");
            case "recommendation-backlog" -> RecommendationScenarios.named("small-backlog");
            case "recommendation-large-lost" -> RecommendationScenarios.named("large");
            case "recommendation-large-backlog" -> RecommendationScenarios.named("large-backlog");
            default -> throw new IllegalArgumentException("scenario must be one of " + SCENARIOS + ", got '" + name
                    + "'");
        };
    }

    /**
     * The seed of learner {@code l}'s training run for training seed {@code g} (0-based):
     * {@code Rng.stream(MASTER_SEED, 16·(g + 1) + l).nextLong()}.
     */
    public static long trainingSeed(int g, Learner l) {
        return Rng.stream(MASTER_SEED, 16L * (g + 1) + l.ordinal()).nextLong();
    }

    /**
     * The comparison of the trained learners: {@code rewards[p][g]} are the evaluation episode
     * rewards of learned policy {@code p} (the {@link Learner}s in order, then Naive IM-RS) of
     * training seed {@code g}; {@code curves.get(l)[g]} learner {@code l}'s learning curve.
     */
    public static ComparisonResult result(ComparisonOptions o, double[][][] rewards, List<PolicyOutcome> heuristics,
                                          List<double[][]> curves) {
        Learner[] learners = Learner.values();
        String[] names = new String[learners.length + 1];
        for (int l = 0; l < learners.length; l++) {
            names[l] = learners[l].label();
        }
        names[learners.length] = ComparisonResult.NAIVE;
        if (rewards.length != names.length) {
            throw new IllegalArgumentException("rewards must hold " + names.length + " learned policies, got "
                    + rewards.length);
        }
        List<PolicyOutcome> policies = new ArrayList<>();
        for (int p = 0; p < names.length; p++) {
            policies.add(new PolicyOutcome(names[p], true, rewards[p]));
        }
        policies.addAll(heuristics);
        return ComparisonResult.of(o, policies, curves, o.copies() * o.mtma().episodesPerUpdate(), BOOTSTRAP_RESAMPLES,
                BOOTSTRAP_SEED);
    }

    /** The base-stock heuristics of {@code o}'s scenario on its evaluation episodes. */
    public static List<PolicyOutcome> heuristics(ComparisonOptions o) {
        return heuristics(o.scenario(), o.fitEpisodes(), EVAL_SEED, o.evalEpisodes());
    }

    /** Rewards of every {@link Learner} (in order) and then Naive of one seed's trained learners. */
    public static double[][] evaluateSeed(ComparisonOptions o, List<Trainer> tr) {
        RecommendationScenario s = o.scenario();
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
