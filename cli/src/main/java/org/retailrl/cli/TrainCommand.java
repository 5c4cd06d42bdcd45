package org.retailrl.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.retailrl.algorithms.checkpoint.Algorithm;
import org.retailrl.algorithms.recommendation.RecommendationComparison;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.LearnerConfigJson;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.core.json.Json;
import org.retailrl.envs.recommendation.RecommendationScenarioJson;
import org.retailrl.algorithms.checkpoint.ResumableTrainer;
import org.retailrl.algorithms.checkpoint.RunSpec;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * {@code retail train}: one learner of docs/model.md §8 (FSDA or joint-action PPO), one seed, one budget
 * on a §1 scenario, with checkpoints ; writes the checkpoint, the trained
 * policy file and the learning curve into {@code --out}.
 */
final class TrainCommand implements Command {
    /** Exit code when a non-finite value stopped training. */
    static final int EXIT_DIVERGED = 3;
    private final TrainingJob.Listener faultHook;

    TrainCommand() {
        this(null);
    }

    /** With a hook called after every episode (tests inject faults through it). */
    TrainCommand(TrainingJob.Listener faultHook) {
        this.faultHook = faultHook;
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train one learner (fsda, ppo-joint, mtma, ...) for one seed, with checkpoints";
    }

    @Override
    public String usage() {
        return String.format(Locale.ROOT, """
                usage: retail train [--algorithm NAME] [--seed N] [--scenario NAME|<file.json>] [--preset NAME]
                                    [--config run.json] [--episodes N] [--copies N] [--checkpoint-every N]
                                    [--threads N] [--out DIR] [--overwrite] [--yes]

                Trains one learner of the learner core (docs/model.md §8) for one seed: FSDA (pricing fast,
                ordering slow) or PPO over the joint (price, order) action on a pricing scenario
                (docs/model.md §1), or MTMA, Joint IM-RS, IM-Only or RS-Only on an inventory-with-
                recommendation scenario (docs/model.md §3). Hyperparameters: the algorithm's preset, or
                --preset NAME, with any member overridden by --config (a JSON object such as
                {"entCoef": 0.02, "agents": [{}, {"period": {"kind": "every", "k": 3}}]}); the effective
                configuration is written to DIR/config.json and stored in every checkpoint.
                Every --checkpoint-every episodes (and at the end) the complete training state is written
                atomically to DIR/<algorithm>-seed<N>.ckpt; after a crash or kill, `retail resume <that
                file>` continues and ends bit-identical to an uninterrupted run. At the end it writes the
                policy file DIR/<algorithm>-seed<N>.rrpf (score it with `retail evaluate --model`) and
                the learning curve DIR/<algorithm>-seed<N>-curve.csv. If a loss, gradient, reward or
                weight becomes NaN or infinite, training stops with exit code 3, naming the quantity and
                episode; the last checkpoint is left untouched.

                  --algorithm         fsda, ppo-joint (ppo), mtma, joint-im-rs, im-only, rs-only,
                                      rs-only-base-stock, mtma-discrete, joint-im-rs-discrete  (default fsda)
                  --seed              training seed, 1..1000000                          (default 1)
                  --scenario          pricing: a, b, c, d or a JSON file (default b); recommendation:
                                      recommendation-lost, recommendation-backlog, recommendation-
                                      large-lost, recommendation-large-backlog or a JSON file
                                      (default recommendation-lost)
                  --preset            %s
                                      (default: the algorithm's own)
                  --config            JSON file overriding members of the preset
                  --episodes          training episodes (rounds), 1..10000000            (default %d)
                  --copies            environment copies per episode, 1..4096   (default %d pricing, %d recommendation)
                  --checkpoint-every  episodes between checkpoints, 1..10000000          (default %d)
                  --threads           threads for rollouts and updates, 1..1024; results do not depend on it
                                      (default: pricing one per 64 copies, others all cores)
                  --out               output directory    (default runs/train-<algorithm>-<scenario>-seed<N>-<time>);
                                      refused when it already holds files (continue a run with `retail resume`)
                  --overwrite         allow a non-empty --out; its outputs are replaced
                  --yes               run a budget estimated above one hour without asking (needed when
                                      not on a terminal); --out is locked while the run writes it""",
                String.join(", ", Presets.all().keySet()), TrainingDefaults.EPISODES, TrainingDefaults.COPIES,
                Presets.RECOMMENDATION_COPIES, TrainingDefaults.CHECKPOINT_EVERY);
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        String algo = args.string("algorithm", "fsda");
        long seed = args.longValue("seed", 1, 1, 1_000_000);
        String spec = args.string("scenario", null);
        String preset = args.string("preset", null);
        String configFile = args.string("config", null);
        int episodes = args.integer("episodes", TrainingDefaults.EPISODES, 1, 10_000_000);
        Algorithm algorithm;
        try {
            algorithm = Algorithm.of(algo);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
        boolean multi = algorithm.problem() == Algorithm.Problem.MULTIPRODUCT;
        boolean pricing = algorithm.problem() == Algorithm.Problem.PRICING || multi;
        int copies = args.integer("copies", pricing ? TrainingDefaults.COPIES : Presets.RECOMMENDATION_COPIES, 1, 4096);
        int every = args.integer("checkpoint-every", TrainingDefaults.CHECKPOINT_EVERY, 1, 10_000_000);
        int threads = args.integer("threads", TrainingDefaults.threads(algorithm.problem(), copies,
                Runtime.getRuntime().availableProcessors()), 1, 1024);
        String outDir = args.string("out", null);
        boolean overwrite = args.flag("overwrite");
        boolean yes = args.flag("yes");
        args.finish();
        if (!args.positional().isEmpty()) {
            throw new UsageException("train takes no positional arguments, got '" + args.positional().get(0) + "'");
        }
        if (spec == null) {
            spec = multi ? "multiproduct" : pricing ? "b" : "recommendation-lost";
        }
        Record scenario = resolveScenario(algorithm, spec);
        LearnerConfig config = resolveConfig(algorithm, preset, configFile);
        RunSpec run;
        try {
            run = new RunSpec(algorithm, scenario, copies, seed, episodes, config);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        BudgetCheck.confirm("training " + episodes + " episodes of " + copies + " copies",
                BudgetCheck.seconds(run, 1, 1), yes, err);
        Path dir = Path.of(outDir != null ? outDir : "runs/train-" + algorithm.label() + "-" + label(spec) + "-seed" + seed
                + "-" + timestamp());
        prepareOut(dir, overwrite);
        TrainingJob.Outputs files = TrainingJob.Outputs.of(run, dir, dir);
        try (OutputFolder claimed = OutputFolder.claim(err, dir); ResumableTrainer t = ResumableTrainer.start(run)) {
            Json.writeFile(dir.resolve("config.json"), LearnerConfigJson.toJson(config));
            t.setThreads(threads);
            err.println("threads: " + threads + " (results do not depend on --threads)");
            return train(t, files, every, null, label(spec), out, err, faultHook);
        }
    }

    /**
     * Makes {@code dir} the output folder before any work: it must be a folder this process can
     * write, and empty unless {@code overwrite} — a second run into the folder of a first would
     * silently replace its checkpoint, policy file and curve.
     */
    static void prepareOut(Path dir, boolean overwrite) throws java.io.IOException {
        if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
            throw new UsageException("--out '" + dir + "' is an existing file, not a folder");
        }
        if (java.nio.file.Files.isDirectory(dir) && !overwrite) {
            try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(dir)) {
                java.util.Optional<Path> any = entries.filter(f -> !OutputFolder.isBookkeeping(f.getFileName().toString()))
                        .findFirst();
                if (any.isPresent()) {
                    throw new UsageException("--out '" + dir + "' already holds files (e.g. '" + any.get().getFileName()
                            + "'); a new run would replace them. Continue that run with `retail resume <its .ckpt>`, "
                            + "choose another --out, or pass --overwrite to replace its outputs");
                }
            }
        }
        try {
            java.nio.file.Files.createDirectories(dir);
            Path probe = java.nio.file.Files.createTempFile(dir, ".write-check", ".tmp");
            java.nio.file.Files.delete(probe);
        } catch (java.io.IOException e) {
            throw new UsageException("--out '" + dir + "' cannot be written: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** The scenario {@code spec} names for {@code algorithm}'s problem. */
    static Record resolveScenario(Algorithm algorithm, String spec) throws java.io.IOException {
        if (algorithm.problem() == Algorithm.Problem.PRICING) {
            return EvaluateCommand.resolveScenario(spec);
        }
        if (algorithm.problem() == Algorithm.Problem.MULTIPRODUCT) {
            return MultiProductCompare.resolve(spec);
        }
        if (spec.endsWith(".json")) {
            Path file = Path.of(spec);
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new UsageException("--scenario file does not exist: '" + spec + "'");
            }
            return RecommendationScenarioJson.load(file);
        }
        try {
            return RecommendationComparison.scenario(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage() + " (or a .json file) for " + algorithm.label());
        }
    }

    /**
     * The configurations of a comparison: {@code defaults} (by learner name) with, where
     * {@code file} is given, the members of its object {@code {"<name>": {...}, ...}} over each;
     * unknown names are refused.
     */
    static java.util.Map<String, LearnerConfig> resolveConfigs(String file, java.util.Map<String, LearnerConfig> defaults)
            throws java.io.IOException {
        java.util.Map<String, LearnerConfig> out = new java.util.LinkedHashMap<>(defaults);
        if (file == null) {
            return out;
        }
        Path p = Path.of(file);
        if (!java.nio.file.Files.isRegularFile(p)) {
            throw new UsageException("--config file does not exist: '" + file + "'");
        }
        org.retailrl.core.json.JsonObject o;
        try {
            o = Json.readObject(p);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--config " + e.getMessage());
        }
        for (String k : o.keys()) {
            if (!defaults.containsKey(k)) {
                throw new UsageException("--config " + file + ": unknown learner '" + k + "' (allowed: "
                        + String.join(", ", defaults.keySet()) + ")");
            }
            if (!(o.get(k) instanceof org.retailrl.core.json.JsonObject c)) {
                throw new UsageException("--config " + file + ": " + k + " must be an object");
            }
            try {
                out.put(k, LearnerConfigJson.read(c, defaults.get(k)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--config " + file + ": " + k + "." + e.getMessage());
            }
        }
        return out;
    }

    /** The preset (the algorithm's own unless named) with {@code file}'s members over it. */
    static LearnerConfig resolveConfig(Algorithm algorithm, String preset, String file) throws java.io.IOException {
        LearnerConfig base;
        try {
            base = preset == null ? algorithm.defaults() : Presets.named(preset);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
        if (file == null) {
            return base;
        }
        Path p = Path.of(file);
        if (!java.nio.file.Files.isRegularFile(p)) {
            throw new UsageException("--config file does not exist: '" + file + "'");
        }
        try {
            return LearnerConfigJson.read(p, base);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--config " + e.getMessage());
        }
    }

    /** Trains to the budget with a progress bar; the shared tail of {@code train} and {@code resume}. */
    static int train(ResumableTrainer t, TrainingJob.Outputs files, int every, Path resumedFrom, PrintStream out,
                     PrintStream err, TrainingJob.Listener hook) throws java.io.IOException {
        return train(t, files, every, resumedFrom, null, out, err, hook);
    }

    /**
     * As {@link #train(ResumableTrainer, TrainingJob.Outputs, int, Path, PrintStream, PrintStream, TrainingJob.Listener)},
     * with the scenario's name (kept in the checkpoint's notes, written into the policy file; null for none).
     */
    static int train(ResumableTrainer t, TrainingJob.Outputs files, int every, Path resumedFrom, String scenarioName,
                     PrintStream out, PrintStream err, TrainingJob.Listener hook) throws java.io.IOException {
        String stem = TrainingJob.stem(t.spec());
        ProgressBar bar = new ProgressBar(err, t.spec().episodes(), ProgressBar.isTerminal(err));
        bar.advance("train " + stem, t.episodesDone(), Double.NaN);
        long t0 = System.nanoTime();
        int startDone = t.episodesDone();
        try {
            // The model folder relative to the checkpoint's ("." for train, "../models" for compare), kept across resumes.
            Path rel = files.checkpoint().toAbsolutePath().getParent().relativize(files.model().toAbsolutePath().getParent());
            String models = rel.toString().isEmpty() ? "." : rel.toString().replace('\\', '/');
            Map<String, String> notes = new java.util.TreeMap<>(Map.of("checkpointEvery", Integer.toString(every),
                    "models", models));
            if (scenarioName != null) {
                notes.put("scenario", scenarioName);
            }
            TrainingJob.run(t, files, every, notes, resumedFrom, (tr, p) -> {
                        if (hook != null) {
                            hook.afterEpisode(tr, p);
                        }
                        bar.advance("train " + stem, 1, p);
                    });
        } catch (TrainingDivergedException e) {
            bar.finish();
            err.println("error: " + e.getMessage());
            return EXIT_DIVERGED;
        }
        bar.finish();
        out.printf(Locale.ROOT, "%s: %d episodes run now (x %d copies), %d of %d done, in %.1f s; last mean training "
                + "profit %.2f%n", stem, t.episodesDone() - startDone, t.spec().copies(), t.episodesDone(),
                t.spec().episodes(), (System.nanoTime() - t0) / 1e9,
                t.curve().length == 0 ? Double.NaN : t.curve()[t.curve().length - 1]);
        out.println("checkpoint: " + files.checkpoint());
        out.println("model:      " + files.model());
        out.println("curve:      " + files.curve());
        return 0;
    }

    /** The scenario's label for directory names: the letter, or the file's stem. */
    static String label(String spec) {
        String name = Path.of(spec).getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    static String timestamp() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
    }
}
