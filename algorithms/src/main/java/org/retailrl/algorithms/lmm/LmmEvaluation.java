package org.retailrl.algorithms.lmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.retailrl.algorithms.eval.Rollout;
import org.retailrl.algorithms.heuristics.HeuristicSuite;
import org.retailrl.algorithms.pricing.BatchPricingPolicy;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.production.ProductionScenario;

/**
 * The comparison of docs/model.md §6.4 on seen and held-out tasks of the family: per task, the
 * heuristics fitted to it (the specialised policies and the best behaviour policies of the data),
 * the random policy, behaviour cloning, the Decision Transformer conditioned on a sweep of target
 * returns, and any further specialists the caller supplies per task (the command line adds FSDA and
 * PPO trained online on the task, and the exact DP where the task is a small instance), all on the
 * same evaluation episodes (common random numbers, docs/model.md §8.11).
 *
 * <p>Targets are set per task relative to the best heuristic's mean return {@code H}:
 * {@code H + (κ − 1)·|H|} for each multiplier {@code κ}. Scores are normalised per task,
 * {@code 100·(R − R_random)/(H − R_random)}, so that 0 is the random policy and 100 the best
 * heuristic of that task.
 */
public final class LmmEvaluation {
    /**
     * One task's results.
     *
     * @param split        seen or held out
     * @param index        task index within its split
     * @param scenario     the task: a {@link PricingScenario}, a {@link ProductionScenario} or a
     *                     recommendation slice ({@link RecommendationSlice})
     * @param heuristics   mean return of each fitted heuristic, in {@link HeuristicSuite#all()} order
     * @param heuristicNames their names
     * @param random       mean return of the random policy
     * @param dt           mean return of the DT, {@code [seed][target]}
     * @param targets      the target returns used
     * @param bc           mean return of behaviour cloning per seed
     * @param specialists  mean return of each further specialist per training seed, by name
     * @param bestLogged   the best behaviour policy's mean logged return on this task in the dataset
     *                     (NaN for held-out tasks, which the dataset does not hold)
     */
    public record TaskResult(TaskFamily.Split split, int index, Record scenario, double[] heuristics,
                             List<String> heuristicNames, double random, double[][] dt, double[] targets, double[] bc,
                             Map<String, double[]> specialists, double bestLogged) {
        /** The best heuristic's mean return. */
        public double best() {
            double b = Double.NEGATIVE_INFINITY;
            for (double h : heuristics) {
                b = Math.max(b, h);
            }
            return b;
        }

        /** Whether this is a small variant of {@link TaskFamily#dpVariant} (capped stock). */
        public boolean dpVariant() {
            return scenario instanceof PricingScenario p && p.capped();
        }

        /** Whether this is a production task (docs/model.md §6.1). */
        public boolean production() {
            return scenario instanceof ProductionScenario;
        }

        /** Whether this is an inventory-and-recommendation task ({@link RecommendationSlice}). */
        public boolean recommendation() {
            return scenario instanceof org.retailrl.envs.recommendation.RecommendationScenario;
        }

        /** The best of the four paper-faithful heuristics (the first four); NaN on a production or recommendation task, which has none. */
        public double bestPaper() {
            if (production() || recommendation()) {
                return Double.NaN;
            }
            double b = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < Math.min(4, heuristics.length); i++) {
                b = Math.max(b, heuristics[i]);
            }
            return b;
        }

        /** {@code 100·(r − random)/(best − random)}. */
        public double normalised(double r) {
            return 100 * (r - random) / (best() - random);
        }
    }

    /**
     * Settings.
     *
     * @param taskSeed   the family seed (the dataset's)
     * @param tasks      tasks per split, 1..1000
     * @param episodes   evaluation episodes per policy and task, 1..100000
     * @param evalSeed   seed of the evaluation episodes
     * @param multipliers target multipliers κ
     * @param productionTasks production tasks per split, 0..1000
     * @param dpVariants     small variants of {@link TaskFamily#dpVariant} (held out), 0..{@link TaskFamily#DP_VARIANTS}
     * @param recommendationTasks inventory-and-recommendation tasks per split, 0..1000
     */
    public record Settings(long taskSeed, int tasks, int episodes, long evalSeed, double[] multipliers, int productionTasks,
                           int dpVariants, int recommendationTasks) {
        /** Pricing tasks only. */
        public Settings(long taskSeed, int tasks, int episodes, long evalSeed, double[] multipliers) {
            this(taskSeed, tasks, episodes, evalSeed, multipliers, 0, 0, 0);
        }

        /** Pricing and production tasks and DP variants. */
        public Settings(long taskSeed, int tasks, int episodes, long evalSeed, double[] multipliers, int productionTasks,
                        int dpVariants) {
            this(taskSeed, tasks, episodes, evalSeed, multipliers, productionTasks, dpVariants, 0);
        }

        /** Validates the ranges. */
        public Settings {
            if (dpVariants < 0 || dpVariants > TaskFamily.DP_VARIANTS) {
                throw new IllegalArgumentException("dpVariants must be in [0, " + TaskFamily.DP_VARIANTS + "], got "
                        + dpVariants);
            }
            if (productionTasks < 0 || productionTasks > 1000) {
                throw new IllegalArgumentException("productionTasks must be in [0, 1000], got " + productionTasks);
            }
            if (recommendationTasks < 0 || recommendationTasks > 1000) {
                throw new IllegalArgumentException("recommendationTasks must be in [0, 1000], got " + recommendationTasks);
            }
            if (tasks < 1 || tasks > 1000) {
                throw new IllegalArgumentException("tasks must be in [1, 1000], got " + tasks);
            }
            if (episodes < 1 || episodes > 100_000) {
                throw new IllegalArgumentException("episodes must be in [1, 100000], got " + episodes);
            }
            if (multipliers.length < 1) {
                throw new IllegalArgumentException("multipliers must hold at least one value");
            }
            multipliers = multipliers.clone();
        }
    }

    /**
     * A further specialised policy of one task.
     *
     * @param name    its row in the tables
     * @param perSeed one policy per training seed (one for a policy without a seed, such as the DP)
     */
    public record Specialist(String name, List<BatchPricingPolicy> perSeed) {
        /** Validates the list. */
        public Specialist {
            if (perSeed.isEmpty()) {
                throw new IllegalArgumentException("specialist " + name + " needs at least one policy");
            }
            perSeed = List.copyOf(perSeed);
        }
    }

    /** The further specialists of each task. */
    @FunctionalInterface
    public interface Specialists {
        /** None. */
        Specialists NONE = (split, j, task) -> List.of();

        /** The specialists of task {@code j} of {@code split}. */
        List<Specialist> of(TaskFamily.Split split, int j, PricingScenario task) throws Exception;
    }

    private LmmEvaluation() {
    }

    /**
     * Per seen task of {@code d}, {@code [0]} its pricing tasks, {@code [1]} its production tasks and
     * {@code [2]} its recommendation tasks: the mean logged episode return of the task's best behaviour policy (the yardstick "best
     * behaviour policy in the data"; its episodes are the dataset's, not the evaluation's).
     */
    public static double[][] bestLogged(TrajectoryDataset d) {
        int pricing = d.meta().getInt("tasks");
        int production = pricing + d.meta().getInt("productionTasks", 0);
        int tasks = production + d.meta().getInt("recommendationTasks", 0);
        int pols = d.policies().size();
        double[] sum = new double[tasks * pols];
        int[] n = new int[tasks * pols];
        for (int e = 0; e < d.episodes(); e++) {
            int k = d.task(e) * pols + d.policy(e);
            sum[k] += d.episodeReturn(e);
            n[k]++;
        }
        double[] best = new double[tasks];
        Arrays.fill(best, Double.NaN);
        for (int j = 0; j < tasks; j++) {
            for (int p = 0; p < pols; p++) {
                int k = j * pols + p;
                if (n[k] > 0 && !(sum[k] / n[k] <= best[j])) {
                    best[j] = sum[k] / n[k];
                }
            }
        }
        return new double[][] {Arrays.copyOf(best, pricing), Arrays.copyOfRange(best, pricing, production),
                Arrays.copyOfRange(best, production, tasks)};
    }

    /** The fit seed of task {@code index} of {@code split}: the dataset's for seen tasks. */
    static long fitSeed(long taskSeed, TaskFamily.Split split, int index) {
        return split == TaskFamily.Split.SEEN ? taskSeed + 1 + index : (taskSeed ^ 0x4E1DL) + 1 + index;
    }

    /**
     * Evaluates every task of both splits; {@code dt} and {@code bc} hold one trained network per
     * seed, {@code extra} supplies further specialists per pricing task, {@code bestLogged} the
     * dataset's best logged return per seen task ({@link #bestLogged}). {@code done} hears each finished task.
     */
    public static List<TaskResult> run(Settings s, List<DtTraining.Loaded> dt, List<DtTraining.Loaded> bc,
                                       Specialists extra, double[][] bestLogged, Consumer<TaskResult> done) throws Exception {
        List<TaskResult> out = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            TaskFamily.Split split = g == 0 ? TaskFamily.Split.SEEN : TaskFamily.Split.HELD_OUT;
            int count = g < 2 ? s.tasks() : s.dpVariants();
            for (int j = 0; j < count; j++) {
                PricingScenario task = g < 2 ? TaskFamily.task(s.taskSeed(), split, j) : TaskFamily.dpVariant(j);
                long fit = g < 2 ? fitSeed(s.taskSeed(), split, j) : fitSeed(s.taskSeed() ^ 0xD9L, split, j);
                HeuristicSuite suite = HeuristicSuite.fit(task, Behaviour.fitSettings(fit));
                List<BatchPricingPolicy> hs = Behaviour.heuristics(suite);
                double[] hm = means(hs, p -> mean(task, p, s));
                double random = mean(task, Behaviour.random(s.evalSeed() ^ 0x7a5L), s);
                Map<String, double[]> sp = new LinkedHashMap<>();
                for (Specialist x : extra.of(split, j, task)) {
                    sp.put(x.name(), means(x.perSeed(), p -> mean(task, p, s)));
                }
                double logged = g == 0 && j < bestLogged[0].length ? bestLogged[0][j] : Double.NaN;
                TaskResult r = result(split, j, task, hm, hs.stream().map(BatchPricingPolicy::name).toList(), random,
                        p -> mean(task, p, s), dt, bc, s, sp, logged);
                out.add(r);
                done.accept(r);
            }
        }
        for (TaskFamily.Split split : TaskFamily.Split.values()) {
            for (int j = 0; j < s.productionTasks(); j++) {
                ProductionScenario task = TaskFamily.productionTask(s.taskSeed(), split, j);
                long fit = split == TaskFamily.Split.SEEN ? DatasetBuilder.productionFitSeed(s.taskSeed(), j)
                        : DatasetBuilder.productionFitSeed(s.taskSeed() ^ 0x960EL, j);
                List<ProductionPolicy> hs = ProductionBaselines.heuristics(task, fit);
                double[] hm = means(hs, p -> mean(task, p, s));
                double random = mean(task, ProductionBaselines.random(s.evalSeed() ^ 0x7a5L), s);
                double logged = split == TaskFamily.Split.SEEN && j < bestLogged[1].length ? bestLogged[1][j] : Double.NaN;
                TaskResult r = result(split, j, task, hm, hs.stream().map(ProductionPolicy::name).toList(), random,
                        p -> mean(task, p.production(), s), dt, bc, s, Map.of(), logged);
                out.add(r);
                done.accept(r);
            }
        }
        for (TaskFamily.Split split : TaskFamily.Split.values()) {
            for (int j = 0; j < s.recommendationTasks(); j++) {
                var task = TaskFamily.recommendationTask(s.taskSeed(), split, j);
                long fit = split == TaskFamily.Split.SEEN ? DatasetBuilder.recommendationFitSeed(s.taskSeed(), j)
                        : DatasetBuilder.recommendationFitSeed(s.taskSeed() ^ 0x7EC6L, j);
                List<RecommendationSlice.Policy> hs = RecommendationSlice.heuristics(task, fit);
                double[] hm = means(hs, p -> mean(task, p, s));
                double random = mean(task, RecommendationSlice.random(s.evalSeed() ^ 0x7a5L), s);
                double logged = split == TaskFamily.Split.SEEN && bestLogged.length > 2 && j < bestLogged[2].length
                        ? bestLogged[2][j] : Double.NaN;
                TaskResult r = result(split, j, task, hm, hs.stream().map(RecommendationSlice.Policy::name).toList(), random,
                        p -> mean(task, p.recommendation(), s), dt, bc, s, Map.of(), logged);
                out.add(r);
                done.accept(r);
            }
        }
        return out;
    }

    private static double mean(org.retailrl.envs.recommendation.RecommendationScenario task, RecommendationSlice.Policy p,
                               Settings s) {
        return ProductionBaselines.mean(RecommendationSlice.profits(task, p, s.evalSeed(), s.episodes()));
    }

    private static <P> double[] means(List<P> ps, java.util.function.ToDoubleFunction<P> score) {
        double[] out = new double[ps.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = score.applyAsDouble(ps.get(i));
        }
        return out;
    }

    /**
     * One task's result: the DT of every seed conditioned on each target relative to the best
     * heuristic's mean {@code H}, and BC, scored by {@code score} (which plays the policy on the task).
     */
    private static TaskResult result(TaskFamily.Split split, int j, Record task, double[] hm, List<String> names,
                                     double random, java.util.function.ToDoubleFunction<DtPolicy> score,
                                     List<DtTraining.Loaded> dt, List<DtTraining.Loaded> bc, Settings s,
                                     Map<String, double[]> specialists, double logged) {
        double best = Double.NEGATIVE_INFINITY;
        for (double h : hm) {
            best = Math.max(best, h);
        }
        double[] targets = new double[s.multipliers().length];
        for (int k = 0; k < targets.length; k++) {
            targets[k] = best + (s.multipliers()[k] - 1) * Math.abs(best);
        }
        double[][] dtm = new double[dt.size()][targets.length];
        for (int seed = 0; seed < dt.size(); seed++) {
            DtTraining.Loaded m = dt.get(seed);
            for (int k = 0; k < targets.length; k++) {
                dtm[seed][k] = score.applyAsDouble(new DtPolicy("DT", m.model(), m.rtgScale(), targets[k]));
            }
        }
        double[] bcm = new double[bc.size()];
        for (int seed = 0; seed < bc.size(); seed++) {
            DtTraining.Loaded m = bc.get(seed);
            bcm[seed] = score.applyAsDouble(new DtPolicy("BC", m.model(), m.rtgScale(), 0));
        }
        return new TaskResult(split, j, task, hm, List.copyOf(names), random, dtm, targets, bcm, specialists, logged);
    }

    private static double mean(ProductionScenario task, ProductionPolicy p, Settings s) {
        return ProductionBaselines.mean(ProductionBaselines.profits(task, p, s.evalSeed(), s.episodes()));
    }

    private static double mean(PricingScenario task, BatchPricingPolicy p, Settings s) {
        double[] r = Rollout.profits(task, p, s.evalSeed(), s.episodes());
        double m = 0;
        for (double x : r) {
            m += x;
        }
        return m / r.length;
    }
}
