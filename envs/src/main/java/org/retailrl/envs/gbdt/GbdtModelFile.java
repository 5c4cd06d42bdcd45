package org.retailrl.envs.gbdt;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.retailrl.core.io.AtomicFiles;

/**
 * Saves and loads a {@link GbdtModel} (the demand model of docs/model.md §5) in the binary format
 * "RRGB", version 1, little-endian:
 * <pre>
 *   4      magic, the ASCII bytes "RRGB"
 *   4      int32 format version (= 1)
 *   4      int32 objective: 0 L2, 1 Poisson, 2 Tweedie
 *   8      float64 Tweedie variance power
 *   8      float64 initial score
 *   4      int32 feature count F, [1, 1048576]
 *   F ×    int32 name length L [1, 65536], L bytes UTF-8 name, int8 categorical (0|1),
 *          and when categorical: int32 category count C [0, 254], C float64 codes (finite, increasing)
 *   4      int32 tree count T
 *   T ×    int32 leaf count N [1, 65536], then N−1 internal nodes:
 *            int32 feature, float64 threshold, int8 flags (1 missing-left, 2 categorical),
 *            int32 left, int32 right (≥ 0 node, &lt; 0 leaf ~child), float64 gain,
 *            and when categorical: 4 int64 words of the left-going bin set;
 *          then N float64 leaf values
 *   4      uint32 CRC-32C of every preceding byte
 * </pre>
 * Saving writes a temporary file and renames it ({@link AtomicFiles}). Loading checks the
 * checksum first, then every count against the bytes left (so an absurd size is refused before
 * anything is allocated), every index, and that each tree is a proper binary tree; any failure is
 * a {@link GbdtModelFileException} naming the file. Saving a loaded model gives the same bytes.
 */
public final class GbdtModelFile {
    /** The four magic bytes. */
    public static final byte[] MAGIC = {'R', 'R', 'G', 'B'};
    /** The format version written and accepted. */
    public static final int VERSION = 1;
    static final int MAX_FEATURES = 1 << 20;
    static final int MAX_NAME_BYTES = 1 << 16;
    static final int MAX_LEAVES = 65_536;

    private GbdtModelFile() {
    }

    /** Writes {@code model} to {@code path} atomically. */
    public static void save(GbdtModel model, Path path) throws IOException {
        AtomicFiles.write(path, encode(model));
    }

    /** Reads and validates a model file. */
    public static GbdtModel load(Path path) throws IOException {
        return decode(Files.readAllBytes(path), path.toString());
    }

    /** The bytes of {@code model}, checksum included. */
    public static byte[] encode(GbdtModel model) {
        int nf = model.numFeatures();
        byte[][] names = new byte[nf][];
        long size = 4 + 4 + 4 + 8 + 8 + 4 + 4 + 4;
        for (int f = 0; f < nf; f++) {
            names[f] = model.featureNames().get(f).getBytes(StandardCharsets.UTF_8);
            size += 4 + names[f].length + 1;
            if (model.isCategorical(f)) {
                size += 4 + 8L * model.bins(f).values.length;
            }
        }
        for (int t = 0; t < model.numTrees(); t++) {
            Tree tr = model.tree(t);
            size += 4 + 8L * tr.leaves();
            for (int k = 0; k < tr.nodes(); k++) {
                size += 4 + 8 + 1 + 4 + 4 + 8 + ((tr.flags[k] & Tree.CATEGORICAL) != 0 ? 8 * Tree.CAT_WORDS : 0);
            }
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("model too large for one file: " + size + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(VERSION).putInt(model.objective().ordinal()).putDouble(model.tweedieVariancePower())
                .putDouble(model.initScore()).putInt(nf);
        for (int f = 0; f < nf; f++) {
            b.putInt(names[f].length).put(names[f]).put((byte) (model.isCategorical(f) ? 1 : 0));
            if (model.isCategorical(f)) {
                double[] codes = model.bins(f).values;
                b.putInt(codes.length);
                for (double c : codes) {
                    b.putDouble(c);
                }
            }
        }
        b.putInt(model.numTrees());
        for (int t = 0; t < model.numTrees(); t++) {
            Tree tr = model.tree(t);
            b.putInt(tr.leaves());
            for (int k = 0; k < tr.nodes(); k++) {
                b.putInt(tr.feature[k]).putDouble(tr.threshold[k]).put(tr.flags[k]).putInt(tr.left[k])
                        .putInt(tr.right[k]).putDouble(tr.gain[k]);
                if ((tr.flags[k] & Tree.CATEGORICAL) != 0) {
                    for (int w = 0; w < Tree.CAT_WORDS; w++) {
                        b.putLong(tr.catBits[Tree.CAT_WORDS * k + w]);
                    }
                }
            }
            for (double v : tr.leafValue) {
                b.putDouble(v);
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** Validates {@code bytes} (read from {@code source}, used in messages) and builds the model. */
    public static GbdtModel decode(byte[] bytes, String source) throws GbdtModelFileException {
        if (bytes.length < 4 + 4 + 4) {
            throw new GbdtModelFileException(source + ": truncated (" + bytes.length + " bytes)");
        }
        if (!Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC)) {
            throw new GbdtModelFileException(source + ": not a tree model file (magic is not \"RRGB\")");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int version = b.getInt(4);
        if (version != VERSION) {
            throw new GbdtModelFileException(source + ": format version " + version + " is not supported (expected "
                    + VERSION + ")");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if (b.getInt(bytes.length - 4) != (int) crc.getValue()) {
            throw new GbdtModelFileException(source + ": checksum mismatch (file truncated or corrupted)");
        }
        b.limit(bytes.length - 4).position(8);
        try {
            return read(b, source);
        } catch (BufferUnderflowException e) {
            throw new GbdtModelFileException(source + ": ends inside a record (truncated)");
        }
    }

    private static GbdtModel read(ByteBuffer b, String src) throws GbdtModelFileException {
        int obj = b.getInt();
        Objective[] all = Objective.values();
        if (obj < 0 || obj >= all.length) {
            throw bad(src, "objective code " + obj + " is not 0, 1 or 2");
        }
        Objective objective = all[obj];
        double rho = b.getDouble();
        if (objective == Objective.TWEEDIE ? !(rho > 1 && rho < 2) : !Double.isFinite(rho)) {
            throw bad(src, "Tweedie variance power " + rho + " is out of range");
        }
        double init = b.getDouble();
        if (!Double.isFinite(init)) {
            throw bad(src, "initial score " + init + " is not finite");
        }
        int nf = count(b, src, "feature count", 1, MAX_FEATURES, 6);
        List<String> names = new ArrayList<>(nf);
        FeatureBins[] bins = new FeatureBins[nf];
        for (int f = 0; f < nf; f++) {
            int len = count(b, src, "name length of feature " + f, 1, MAX_NAME_BYTES, 1);
            byte[] nb = new byte[len];
            b.get(nb);
            String name;
            try {
                name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(nb)).toString();
            } catch (CharacterCodingException e) {
                throw bad(src, "name of feature " + f + " is not UTF-8");
            }
            if (names.contains(name)) {
                throw bad(src, "feature name '" + name + "' is repeated");
            }
            names.add(name);
            byte cat = b.get();
            if (cat != 0 && cat != 1) {
                throw bad(src, "categorical flag of feature '" + name + "' is " + cat + ", not 0 or 1");
            }
            if (cat == 1) {
                int nc = count(b, src, "category count of feature '" + name + "'", 0, 254, 8);
                double[] codes = new double[nc];
                for (int i = 0; i < nc; i++) {
                    codes[i] = b.getDouble();
                    if (!Double.isFinite(codes[i]) || (i > 0 && !(codes[i] > codes[i - 1]))) {
                        throw bad(src, "category codes of feature '" + name + "' are not finite and increasing");
                    }
                }
                bins[f] = new FeatureBins(true, codes);
            }
        }
        // The smallest tree (one leaf) takes 12 bytes.
        int nt = count(b, src, "tree count", 0, Integer.MAX_VALUE, 12);
        Tree[] trees = new Tree[nt];
        for (int t = 0; t < nt; t++) {
            trees[t] = readTree(b, src, t, bins);
        }
        if (b.remaining() != 0) {
            throw bad(src, b.remaining() + " unexpected bytes after the last tree");
        }
        return new GbdtModel(names, bins, objective, rho, init, trees);
    }

    private static Tree readTree(ByteBuffer b, String src, int t, FeatureBins[] bins) throws GbdtModelFileException {
        String where = "tree " + t;
        int leaves = count(b, src, "leaf count of " + where, 1, MAX_LEAVES, 8);
        int nodes = leaves - 1;
        // Each internal node takes at least 29 bytes and each leaf 8.
        if (29L * nodes + 8L * leaves > b.remaining()) {
            throw bad(src, "leaf count of " + where + " " + leaves + " does not fit in the " + b.remaining()
                    + " bytes left (truncated?)");
        }
        int[] feature = new int[nodes];
        double[] threshold = new double[nodes];
        byte[] flags = new byte[nodes];
        int[] left = new int[nodes];
        int[] right = new int[nodes];
        double[] gain = new double[nodes];
        long[] cat = new long[nodes * Tree.CAT_WORDS];
        boolean[] nodeSeen = new boolean[Math.max(1, nodes)];
        boolean[] leafSeen = new boolean[leaves];
        for (int k = 0; k < nodes; k++) {
            String at = where + " node " + k;
            feature[k] = b.getInt();
            if (feature[k] < 0 || feature[k] >= bins.length) {
                throw bad(src, at + ": feature " + feature[k] + " is not in [0, " + bins.length + ")");
            }
            threshold[k] = b.getDouble();
            flags[k] = b.get();
            left[k] = b.getInt();
            right[k] = b.getInt();
            gain[k] = b.getDouble();
            if ((flags[k] & ~(Tree.MISSING_LEFT | Tree.CATEGORICAL)) != 0) {
                throw bad(src, at + ": unknown flag bits " + flags[k]);
            }
            boolean isCat = (flags[k] & Tree.CATEGORICAL) != 0;
            if (isCat != (bins[feature[k]] != null)) {
                throw bad(src, at + ": a " + (isCat ? "categorical" : "numeric") + " split on a "
                        + (isCat ? "numeric" : "categorical") + " feature");
            }
            if (Double.isNaN(threshold[k]) || !Double.isFinite(gain[k])) {
                throw bad(src, at + ": threshold or gain is not a number");
            }
            if (isCat) {
                int usable = bins[feature[k]].numBins();
                for (int w = 0; w < Tree.CAT_WORDS; w++) {
                    long word = b.getLong();
                    cat[Tree.CAT_WORDS * k + w] = word;
                    long allowed = usable >= 64 * (w + 1) ? -1L : usable <= 64 * w ? 0L : (1L << (usable - 64 * w)) - 1;
                    if ((word & ~allowed) != 0) {
                        throw bad(src, at + ": category set names bins past the feature's " + usable);
                    }
                }
            }
            for (int child : new int[] {left[k], right[k]}) {
                if (child >= 0) {
                    if (child <= k || child >= nodes || nodeSeen[child]) {
                        throw bad(src, at + ": child node " + child + " is out of order or used twice");
                    }
                    nodeSeen[child] = true;
                } else {
                    int leaf = ~child;
                    if (leaf >= leaves || leafSeen[leaf]) {
                        throw bad(src, at + ": child leaf " + leaf + " is out of range or used twice");
                    }
                    leafSeen[leaf] = true;
                }
            }
        }
        for (int k = 1; k < nodes; k++) {
            if (!nodeSeen[k]) {
                throw bad(src, where + ": node " + k + " is not reachable");
            }
        }
        if (nodes > 0) {
            for (int l = 0; l < leaves; l++) {
                if (!leafSeen[l]) {
                    throw bad(src, where + ": leaf " + l + " is not reachable");
                }
            }
        }
        double[] values = new double[leaves];
        for (int l = 0; l < leaves; l++) {
            values[l] = b.getDouble();
            if (!Double.isFinite(values[l])) {
                throw bad(src, where + ": leaf " + l + " value " + values[l] + " is not finite");
            }
        }
        return new Tree(feature, threshold, flags, left, right, gain, cat, values);
    }

    /** Reads a count in {@code [lo, hi]} whose items take at least {@code minBytes} each. */
    private static int count(ByteBuffer b, String src, String what, int lo, int hi, int minBytes)
            throws GbdtModelFileException {
        int v = b.getInt();
        if (v < lo || v > hi) {
            throw bad(src, what + " " + v + " is not in [" + lo + ", " + hi + "]");
        }
        if ((long) v * minBytes > b.remaining()) {
            throw bad(src, what + " " + v + " does not fit in the " + b.remaining() + " bytes left (truncated?)");
        }
        return v;
    }

    private static GbdtModelFileException bad(String src, String what) {
        return new GbdtModelFileException(src + ": " + what);
    }
}
