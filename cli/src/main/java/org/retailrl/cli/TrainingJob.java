package org.retailrl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.retailrl.algorithms.checkpoint.ResumableTrainer;
import org.retailrl.algorithms.checkpoint.RunSpec;
import org.retailrl.algorithms.deploy.PolicyFile;
import org.retailrl.algorithms.rl.LearnerConfigJson;
import org.retailrl.core.io.AtomicFiles;
import org.retailrl.core.json.JsonObject;

/**
 * Runs one training run of docs/model.md §8 to its planned budget with the rules of docs/model.md §8.12:
 * a checkpoint every {@code every} episodes and at the end (each written atomically, so a kill at
 * any moment leaves the previous one), then the trained policy file and the learning-curve CSV. If
 * a non-finite value stops training, the checkpoint on disk is left as it was and a
 * {@link TrainingDivergedException} says which quantity, which episode and where that checkpoint is.
 */
final class TrainingJob {
    /** Called after every episode (progress; tests use it to inject faults). */
    interface Listener {
        void afterEpisode(ResumableTrainer trainer, double profit);
    }

    /**
     * The files of one run.
     *
     * @param checkpoint the checkpoint ({@code .ckpt})
     * @param model      the trained policy ({@code .rrpf}, {@link PolicyFile})
     * @param curve      the learning curve ({@code .csv}: episode, mean training profit)
     */
    record Outputs(Path checkpoint, Path model, Path curve) {
        /** The files of {@code spec} in {@code checkpoints} and {@code models}: {@code <algorithm>-seed<seed>.*}. */
        static Outputs of(RunSpec spec, Path checkpoints, Path models) {
            return of(stem(spec), checkpoints, models);
        }

        /** The files {@code <stem>.ckpt} in {@code checkpoints}, {@code <stem>.rrpf} and {@code <stem>-curve.csv} in {@code models}. */
        static Outputs of(String stem, Path checkpoints, Path models) {
            return new Outputs(checkpoints.resolve(stem + ".ckpt"), models.resolve(stem + ".rrpf"),
                    models.resolve(stem + "-curve.csv"));
        }
    }

    /** {@code <algorithm>-seed<seed>}. */
    static String stem(RunSpec spec) {
        return spec.algorithm().label() + "-seed" + spec.seed();
    }

    private TrainingJob() {
    }

    /**
     * Trains {@code t} to its budget.
     *
     * @param resumedFrom the checkpoint {@code t} was resumed from (the last good one until a new
     *                    one is written), or null for a fresh run
     */
    static void run(ResumableTrainer t, Outputs out, int every, Map<String, String> notes, Path resumedFrom,
                    Listener listener) throws IOException, TrainingDivergedException {
        if (every < 1) {
            throw new IllegalArgumentException("checkpoint-every must be >= 1, got " + every);
        }
        Files.createDirectories(out.checkpoint().toAbsolutePath().getParent());
        Files.createDirectories(out.model().toAbsolutePath().getParent());
        Path lastGood = resumedFrom;
        int lastGoodRound = resumedFrom == null ? -1 : t.episodesDone();
        while (!t.finished()) {
            int round = t.episodesDone();
            double profit;
            try {
                profit = t.episode();
            } catch (IllegalStateException e) {
                String m = String.valueOf(e.getMessage());
                if (!m.startsWith("training stopped:") && !m.contains("non-finite")) {
                    throw e;
                }
                throw new TrainingDivergedException(stem(t.spec()), m.replaceFirst("^training stopped: ", ""), round,
                        lastGood, lastGoodRound);
            }
            if (listener != null) {
                listener.afterEpisode(t, profit);
            }
            if (t.episodesDone() % every == 0 || t.finished()) {
                t.checkpoint(notes).save(out.checkpoint());
                writeCurve(out.curve(), t.curve());
                lastGood = out.checkpoint();
                lastGoodRound = t.episodesDone();
            }
        }
        writeCurve(out.curve(), t.curve());
        PolicyFile.save(out.model(), t.spec().scenario(), t.spec().algorithm().label(), t.actors(),
                provenance(t.spec(), t.curve(), notes.get("scenario")));
    }

    /**
     * What the policy file says about the run: its seed, configuration and scenario name, and a
     * summary of the training curve (the file is written before any held-out evaluation).
     */
    static PolicyFile.Provenance provenance(RunSpec spec, double[] curve, String scenarioName) {
        JsonObject.Builder summary = JsonObject.builder().put("episodes", curve.length).put("copies", spec.copies());
        int last = Math.min(10, curve.length);
        if (last > 0) {
            double sum = 0;
            for (int i = curve.length - last; i < curve.length; i++) {
                sum += curve[i];
            }
            if (Double.isFinite(sum)) {
                summary.put("lastMeanTrainingProfit", curve[curve.length - 1])
                        .put("meanTrainingProfitLast" + last + "Episodes", sum / last);
            }
        }
        return new PolicyFile.Provenance(PolicyFile.Provenance.now(), spec.seed(), LearnerConfigJson.toJson(spec.config()),
                scenarioName, summary.build());
    }

    static void writeCurve(Path file, double[] curve) throws IOException {
        StringBuilder sb = new StringBuilder("episode,mean_training_profit\n");
        for (int i = 0; i < curve.length; i++) {
            sb.append(i + 1).append(',').append(String.format(Locale.ROOT, "%s", Double.toString(curve[i]))).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}
