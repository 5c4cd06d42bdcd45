package org.retailrl.algorithms.checkpoint;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.nn.RecurrentNet;

/**
 * A training run of any learner of docs/model.md §8 that can be checkpointed and resumed bit for
 * bit (§8.12): it runs the learner core round by round towards the planned budget of its
 * {@link RunSpec}, records the learning curve (mean training episode profit per round, currency),
 * and converts to and from a {@link TrainingCheckpoint}. Not thread-safe; the rollout may use
 * several threads without changing any result.
 */
public final class ResumableTrainer implements AutoCloseable {
    private final RunSpec spec;
    private final Trainer trainer;
    private double[] curve;
    private int done;

    private ResumableTrainer(RunSpec spec) {
        this.spec = spec;
        this.trainer = spec.algorithm().trainer(spec);
        curve = new double[0];
    }

    /** A fresh run. */
    public static ResumableTrainer start(RunSpec spec) {
        return new ResumableTrainer(spec);
    }

    /** The run saved in {@code c}, ready to continue from where it stopped. */
    public static ResumableTrainer resume(TrainingCheckpoint c) {
        ResumableTrainer t = new ResumableTrainer(c.spec());
        t.trainer.restore(c.state());
        t.curve = c.curve().clone();
        t.done = c.episodesDone();
        return t;
    }

    /** Loads {@code path} and resumes it; a bad file is a {@link CheckpointException} naming it. */
    public static ResumableTrainer resume(Path path) throws java.io.IOException {
        TrainingCheckpoint c = TrainingCheckpoint.load(path);
        try {
            return resume(c);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(path + ": does not fit its own run: " + e.getMessage(), e);
        }
    }

    /** The run's definition. */
    public RunSpec spec() {
        return spec;
    }

    /** Rounds done. */
    public int episodesDone() {
        return done;
    }

    /** Whether the planned budget is used up. */
    public boolean finished() {
        return done >= spec.episodes();
    }

    /**
     * Runs the next round and returns its mean training episode profit.
     *
     * @throws IllegalStateException when the budget is used up, or when a non-finite value stops
     *                               training (the message names the quantity; this object is then
     *                               not to be used further)
     */
    public double episode() {
        if (finished()) {
            throw new IllegalStateException("all " + spec.episodes() + " planned episodes are done");
        }
        double profit = trainer.round().meanEpisodeReward();
        curve = Arrays.copyOf(curve, done + 1);
        curve[done] = profit;
        done++;
        return profit;
    }

    /** Mean training episode profit of every round done (a copy). */
    public double[] curve() {
        return curve.clone();
    }

    /** The trained actors, in agent order. */
    public List<RecurrentNet> actors() {
        return trainer.actors();
    }

    /** The learner core. */
    public Trainer trainer() {
        return trainer;
    }

    /** A checkpoint of the current state with the caller's {@code notes}. */
    public TrainingCheckpoint checkpoint(Map<String, String> notes) {
        return new TrainingCheckpoint(spec, done, trainer.state(), curve.clone(), notes);
    }

    /** Runs the rollouts' network passes and the updates on {@code threads} threads; results do not depend on it. */
    public void setThreads(int threads) {
        trainer.setRolloutThreads(threads);
        trainer.setUpdateThreads(threads);
    }

    @Override
    public void close() {
        trainer.close();
    }
}
