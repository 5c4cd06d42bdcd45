package org.retailrl.runtime.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.retailrl.runtime.PolicyFormatException;
import org.retailrl.runtime.kernel.RowNet;

/**
 * The decoded contents of a policy file ("RRPF" versions 1 and 2, the layout the training engine's
 * {@code PolicyFile} documents) of a pricing-and-replenishment policy (docs/model.md §1, §8.1
 * actors): kind, the scenario fields the observation normalisation needs, and every actor's sizes
 * and weights. Every declared size is checked against hard limits and against the bytes present
 * before anything of that size is allocated, so a hostile file costs at most a small multiple of
 * its own size; every refusal is a {@link PolicyFormatException} naming the source and the problem.
 */
public final class PolicyImage {
    private static final byte[] MODEL_MAGIC = {'R', 'R', 'L', 'M'};
    private static final int MODEL_VERSION = 1;
    private static final int MAX_HIDDEN = RowNet.MAX_HIDDEN;
    private static final int MAX_GRU_LAYERS = RowNet.MAX_GRU_LAYERS;
    private static final int MAX_WIDTH = RowNet.MAX_WIDTH;
    /** Largest {@code maxOrder} and {@code leadTime} a scenario may have (the engine's own range). */
    static final int MAX_UNITS = 1_000_000;
    /** Largest horizon a scenario may have (the engine's own range). */
    static final int MAX_HORIZON = 100_000_000;
    private static final List<String> OTHER_KINDS = List.of("mtma", "joint-im-rs", "im-only", "rs-only",
            "rs-only-base-stock", "mtma-discrete", "joint-im-rs-discrete", "ppo-lost-sales");

    /** One actor's sizes and its parameters by role ({@code "mlp.0.weight"}, …, {@code "head.bias"}). */
    public static final class Actor {
        public final String name;
        public final int inputs;
        public final int hidden;
        public final int gruLayers;
        public final int outputs;
        final Map<String, float[]> byRole;

        Actor(String name, int inputs, int hidden, int gruLayers, int outputs, Map<String, float[]> byRole) {
            this.name = name;
            this.inputs = inputs;
            this.hidden = hidden;
            this.gruLayers = gruLayers;
            this.outputs = outputs;
            this.byRole = byRole;
        }

        /** The parameter of role {@code role}, shape checked when read. */
        public float[] get(String role) {
            return byRole.get(role);
        }
    }

    public final PolicyHeader header;
    public final String kind;
    public final String scenarioJson;
    public final double[] prices;
    public final int maxOrder;
    public final int leadTime;
    public final int horizon;
    public final List<Actor> actors;

    private PolicyImage(PolicyHeader header, double[] prices, int maxOrder, int leadTime, int horizon,
                        List<Actor> actors) {
        this.header = header;
        this.kind = header.kind;
        this.scenarioJson = header.scenarioJson;
        this.prices = prices;
        this.maxOrder = maxOrder;
        this.leadTime = leadTime;
        this.horizon = horizon;
        this.actors = List.copyOf(actors);
    }

    /** Decodes and fully validates the bytes of a policy file; {@code source} names it in messages. */
    public static PolicyImage decode(byte[] bytes, String source) throws PolicyFormatException {
        PolicyHeader header = PolicyHeader.ofFile(bytes, source);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.position(header.length);
        b.limit(bytes.length - 4);
        try {
            String kind = header.kind;
            int expectedActors;
            if (kind.equals("fsda")) {
                expectedActors = 2;
            } else if (kind.equals("ppo-joint")) {
                expectedActors = 1;
            } else if (OTHER_KINDS.contains(kind)) {
                throw new PolicyFormatException(source + ": holds a '" + kind + "' policy of another problem; the runtime "
                        + "serves pricing policies (fsda, ppo-joint)");
            } else {
                throw new PolicyFormatException(source + ": kind must be fsda or ppo-joint, got '" + kind + "'");
            }
            String json = header.scenarioJson;
            Map<String, Object> sc;
            try {
                Object v = MiniJson.parse(json);
                if (!(v instanceof Map)) {
                    throw new IllegalArgumentException("the scenario is not a JSON object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) v;
                sc = m;
            } catch (IllegalArgumentException e) {
                throw new PolicyFormatException(source + ": bad scenario: " + e.getMessage());
            }
            double[] prices = prices(sc, source);
            int maxOrder = integer(sc, "maxOrder", 0, MAX_UNITS, source);
            int leadTime = integer(sc, "leadTime", 0, MAX_UNITS, source);
            int horizon = integer(sc, "horizon", 1, MAX_HORIZON, source);
            int count = b.getInt();
            if (count != expectedActors) {
                throw new PolicyFormatException(source + ": kind '" + kind + "' needs " + expectedActors + " actors, got "
                        + count);
            }
            long orders = maxOrder + 1L;
            long[] outputs = kind.equals("fsda") ? new long[] {prices.length, orders} : new long[] {prices.length * orders};
            int inputs = 6 + leadTime + 1;
            List<Actor> actors = new ArrayList<>();
            for (int a = 0; a < count; a++) {
                String name = string(b, source, "actor " + a + " name");
                int in = b.getInt();
                int h = b.getInt();
                int layers = b.getInt();
                int out = b.getInt();
                String where = source + ": actor " + a + " ";
                range(where, "inputs", in, 1, MAX_WIDTH);
                range(where, "hidden", h, 1, MAX_HIDDEN);
                range(where, "gruLayers", layers, 1, MAX_GRU_LAYERS);
                range(where, "outputs", out, 1, MAX_WIDTH);
                if (in != inputs) {
                    throw new PolicyFormatException(where + "inputs must be 6 + L + 1 = " + inputs + " for kind '" + kind
                            + "' on the scenario, got " + in);
                }
                if (out != outputs[a]) {
                    throw new PolicyFormatException(where + "outputs must be " + outputs[a] + " for kind '" + kind
                            + "' on the scenario, got " + out);
                }
                int len = b.getInt();
                if (len < 0 || len > b.remaining()) {
                    throw new PolicyFormatException(where + "has a bad weights length " + len + " (" + b.remaining()
                            + " bytes remain)");
                }
                long floats = RowNet.parameterCount(in, h, layers, out);
                if (4 * floats > len) {
                    throw new PolicyFormatException(where + "declares " + floats + " weights (" + 4 * floats
                            + " bytes) but its weights image has " + len + " bytes");
                }
                byte[] model = new byte[len];
                b.get(model);
                actors.add(new Actor(name, in, h, layers, out, model(model, name, in, h, layers, out,
                        source + " (actor " + a + " '" + name + "')")));
            }
            if (b.remaining() != 0) {
                throw new PolicyFormatException(source + ": " + b.remaining() + " unexpected bytes after the last actor");
            }
            return new PolicyImage(header, prices, maxOrder, leadTime, horizon, actors);
        } catch (BufferUnderflowException e) {
            throw new PolicyFormatException(source + ": ends inside a record (truncated)");
        }
    }

    /** The parameters of one actor's "RRLM" image, every name and shape checked against the sizes. */
    private static Map<String, float[]> model(byte[] bytes, String prefix, int in, int h, int layers, int out,
                                              String source) throws PolicyFormatException {
        List<String> roles = new ArrayList<>();
        List<int[]> shapes = new ArrayList<>();
        roles.add("mlp.0.weight");
        shapes.add(new int[] {h, in});
        roles.add("mlp.0.bias");
        shapes.add(new int[] {h});
        roles.add("mlp.1.weight");
        shapes.add(new int[] {h, h});
        roles.add("mlp.1.bias");
        shapes.add(new int[] {h});
        for (int l = 0; l < layers; l++) {
            roles.add("gru." + l + ".weight_ih");
            shapes.add(new int[] {3 * h, h});
            roles.add("gru." + l + ".weight_hh");
            shapes.add(new int[] {3 * h, h});
            roles.add("gru." + l + ".bias_ih");
            shapes.add(new int[] {3 * h});
            roles.add("gru." + l + ".bias_hh");
            shapes.add(new int[] {3 * h});
        }
        roles.add("head.weight");
        shapes.add(new int[] {out, h});
        roles.add("head.bias");
        shapes.add(new int[] {out});
        if (bytes.length < 16 || !Arrays.equals(Arrays.copyOf(bytes, 4), MODEL_MAGIC)) {
            throw new PolicyFormatException(source + ": weights are not a model image (magic is not \"RRLM\")");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(4) != MODEL_VERSION) {
            throw new PolicyFormatException(source + ": model image version " + b.getInt(4) + " is not supported (expected "
                    + MODEL_VERSION + ")");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if (b.getInt(bytes.length - 4) != (int) crc.getValue()) {
            throw new PolicyFormatException(source + ": model image checksum mismatch");
        }
        b.position(8);
        b.limit(bytes.length - 4);
        int count = b.getInt();
        if (count != roles.size()) {
            throw new PolicyFormatException(source + ": holds " + count + " parameters, the network has " + roles.size());
        }
        Map<String, float[]> byRole = new HashMap<>();
        try {
            for (int k = 0; k < count; k++) {
                String want = prefix + "." + roles.get(k);
                int len = b.getInt();
                if (len < 0 || len > b.remaining()) {
                    throw new PolicyFormatException(source + ": parameter " + k + " has a bad name length " + len);
                }
                byte[] nb = new byte[len];
                b.get(nb);
                String name = new String(nb, StandardCharsets.UTF_8);
                if (!name.equals(want)) {
                    throw new PolicyFormatException(source + ": parameter " + k + " is '" + name + "', expected '" + want
                            + "'");
                }
                int rank = b.getInt();
                int[] shape = shapes.get(k);
                if (rank != shape.length) {
                    throw new PolicyFormatException(source + ": parameter '" + name + "' has rank " + rank + ", expected "
                            + shape.length);
                }
                for (int d = 0; d < rank; d++) {
                    int dim = b.getInt();
                    if (dim != shape[d]) {
                        throw new PolicyFormatException(source + ": parameter '" + name + "' has shape dimension " + d
                                + " = " + dim + ", expected " + Arrays.toString(shape));
                    }
                }
                long n = 1;
                for (int dim : shape) {
                    n *= dim;
                }
                if (4 * n > b.remaining()) {
                    throw new PolicyFormatException(source + ": ends inside parameter '" + name + "' (truncated)");
                }
                float[] v = new float[(int) n];
                b.asFloatBuffer().get(v);
                b.position(b.position() + 4 * v.length);
                byRole.put(roles.get(k), v);
            }
        } catch (BufferUnderflowException e) {
            throw new PolicyFormatException(source + ": ends inside a parameter record (truncated)");
        }
        if (b.remaining() != 0) {
            throw new PolicyFormatException(source + ": " + b.remaining() + " unexpected bytes after the last parameter");
        }
        return byRole;
    }

    /**
     * The model id of a version-2 file: {@code "sha256:"} and the lower-case hex SHA-256 of the
     * bytes from the actor count to the last actor, i.e. of the weights and their shapes.
     */
    public static String modelId(byte[] bytes, int from, int to) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(bytes, from, to - from);
            StringBuilder sb = new StringBuilder("sha256:");
            for (byte x : d.digest()) {
                sb.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void range(String where, String field, int v, int lo, int hi) throws PolicyFormatException {
        if (v < lo || v > hi) {
            throw new PolicyFormatException(where + field + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }

    private static String string(ByteBuffer b, String source, String field) throws PolicyFormatException {
        int len = b.getInt();
        if (len < 0 || len > b.remaining()) {
            throw new PolicyFormatException(source + ": " + field + " has a bad length " + len + " (" + b.remaining()
                    + " bytes remain)");
        }
        byte[] u = new byte[len];
        b.get(u);
        return new String(u, StandardCharsets.UTF_8);
    }

    private static double[] prices(Map<String, Object> sc, String source) throws PolicyFormatException {
        Object v = sc.get("prices");
        if (!(v instanceof List)) {
            throw new PolicyFormatException(source + ": scenario.prices must be an array of numbers");
        }
        List<?> list = (List<?>) v;
        if (list.isEmpty() || list.size() > MAX_WIDTH) {
            throw new PolicyFormatException(source + ": scenario.prices must hold 1.." + MAX_WIDTH + " prices, got "
                    + list.size());
        }
        double[] p = new double[list.size()];
        for (int k = 0; k < p.length; k++) {
            Object e = list.get(k);
            if (!(e instanceof Double) || !(((Double) e) > 0) || ((Double) e).isInfinite()) {
                throw new PolicyFormatException(source + ": scenario.prices[" + k + "] must be a finite number > 0, got "
                        + e);
            }
            p[k] = (Double) e;
            if (k > 0 && !(p[k] > p[k - 1])) {
                throw new PolicyFormatException(source + ": scenario.prices must be strictly increasing, got prices["
                        + (k - 1) + "] = " + p[k - 1] + " >= prices[" + k + "] = " + p[k]);
            }
        }
        return p;
    }

    private static int integer(Map<String, Object> sc, String field, int lo, int hi, String source)
            throws PolicyFormatException {
        Object v = sc.get(field);
        if (!(v instanceof Double)) {
            throw new PolicyFormatException(source + ": scenario." + field + " must be an integer in [" + lo + ", " + hi
                    + "], got " + (v == null ? "nothing" : v));
        }
        double d = (Double) v;
        if (d != Math.rint(d) || d < lo || d > hi) {
            throw new PolicyFormatException(source + ": scenario." + field + " must be an integer in [" + lo + ", " + hi
                    + "], got " + d);
        }
        return (int) d;
    }
}
