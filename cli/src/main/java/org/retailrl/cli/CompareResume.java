package org.retailrl.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retailrl.algorithms.checkpoint.CheckpointException;
import org.retailrl.algorithms.checkpoint.RunSpec;
import org.retailrl.algorithms.checkpoint.TrainingCheckpoint;
import org.retailrl.core.io.AtomicFiles;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonString;
import org.retailrl.core.json.JsonValue;

/**
 * {@code retail compare --resume DIR}: continues an interrupted pricing comparison (docs/model.md
 * §8.11 protocol) and rebuilds its report. A comparison records its arguments in
 * {@value #ARGS} when it starts; resuming runs the same comparison into the same folder, where
 * every training run continues from its checkpoint ({@code DIR/checkpoints}: a finished run is
 * taken as it is, an unfinished one continues bit-identically, one without a checkpoint starts
 * again), and the heuristic fits and the evaluation — deterministic — are redone, so every result
 * file equals an uninterrupted run's.
 */
final class CompareResume {
    /** The file, in the report folder, that holds the comparison's arguments. */
    static final String ARGS = "compare-args.json";
    /** The options recorded, in order; the configurations come from the folder's config.json. */
    private static final List<String> OPTIONS = List.of("scenario", "seeds", "episodes", "copies", "checkpoint-every",
            "eval-episodes",
            "eval-seed", "ablation", "efficiency", "learners", "heuristic-fit");

    private CompareResume() {
    }

    /**
     * Writes {@code DIR/compare-args.json}: every option of the comparison that shapes its results,
     * given as name, value pairs (a null value: not given).
     */
    static void record(Path dir, String... options) throws IOException {
        JsonObject.Builder b = JsonObject.builder();
        for (int i = 0; i < options.length; i += 2) {
            if (!OPTIONS.contains(options[i])) {
                throw new IllegalArgumentException("not a recorded option: " + options[i]);
            }
            if (options[i + 1] != null) {
                b.put(options[i], options[i + 1]);
            }
        }
        AtomicFiles.writeString(dir.resolve(ARGS), Json.writePretty(b.build()) + "\n");
    }

    /**
     * The arguments that run the comparison recorded in {@code dir} again into {@code dir}: its
     * options, its configurations ({@code DIR/config.json}) and {@code threads}.
     *
     * @throws UsageException when {@code dir} holds no comparison that can be resumed
     */
    static List<String> arguments(Path dir, String threads) throws IOException {
        Path file = dir.resolve(ARGS);
        if (!Files.isDirectory(dir)) {
            throw new UsageException("--resume '" + dir + "' is not a folder");
        }
        if (!Files.isRegularFile(file) || !Files.isRegularFile(dir.resolve("config.json"))) {
            throw new UsageException("--resume '" + dir + "' holds no resumable comparison (" + ARGS
                    + " and config.json are written when a comparison starts)");
        }
        JsonObject o;
        try {
            o = Json.readObject(file);
        } catch (RuntimeException e) {
            throw new UsageException(file + ": " + e.getMessage());
        }
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
            if (!OPTIONS.contains(e.getKey()) || !(e.getValue() instanceof JsonString s)) {
                throw new UsageException(file + ": member '" + e.getKey() + "' must be one of " + OPTIONS
                        + " with a string value");
            }
            args.add("--" + e.getKey());
            args.add(s.value());
        }
        args.addAll(List.of("--config", dir.resolve("config.json").toString(), "--out", dir.toString()));
        if (threads != null) {
            args.addAll(List.of("--threads", threads));
        }
        return args;
    }

    /**
     * One training run of a comparison; when {@code resuming}, continued from {@code DIR/checkpoints/<stem>.ckpt}
     * when that exists (a finished one only rewrites its policy file and curve), else trained from
     * the start (through {@link Experiment}, as every run of a comparison).
     *
     * @throws UsageException when the checkpoint belongs to another run, or sample-efficiency
     *                        snapshots (held only in memory) were taken before it
     */
    static Experiment.Trained train(boolean resuming, RunSpec run, String stem, int[] snapshotAt, Path dir, int every,
                                    String phase, ProgressBar bar, Map<String, Double> latest, TrainingJob.Listener hook)
            throws Exception {
        TrainingJob.Outputs files = TrainingJob.Outputs.of(stem, dir.resolve("checkpoints"), dir.resolve("models"));
        if (!resuming || !Files.exists(files.checkpoint())) {
            return Experiment.train(run, stem, snapshotAt, dir, every, phase, bar, latest, hook);
        }
        TrainingCheckpoint c;
        try {
            c = TrainingCheckpoint.load(files.checkpoint());
        } catch (CheckpointException e) {
            throw new UsageException(e.getMessage() + "; delete it to train that run again from the start");
        }
        if (!c.spec().equals(run)) {
            throw new UsageException(files.checkpoint() + " belongs to another run than the comparison recorded in "
                    + dir.resolve(ARGS) + " (scenario, seed, budget or configuration differ); refusing to mix them");
        }
        if (snapshotAt.length > 0 && snapshotAt[0] <= c.episodesDone()) {
            throw new UsageException(files.checkpoint() + ": --efficiency keeps its snapshots (after " + snapshotAt[0]
                    + " episodes) in memory only, and this run had passed them when it stopped; run the comparison again");
        }
        return Experiment.train(run, c, stem, snapshotAt, dir, every, phase, bar, latest, hook);
    }

    /** Runs {@code compare --resume DIR}: the recorded comparison again with {@code resuming}, continuing its runs. */
    static int run(Path dir, String threads, CompareCommand resuming, PrintStream out, PrintStream err)
            throws Exception {
        List<String> args = arguments(dir, threads);
        err.println("resuming the comparison in " + dir);
        return resuming.run(new Args(args), out, err);
    }
}
