package org.retailrl.algorithms.lmm;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.retailrl.core.io.AtomicFiles;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonObject;

/**
 * Logged episodes of behaviour policies on the task family of docs/model.md §6.4, in memory and on
 * disk. Every episode has {@link TaskFamily#HORIZON} steps; step {@code t} holds the encoded state
 * ({@link TaskFamily#STATE_SIZE} floats), the action (price index, order size, production method,
 * recommendation level) and the reward (currency). Each episode also records its task index, its
 * behaviour policy's index and its action mask: how many methods and levels its task offers (1 and
 * 1 for a pricing task, whose last two components are padding; 1 and 3 for an
 * inventory-and-recommendation task, which logs price index 0 as padding).
 *
 * <h2>File format "RLMD", version 2</h2>
 * Big-endian:
 * <pre>
 *   4 bytes  magic "RLMD"
 *   int32    version = 2
 *   int32    state size S, int32 horizon T
 *   int32    length of the metadata, then that many bytes of UTF-8 JSON (seed, tasks, policy names)
 *   uint32   CRC-32C of the metadata bytes
 *   int32    chunk count C
 *   C times: int32 episodes E in the chunk (1..{@link #CHUNK_EPISODES}), int32 payload length N,
 *            N payload bytes, uint32 CRC-32C of the payload
 *            payload, per episode: int32 task, int32 policy, uint8 methods, uint8 levels, then T times
 *            (S × float32 state, uint8 price index, uint8 order, uint8 method, uint8 level, float32 reward)
 * </pre>
 * A damaged chunk is reported with its number, so a reader can tell where a file went bad. Files
 * are written through {@link AtomicFiles} (temporary file, fsync, rename).
 */
public final class TrajectoryDataset {
    /** The four magic bytes. */
    static final byte[] MAGIC = {'R', 'L', 'M', 'D'};
    /** The format version written and read. */
    static final int VERSION = 2;
    /** Episodes per chunk at most. */
    public static final int CHUNK_EPISODES = 256;

    private final JsonObject meta;
    private final List<String> policies;
    private final int episodes;
    private final int[] task;
    private final int[] policy;
    private final float[] states;
    private final byte[] price;
    private final byte[] order;
    private final byte[] method;
    private final byte[] level;
    private final byte[] methods;
    private final byte[] levels;
    private final float[] reward;

    /**
     * A dataset over the given arrays (kept, not copied): {@code task, policy} per episode,
     * {@code states} {@code [episodes·T·S]}, {@code price, order, reward} {@code [episodes·T]}.
     * {@code meta} must name the policies in a string array {@code "policies"}.
     */
    public TrajectoryDataset(JsonObject meta, int[] task, int[] policy, float[] states, byte[] price, byte[] order,
                             float[] reward) {
        this(meta, task, policy, states, price, order, new byte[order.length], new byte[order.length], ones(task.length),
                ones(task.length), reward);
    }

    private static byte[] ones(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 1);
        return b;
    }

    /**
     * A dataset of any task kinds: as the pricing-only constructor, with the production method and
     * recommendation level per step ({@code [episodes·T]}) and the numbers of methods and levels of
     * each episode's task ({@code [episodes]}, 1..{@link TaskFamily#METHODS} and
     * 1..{@link TaskFamily#LEVELS}).
     */
    public TrajectoryDataset(JsonObject meta, int[] task, int[] policy, float[] states, byte[] price, byte[] order,
                             byte[] method, byte[] level, byte[] methods, byte[] levels, float[] reward) {
        int n = task.length;
        int t = TaskFamily.HORIZON;
        if (policy.length != n || states.length != (long) n * t * TaskFamily.STATE_SIZE || price.length != n * t
                || order.length != n * t || method.length != n * t || level.length != n * t || methods.length != n
                || levels.length != n || reward.length != n * t) {
            throw new IllegalArgumentException("dataset arrays do not agree with " + n + " episodes of " + t + " steps");
        }
        for (int e = 0; e < n; e++) {
            if (methods[e] < 1 || methods[e] > TaskFamily.METHODS || levels[e] < 1 || levels[e] > TaskFamily.LEVELS) {
                throw new IllegalArgumentException("episode " + e + ": methods " + methods[e] + " and levels " + levels[e]
                        + " must be in [1, " + TaskFamily.METHODS + "] and [1, " + TaskFamily.LEVELS + "]");
            }
            for (int k = 0; k < t; k++) {
                if (method[e * t + k] < 0 || method[e * t + k] >= methods[e] || level[e * t + k] < 0
                        || level[e * t + k] >= levels[e]) {
                    throw new IllegalArgumentException("episode " + e + " step " + k + ": method " + method[e * t + k]
                            + " or level " + level[e * t + k] + " outside its task's " + methods[e] + " methods and "
                            + levels[e] + " levels");
                }
            }
        }
        this.meta = meta;
        this.policies = meta.getArray("policies").values().stream().map(v -> ((org.retailrl.core.json.JsonString) v).value())
                .toList();
        for (int i = 0; i < n; i++) {
            if (policy[i] < 0 || policy[i] >= policies.size()) {
                throw new IllegalArgumentException("episode " + i + ": policy " + policy[i] + " outside [0, " + policies.size() + ")");
            }
        }
        this.episodes = n;
        this.task = task;
        this.policy = policy;
        this.states = states;
        this.price = price;
        this.order = order;
        this.method = method;
        this.level = level;
        this.methods = methods;
        this.levels = levels;
        this.reward = reward;
    }

    /** The metadata (task seed, number of tasks, policy names, how the data was made). */
    public JsonObject meta() {
        return meta;
    }

    /** Behaviour policy names, indexed by {@link #policy(int)}. */
    public List<String> policies() {
        return policies;
    }

    /** Number of episodes. */
    public int episodes() {
        return episodes;
    }

    /** Task index of episode {@code e}. */
    public int task(int e) {
        return task[e];
    }

    /** Behaviour policy index of episode {@code e}. */
    public int policy(int e) {
        return policy[e];
    }

    /** All states, {@code [episodes·T·S]}. */
    public float[] states() {
        return states;
    }

    /** Price index of step {@code t} of episode {@code e}. */
    public int price(int e, int t) {
        return price[e * TaskFamily.HORIZON + t] & 0xff;
    }

    /** Order size of step {@code t} of episode {@code e}. */
    public int order(int e, int t) {
        return order[e * TaskFamily.HORIZON + t] & 0xff;
    }

    /** Production method of step {@code t} of episode {@code e} (0 on a pricing task). */
    public int method(int e, int t) {
        return method[e * TaskFamily.HORIZON + t];
    }

    /** Recommendation level of step {@code t} of episode {@code e} (0 on a pricing task). */
    public int level(int e, int t) {
        return level[e * TaskFamily.HORIZON + t];
    }

    /** Methods episode {@code e}'s task offers (1 on a pricing task). */
    public int methods(int e) {
        return methods[e];
    }

    /** Recommendation levels episode {@code e}'s task offers (1 on a pricing task). */
    public int levels(int e) {
        return levels[e];
    }

    /** Reward of step {@code t} of episode {@code e} (currency). */
    public float reward(int e, int t) {
        return reward[e * TaskFamily.HORIZON + t];
    }

    /** Undiscounted return of episode {@code e}. */
    public double episodeReturn(int e) {
        double s = 0;
        for (int t = 0; t < TaskFamily.HORIZON; t++) {
            s += reward[e * TaskFamily.HORIZON + t];
        }
        return s;
    }

    /** Writes the dataset to {@code path} atomically. */
    public void write(Path path) throws IOException {
        AtomicFiles.write(path, os -> {
            DataOutputStream out = new DataOutputStream(os);
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(TaskFamily.STATE_SIZE);
            out.writeInt(TaskFamily.HORIZON);
            byte[] m = Json.write(meta).getBytes(StandardCharsets.UTF_8);
            out.writeInt(m.length);
            out.write(m);
            out.writeInt(crc(m, m.length));
            int chunks = (episodes + CHUNK_EPISODES - 1) / CHUNK_EPISODES;
            out.writeInt(chunks);
            int t = TaskFamily.HORIZON;
            int s = TaskFamily.STATE_SIZE;
            ByteBuffer buf = ByteBuffer.allocate(CHUNK_EPISODES * (10 + t * (4 * s + 8)));
            for (int c = 0; c < chunks; c++) {
                buf.clear();
                int from = c * CHUNK_EPISODES;
                int to = Math.min(episodes, from + CHUNK_EPISODES);
                for (int e = from; e < to; e++) {
                    buf.putInt(task[e]).putInt(policy[e]).put(methods[e]).put(levels[e]);
                    for (int k = 0; k < t; k++) {
                        int base = (e * t + k) * s;
                        for (int j = 0; j < s; j++) {
                            buf.putFloat(states[base + j]);
                        }
                        buf.put(price[e * t + k]).put(order[e * t + k]).put(method[e * t + k]).put(level[e * t + k])
                                .putFloat(reward[e * t + k]);
                    }
                }
                out.writeInt(to - from);
                out.writeInt(buf.position());
                out.write(buf.array(), 0, buf.position());
                out.writeInt(crc(buf.array(), buf.position()));
            }
            out.flush();
        });
    }

    private static int crc(byte[] b, int len) {
        CRC32C c = new CRC32C();
        c.update(b, 0, len);
        return (int) c.getValue();
    }

    /** Reads and verifies {@code path}; every refusal names the file and what is wrong. */
    public static TrajectoryDataset read(Path path) throws IOException {
        try (InputStream is = new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            return read(new DataInputStream(is), path.toString(), Files.size(path));
        } catch (NoSuchFileException e) {
            throw new IOException(path + ": no such dataset file", e);
        } catch (EOFException e) {
            throw new IOException(path + ": truncated (the file ends early)", e);
        }
    }

    /** Reads and verifies the bytes of a dataset file; {@code source} names them in messages. */
    static TrajectoryDataset decode(byte[] bytes, String source) throws IOException {
        try {
            return read(new DataInputStream(new java.io.ByteArrayInputStream(bytes)), source, bytes.length);
        } catch (EOFException e) {
            throw new IOException(source + ": truncated (the file ends early)", e);
        }
    }

    /**
     * Reads from {@code in}, a file of {@code size} bytes: no declared length beyond the size is
     * believed, so a hostile length costs nothing before it is refused.
     */
    private static TrajectoryDataset read(DataInputStream in, String src, long size) throws IOException {
        byte[] magic = new byte[4];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException(src + ": not a trajectory dataset (magic is not \"RLMD\")");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException(src + ": dataset version " + version + " is not supported (expected " + VERSION
                    + "; write the dataset again with retail lmm dataset)");
        }
        int s = in.readInt();
        int t = in.readInt();
        if (s != TaskFamily.STATE_SIZE || t != TaskFamily.HORIZON) {
            throw new IOException(src + ": state size " + s + " and horizon " + t + " do not match this layout ("
                    + TaskFamily.STATE_SIZE + ", " + TaskFamily.HORIZON + ")");
        }
        int ml = in.readInt();
        if (ml < 2 || ml > (1 << 24) || ml > size) {
            throw new IOException(src + ": metadata length " + ml + " outside [2, " + Math.min(1 << 24, size)
                    + "] (the file has " + size + " bytes: truncated or corrupted)");
        }
        byte[] m = new byte[ml];
        in.readFully(m);
        if (in.readInt() != crc(m, ml)) {
            throw new IOException(src + ": metadata checksum mismatch (the file is corrupted)");
        }
        JsonObject meta;
        try {
            meta = Json.parseObject(new String(m, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException ex) {
            throw new IOException(src + ": bad metadata: " + ex.getMessage(), ex);
        }
        int chunks = in.readInt();
        if (chunks < 0 || chunks > 1_000_000) {
            throw new IOException(src + ": chunk count " + chunks + " outside [0, 1000000]");
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int episodes = 0;
        int perEpisode = 10 + t * (4 * s + 8);
        for (int c = 0; c < chunks; c++) {
            int e = in.readInt();
            int len = in.readInt();
            if (e < 1 || e > CHUNK_EPISODES || len != e * perEpisode) {
                throw new IOException(src + ": chunk " + c + " claims " + e + " episodes in " + len + " bytes (allowed 1.."
                        + CHUNK_EPISODES + " episodes of " + perEpisode + " bytes)");
            }
            if (len > size) {
                throw new IOException(src + ": chunk " + c + " claims " + len + " bytes, more than the file's " + size
                        + " (truncated or corrupted)");
            }
            byte[] p = new byte[len];
            in.readFully(p);
            if (in.readInt() != crc(p, len)) {
                throw new IOException(src + ": chunk " + c + " checksum mismatch (the file is corrupted)");
            }
            all.write(p);
            episodes += e;
        }
        if (in.read() != -1) {
            throw new IOException(src + ": unexpected bytes after the last chunk");
        }
        ByteBuffer b = ByteBuffer.wrap(all.toByteArray());
        int[] task = new int[episodes];
        int[] policy = new int[episodes];
        float[] states = new float[episodes * t * s];
        byte[] price = new byte[episodes * t];
        byte[] order = new byte[episodes * t];
        byte[] method = new byte[episodes * t];
        byte[] level = new byte[episodes * t];
        byte[] methods = new byte[episodes];
        byte[] levels = new byte[episodes];
        float[] reward = new float[episodes * t];
        for (int e = 0; e < episodes; e++) {
            task[e] = b.getInt();
            policy[e] = b.getInt();
            methods[e] = b.get();
            levels[e] = b.get();
            for (int k = 0; k < t; k++) {
                int base = (e * t + k) * s;
                for (int j = 0; j < s; j++) {
                    states[base + j] = b.getFloat();
                }
                price[e * t + k] = b.get();
                order[e * t + k] = b.get();
                method[e * t + k] = b.get();
                level[e * t + k] = b.get();
                reward[e * t + k] = b.getFloat();
                if ((price[e * t + k] & 0xff) >= TaskFamily.PRICES || (order[e * t + k] & 0xff) >= TaskFamily.ORDERS) {
                    throw new IOException(src + ": episode " + e + " step " + k + " has an action outside the layout");
                }
            }
        }
        try {
            return new TrajectoryDataset(meta, task, policy, states, price, order, method, level, methods, levels, reward);
        } catch (IllegalArgumentException | ClassCastException ex) {
            throw new IOException(src + ": " + ex.getMessage(), ex);
        }
    }
}
