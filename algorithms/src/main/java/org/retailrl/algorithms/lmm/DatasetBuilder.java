package org.retailrl.algorithms.lmm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.retailrl.algorithms.heuristics.HeuristicSuite;
import org.retailrl.algorithms.pricing.BatchPricingPolicy;
import org.retailrl.core.json.JsonArray;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonString;
import org.retailrl.core.json.JsonValue;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * Logs episodes of behaviour policies of varying quality on the seen tasks of the family
 * (docs/model.md §6.4): per task, the eight heuristics fitted to it, each played greedily and with
 * ε-noise, the random policy, and any further policies the caller supplies for that task (the
 * command line adds FSDA and PPO actors taken early and late in their training), each also played
 * greedily and with ε-noise; per production task its base-stock baselines and per
 * inventory-and-recommendation task its heuristics ({@link RecommendationSlice}), greedy and noisy,
 * and the random policy. Task {@code j}'s episodes of policy {@code k} run on the simulator
 * streams {@code Rng.stream(seed + 1 + j, k·episodes + e)}, so every episode has its own stream
 * and the dataset is a function of its settings and the supplied policies alone.
 */
public final class DatasetBuilder {
    /**
     * @param seed     seed of the task draws, fits and episodes
     * @param tasks    seen tasks, 1..1000
     * @param episodes episodes per behaviour policy and task, 1..10000
     * @param epsilons noise levels played besides the greedy heuristics, each in (0, 1)
     * @param productionTasks seen production tasks ({@link TaskFamily#productionTask}), 0..1000
     * @param recommendationTasks seen inventory-and-recommendation tasks
     *                        ({@link TaskFamily#recommendationTask}), 0..1000
     */
    public record Settings(long seed, int tasks, int episodes, double[] epsilons, int productionTasks,
                           int recommendationTasks) {
        /** Pricing tasks only. */
        public Settings(long seed, int tasks, int episodes, double[] epsilons) {
            this(seed, tasks, episodes, epsilons, 0, 0);
        }

        /** Pricing and production tasks. */
        public Settings(long seed, int tasks, int episodes, double[] epsilons, int productionTasks) {
            this(seed, tasks, episodes, epsilons, productionTasks, 0);
        }

        /** Validates the ranges. */
        public Settings {
            if (tasks < 1 || tasks > 1000) {
                throw new IllegalArgumentException("tasks must be in [1, 1000], got " + tasks);
            }
            if (productionTasks < 0 || productionTasks > 1000) {
                throw new IllegalArgumentException("productionTasks must be in [0, 1000], got " + productionTasks);
            }
            if (recommendationTasks < 0 || recommendationTasks > 1000) {
                throw new IllegalArgumentException("recommendationTasks must be in [0, 1000], got " + recommendationTasks);
            }
            if (episodes < 1 || episodes > 10_000) {
                throw new IllegalArgumentException("episodes must be in [1, 10000], got " + episodes);
            }
            for (double e : epsilons) {
                if (!(e > 0 && e < 1)) {
                    throw new IllegalArgumentException("epsilons must be in (0, 1), got " + e);
                }
            }
            epsilons = epsilons.clone();
        }
    }

    /** Further behaviour policies of a task, beyond the heuristics and the random policy. */
    @FunctionalInterface
    public interface Extra {
        /** No further policies. */
        Extra NONE = (j, task) -> List.of();

        /** The policies of seen task {@code j}; each is played greedily and with every noise level. */
        List<BatchPricingPolicy> of(int j, PricingScenario task) throws Exception;
    }

    private DatasetBuilder() {
    }

    /** The behaviour policies of one task: each fitted heuristic, its noisy variants, then random. */
    static List<BatchPricingPolicy> policies(PricingScenario task, long seed, double[] epsilons,
                                             List<BatchPricingPolicy> extra) {
        HeuristicSuite suite = HeuristicSuite.fit(task, Behaviour.fitSettings(seed));
        List<BatchPricingPolicy> out = new ArrayList<>();
        int k = 0;
        for (BatchPricingPolicy h : Behaviour.heuristics(suite)) {
            out.add(h);
            for (double e : epsilons) {
                out.add(Behaviour.noisy(h, e, seed * 31 + (k++)));
            }
        }
        out.add(Behaviour.random(seed * 31 + (k++)));
        // After the random policy, so that adding policies leaves every earlier episode as it was.
        for (BatchPricingPolicy x : extra) {
            out.add(x);
            for (double e : epsilons) {
                out.add(Behaviour.noisy(x, e, seed * 31 + (k++)));
            }
        }
        return out;
    }

    /** Builds the dataset; {@code progress} hears each finished task's index. */
    public static TrajectoryDataset build(Settings s, IntConsumer progress) {
        try {
            return build(s, Extra.NONE, JsonObject.builder().build(), progress);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fit seed of production task {@code j}: disjoint from the pricing tasks' {@code seed + 1 + j}. */
    static long productionFitSeed(long seed, int j) {
        return seed + 1_000_001 + j;
    }

    /** The fit seed of recommendation task {@code j}: disjoint from the pricing and production tasks'. */
    static long recommendationFitSeed(long seed, int j) {
        return seed + 2_000_001 + j;
    }

    /** The behaviour policies of one recommendation task: each fitted heuristic, its noisy variants, then random. */
    static List<RecommendationSlice.Policy> recommendationPolicies(
            org.retailrl.envs.recommendation.RecommendationScenario task, long seed, double[] epsilons) {
        List<RecommendationSlice.Policy> out = new ArrayList<>();
        int k = 0;
        for (RecommendationSlice.Policy h : RecommendationSlice.heuristics(task, seed)) {
            out.add(h);
            for (double e : epsilons) {
                out.add(RecommendationSlice.noisy(h, e, seed * 31 + (k++)));
            }
        }
        out.add(RecommendationSlice.random(seed * 31 + k));
        return out;
    }

    /** The behaviour policies of one production task: each fitted baseline, its noisy variants, then random. */
    static List<ProductionPolicy> productionPolicies(org.retailrl.envs.production.ProductionScenario task, long seed,
                                                     double[] epsilons) {
        List<ProductionPolicy> out = new ArrayList<>();
        int k = 0;
        for (ProductionPolicy h : ProductionBaselines.heuristics(task, seed)) {
            out.add(h);
            for (double e : epsilons) {
                out.add(ProductionBaselines.noisy(h, e, seed * 31 + (k++)));
            }
        }
        out.add(ProductionBaselines.random(seed * 31 + k));
        return out;
    }

    /** The growing arrays of a dataset under construction. */
    private static final class Parts {
        final Map<String, Integer> names = new LinkedHashMap<>();
        final List<int[]> task = new ArrayList<>();
        final List<int[]> policy = new ArrayList<>();
        final List<float[]> states = new ArrayList<>();
        final List<byte[]> price = new ArrayList<>();
        final List<byte[]> order = new ArrayList<>();
        final List<byte[]> method = new ArrayList<>();
        final List<byte[]> level = new ArrayList<>();
        final List<byte[]> methods = new ArrayList<>();
        final List<byte[]> levels = new ArrayList<>();
        final List<float[]> reward = new ArrayList<>();
        int total;

        /** Room for {@code n} episodes of policy {@code name} on task {@code j}; returns the part's index. */
        int add(String name, int j, int n, int nMethods, int nLevels) {
            int id = names.computeIfAbsent(name, x -> names.size());
            int t = TaskFamily.HORIZON;
            int[] ti = new int[n];
            int[] pi = new int[n];
            java.util.Arrays.fill(ti, j);
            java.util.Arrays.fill(pi, id);
            byte[] mc = new byte[n];
            byte[] lc = new byte[n];
            java.util.Arrays.fill(mc, (byte) nMethods);
            java.util.Arrays.fill(lc, (byte) nLevels);
            task.add(ti);
            policy.add(pi);
            states.add(new float[n * t * TaskFamily.STATE_SIZE]);
            price.add(new byte[n * t]);
            order.add(new byte[n * t]);
            method.add(new byte[n * t]);
            level.add(new byte[n * t]);
            methods.add(mc);
            levels.add(lc);
            reward.add(new float[n * t]);
            total += n;
            return task.size() - 1;
        }

        TrajectoryDataset build(JsonObject meta) {
            int t = TaskFamily.HORIZON;
            return new TrajectoryDataset(meta, concat(task, new int[total]), concat(policy, new int[total]),
                    concat(states, new float[total * t * TaskFamily.STATE_SIZE]), concat(price, new byte[total * t]),
                    concat(order, new byte[total * t]), concat(method, new byte[total * t]), concat(level, new byte[total * t]),
                    concat(methods, new byte[total]), concat(levels, new byte[total]), concat(reward, new float[total * t]));
        }
    }

    /**
     * Builds the dataset with {@code extra}'s policies added to every pricing task's; {@code about}
     * (how the extra policies were made) goes to the metadata as {@code "extra"} when it is not
     * empty. Production task {@code j} has index {@code tasks + j}, its fitted baselines, their
     * noisy variants and the random policy, its episodes on the streams
     * {@code Rng.stream(productionFitSeed(seed, j), k·episodes + e)}; recommendation task {@code j}
     * likewise has index {@code tasks + productionTasks + j} and the streams of
     * {@code recommendationFitSeed(seed, j)}. {@code progress} hears each finished task's index.
     */
    public static TrajectoryDataset build(Settings s, Extra extra, JsonObject about, IntConsumer progress) throws Exception {
        Parts parts = new Parts();
        int n = s.episodes();
        for (int j = 0; j < s.tasks(); j++) {
            PricingScenario task = TaskFamily.task(s.seed(), TaskFamily.Split.SEEN, j);
            List<BatchPricingPolicy> pols = policies(task, s.seed() + 1 + j, s.epsilons(), extra.of(j, task));
            for (int k = 0; k < pols.size(); k++) {
                BatchPricingPolicy p = pols.get(k);
                int x = parts.add(p.name(), j, n, 1, 1);
                record(task, p, s.seed() + 1 + j, (long) k * n, n, parts.states.get(x), parts.price.get(x),
                        parts.order.get(x), parts.reward.get(x));
            }
            progress.accept(j);
        }
        for (int j = 0; j < s.productionTasks(); j++) {
            var task = TaskFamily.productionTask(s.seed(), TaskFamily.Split.SEEN, j);
            long seed = productionFitSeed(s.seed(), j);
            List<ProductionPolicy> pols = productionPolicies(task, seed, s.epsilons());
            for (int k = 0; k < pols.size(); k++) {
                ProductionPolicy p = pols.get(k);
                int x = parts.add(p.name(), s.tasks() + j, n, task.methods(), task.levels());
                record(task, p, seed, (long) k * n, n, parts, x);
            }
            progress.accept(s.tasks() + j);
        }
        int first = s.tasks() + s.productionTasks();
        for (int j = 0; j < s.recommendationTasks(); j++) {
            var task = TaskFamily.recommendationTask(s.seed(), TaskFamily.Split.SEEN, j);
            long seed = recommendationFitSeed(s.seed(), j);
            List<RecommendationSlice.Policy> pols = recommendationPolicies(task, seed, s.epsilons());
            for (int k = 0; k < pols.size(); k++) {
                RecommendationSlice.Policy p = pols.get(k);
                int x = parts.add(p.name(), first + j, n, 1, RecommendationSlice.SHARES.length);
                record(task, p, seed, (long) k * n, n, parts, x);
            }
            progress.accept(first + j);
        }
        List<JsonValue> pn = new ArrayList<>();
        parts.names.keySet().forEach(x -> pn.add(new JsonString(x)));
        JsonObject.Builder mb = JsonObject.builder().put("seed", s.seed()).put("tasks", s.tasks()).put("episodes", s.episodes())
                .put("epsilons", JsonArray.ofDoubles(s.epsilons())).put("policies", new JsonArray(pn));
        if (s.productionTasks() > 0) {
            mb.put("productionTasks", s.productionTasks());
        }
        if (s.recommendationTasks() > 0) {
            mb.put("recommendationTasks", s.recommendationTasks());
        }
        if (!about.members().isEmpty()) {
            mb.put("extra", about);
        }
        return parts.build(mb.build());
    }

    /**
     * {@code episodes} episodes of one {@code policy} on each production task of {@code tasks} (task
     * {@code j} on the streams {@code seed + j}): a dataset without fits, for tests and benchmarks.
     */
    public static TrajectoryDataset singleProduction(List<org.retailrl.envs.production.ProductionScenario> tasks,
                                                     ProductionPolicy policy, long seed, int episodes) {
        Parts parts = new Parts();
        for (int j = 0; j < tasks.size(); j++) {
            var task = tasks.get(j);
            int x = parts.add(policy.name(), j, episodes, task.methods(), task.levels());
            record(task, policy, seed + j, 0, episodes, parts, x);
        }
        return parts.build(JsonObject.builder().put("seed", seed).put("tasks", 0).put("productionTasks", tasks.size())
                .put("episodes", episodes).put("policies", JsonArray.of(new JsonString(policy.name()))).build());
    }

    /** Plays {@code n} episodes of {@code policy} on the production {@code task} into part {@code x}. */
    private static void record(org.retailrl.envs.production.ProductionScenario task, ProductionPolicy policy, long seed,
                               long first, int n, Parts parts, int x) {
        int t = TaskFamily.HORIZON;
        int st = TaskFamily.STATE_SIZE;
        TaskFamily.requireCompatible(task);
        org.retailrl.envs.production.ProductionBatch batch = new org.retailrl.envs.production.ProductionBatch(task, n);
        batch.reset(seed, first);
        policy.reset(batch);
        float[] raw = new float[batch.observationSize()];
        int[] m = new int[n];
        int[] q = new int[n];
        int[] p = new int[n];
        int[] l = new int[n];
        double[] r = new double[n];
        float[] states = parts.states.get(x);
        for (int k = 0; k < t; k++) {
            for (int e = 0; e < n; e++) {
                TaskFamily.encode(batch, e, raw, states, (e * t + k) * st);
            }
            policy.act(batch, m, q, p, l);
            batch.step(m, q, p, l, r);
            for (int e = 0; e < n; e++) {
                parts.price.get(x)[e * t + k] = (byte) p[e];
                parts.order.get(x)[e * t + k] = (byte) q[e];
                parts.method.get(x)[e * t + k] = (byte) m[e];
                parts.level.get(x)[e * t + k] = (byte) l[e];
                parts.reward.get(x)[e * t + k] = (float) r[e];
            }
        }
    }

    /**
     * {@code episodes} episodes of one {@code policy} on each recommendation task of {@code tasks}
     * (task {@code j} on the streams {@code seed + j}): a dataset without fits, for tests.
     */
    public static TrajectoryDataset singleRecommendation(List<org.retailrl.envs.recommendation.RecommendationScenario> tasks,
                                                         RecommendationSlice.Policy policy, long seed, int episodes) {
        Parts parts = new Parts();
        for (int j = 0; j < tasks.size(); j++) {
            int x = parts.add(policy.name(), j, episodes, 1, RecommendationSlice.SHARES.length);
            record(tasks.get(j), policy, seed + j, 0, episodes, parts, x);
        }
        return parts.build(JsonObject.builder().put("seed", seed).put("tasks", 0).put("recommendationTasks", tasks.size())
                .put("episodes", episodes).put("policies", JsonArray.of(new JsonString(policy.name()))).build());
    }

    /**
     * Plays {@code n} episodes of {@code policy} on the recommendation slice {@code task} into part
     * {@code x}; price and method are logged as 0 (padding).
     */
    private static void record(org.retailrl.envs.recommendation.RecommendationScenario task, RecommendationSlice.Policy policy,
                               long seed, long first, int n, Parts parts, int x) {
        int t = TaskFamily.HORIZON;
        int st = TaskFamily.STATE_SIZE;
        org.retailrl.envs.recommendation.RecommendationBatch batch =
                new org.retailrl.envs.recommendation.RecommendationBatch(task, n);
        batch.reset(seed, first);
        policy.reset(batch);
        RecommendationSlice.Stepper stepper = new RecommendationSlice.Stepper(batch);
        double[] demand = RecommendationSlice.expectedDemand(task);
        float[] raw = new float[batch.observationSize()];
        int[] q = new int[n];
        int[] l = new int[n];
        double[] r = new double[n];
        float[] states = parts.states.get(x);
        for (int k = 0; k < t; k++) {
            for (int e = 0; e < n; e++) {
                RecommendationSlice.encode(batch, e, raw, demand, states, (e * t + k) * st);
            }
            policy.act(batch, q, l);
            stepper.step(batch, q, l, r);
            for (int e = 0; e < n; e++) {
                parts.order.get(x)[e * t + k] = (byte) q[e];
                parts.level.get(x)[e * t + k] = (byte) l[e];
                parts.reward.get(x)[e * t + k] = (float) r[e];
            }
        }
    }

    /**
     * {@code episodes} episodes of one {@code policy} on each of {@code tasks} (task {@code j} on the
     * streams {@code seed + j}): a dataset without heuristic fits, for tests and benchmarks.
     */
    public static TrajectoryDataset single(List<PricingScenario> tasks, BatchPricingPolicy policy, long seed, int episodes) {
        int t = TaskFamily.HORIZON;
        int st = TaskFamily.STATE_SIZE;
        int n = tasks.size() * episodes;
        int[] task = new int[n];
        List<float[]> states = new ArrayList<>();
        List<byte[]> prices = new ArrayList<>();
        List<byte[]> orders = new ArrayList<>();
        List<float[]> rewards = new ArrayList<>();
        for (int j = 0; j < tasks.size(); j++) {
            states.add(new float[episodes * t * st]);
            prices.add(new byte[episodes * t]);
            orders.add(new byte[episodes * t]);
            rewards.add(new float[episodes * t]);
            record(tasks.get(j), policy, seed + j, 0, episodes, states.get(j), prices.get(j), orders.get(j), rewards.get(j));
            java.util.Arrays.fill(task, j * episodes, (j + 1) * episodes, j);
        }
        JsonObject meta = JsonObject.builder().put("seed", seed).put("tasks", tasks.size()).put("episodes", episodes)
                .put("policies", JsonArray.of(new JsonString(policy.name()))).build();
        return new TrajectoryDataset(meta, task, new int[n], concat(states, new float[n * t * st]),
                concat(prices, new byte[n * t]), concat(orders, new byte[n * t]), concat(rewards, new float[n * t]));
    }

    /**
     * Plays {@code n} episodes of {@code policy} on {@code task} (streams {@code seed, first + e}) and
     * writes each step's encoded state, action and reward, episode-major.
     */
    static void record(PricingScenario task, BatchPricingPolicy policy, long seed, long first, int n, float[] states,
                       byte[] price, byte[] order, float[] reward) {
        int t = TaskFamily.HORIZON;
        int st = TaskFamily.STATE_SIZE;
        PricingBatch batch = new PricingBatch(task, n);
        batch.reset(seed, first);
        policy.reset(batch);
        float[] raw = new float[batch.observationSize()];
        int[] p = new int[n];
        int[] q = new int[n];
        double[] r = new double[n];
        for (int k = 0; k < t; k++) {
            for (int e = 0; e < n; e++) {
                TaskFamily.encode(batch, e, raw, states, (e * t + k) * st);
            }
            policy.act(batch, p, q);
            batch.step(p, q, r);
            for (int e = 0; e < n; e++) {
                price[e * t + k] = (byte) p[e];
                order[e * t + k] = (byte) q[e];
                reward[e * t + k] = (float) r[e];
            }
        }
    }

    /** The parts (arrays of one primitive type) end to end in {@code out}, which must fit them exactly. */
    private static <A> A concat(List<A> parts, A out) {
        int o = 0;
        for (A a : parts) {
            int n = java.lang.reflect.Array.getLength(a);
            System.arraycopy(a, 0, out, o, n);
            o += n;
        }
        return out;
    }
}
