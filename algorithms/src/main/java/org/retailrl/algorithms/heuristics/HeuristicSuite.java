package org.retailrl.algorithms.heuristics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retailrl.core.json.JsonArray;
import org.retailrl.core.json.JsonNumber;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonValue;
import org.retailrl.envs.pricing.Demand;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * Fits the four heuristic baselines of docs/model.md §8 to a scenario as Zheng, Li, Jiang and Peng §3.8 does:
 * (1) simulate (price, demand) pairs and fit the stationary demand pattern ({@link FittedDemand});
 * (2) derive each heuristic's starting parameters and myopic price function from that fit;
 * (3) optimise the parameters by simulation with common random numbers ({@link HeuristicOptimizer}).
 *
 * <p>Starting values from the fit {@code λ̂}: the riskless price
 * {@code p₀ = argmax_p (p − c) λ̂(p)}; the base stock {@code S₀ = round(μ + 2√μ)} with
 * {@code μ = (L + 1) λ̂(p₀)} (demand over the protection interval); {@code s₀ = round(μ)}; Myopic's
 * {@code α₀ = 1 − ρ}, {@code ρ} the fitted demand gained per unit of stock through the myopic price
 * between stock {@code λ̂(p₀)} and {@code μ + λ̂(p₀)}. Stock levels are searched in
 * {@code 0..(L + 1)·Q}.
 *
 * <p>Beside these paper-faithful heuristics the suite fits the strong set of docs/model.md §8.10
 * ({@link StrongHeuristic}): Myopic*, BSLP*, (s,S,p)* on the full-feature demand fit
 * ({@link FeatureDemand}, same simulated rows) and Oracle Myopic on the simulator's true demand law,
 * each searched from its faithful counterpart's optimised parameters (price floor 0, end value 1) by
 * the same simulation search on the same optimisation episodes.
 *
 * @param demand the fitted demand pattern (own price only, as the paper fits it)
 * @param table the fitted myopic price function
 * @param fitted the optimised paper-faithful heuristics, in the order BSLP, (s,S,p), Myopic, BaseStock
 * @param featureDemand the full-feature demand fit of the strong heuristics
 * @param strong the optimised strong heuristics, in the order Myopic*, BSLP*, (s,S,p)*, Oracle Myopic
 */
public record HeuristicSuite(FittedDemand demand, MyopicPriceTable table, List<HeuristicOptimizer.Result> fitted,
        FeatureDemand featureDemand, List<HeuristicOptimizer.Result> strong) {

    /**
     * Settings of a fit.
     *
     * @param samples (price, demand) pairs simulated for the demand fit
     * @param episodes episodes per objective evaluation in the parameter search
     * @param maxRounds coordinate-search rounds at most
     * @param seed seed of the pair simulation; the optimisation episodes use
     *             {@link #optimisationSeed()}, so the two run on distinct simulator streams
     */
    public record Settings(int samples, int episodes, int maxRounds, long seed) {
        /** Validates the ranges. */
        public Settings {
            if (samples < 2 || samples > 10_000_000) {
                throw new IllegalArgumentException("samples must be in [2, 10000000], got " + samples);
            }
            if (episodes < 1 || episodes > 1_000_000) {
                throw new IllegalArgumentException("episodes must be in [1, 1000000], got " + episodes);
            }
            if (maxRounds < 1 || maxRounds > 100) {
                throw new IllegalArgumentException("maxRounds must be in [1, 100], got " + maxRounds);
            }
        }

        /** Seed of the optimisation episodes: {@code seed} with its bits mixed by a fixed constant. */
        public long optimisationSeed() {
            return seed ^ 0x6a09e667f3bcc909L;
        }

        /** Zheng, Li, Jiang and Peng's 10,000 pairs, 200 optimisation episodes, up to 4 rounds. */
        public static Settings defaults(long seed) {
            return new Settings(FittedDemand.DEFAULT_SAMPLES, 200, 4, seed);
        }
    }

    /** The paper-faithful heuristics followed by the strong ones, in the orders of {@link #fitted} and {@link #strong}. */
    public List<HeuristicOptimizer.Result> all() {
        List<HeuristicOptimizer.Result> a = new ArrayList<>(fitted);
        a.addAll(strong);
        return List.copyOf(a);
    }

    /** Fits the four paper-faithful and the four strong heuristics to {@code scenario}. */
    public static HeuristicSuite fit(PricingScenario scenario, Settings settings) {
        FittedDemand demand = FittedDemand.simulateAndFit(scenario, settings.samples(), settings.seed());
        int maxLevel = maxLevel(scenario);
        MyopicPriceTable table = table(scenario, demand);
        List<Heuristic> starts = starts(scenario, demand, table);
        List<HeuristicOptimizer.Result> out = new ArrayList<>();
        for (Heuristic h : starts) {
            out.add(HeuristicOptimizer.optimize(scenario, h, settings.optimisationSeed(), settings.episodes(),
                    settings.maxRounds()));
        }
        FeatureDemand features = FeatureDemand.simulateAndFit(scenario, settings.samples(), settings.seed());
        List<HeuristicOptimizer.Result> strong = new ArrayList<>();
        for (Heuristic h : strongStarts(scenario, features, out, maxLevel)) {
            strong.add(HeuristicOptimizer.optimize(scenario, h, settings.optimisationSeed(), settings.episodes(),
                    settings.maxRounds()));
        }
        return new HeuristicSuite(demand, table, List.copyOf(out), features, List.copyOf(strong));
    }

    /** Largest stock level the heuristics search, {@code (L + 1)·Q} (at most 10,000). */
    public static int maxLevel(PricingScenario scenario) {
        return (int) Math.min(10_000, (long) (scenario.leadTime() + 1) * scenario.maxOrder());
    }

    /** The myopic price function of {@code demand} on {@code scenario}'s grid and costs, over every stock level searched. */
    public static MyopicPriceTable table(PricingScenario scenario, FittedDemand demand) {
        int hi = maxLevel(scenario) + scenario.maxOrder();
        int lo = scenario.mode() == ShortageMode.BACKLOG ? -hi : 0;
        return new MyopicPriceTable(scenario, demand, lo, hi);
    }

    /**
     * The paper-faithful heuristics at their starting values from the fit (class description), in
     * the order BSLP, (s,S,p), Myopic, BaseStock; only {@code scenario}'s grid, order range, lead
     * time and costs are read, so a product of the multi-product problem (docs/model.md §4.4) can
     * pass a single-product scenario with its own parameters.
     */
    public static List<Heuristic> starts(PricingScenario scenario, FittedDemand demand, MyopicPriceTable table) {
        int lead = scenario.leadTime();
        int q = scenario.maxOrder();
        int maxLevel = maxLevel(scenario);
        int np = scenario.priceCount();
        int p0 = 0;
        double bestMargin = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < np; j++) {
            double m = (scenario.price(j) - scenario.unitCost()) * demand.mean(scenario.price(j));
            if (m > bestMargin) {
                bestMargin = m;
                p0 = j;
            }
        }
        double perPeriod = demand.mean(scenario.price(p0));
        double mu = (lead + 1) * perPeriod;
        int s0 = clamp((int) Math.round(mu + 2 * Math.sqrt(mu)), maxLevel);
        int r0 = Math.min(clamp((int) Math.round(mu), maxLevel), s0);
        int x1 = (int) Math.round(perPeriod);
        int x2 = (int) Math.round(perPeriod + mu);
        double rho = x2 > x1 ? (demand.mean(scenario.price(table.priceIndex(x2)))
                - demand.mean(scenario.price(table.priceIndex(x1)))) / (x2 - x1) : 0;
        double alpha0 = Math.round(10 * Math.max(0, Math.min(1, 1 - rho))) / 10.0;
        return List.of(
                new BslpPolicy(s0, p0, table, q, np, maxLevel),
                new SsPricePolicy(r0, s0, np - 1, table, q, np, maxLevel),
                new MyopicPolicy(s0, alpha0, table, q, maxLevel),
                new BaseStockPolicy(s0, p0, q, np, maxLevel));
    }

    /** The strong heuristics' starting points: their faithful counterparts' optimised parameters. */
    private static List<Heuristic> strongStarts(PricingScenario scenario, FeatureDemand features,
            List<HeuristicOptimizer.Result> faithful, int maxLevel) {
        OneStepPrice fitted = new OneStepPrice(scenario, features);
        OneStepPrice oracle = new OneStepPrice(scenario, new Demand(scenario)::rate);
        boolean band = scenario.fixedCost() > 0;
        int q = scenario.maxOrder();
        double c = scenario.unitCost();
        Map<String, Double> bslp = faithful.get(0).policy().parameters();
        Map<String, Double> ss = faithful.get(1).policy().parameters();
        Map<String, Double> myopic = faithful.get(2).policy().parameters();
        int myopicS = myopic.get("S").intValue();
        double alpha = myopic.get("alpha");
        int bslpS = bslp.get("S").intValue();
        return List.of(
                StrongHeuristic.myopic(false, fitted, band, myopicS, myopicS, alpha, 0, 1, q, maxLevel, c),
                StrongHeuristic.bslp(fitted, band, bslpS, bslpS, bslp.get("listPriceIndex").intValue(), 0, 1, q,
                        maxLevel, c),
                StrongHeuristic.ss(fitted, ss.get("s").intValue(), ss.get("S").intValue(),
                        ss.get("maxPriceIndex").intValue(), 0, 1, q, maxLevel, c),
                StrongHeuristic.myopic(true, oracle, band, myopicS, myopicS, alpha, 0, 1, q, maxLevel, c));
    }

    /** The fitted demand, myopic price function and optimised parameters, for saving. */
    public JsonObject toJson(String scenarioLabel, PricingScenario scenario) {
        List<JsonValue> hs = new ArrayList<>();
        List<HeuristicOptimizer.Result> every = all();
        for (int i = 0; i < every.size(); i++) {
            HeuristicOptimizer.Result r = every.get(i);
            JsonObject.Builder ps = JsonObject.builder();
            r.policy().parameters().forEach(ps::put);
            hs.add(JsonObject.builder().put("policy", r.policy().name()).put("set", i < fitted.size() ? "paper" : "strong")
                    .put("parameters", ps.build())
                    .put("optimisationObjective", r.objective()).put("evaluations", r.evaluations())
                    .put("rounds", r.rounds()).build());
        }
        int lo = Math.max(table.lowest(), -scenario.maxOrder());
        int hi = Math.min(table.highest(), 4 * scenario.maxOrder());
        List<JsonValue> prices = new ArrayList<>();
        for (int x = lo; x <= hi; x++) {
            prices.add(JsonNumber.of(scenario.price(table.priceIndex(x))));
        }
        return JsonObject.builder().put("scenario", scenarioLabel)
                .put("demandModel", JsonObject.builder().put("form", "Poisson, mean exp(intercept + slope * price)")
                        .put("intercept", demand.intercept()).put("slope", demand.slope())
                        .put("samples", demand.samples()).put("logLikelihood", demand.logLikelihood()).build())
                .put("myopicPrice", JsonObject.builder().put("firstStock", lo).put("prices", new JsonArray(prices)).build())
                .put("featureDemandModel", featureJson())
                .put("heuristics", new JsonArray(hs)).build();
    }

    private JsonObject featureJson() {
        JsonObject.Builder cs = JsonObject.builder();
        for (int k = 0; k < FeatureDemand.FEATURES.size(); k++) {
            cs.put(FeatureDemand.FEATURES.get(k), featureDemand.coefficient(k));
        }
        return JsonObject.builder()
                .put("form", "Poisson, mean exp(intercept + price*p + competitor*o + reference*r + rank*rank(p, o))")
                .put("coefficients", cs.build()).put("samples", featureDemand.samples())
                .put("logLikelihood", featureDemand.logLikelihood()).build();
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
