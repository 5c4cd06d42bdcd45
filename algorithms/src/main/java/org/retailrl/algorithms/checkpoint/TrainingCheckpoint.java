package org.retailrl.algorithms.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.LearnerConfigJson;
import org.retailrl.algorithms.rl.Trainer;

/**
 * One training checkpoint of any learner of docs/model.md §8 (§8.12): the run's definition, its
 * progress, the learner core's complete state and the learning curve so far, so that resuming
 * needs nothing but the file. Stored in the {@link CheckpointFormat} container with these
 * sections, in this order:
 * <pre>
 *   run       str algorithm label, int64 seed, int32 copies, int32 planned episodes, int32 episodes done
 *   scenario  str the scenario as JSON (of the algorithm's problem, {@link Algorithm.Problem}; every member)
 *   config    str the {@link LearnerConfig} as JSON ({@link LearnerConfigJson}, every member)
 *   state     the learner's state ({@link StateCodec})
 *   curve     float64[] mean training episode profit (currency) of every round done
 *   notes     int32 count, then (str key, str value) pairs: free-form settings of the caller
 * </pre>
 * (str = int32 byte length + UTF-8; arrays = int32 length + elements; all big-endian.)
 *
 * @param spec         the run
 * @param episodesDone rounds done, in [0, spec.episodes]
 * @param state        the learner core's state
 * @param curve        mean training episode profit per round done (length {@code episodesDone})
 * @param notes        the caller's settings to restore (e.g. how often to checkpoint), never null
 */
public record TrainingCheckpoint(RunSpec spec, int episodesDone, Trainer.State state, double[] curve,
                                 Map<String, String> notes) {
    /** Validates that the state matches the progress and the curve. */
    public TrainingCheckpoint {
        if (spec == null || state == null || curve == null || notes == null) {
            throw new IllegalArgumentException("spec, state, curve and notes must not be null");
        }
        if (episodesDone < 0 || episodesDone > spec.episodes() || state.rounds() != episodesDone
                || curve.length != episodesDone) {
            throw new IllegalArgumentException("episodesDone must be in [0, " + spec.episodes() + "] and equal the state's "
                    + "rounds (" + state.rounds() + ") and the curve's length (" + curve.length + "), got " + episodesDone);
        }
        notes = Map.copyOf(notes);
    }

    /** The file bytes. */
    public byte[] encode() {
        Map<String, byte[]> s = new LinkedHashMap<>();
        s.put("run", new SectionWriter().str(spec.algorithm().label()).i64(spec.seed()).i32(spec.copies())
                .i32(spec.episodes()).i32(episodesDone).toBytes());
        s.put("scenario", new SectionWriter().str(spec.algorithm().problem().writeScenario(spec.scenario())).toBytes());
        s.put("config", new SectionWriter().str(LearnerConfigJson.write(spec.config())).toBytes());
        SectionWriter sw = new SectionWriter();
        StateCodec.write(sw, state);
        s.put("state", sw.toBytes());
        s.put("curve", new SectionWriter().doubles(curve).toBytes());
        SectionWriter nw = new SectionWriter().i32(notes.size());
        new java.util.TreeMap<>(notes).forEach((k, v) -> nw.str(k).str(v));
        s.put("notes", nw.toBytes());
        return CheckpointFormat.encode(s);
    }

    /** Writes the checkpoint to {@code path} atomically (temporary file, fsync, rename). */
    public void save(Path path) throws IOException {
        org.retailrl.core.io.AtomicFiles.write(path, encode());
    }

    /** Reads and fully validates the checkpoint at {@code path}. */
    public static TrainingCheckpoint load(Path path) throws IOException {
        return decode(CheckpointFormat.read(path), path.toString());
    }

    /**
     * Resuming builds every network from the configuration before the stored values are copied
     * in, so the configuration's sizes must be the ones the stored networks have: a checkpoint
     * cannot make the trainer allocate networks wider or deeper than the values the file itself holds.
     */
    private static void checkNetworkSizes(LearnerConfig config, Trainer.State state, SectionReader st)
            throws CheckpointException {
        String[] names = state.parameterNames();
        int networks = 0;
        int gruLayers = 0;
        for (int i = 0; i < names.length; i++) {
            if (names[i].endsWith(".mlp.0.bias")) {
                networks++;
                if (state.parameters()[i].length != config.hidden()) {
                    throw st.error("config hidden = " + config.hidden() + " but the stored network '" + names[i]
                            .substring(0, names[i].length() - ".mlp.0.bias".length()) + "' is "
                            + state.parameters()[i].length + " wide");
                }
            } else if (names[i].contains(".gru.") && names[i].endsWith(".bias_ih")) {
                gruLayers++;
            }
        }
        if (networks == 0) {
            throw st.error("holds no network (no '<name>.mlp.0.bias' parameter)");
        }
        if (gruLayers != networks * config.gruLayers()) {
            throw st.error("config gruLayers = " + config.gruLayers() + " but the " + networks
                    + " stored networks have " + gruLayers + " GRU layers in total");
        }
    }

    /** Decodes verified sections read from {@code source}. */
    static TrainingCheckpoint decode(Map<String, byte[]> sections, String source) throws CheckpointException {
        for (String need : new String[] {"run", "scenario", "config", "state", "curve", "notes"}) {
            if (!sections.containsKey(need)) {
                throw new CheckpointException(source + ": section '" + need + "' is missing");
            }
        }
        SectionReader run = new SectionReader(sections.get("run"), source, "run");
        Algorithm algorithm;
        try {
            algorithm = Algorithm.of(run.str());
        } catch (IllegalArgumentException e) {
            throw run.error(e.getMessage());
        }
        long seed = run.i64();
        int copies = run.i32();
        int episodes = run.i32();
        int done = run.i32();
        run.end();
        SectionReader sc = new SectionReader(sections.get("scenario"), source, "scenario");
        Record scenario;
        try {
            String text = sc.str();
            scenario = algorithm.problem().parseScenario(text);
        } catch (RuntimeException e) {
            throw sc.error("invalid scenario: " + e.getMessage());
        }
        sc.end();
        SectionReader cr = new SectionReader(sections.get("config"), source, "config");
        LearnerConfig config;
        try {
            config = LearnerConfigJson.parse(cr.str(), algorithm.defaults());
        } catch (RuntimeException e) {
            throw cr.error("invalid configuration: " + e.getMessage());
        }
        cr.end();
        SectionReader st = new SectionReader(sections.get("state"), source, "state");
        Trainer.State state = StateCodec.read(st);
        checkNetworkSizes(config, state, st);
        SectionReader cu = new SectionReader(sections.get("curve"), source, "curve");
        double[] curve = cu.doubles();
        cu.end();
        SectionReader nr = new SectionReader(sections.get("notes"), source, "notes");
        int n = nr.length(8);
        Map<String, String> notes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            notes.put(nr.str(), nr.str());
        }
        nr.end();
        try {
            return new TrainingCheckpoint(new RunSpec(algorithm, scenario, copies, seed, episodes, config), done, state,
                    curve, notes);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(source + ": inconsistent checkpoint: " + e.getMessage(), e);
        }
    }
}
