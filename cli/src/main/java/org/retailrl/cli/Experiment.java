package org.retailrl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.retailrl.algorithms.checkpoint.ResumableTrainer;
import org.retailrl.algorithms.checkpoint.RunSpec;
import org.retailrl.algorithms.checkpoint.TrainingCheckpoint;
import org.retailrl.algorithms.eval.EvaluationReport;
import org.retailrl.algorithms.eval.PolicyEvaluator;
import org.retailrl.algorithms.eval.Rollout;
import org.retailrl.algorithms.pricing.BatchPricingPolicy;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.LearnerConfigJson;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonObject;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.nn.RecurrentNet;

/**
 * The experiment layer both comparisons stand on (docs/model.md §8.11): every learner of every
 * seed is trained through the same {@link TrainingJob} path as {@code train} (checkpoints under
 * {@code DIR/checkpoints}, policy files and learning curves under {@code DIR/models}, so an
 * interrupted run can be continued with {@code retail resume}); the training runs, the heuristic
 * fits and the evaluations are self-contained tasks run on a fixed pool with their results
 * stored by index, so a comparison is bit-identical for any thread count; the effective
 * configurations go to {@code DIR/config.json}. What is compared and how it is reported is the
 * problem's: {@link CompareCommand} (pricing, docs/model.md §1) and {@link RecommendationCompare}
 * (inventory with recommendation, §3).
 */
final class Experiment {
    private Experiment() {
    }

    /**
     * One trained run.
     *
     * @param actors    the trained actors, in agent order
     * @param curve     mean training episode profit per round
     * @param trainer   the learner core after training (read only)
     * @param snapshots copies of the actors after each requested number of episodes, in that order
     */
    record Trained(List<RecurrentNet> actors, double[] curve, Trainer trainer, List<List<RecurrentNet>> snapshots) {
    }

    /**
     * Trains {@code run} to its budget through {@link TrainingJob}, a checkpoint every
     * {@code every} rounds; {@code latest} holds every run's latest mean training profit for the
     * progress bar.
     */
    static Trained train(RunSpec run, Path dir, int every, String phase, ProgressBar bar, Map<String, Double> latest,
                         TrainingJob.Listener hook) throws Exception {
        return train(run, TrainingJob.stem(run), new int[0], dir, every, phase, bar, latest, hook);
    }

    /**
     * As {@link #train(RunSpec, Path, int, String, ProgressBar, Map, TrainingJob.Listener)}, with
     * the files named {@code stem} and a copy of the actors kept after each episode count in
     * {@code snapshotAt} (ascending; counts beyond the budget are never reached).
     */
    static Trained train(RunSpec run, String stem, int[] snapshotAt, Path dir, int every, String phase, ProgressBar bar,
                         Map<String, Double> latest, TrainingJob.Listener hook) throws Exception {
        return train(run, null, stem, snapshotAt, dir, every, phase, bar, latest, hook);
    }

    /**
     * As {@link #train(RunSpec, String, int[], Path, int, String, ProgressBar, Map, TrainingJob.Listener)},
     * continuing from {@code from} (a checkpoint of {@code run} in {@code DIR/checkpoints}) when it is not null.
     */
    static Trained train(RunSpec run, TrainingCheckpoint from, String stem, int[] snapshotAt, Path dir, int every,
                         String phase, ProgressBar bar, Map<String, Double> latest, TrainingJob.Listener hook)
            throws Exception {
        List<List<RecurrentNet>> snapshots = new ArrayList<>();
        TrainingJob.Outputs files = TrainingJob.Outputs.of(stem, dir.resolve("checkpoints"), dir.resolve("models"));
        if (from != null) {
            bar.advance(phase, from.episodesDone(), Double.NaN);
        }
        try (ResumableTrainer t = from == null ? ResumableTrainer.start(run) : ResumableTrainer.resume(from)) {
            // The share is an upper bound: a run too small to gain from more threads keeps fewer.
            int threads = TrainingDefaults.threads(run.algorithm().problem(), run.copies(), JOB_THREADS.get());
            if (threads > 1) {
                t.setThreads(threads);
            }
            TrainingJob.run(t, files, every, Map.of("checkpointEvery", Integer.toString(every), "models", "../models"),
                    from == null ? null : files.checkpoint(), (tr, profit) -> {
                        if (hook != null) {
                            hook.afterEpisode(tr, profit);
                        }
                        if (snapshots.size() < snapshotAt.length && tr.episodesDone() == snapshotAt[snapshots.size()]) {
                            List<RecurrentNet> copy = new ArrayList<>();
                            for (RecurrentNet a : tr.actors()) {
                                copy.add(a.copy());
                            }
                            snapshots.add(copy);
                        }
                        latest.put(stem, profit);
                        bar.advance(phase, 1, latest.values().stream().mapToDouble(Double::doubleValue).average()
                                .orElse(Double.NaN));
                    });
            return new Trained(t.actors(), t.curve(), t.trainer(), snapshots);
        }
    }

    /**
     * Threads each training job of {@link #runAll} may use inside its own run (rollout shards and
     * update layers): the share of the pool's threads a job gets when there are fewer jobs than
     * threads. Results do not depend on it.
     */
    private static final ThreadLocal<Integer> JOB_THREADS = ThreadLocal.withInitial(() -> 1);

    /**
     * Runs {@code jobs} on {@code threads} threads (1: the calling thread) in list order and returns
     * their results in order; with fewer jobs than threads, each training run also splits its own
     * work over its share of the threads.
     */
    static List<Object> runAll(List<Callable<Object>> jobs, int threads) throws Exception {
        List<JobScheduler.Job> ungrouped = new ArrayList<>();
        for (Callable<Object> j : jobs) {
            ungrouped.add(new JobScheduler.Job(null, j));
        }
        return runScheduled(ungrouped, threads);
    }

    /**
     * {@link PolicyEvaluator#evaluate} with every policy instance's episodes played as one job on
     * {@code threads} threads ({@link #runAll}): each instance plays the same common-random-number
     * episodes from its own reset and shares no state with another (a network's packed weights are
     * immutable snapshots), so the report is the same for any thread count. An instance listed in
     * several places plays them in turn within its one job.
     */
    static EvaluationReport evaluate(String label, PricingScenario scenario, List<PolicyEvaluator.Candidate> candidates,
                                     int episodes, long evalSeed, double optimum, int threads) throws Exception {
        PolicyEvaluator.checkRequest(candidates, episodes);
        Map<BatchPricingPolicy, Integer> jobOf = new IdentityHashMap<>();
        List<BatchPricingPolicy> instances = new ArrayList<>();
        List<List<int[]>> slots = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            List<? extends BatchPricingPolicy> perSeed = candidates.get(c).perSeed();
            for (int s = 0; s < perSeed.size(); s++) {
                int j = jobOf.computeIfAbsent(perSeed.get(s), p -> {
                    instances.add(p);
                    slots.add(new ArrayList<>());
                    return instances.size() - 1;
                });
                slots.get(j).add(new int[] {c, s});
            }
        }
        List<Callable<Object>> jobs = new ArrayList<>();
        for (int j = 0; j < instances.size(); j++) {
            BatchPricingPolicy policy = instances.get(j);
            int plays = slots.get(j).size();
            jobs.add(() -> {
                double[][] out = new double[plays][];
                for (int i = 0; i < plays; i++) {
                    out[i] = Rollout.profits(scenario, policy, evalSeed, episodes);
                }
                return out;
            });
        }
        List<Object> results = runAll(jobs, threads);
        List<String> names = new ArrayList<>();
        List<double[][]> profits = new ArrayList<>();
        for (PolicyEvaluator.Candidate c : candidates) {
            names.add(c.name());
            profits.add(new double[c.perSeed().size()][]);
        }
        for (int j = 0; j < instances.size(); j++) {
            double[][] played = (double[][]) results.get(j);
            for (int i = 0; i < played.length; i++) {
                int[] slot = slots.get(j).get(i);
                profits.get(slot[0])[slot[1]] = played[i];
            }
        }
        return PolicyEvaluator.fromProfits(label, names, profits, evalSeed, optimum);
    }

    /**
     * As {@link #runAll(List, int)}, the longest expected job first ({@link JobScheduler}): jobs
     * of one group (one learner over its seeds) are expected to take about equally long. Results
     * are the same in any order.
     */
    static List<Object> runScheduled(List<JobScheduler.Job> jobs, int threads) throws Exception {
        int share = Math.max(1, threads / Math.max(1, jobs.size()));
        if (share > 1) {
            List<JobScheduler.Job> wrapped = new ArrayList<>();
            for (JobScheduler.Job j : jobs) {
                wrapped.add(new JobScheduler.Job(j.group(), () -> {
                    JOB_THREADS.set(share);
                    try {
                        return j.task().call();
                    } finally {
                        JOB_THREADS.remove();
                    }
                }));
            }
            jobs = wrapped;
        }
        try {
            return JobScheduler.run(jobs, threads, "compare");
        } catch (java.util.concurrent.ExecutionException e) {
            // On one thread a job's own exception reaches the caller as it is, as a direct call
            // would throw it; a divergence is wrapped either way, where the commands look for it.
            if (threads == 1 && !(e.getCause() instanceof TrainingDivergedException)) {
                if (e.getCause() instanceof Exception ex) {
                    throw ex;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
            }
            throw e;
        }
    }

    /** Writes {@code dir/config.json}: every learner's effective configuration by name. */
    static void writeConfigs(Path dir, Map<String, LearnerConfig> configs) throws java.io.IOException {
        JsonObject.Builder b = JsonObject.builder();
        new java.util.TreeMap<>(configs).forEach((k, c) -> b.put(k, LearnerConfigJson.toJson(c)));
        Json.writeFile(dir.resolve("config.json"), b.build());
    }
}
