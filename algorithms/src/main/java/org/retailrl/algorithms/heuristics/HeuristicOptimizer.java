package org.retailrl.algorithms.heuristics;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.retailrl.algorithms.eval.Rollout;
import org.retailrl.algorithms.pricing.PerCopyBatchPolicy;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * Optimises a {@link Heuristic}'s parameters by simulation (Zheng, Li, Jiang and Peng §3.8, docs/model.md §8): cyclic
 * coordinate search, each sweep trying every candidate value of one parameter with the others
 * held, keeping a change only when it raises the objective; sweeps repeat until a full round
 * changes nothing or {@code maxRounds} is reached. The objective is the mean episode profit
 * (currency) over {@code episodes} episodes of the scenario, all on the same simulator streams
 * {@code Rng.stream(seed, e)} (common random numbers), so candidates are compared on identical
 * demand noise and the search is deterministic.
 *
 * <p>Heuristics are stateless, so one instance serves every episode copy.
 */
public final class HeuristicOptimizer {
    /**
     * Outcome of a search.
     *
     * @param policy the best heuristic found
     * @param objective its mean episode profit on the optimisation episodes (optimistically
     *                  biased: the search selected on these very episodes)
     * @param evaluations distinct parameter vectors simulated
     * @param rounds coordinate sweeps made
     */
    public record Result(Heuristic policy, double objective, int evaluations, int rounds) {
    }

    private HeuristicOptimizer() {
    }

    /** Searches from {@code start}. */
    public static Result optimize(PricingScenario scenario, Heuristic start, long seed, int episodes, int maxRounds) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        Map<String, Double> cache = new HashMap<>();
        return optimize(start, h -> objective(scenario, h, seed, episodes, cache), maxRounds);
    }

    /**
     * The same cyclic coordinate search from {@code start} on any objective (larger is better;
     * it must be deterministic). The multi-product baselines of docs/model.md §4.4 search one
     * product's heuristic at a time with the total profit as objective.
     */
    public static Result optimize(Heuristic start, ToDoubleFunction<Heuristic> objective, int maxRounds) {
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be >= 1, got " + maxRounds);
        }
        Map<String, Double> seen = new HashMap<>();
        ToDoubleFunction<Heuristic> cached = h -> seen.computeIfAbsent(h.parameters().toString(),
                k -> objective.applyAsDouble(h));
        Heuristic best = start;
        double bestValue = cached.applyAsDouble(best);
        int rounds = 0;
        boolean changed = true;
        while (changed && rounds < maxRounds) {
            changed = false;
            rounds++;
            for (String name : start.parameters().keySet()) {
                for (double v : best.candidates(name)) {
                    Heuristic h = best.with(name, v);
                    double value = cached.applyAsDouble(h);
                    if (value > bestValue + 1e-9 * Math.max(1, Math.abs(bestValue))) {
                        best = h;
                        bestValue = value;
                        changed = true;
                    }
                }
            }
        }
        return new Result(best, bestValue, seen.size(), rounds);
    }

    private static double objective(PricingScenario scenario, Heuristic h, long seed, int episodes,
            Map<String, Double> cache) {
        String key = h.parameters().toString();
        Double known = cache.get(key);
        if (known != null) {
            return known;
        }
        double[] profits = Rollout.profits(scenario, new PerCopyBatchPolicy(() -> h), seed, episodes);
        double mean = 0;
        for (double p : profits) {
            mean += p;
        }
        mean /= profits.length;
        cache.put(key, mean);
        return mean;
    }
}
