package org.retailrl.algorithms.lmm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retailrl.algorithms.checkpoint.CheckpointException;
import org.retailrl.algorithms.checkpoint.CheckpointFormat;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.random.Rng;
import org.retailrl.nn.Adam;
import org.retailrl.nn.AdamConfig;
import org.retailrl.nn.AdamW;
import org.retailrl.nn.GradClip;
import org.retailrl.nn.LrSchedule;
import org.retailrl.nn.ModelFile;
import org.retailrl.nn.Parameter;

/**
 * Offline training of the {@link DecisionTransformer} on a {@link TrajectoryDataset}
 * (docs/model.md §6.4): minibatches of windows of {@code K} consecutive steps drawn uniformly (an
 * episode, then a start in {@code 0..T−K}), the cross-entropy of the logged actions, AdamW with
 * linear warm-up and cosine decay, global gradient clipping. The return-to-go of step {@code t} is
 * {@code R̂_t = Σ_{t' ≥ t} r_{t'}} (docs/model.md §6.3, choice C3) divided by the best episode
 * return of the dataset ({@link #rtgScale}), which the model keeps.
 *
 * <p>Randomness: the initial weights from {@code Rng.stream(seed, 0)}, windows from stream 1,
 * dropout from stream 2; a checkpoint holds the weights, the optimiser's moments and both streams,
 * so a resumed run ends bit-identical to an uninterrupted one.
 */
public final class DtTraining {
    /**
     * Training settings.
     *
     * @param steps       optimiser steps, 1..10^7
     * @param batch       windows per step, 1..4096
     * @param lr          peak learning rate, (0, 1]
     * @param weightDecay AdamW λ, [0, 1]
     * @param warmup      warm-up steps, 0..steps−1
     * @param clip        global gradient-norm limit, > 0
     * @param seed        training seed
     */
    public record Settings(int steps, int batch, double lr, double weightDecay, int warmup, double clip, long seed) {
        /** Validates the ranges. */
        public Settings {
            if (steps < 1 || steps > 10_000_000) {
                throw new IllegalArgumentException("steps must be in [1, 10000000], got " + steps);
            }
            if (batch < 1 || batch > 4096) {
                throw new IllegalArgumentException("batch must be in [1, 4096], got " + batch);
            }
            if (!(lr > 0 && lr <= 1)) {
                throw new IllegalArgumentException("lr must be in (0, 1], got " + lr);
            }
            if (!(weightDecay >= 0 && weightDecay <= 1)) {
                throw new IllegalArgumentException("weightDecay must be in [0, 1], got " + weightDecay);
            }
            if (warmup < 0 || warmup >= steps) {
                throw new IllegalArgumentException("warmup must be in [0, " + (steps - 1) + "], got " + warmup);
            }
            if (!(clip > 0) || !Double.isFinite(clip)) {
                throw new IllegalArgumentException("clip must be finite and > 0, got " + clip);
            }
        }

        JsonObject toJson() {
            return JsonObject.builder().put("steps", steps).put("batch", batch).put("lr", lr).put("weightDecay", weightDecay)
                    .put("warmup", warmup).put("clip", clip).put("seed", seed).build();
        }

        static Settings fromJson(JsonObject o) {
            return new Settings(o.getInt("steps"), o.getInt("batch"), o.getDouble("lr"), o.getDouble("weightDecay"),
                    o.getInt("warmup"), o.getDouble("clip"), o.getLong("seed"));
        }
    }

    private final DecisionTransformer model;
    private final Settings settings;
    private final TrajectoryDataset data;
    private final float rtgScale;
    private final float[] rtg;
    private final AdamW opt;
    private final LrSchedule schedule;
    private Rng windows;
    private Rng dropout;
    private int step;
    private double lastLoss = Double.NaN;
    private final Tape tape = new Tape();
    private final DecisionTransformer.Batch batch;

    /** A fresh run. */
    public DtTraining(DecisionTransformer.Config config, Settings settings, TrajectoryDataset data) {
        this(new DecisionTransformer(config, Rng.stream(settings.seed(), 0)), settings, data, rtgScale(data));
        windows = Rng.stream(settings.seed(), 1);
        dropout = Rng.stream(settings.seed(), 2);
    }

    private DtTraining(DecisionTransformer model, Settings settings, TrajectoryDataset data, float rtgScale) {
        this.model = model;
        this.settings = settings;
        this.data = data;
        this.rtgScale = rtgScale;
        this.rtg = returnsToGo(data, rtgScale);
        this.opt = new AdamW(model.parameters(), new AdamConfig(settings.lr(), 0.9, 0.95, 1e-8), settings.weightDecay(),
                DecisionTransformer::decays);
        this.schedule = new LrSchedule.WarmupCosine(settings.lr(), settings.lr() / 10, settings.warmup(), settings.steps());
        this.batch = new DecisionTransformer.Batch(settings.batch(), model.config().context());
    }

    /**
     * The return token's unit (currency): the best logged episode return, or the largest absolute
     * one when no return is positive (at least 1). Good returns then lie near 1 while the large
     * losses of the random policy stay a few units below 0.
     */
    static float rtgScale(TrajectoryDataset data) {
        double best = Double.NEGATIVE_INFINITY;
        double abs = 1;
        for (int e = 0; e < data.episodes(); e++) {
            double r = data.episodeReturn(e);
            best = Math.max(best, r);
            abs = Math.max(abs, Math.abs(r));
        }
        return (float) (best >= 1 ? best : abs);
    }

    private static float[] returnsToGo(TrajectoryDataset data, float scale) {
        int t = TaskFamily.HORIZON;
        float[] out = new float[data.episodes() * t];
        for (int e = 0; e < data.episodes(); e++) {
            double acc = 0;
            for (int k = t - 1; k >= 0; k--) {
                acc += data.reward(e, k);
                out[e * t + k] = (float) (acc / scale);
            }
        }
        return out;
    }

    /** The network being trained. */
    public DecisionTransformer model() {
        return model;
    }

    /** The return token's unit (currency). */
    public float rtgScale() {
        return rtgScale;
    }

    /** Steps taken. */
    public int step() {
        return step;
    }

    /** Steps planned. */
    public int plannedSteps() {
        return settings.steps();
    }

    /** Whether every planned step has been taken. */
    public boolean done() {
        return step >= settings.steps();
    }

    /** The loss of the last step (NaN before the first). */
    public double lastLoss() {
        return lastLoss;
    }

    /** Fills the batch with windows drawn from the window stream. */
    void sample(DecisionTransformer.Batch b) {
        int t = TaskFamily.HORIZON;
        int s = TaskFamily.STATE_SIZE;
        int k = model.config().context();
        float[] states = data.states();
        for (int w = 0; w < b.windows; w++) {
            int e = windows.nextInt(data.episodes());
            int start = windows.nextInt(t - k + 1);
            for (int j = 0; j < k; j++) {
                int src = e * t + start + j;
                int dst = w * k + j;
                b.rtg[dst] = rtg[src];
                System.arraycopy(states, src * s, b.states, dst * s, s);
                b.price[dst] = data.price(e, start + j);
                b.order[dst] = data.order(e, start + j);
                b.method[dst] = data.method(e, start + j);
                b.level[dst] = data.level(e, start + j);
                b.methodMask[dst] = data.methods(e) > 1 ? 1f : 0f;
                b.levelMask[dst] = data.levels(e) > 1 ? 1f : 0f;
                b.period[dst] = start + j;
            }
        }
    }

    /** One optimiser step; returns its loss. */
    public double trainStep() {
        if (done()) {
            throw new IllegalStateException("all " + settings.steps() + " steps are done");
        }
        sample(batch);
        tape.reset();
        model.zeroGrad();
        Var loss = model.loss(tape, batch, dropout);
        tape.backward(loss);
        double l = loss.value().data()[0];
        List<Parameter> ps = model.parameters();
        double norm = GradClip.clipGlobalNorm(ps, settings.clip());
        if (!Double.isFinite(l) || !Double.isFinite(norm)) {
            throw new ArithmeticException("training diverged at step " + step + ": loss " + l + ", gradient norm " + norm);
        }
        opt.setLearningRate(schedule.at(step));
        opt.step();
        step++;
        lastLoss = l;
        return l;
    }

    /** Writes a checkpoint (weights, optimiser, streams, settings) to {@code path} atomically. */
    public void save(Path path) throws IOException {
        Map<String, byte[]> sec = new LinkedHashMap<>();
        JsonObject meta = JsonObject.builder().put("kind", "lmm-decision-transformer").put("config", model.config().toJson())
                .put("settings", settings.toJson()).put("step", step).put("rtgScale", rtgScale)
                .put("dataset", data.meta()).build();
        sec.put("lmm.meta", Json.write(meta).getBytes(StandardCharsets.UTF_8));
        sec.put("lmm.model", ModelFile.encode(model));
        Adam.State a = opt.adam().state();
        int floats = 0;
        for (float[] m : a.m()) {
            floats += 2 * m.length;
        }
        ByteBuffer b = ByteBuffer.allocate(8 + 8 * 8 + 4 * floats);
        b.putLong(a.step());
        for (long v : windows.state()) {
            b.putLong(v);
        }
        for (long v : dropout.state()) {
            b.putLong(v);
        }
        for (int i = 0; i < a.m().length; i++) {
            for (float v : a.m()[i]) {
                b.putFloat(v);
            }
            for (float v : a.v()[i]) {
                b.putFloat(v);
            }
        }
        sec.put("lmm.optimizer", b.array());
        CheckpointFormat.write(path, sec);
    }

    /** The metadata section of a checkpoint. */
    static JsonObject meta(Map<String, byte[]> sec, Path path) throws CheckpointException {
        byte[] m = sec.get("lmm.meta");
        if (m == null || !sec.containsKey("lmm.model")) {
            throw new CheckpointException(path + ": not a large-management-model checkpoint (no lmm.meta / lmm.model section)");
        }
        return Json.parseObject(new String(m, StandardCharsets.UTF_8));
    }

    /** Loads only the network and its return unit from a checkpoint (for evaluation). */
    public static Loaded loadModel(Path path) throws IOException {
        Map<String, byte[]> sec = CheckpointFormat.read(path);
        JsonObject meta = meta(sec, path);
        DecisionTransformer m = new DecisionTransformer(DecisionTransformer.Config.fromJson(meta.getObject("config")), new Rng(0));
        ModelFile.decodeInto(m, sec.get("lmm.model"), path.toString());
        return new Loaded(m, (float) meta.getDouble("rtgScale"), meta);
    }

    /** A trained network with its return unit and checkpoint metadata. */
    public record Loaded(DecisionTransformer model, float rtgScale, JsonObject meta) {
    }

    /** Resumes a run from its checkpoint on the same dataset. */
    public static DtTraining resume(Path path, TrajectoryDataset data) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException(path + ": no such checkpoint file");
        }
        Map<String, byte[]> sec = CheckpointFormat.read(path);
        JsonObject meta = meta(sec, path);
        if (!meta.getObject("dataset").equals(data.meta())) {
            throw new CheckpointException(path + ": was trained on another dataset (metadata differ)");
        }
        Loaded l = loadModel(path);
        DtTraining tr = new DtTraining(l.model(), Settings.fromJson(meta.getObject("settings")), data, l.rtgScale());
        ByteBuffer b = ByteBuffer.wrap(sec.get("lmm.optimizer"));
        long adamStep = b.getLong();
        long[] w = new long[4];
        long[] d = new long[4];
        for (int i = 0; i < 4; i++) {
            w[i] = b.getLong();
        }
        for (int i = 0; i < 4; i++) {
            d[i] = b.getLong();
        }
        List<Parameter> ps = tr.model.parameters();
        float[][] m = new float[ps.size()][];
        float[][] v = new float[ps.size()][];
        for (int i = 0; i < ps.size(); i++) {
            m[i] = new float[ps.get(i).size()];
            v[i] = new float[ps.get(i).size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = b.getFloat();
            }
            for (int j = 0; j < v[i].length; j++) {
                v[i][j] = b.getFloat();
            }
        }
        tr.opt.adam().restore(new Adam.State(adamStep, m, v));
        tr.windows = Rng.fromState(w);
        tr.dropout = Rng.fromState(d);
        tr.step = meta.getInt("step");
        return tr;
    }
}
