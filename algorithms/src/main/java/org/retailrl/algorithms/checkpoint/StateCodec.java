package org.retailrl.algorithms.checkpoint;

import org.retailrl.algorithms.rl.RewardScaler;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.algorithms.rl.ValueNorm;
import org.retailrl.nn.Adam;

/**
 * Writes and reads the learner core's state ({@link Trainer.State}; docs/model.md §8.12) in the
 * {@code state} section of a checkpoint: the round counter, the derived environment seed, named
 * weights (float32 bits), Adam step counts and moments, the value normaliser and reward scaler
 * statistics (float64 bits) and the random streams ({@code Rng.state()}, four int64 each). Every
 * value is stored as raw bits, so a restored learner continues bit for bit.
 */
final class StateCodec {
    private StateCodec() {
    }

    static void write(SectionWriter w, Trainer.State s) {
        w.i32(s.rounds()).i64(s.envSeed());
        writeParams(w, s.parameterNames(), s.parameters());
        w.i32(s.optimisers().length);
        for (Adam.State a : s.optimisers()) {
            writeAdam(w, a);
        }
        w.bool(s.valueNorm() != null);
        if (s.valueNorm() != null) {
            w.f64(s.valueNorm().runningMean()).f64(s.valueNorm().runningMeanSq()).f64(s.valueNorm().debias());
        }
        writeScaler(w, s.rewardScaler());
        writeStreams(w, s.samplers());
        w.bool(s.orderRng() != null);
        if (s.orderRng() != null) {
            w.longs(s.orderRng());
        }
        w.longs(s.shuffle());
    }

    static Trainer.State read(SectionReader r) throws CheckpointException {
        int rounds = r.i32();
        long envSeed = r.i64();
        String[] names = readNames(r);
        float[][] values = readValues(r, names.length);
        int k = r.length(8);
        Adam.State[] opts = new Adam.State[k];
        for (int i = 0; i < k; i++) {
            opts[i] = readAdam(r);
        }
        ValueNorm.State vn = r.bool() ? new ValueNorm.State(r.f64(), r.f64(), r.f64()) : null;
        RewardScaler.State sc = readScaler(r);
        long[][] samplers = readStreams(r);
        long[] order = r.bool() ? r.longs() : null;
        long[] shuffle = r.longs();
        r.end();
        return new Trainer.State(rounds, envSeed, names, values, opts, vn, sc, samplers, order, shuffle);
    }

    /** Names first, then values, so a reader can size everything before the bulk of the data. */
    private static void writeParams(SectionWriter w, String[] names, float[][] values) {
        w.i32(names.length);
        for (String n : names) {
            w.str(n);
        }
        for (float[] v : values) {
            w.floats(v);
        }
    }

    private static String[] readNames(SectionReader r) throws CheckpointException {
        String[] names = new String[r.length(4)];
        for (int i = 0; i < names.length; i++) {
            names[i] = r.str();
        }
        return names;
    }

    private static float[][] readValues(SectionReader r, int n) throws CheckpointException {
        float[][] v = new float[n][];
        for (int i = 0; i < n; i++) {
            v[i] = r.floats();
        }
        return v;
    }

    private static void writeAdam(SectionWriter w, Adam.State a) {
        w.i64(a.step()).i32(a.m().length);
        for (int i = 0; i < a.m().length; i++) {
            w.floats(a.m()[i]).floats(a.v()[i]);
        }
    }

    private static Adam.State readAdam(SectionReader r) throws CheckpointException {
        long step = r.i64();
        int n = r.length(8);
        float[][] m = new float[n][];
        float[][] v = new float[n][];
        for (int i = 0; i < n; i++) {
            m[i] = r.floats();
            v[i] = r.floats();
        }
        return new Adam.State(step, m, v);
    }

    private static void writeScaler(SectionWriter w, RewardScaler.State s) {
        w.bool(s != null);
        if (s != null) {
            w.doubles(s.returns()).f64(s.mean()).f64(s.var()).f64(s.count());
        }
    }

    private static RewardScaler.State readScaler(SectionReader r) throws CheckpointException {
        if (!r.bool()) {
            return null;
        }
        return new RewardScaler.State(r.doubles(), r.f64(), r.f64(), r.f64());
    }

    private static void writeStreams(SectionWriter w, long[][] streams) {
        w.i32(streams.length);
        for (long[] s : streams) {
            w.longs(s);
        }
    }

    private static long[][] readStreams(SectionReader r) throws CheckpointException {
        long[][] s = new long[r.length(4)][];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.longs();
        }
        return s;
    }
}
