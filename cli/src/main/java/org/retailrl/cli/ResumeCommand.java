package org.retailrl.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.retailrl.algorithms.checkpoint.CheckpointException;
import org.retailrl.algorithms.checkpoint.ResumableTrainer;
import org.retailrl.algorithms.checkpoint.TrainingCheckpoint;

/**
 * {@code retail resume <checkpoint>}: continues a training run of {@code train} or {@code compare}
 * from its checkpoint to the planned budget . Everything — scenario,
 * hyperparameters, seed, budget, learner state and random streams — comes from the file, so the
 * run ends bit-identical to one that was never interrupted.
 */
final class ResumeCommand implements Command {
    /** The model folders, relative to the checkpoint's, that train ({@code .}) and compare ({@code ../models}) record. */
    static final java.util.List<String> MODEL_FOLDERS = java.util.List.of(".", "../models");

    @Override
    public String name() {
        return "resume";
    }

    @Override
    public String summary() {
        return "continue a training run from its checkpoint (bit-identical to an uninterrupted run)";
    }

    @Override
    public String usage() {
        return """
                usage: retail resume <checkpoint.ckpt> [--threads N] [--checkpoint-every N]

                Continues the run saved in the checkpoint (written by `retail train` or `retail compare`)
                to its planned number of episodes, checkpointing as before, and then writes the policy
                file and the learning curve next to it (train) or in the report's models/ folder
                (compare). A truncated, corrupted or foreign file is refused with a message naming the
                file and the problem (exit 1). Exit 3 if a non-finite value stops training.

                  --threads           threads for rollouts and updates, 1..1024; results do not depend on it
                                      (default: as `train` chooses for the run's problem and copies)
                  --checkpoint-every  episodes between checkpoints          (default: as the run was started)""";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        int threadsOpt = args.integer("threads", 0, 1, 1024); // 0: not given
        String everyOpt = args.string("checkpoint-every", null);
        args.finish();
        if (args.positional().size() != 1) {
            throw new UsageException("resume needs exactly one checkpoint file, got " + args.positional().size()
                    + " positional arguments");
        }
        Path file = Path.of(args.positional().get(0));
        if (java.nio.file.Files.isDirectory(file)) {
            err.println("error: " + file + " is a folder; resume takes the run's checkpoint file (<algorithm>-seed<N>.ckpt)");
            return 1;
        }
        TrainingCheckpoint c;
        try {
            c = TrainingCheckpoint.load(file);
        } catch (CheckpointException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        int threads = threadsOpt != 0 ? threadsOpt
                : TrainingDefaults.threads(c.spec().algorithm().problem(), c.spec().copies(),
                        Runtime.getRuntime().availableProcessors());
        int every = everyOpt != null ? args.integer("checkpoint-every", 1, 1, 10_000_000)
                : Integer.parseInt(c.notes().getOrDefault("checkpointEvery", Integer.toString(TrainingDefaults.CHECKPOINT_EVERY)));
        Path dir = file.toAbsolutePath().getParent();
        // The checkpoint names where its run keeps the policy file and the curve, but a received
        // file must not choose where this command writes: only the two layouts train and compare
        // create are accepted, both inside the run's folder.
        String modelsNote = c.notes().getOrDefault("models", ".");
        if (!MODEL_FOLDERS.contains(modelsNote)) {
            err.println("error: " + file + ": notes.models must be one of " + MODEL_FOLDERS
                    + " (the layouts of train and compare), got '" + modelsNote + "'; refusing to write outside the run's folder");
            return 1;
        }
        Path models = dir.resolve(modelsNote).normalize();
        TrainingJob.Outputs o = TrainingJob.Outputs.of(c.spec(), dir, models);
        TrainingJob.Outputs files = new TrainingJob.Outputs(file, o.model(), o.curve());
        err.printf("resuming %s at episode %d of %d%n", TrainingJob.stem(c.spec()), c.episodesDone(), c.spec().episodes());
        ResumableTrainer resumed;
        try {
            resumed = ResumableTrainer.resume(c);
        } catch (IllegalArgumentException e) {
            err.println("error: " + file + ": does not fit its own run: " + e.getMessage());
            return 1;
        }
        try (OutputFolder claimed = models.equals(dir) ? OutputFolder.claim(err, dir) : OutputFolder.claim(err, dir, models);
             ResumableTrainer t = resumed) {
            t.setThreads(threads);
            err.println("threads: " + threads + " (results do not depend on --threads)");
            return TrainCommand.train(t, files, every, file, c.notes().get("scenario"), out, err, null);
        }
    }
}
