package org.retailrl.algorithms.checkpoint;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.retailrl.algorithms.fsda.FsdaConfig;
import org.retailrl.algorithms.fsda.FsdaTrainer;
import org.retailrl.algorithms.fsda.JointActionPpo;
import org.retailrl.algorithms.ppo.PpoConfig;
import org.retailrl.algorithms.ppo.PpoTrainer;
import org.retailrl.algorithms.rl.RecurrentNet;

/**
 * A training run of MODEL.md §8 (FSDA or joint-action PPO) that can be checkpointed and resumed
 * bit for bit (issue 4 "reliability"): it runs the learner round by round towards the planned
 * budget of its {@link RunSpec}, records the learning curve (mean training episode profit per
 * round, currency), and converts to and from a {@link TrainingCheckpoint}. Not thread-safe; the
 * rollout may use several threads without changing any result.
 */
public final class ResumableTrainer implements AutoCloseable {
    private final RunSpec spec;
    private final FsdaTrainer fsda;
    private final PpoTrainer ppo;
    private double[] curve;
    private int done;

    private ResumableTrainer(RunSpec spec) {
        this.spec = spec;
        if (spec.algorithm() == Algorithm.FSDA) {
            fsda = new FsdaTrainer(spec.scenario(), spec.copies(), (FsdaConfig) spec.config(), spec.seed(), spec.episodes());
            ppo = null;
        } else {
            fsda = null;
            ppo = JointActionPpo.create(spec.scenario(), spec.copies(), (PpoConfig) spec.config(), spec.seed(),
                    spec.episodes());
        }
        curve = new double[0];
    }

    /** A fresh run. */
    public static ResumableTrainer start(RunSpec spec) {
        return new ResumableTrainer(spec);
    }

    /** The run saved in {@code c}, ready to continue from where it stopped. */
    public static ResumableTrainer resume(TrainingCheckpoint c) {
        ResumableTrainer t = new ResumableTrainer(c.spec());
        if (t.fsda != null) {
            t.fsda.restore(c.happo());
        } else {
            t.ppo.restore(c.ppo());
        }
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
     * Runs the next round (FSDA: one episode with the fast agent, the critic and the slow agent
     * when due; PPO: one update) and returns its mean training episode profit.
     *
     * @throws IllegalStateException when the budget is used up, or when a non-finite value stops
     *                               training (the message names the quantity; this object is then
     *                               not to be used further)
     */
    public double episode() {
        if (finished()) {
            throw new IllegalStateException("all " + spec.episodes() + " planned episodes are done");
        }
        double profit = fsda != null ? fsda.episode().meanEpisodeReward() : ppo.update().meanEpisodeReward();
        curve = Arrays.copyOf(curve, done + 1);
        curve[done] = profit;
        done++;
        return profit;
    }

    /** Mean training episode profit of every round done (a copy). */
    public double[] curve() {
        return curve.clone();
    }

    /** The trained actors: pricing and ordering (FSDA) or the joint one (PPO). */
    public List<RecurrentNet> actors() {
        return fsda != null ? List.of(fsda.happo().actor(0), fsda.happo().actor(1)) : List.of(ppo.actor());
    }

    /** The FSDA learner, or null. */
    public FsdaTrainer fsda() {
        return fsda;
    }

    /** The PPO learner, or null. */
    public PpoTrainer ppo() {
        return ppo;
    }

    /** A checkpoint of the current state with the caller's {@code notes}. */
    public TrainingCheckpoint checkpoint(Map<String, String> notes) {
        return new TrainingCheckpoint(spec, done, fsda != null ? fsda.state() : null, ppo != null ? ppo.state() : null,
                curve.clone(), notes);
    }

    /** Runs the rollouts' network passes on {@code threads} threads; results do not depend on it. */
    public void setThreads(int threads) {
        if (fsda != null) {
            fsda.happo().setRolloutThreads(threads);
        } else {
            ppo.setRolloutThreads(threads);
        }
    }

    @Override
    public void close() {
        if (fsda != null) {
            fsda.happo().close();
        } else {
            ppo.close();
        }
    }
}
