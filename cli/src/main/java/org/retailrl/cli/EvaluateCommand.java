package org.retailrl.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.retailrl.algorithms.dp.BackwardInduction;
import org.retailrl.algorithms.dp.CompetitiveDp;
import org.retailrl.algorithms.dp.CompetitiveInstance;
import org.retailrl.algorithms.dp.CompetitiveSolution;
import org.retailrl.algorithms.dp.DpInstance;
import org.retailrl.algorithms.dp.DpSolution;
import org.retailrl.algorithms.eval.EvaluationReport;
import org.retailrl.algorithms.eval.PolicyEvaluator;
import org.retailrl.algorithms.heuristics.FeatureDemand;
import org.retailrl.algorithms.heuristics.Heuristic;
import org.retailrl.algorithms.heuristics.HeuristicOptimizer;
import org.retailrl.algorithms.heuristics.HeuristicSuite;
import org.retailrl.algorithms.pricing.BatchPricingPolicy;
import org.retailrl.algorithms.pricing.PerCopyBatchPolicy;
import org.retailrl.core.io.AtomicFiles;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonArray;
import org.retailrl.core.json.JsonValue;
import org.retailrl.algorithms.recommendation.ComparisonOptions;
import org.retailrl.algorithms.recommendation.RecommendationComparison;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.pricing.PricingScenarioJson;

/**
 * {@code retail evaluate}: fits the heuristic baselines of docs/model.md §8 to a §1 scenario (one fit per
 * seed), adds the exact DP policy when the scenario is a small instance, and scores all of them on
 * common evaluation episodes (the §8 protocol).
 */
final class EvaluateCommand implements Command {
    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "score heuristics (DP where small) and saved policies on common episodes; pricing or recommendation";
    }

    @Override
    public String usage() {
        return """
                usage: retail evaluate [--scenario a|b|c|d|<file.json>] [--episodes N] [--seeds N] [--out DIR]
                                       [--samples N] [--fit-episodes N] [--rounds N] [--eval-seed N]
                                       [--model FILE.rrpf ...]

                Fits BSLP, (s,S,p), Myopic and base-stock to the scenario as Zheng, Li, Jiang and Peng §3.8 does (Poisson
                log-linear demand fitted to simulated (price, demand) pairs, then parameters optimised by
                simulation with common random numbers), once per seed, and scores every policy on the same
                evaluation episodes: mean episode profit with 95% t-interval, paired differences and %
                improvement; the DP optimum and the gap to it when the scenario is a small instance
                (lost sales, lead time <= 1, fixed or undercutting competitor, referenceWeight 1, capped
                stock), with every heuristic's exact expected profit. Beside the paper's four it fits
                the strong set (docs/model.md §8.10): Myopic*, BSLP*, (s,S,p)* on a demand fit in the own,
                competitor and reference price and the rank, and Oracle Myopic on the true demand law.
                With --model, trained policy files (written by `retail train` or `retail compare`) are
                scored next to the heuristics on the same episodes, with greedy decisions; files of the
                same kind (fsda, ppo-joint) count as seeds of one policy. Their scenario must equal the
                evaluated one.

                  --scenario      a, b, c, d (docs/model.md §1.6) or a JSON scenario file (default b); or
                                  recommendation-lost / recommendation-backlog / recommendation-large-lost /
                                  recommendation-large-backlog (docs/model.md §3): saved mtma, joint-im-rs,
                                  im-only, rs-only, rs-only-base-stock, mtma-discrete, joint-im-rs-discrete
                                  policies beside the base-stock
                                  heuristics (--episodes 2..100000, default 100; --fit-episodes,
                                  default 20; --eval-seed, --model and --out apply)
                  --episodes      evaluation episodes, 2..1000000                         (default 1000)
                  --seeds         fitting seeds 1..N, 1..100                              (default 3)
                  --samples       (price, demand) pairs for the demand fit, 2..10000000   (default 10000)
                  --fit-episodes  episodes per objective evaluation in the search, 1..100000 (default 200)
                  --rounds        coordinate-search rounds at most, 1..100                (default 4)
                  --eval-seed     seed of the evaluation episodes                          (default 20261124)
                  --model         one or more policy files (.rrpf), space- or comma-separated
                  --out           directory for evaluation.{txt,csv,json}, heuristics.json, scenario.json""";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        String spec = args.string("scenario", "b");
        // A recommendation scenario has the recommendation comparison's defaults and range.
        boolean recommendation = spec.trim().startsWith("recommendation-");
        int episodes = recommendation
                ? args.integer("episodes", ComparisonOptions.DEFAULT_EVAL_EPISODES, 2, 100_000)
                : args.integer("episodes", 1000, 2, 1_000_000);
        int seeds = args.integer("seeds", 3, 1, 100);
        int samples = args.integer("samples", 10_000, 2, 10_000_000);
        int fitEpisodes = args.integer("fit-episodes",
                recommendation ? ComparisonOptions.DEFAULT_FIT_EPISODES : 200, 1, 100_000);
        int rounds = args.integer("rounds", 4, 1, 100);
        long evalSeed = args.longValue("eval-seed", 20_261_124L, Long.MIN_VALUE, Long.MAX_VALUE);
        String outDir = args.string("out", null);
        String modelOpt = args.string("model", null);
        args.finish();
        if (recommendation) {
            RecommendationScenario rs;
            try {
                rs = RecommendationComparison.scenario(spec.trim());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--" + e.getMessage());
            }
            List<String> files = new ArrayList<>();
            if (modelOpt != null) {
                for (String m : modelOpt.split(",")) {
                    if (!m.isBlank() && !m.equals("true")) {
                        files.add(m.trim());
                    }
                }
                files.addAll(args.positional());
            }
            return RecommendationEvaluate.run(spec.trim(), rs, files, episodes, evalSeed, fitEpisodes, outDir, out,
                    err);
        }
        PricingScenario scenario = resolveScenario(spec);
        List<PolicyEvaluator.Candidate> models = modelOpt == null ? List.of()
                : ModelCandidates.load(modelOpt, args.positional(), scenario);
        if (modelOpt == null && !args.positional().isEmpty()) {
            throw new UsageException("evaluate takes no positional arguments, got '" + args.positional().get(0) + "'");
        }

        Map<String, List<BatchPricingPolicy>> perName = new LinkedHashMap<>();
        List<JsonValue> fits = new ArrayList<>();
        List<HeuristicSuite> suites = new ArrayList<>();
        for (int s = 1; s <= seeds; s++) {
            err.printf(Locale.ROOT, "fitting heuristics, seed %d of %d...%n", s, seeds);
            HeuristicSuite suite = HeuristicSuite.fit(scenario,
                    new HeuristicSuite.Settings(samples, fitEpisodes, rounds, s));
            out.printf(Locale.ROOT, "seed %d: demand fit  E[D] = exp(%.4f %+.5f p)  (%d pairs)%n", s,
                    suite.demand().intercept(), suite.demand().slope(), suite.demand().samples());
            FeatureDemand fd = suite.featureDemand();
            out.printf(Locale.ROOT, "seed %d: full-feature fit  E[D] = exp(%.4f %+.5f p %+.5f o %+.5f r %+.4f rank)%n", s,
                    fd.coefficient(0), fd.coefficient(1), fd.coefficient(2), fd.coefficient(3), fd.coefficient(4));
            for (HeuristicOptimizer.Result r : suite.all()) {
                Heuristic h = r.policy();
                out.printf(Locale.ROOT, "seed %d: %-13s %s  (search mean %.2f, %d evaluations)%n", s, h.name(),
                        h.parameters(), r.objective(), r.evaluations());
                perName.computeIfAbsent(h.name(), k -> new ArrayList<>()).add(new PerCopyBatchPolicy(() -> h));
            }
            fits.add(suite.toJson(spec, scenario));
            suites.add(suite);
        }
        List<PolicyEvaluator.Candidate> candidates = new ArrayList<>();
        Exact dp = Exact.of(scenario);
        double optimum = dp == null ? Double.NaN : dp.optimum();
        if (dp != null) {
            candidates.add(dp.candidate());
            if (dp.note() != null) {
                out.println(dp.note());
            }
        }
        // Exact values need the state (stock, competitor price); a moving reference price has no exact DP.
        CompetitiveInstance exact = CompetitiveInstance.whyNotSmall(scenario, 0) == null
                ? CompetitiveInstance.of(scenario, 0) : null;
        if (exact != null) {
            out.printf(Locale.ROOT, "%nexact expected profit on the small instance (DP optimum %.2f):%n", optimum);
            for (HeuristicSuite suite : suites) {
                for (HeuristicOptimizer.Result r : suite.all()) {
                    double v = CompetitiveDp.valueOf(exact, r.policy(), scenario.horizon());
                    out.printf(Locale.ROOT, "  seed %d: %-13s %.2f  (gap %.2f%%)%n", suites.indexOf(suite) + 1,
                            r.policy().name(), v, 100 * (optimum - v) / Math.abs(optimum));
                }
            }
        }
        candidates.addAll(models);
        perName.forEach((n, list) -> candidates.add(new PolicyEvaluator.Candidate(n, list)));
        err.println("evaluating...");
        EvaluationReport report = PolicyEvaluator.evaluate(spec, scenario, candidates, episodes, evalSeed, optimum);
        out.println();
        out.print(report.toTable());
        if (outDir != null) {
            Path dir = Path.of(outDir);
            report.write(dir, "evaluation");
            AtomicFiles.writeString(dir.resolve("heuristics.json"), Json.writePretty(new JsonArray(fits)) + "\n");
            PricingScenarioJson.save(dir.resolve("scenario.json"), scenario);
            err.println("wrote evaluation.{txt,csv,json}, heuristics.json and scenario.json in " + dir);
        }
        return 0;
    }

    /**
     * The DP optimum of a scenario that is a small instance (docs/model.md §1.9) and its optimal
     * policy as the candidate {@code DP}: backward induction with the competitor and reference price
     * fixed, the competitive DP over (stock, competitor price) with an undercutting competitor, or,
     * with a moving reference price, the competitive DP on a reference grid of spacing
     * {@link #REFERENCE_STEP} — an approximation, which {@code note} then says.
     *
     * @param note null for an exact optimum, otherwise what the optimum approximates
     */
    record Exact(double optimum, PolicyEvaluator.Candidate candidate, String note) {
        /** The reference grid spacing when the reference price moves (grid error below 0.11% on §1.9's instances). */
        static final double REFERENCE_STEP = 0.5;

        /** The optimum of {@code scenario}, or null when it is not a small instance. */
        static Exact of(PricingScenario scenario) {
            if (DpInstance.whyNotSmall(scenario) == null) {
                DpSolution sol = BackwardInduction.solve(DpInstance.of(scenario), scenario.horizon());
                return new Exact(sol.optimum(), candidate(sol::policy), null);
            }
            if (CompetitiveInstance.whyNotSmall(scenario, 0) == null) {
                CompetitiveSolution sol = CompetitiveDp.solve(CompetitiveInstance.of(scenario, 0), scenario.horizon());
                return new Exact(sol.optimum(), candidate(sol::policy), null);
            }
            if (CompetitiveInstance.whyNotSmall(scenario, REFERENCE_STEP) == null) {
                CompetitiveSolution sol = CompetitiveDp.solve(CompetitiveInstance.of(scenario, REFERENCE_STEP),
                        scenario.horizon());
                return new Exact(sol.optimum(), candidate(sol::policy), String.format(Locale.ROOT,
                        "DP: the optimum on a reference-price grid of spacing %.2f, an approximation of the "
                                + "simulator's (docs/model.md §1.9); gaps to it are approximate", REFERENCE_STEP));
            }
            return null;
        }

        private static PolicyEvaluator.Candidate candidate(java.util.function.Supplier<? extends org.retailrl.algorithms.pricing.PricingPolicy> p) {
            return new PolicyEvaluator.Candidate("DP", List.of(new PerCopyBatchPolicy(p)));
        }
    }

    /** A named scenario ({@code a..d}, docs/model.md §1) or a scenario JSON file. */
    static PricingScenario resolveScenario(String spec) throws java.io.IOException {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.matches("[abcd]")) {
            return PricingScenario.named(s);
        }
        if (!s.endsWith(".json")) {
            throw new UsageException("--scenario must be a, b, c, d or a .json file, got '" + spec + "'");
        }
        Path file = Path.of(spec);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new UsageException("--scenario file does not exist: '" + spec + "'");
        }
        return PricingScenarioJson.load(file);
    }
}
