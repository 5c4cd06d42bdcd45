package org.retailrl.algorithms.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.retailrl.core.io.AtomicFiles;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.PricingScenarioJson;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationScenarioJson;
import org.retailrl.algorithms.checkpoint.Algorithm;
import org.retailrl.algorithms.inventory.LostSalesAgentEnv;
import org.retailrl.algorithms.multiproduct.MultiProductAgentEnv;
import org.retailrl.envs.multiproduct.MultiProductScenario;
import org.retailrl.envs.inventory.LostSalesScenario;
import org.retailrl.algorithms.recommendation.AgentSpec;
import org.retailrl.algorithms.recommendation.DecisionSpace;
import org.retailrl.nn.ModelFile;
import org.retailrl.nn.ModelFileException;
import org.retailrl.nn.Parameter;
import org.retailrl.nn.RecurrentNet;
import org.retailrl.runtime.PolicyFormatException;
import org.retailrl.runtime.PolicyMetadata;
import org.retailrl.runtime.internal.PolicyHeader;
import org.retailrl.runtime.internal.PolicyImage;
import org.retailrl.runtime.kernel.RowNet;

/**
 * A self-contained file of a trained pricing-and-replenishment policy (docs/model.md §1 problem, §8
 * actors): everything needed to act without the training code — the scenario (price grid,
 * {@code Q}, {@code L}, {@code T}, hence the observation normalisation of
 * {@link org.retailrl.algorithms.pricing.PricingBatchEnv}), the policy kind, and each actor's
 * {@link RecurrentNet.Config} and weights, and the provenance of the policy. Format "RRPF", version
 * 2, little-endian:
 * <pre>
 *   offset  size  field
 *   0       4     magic, the ASCII bytes "RRPF"
 *   4       4     int32 format version (= 2)
 *   8       4+H   metadata: int32 byte length H, UTF-8 JSON object ({@link Provenance}: modelId,
 *                 libraryVersion, created, trainingSeed, configuration, scenarioName, evaluation)
 *           4+K   kind: int32 byte length K, UTF-8 ("fsda" or "ppo-joint")
 *           4+S   scenario: int32 byte length S, UTF-8 JSON of the kind's problem ({@link Algorithm.Problem#writeScenario};
 *                 pricing: {@link PricingScenarioJson#toJson})
 *           4     uint32 CRC-32C of every preceding byte (the header checksum: the metadata can be
 *                 read and trusted without reading the weights)
 *           4     int32 actor count A (2 for "fsda": pricing then ordering; 1 for "ppo-joint")
 *   then A records:
 *           4+N   parameter-name prefix: int32 byte length N, UTF-8 (e.g. "pricing")
 *           16    int32 inputs, hidden, gruLayers, outputs ({@link RecurrentNet.Config})
 *           4+M   int32 byte length M, then the actor's parameters as an "RRLM" v1
 *                 {@link ModelFile} image (names, shapes, float32 values, its own CRC-32C)
 *   end     4     uint32 CRC-32C of every preceding byte
 * </pre>
 * The model id is {@code "sha256:"} and the hex SHA-256 of the bytes from the actor count to the
 * last actor; readers check it. Version 1 is the same without the metadata and the header
 * checksum; it stays readable. Compatibility policy: the magic, the version and the metadata
 * block keep their place in every later version, so an older reader refuses a newer file naming
 * its version and the library version that wrote it.
 * Kinds: {@value #FSDA} — two actors over the {@code 6 + L + 1} learner observation, the pricing
 * actor with one output per grid price and the ordering actor with {@code Q + 1};
 * {@value #PPO_JOINT} — one actor over the joint action {@code a = priceIndex·(Q + 1) + q}; the
 * recommendation learners of docs/model.md §3; and {@code ppo-lost-sales} — one ordering actor on
 * a lost-sales scenario of docs/model.md §7 ({@link LostSalesAgentEnv}: {@code max(L, 1) + 1} inputs,
 * {@code max(S̄, 1) + 1} outputs, one per target inventory position), the scenario stored as its JSON;
 * and the multi-product learners of docs/model.md §4.3 ({@code fsda-2n}, {@code happo-2n}: 2N
 * actors; {@code ppo-per-product}: N; {@code ppo-factored}, {@code ppo-shared}: 1;
 * {@link MultiProductAgentEnv}).
 *
 * <p>Writes are atomic ({@link AtomicFiles}). Reading checks magic, version, checksum, every
 * length, the kind, the actor count and every config against the scenario before any network is
 * built; any failure is a {@link ModelFileException} whose message names the file and the problem.
 */
public final class PolicyFile {
    /** The four magic bytes. */
    public static final byte[] MAGIC = {'R', 'R', 'P', 'F'};
    /** The format version written; versions {@link PolicyHeader#OLDEST} to this one are read. */
    public static final int VERSION = PolicyHeader.NEWEST;
    /** Kind of a two-actor FSDA policy (pricing actor, then ordering actor). */
    public static final String FSDA = "fsda";
    /** Kind of a one-actor policy over the joint (price, order) action. */
    public static final String PPO_JOINT = "ppo-joint";

    /** Upper bound on any length field, so a corrupt length cannot ask for a huge buffer. */
    private static final int MAX_LENGTH = 1 << 30;
    /** Largest accepted {@code hidden} of an actor: networks above it are refused before anything is built. */
    public static final int MAX_HIDDEN = RowNet.MAX_HIDDEN;
    /** Largest accepted {@code gruLayers} of an actor. */
    public static final int MAX_GRU_LAYERS = RowNet.MAX_GRU_LAYERS;
    /** Largest accepted {@code inputs} and {@code outputs} of an actor. */
    public static final int MAX_WIDTH = RowNet.MAX_WIDTH;
    private static final String NAME_SUFFIX = ".mlp.0.weight";

    private static Algorithm.Problem problemOf(String kind) {
        // An unknown kind is parsed as pricing; checkShapes then names the bad kind.
        try {
            return Algorithm.of(kind).problem();
        } catch (IllegalArgumentException e) {
            return Algorithm.Problem.PRICING;
        }
    }

    /**
     * What a policy file holds: the scenario (a {@link PricingScenario} or a
     * {@link RecommendationScenario}, as the kind needs), the kind and the actors with their
     * weights loaded.
     */
    public record Contents(Record scenario, String kind, List<RecurrentNet> actors, String metadataJson) {
        /** Copies the actor list. */
        public Contents {
            actors = List.copyOf(actors);
        }
    }

    /**
     * Where a policy came from, written into the file's metadata (all optional: null members are
     * left out). The model id and the library version are always written.
     *
     * @param created       when the policy was made (written to the second)
     * @param trainingSeed  the training run's seed
     * @param configuration the learner configuration ({@link org.retailrl.algorithms.rl.LearnerConfigJson})
     * @param scenarioName  the scenario's name as the user gave it (a named scenario or a file name)
     * @param evaluation    a summary of the run's results
     */
    public record Provenance(Instant created, Long trainingSeed, JsonObject configuration, String scenarioName,
                             JsonObject evaluation) {
        /** Nothing but the model id and the library version. */
        public static final Provenance NONE = new Provenance(null, null, null, null, null);

        /**
         * The time to write as {@code created}: {@code SOURCE_DATE_EPOCH} (seconds since 1970,
         * the reproducible-builds convention) when that variable is set, so that reruns of a seed
         * give byte-identical files, else now.
         */
        public static Instant now() {
            String epoch = System.getenv("SOURCE_DATE_EPOCH");
            if (epoch != null && epoch.matches("[0-9]{1,12}")) {
                return Instant.ofEpochSecond(Long.parseLong(epoch));
            }
            return Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
    }

    private PolicyFile() {
    }

    /**
     * Writes a policy file atomically.
     *
     * @param scenario the scenario the actors were trained on
     * @param kind     an {@link Algorithm#label()}: {@value #FSDA}, {@value #PPO_JOINT}, mtma, joint-im-rs,
     *                 im-only or rs-only
     * @param actors   the trained actors in agent order
     * @throws IllegalArgumentException when the kind is unknown or the actors do not fit the scenario
     */
    public static void save(Path path, Record scenario, String kind, List<RecurrentNet> actors) throws IOException {
        save(path, scenario, kind, actors, Provenance.NONE);
    }

    /**
     * Writes a policy file with its provenance atomically.
     *
     * @param scenario   the scenario the actors were trained on
     * @param kind       an {@link Algorithm#label()}
     * @param actors     the trained actors in agent order
     * @param provenance where the policy came from
     * @throws IllegalArgumentException when the kind is unknown or the actors do not fit the scenario
     */
    public static void save(Path path, Record scenario, String kind, List<RecurrentNet> actors, Provenance provenance)
            throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        AtomicFiles.write(path, encode(scenario, kind, actors, provenance));
    }

    /** The encoded bytes of a policy file without provenance; see {@link #save}. */
    public static byte[] encode(Record scenario, String kind, List<RecurrentNet> actors) {
        return encode(scenario, kind, actors, Provenance.NONE);
    }

    /** The encoded bytes of a policy file; see {@link #save(Path, Record, String, List, Provenance)}. */
    public static byte[] encode(Record scenario, String kind, List<RecurrentNet> actors, Provenance provenance) {
        if (provenance == null) {
            throw new IllegalArgumentException("provenance must not be null (use Provenance.NONE)");
        }
        if (scenario == null) {
            throw new IllegalArgumentException("scenario must not be null");
        }
        if (actors == null) {
            throw new IllegalArgumentException("actors must not be null");
        }
        List<RecurrentNet.Config> configs = new ArrayList<>();
        for (RecurrentNet a : actors) {
            if (a == null) {
                throw new IllegalArgumentException("actors must not contain null");
            }
            configs.add(a.config());
        }
        String problem = checkShapes(scenario, kind, configs);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        ByteArrayOutputStream weights = new ByteArrayOutputStream();
        weights.writeBytes(le(4).putInt(actors.size()).array());
        for (RecurrentNet a : actors) {
            writeString(weights, namePrefix(a));
            RecurrentNet.Config c = a.config();
            weights.writeBytes(le(16).putInt(c.inputs()).putInt(c.hidden()).putInt(c.gruLayers()).putInt(c.outputs())
                    .array());
            byte[] model = ModelFile.encode(a);
            weights.writeBytes(le(4).putInt(model.length).array());
            weights.writeBytes(model);
        }
        byte[] w = weights.toByteArray();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        bos.writeBytes(MAGIC);
        bos.writeBytes(le(4).putInt(VERSION).array());
        writeString(bos, Json.write(metadata(provenance, PolicyImage.modelId(w, 0, w.length))));
        writeString(bos, kind);
        writeString(bos, Algorithm.of(kind).problem().writeScenario(scenario));
        CRC32C header = new CRC32C();
        header.update(bos.toByteArray());
        bos.writeBytes(le(4).putInt((int) header.getValue()).array());
        bos.writeBytes(w);
        CRC32C crc = new CRC32C();
        byte[] body = bos.toByteArray();
        crc.update(body);
        bos.writeBytes(le(4).putInt((int) crc.getValue()).array());
        return bos.toByteArray();
    }

    /**
     * Reads a policy file.
     *
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws ModelFileException when it is truncated, corrupted, of another version, or its
     *                            actors do not fit its scenario
     */
    public static Contents read(Path path) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        return decode(Files.readAllBytes(path), path.toString());
    }

    /** The metadata object: the model id and library version first, then what {@code p} gives. */
    private static JsonObject metadata(Provenance p, String modelId) {
        JsonObject.Builder m = JsonObject.builder().put("modelId", modelId)
                .put("libraryVersion", PolicyMetadata.runtimeVersion());
        if (p.created() != null) {
            m.put("created", p.created().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        if (p.trainingSeed() != null) {
            // As text: a JSON number is a double, exact only up to 2^53.
            m.put("trainingSeed", Long.toString(p.trainingSeed()));
        }
        if (p.configuration() != null) {
            m.put("configuration", p.configuration());
        }
        if (p.scenarioName() != null) {
            m.put("scenarioName", p.scenarioName());
        }
        if (p.evaluation() != null) {
            m.put("evaluation", p.evaluation());
        }
        return m.build();
    }

    /** Decodes the bytes of a policy file; {@code source} names it in error messages. */
    public static Contents decode(byte[] bytes, String source) throws ModelFileException {
        int minimum = MAGIC.length + 4 + 4;
        if (bytes.length < minimum + 4) {
            throw new ModelFileException(source + ": truncated (" + bytes.length + " bytes, at least "
                    + (minimum + 4) + " needed)");
        }
        if (!Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC)) {
            throw new ModelFileException(source + ": not a policy file (magic is not \"RRPF\")");
        }
        PolicyHeader header;
        try {
            header = PolicyHeader.ofFile(bytes, source);
        } catch (PolicyFormatException e) {
            throw new ModelFileException(e.getMessage());
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.position(header.length);
        b.limit(bytes.length - 4);
        try {
            String kind = header.kind;
            String json = header.scenarioJson;
            Record scenario;
            try {
                scenario = problemOf(kind).parseScenario(json);
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(source + ": bad scenario: " + e.getMessage());
            }
            int count = b.getInt();
            if (count < 1 || count > 2) {
                throw new ModelFileException(source + ": holds " + count + " actors, a policy has 1 or 2");
            }
            List<String> names = new ArrayList<>();
            List<RecurrentNet.Config> configs = new ArrayList<>();
            List<byte[]> models = new ArrayList<>();
            for (int a = 0; a < count; a++) {
                names.add(readString(b, source, "actor " + a + " name"));
                int inputs = b.getInt();
                int hidden = b.getInt();
                int layers = b.getInt();
                int outputs = b.getInt();
                String bad = checkSize(inputs, hidden, layers, outputs);
                if (bad != null) {
                    throw new ModelFileException(source + ": actor " + a + " " + bad);
                }
                configs.add(new RecurrentNet.Config(inputs, hidden, layers, outputs));
                int len = b.getInt();
                if (len < 0 || len > b.remaining()) {
                    throw new ModelFileException(source + ": actor " + a + " has a bad weights length " + len);
                }
                // The network is built from the config before its weights are read: the image must
                // already hold every float it declares, so a small file cannot ask for a big network.
                long floats = parameterCount(configs.get(a));
                if (4 * floats > len) {
                    throw new ModelFileException(source + ": actor " + a + " declares " + floats + " weights ("
                            + 4 * floats + " bytes) but its weights image has " + len + " bytes");
                }
                byte[] m = new byte[len];
                b.get(m);
                models.add(m);
            }
            if (b.remaining() != 0) {
                throw new ModelFileException(source + ": " + b.remaining() + " unexpected bytes after the last actor");
            }
            String problem = checkShapes(scenario, kind, configs);
            if (problem != null) {
                throw new ModelFileException(source + ": " + problem);
            }
            List<RecurrentNet> actors = new ArrayList<>();
            for (int a = 0; a < count; a++) {
                // The initial weights are overwritten by the load; the seed and gain only fill them first.
                RecurrentNet net = new RecurrentNet(names.get(a), configs.get(a), 1.0, new Rng(0));
                ModelFile.decodeInto(net, models.get(a), source + " (actor " + a + " '" + names.get(a) + "')");
                actors.add(net);
            }
            return new Contents(scenario, kind, actors, header.metadataJson);
        } catch (BufferUnderflowException e) {
            throw new ModelFileException(source + ": ends inside a record (truncated)");
        }
    }

    /** Null when the sizes are within the hard limits of this format, else a message naming the field and range. */
    static String checkSize(int inputs, int hidden, int gruLayers, int outputs) {
        if (inputs < 1 || inputs > MAX_WIDTH) {
            return "inputs must be in [1, " + MAX_WIDTH + "], got " + inputs;
        }
        if (hidden < 1 || hidden > MAX_HIDDEN) {
            return "hidden must be in [1, " + MAX_HIDDEN + "], got " + hidden;
        }
        if (gruLayers < 1 || gruLayers > MAX_GRU_LAYERS) {
            return "gruLayers must be in [1, " + MAX_GRU_LAYERS + "], got " + gruLayers;
        }
        if (outputs < 1 || outputs > MAX_WIDTH) {
            return "outputs must be in [1, " + MAX_WIDTH + "], got " + outputs;
        }
        return null;
    }

    /** Floats of a {@link RecurrentNet} of config {@code c}, weights and biases. */
    static long parameterCount(RecurrentNet.Config c) {
        return RowNet.parameterCount(c.inputs(), c.hidden(), c.gruLayers(), c.outputs());
    }

    /**
     * Null when {@code configs} fit {@code kind} on {@code scenario}, else a message naming the
     * field and the allowed value.
     */
    static String checkShapes(Record scenario, String kind, List<RecurrentNet.Config> configs) {
        Algorithm algorithm;
        try {
            algorithm = Algorithm.of(kind);
        } catch (IllegalArgumentException e) {
            return "kind: " + e.getMessage();
        }
        int[] inputs;
        int[] outputs;
        if (algorithm.problem() == Algorithm.Problem.PRICING) {
            if (!(scenario instanceof PricingScenario ps)) {
                return "kind '" + kind + "' needs a pricing scenario";
            }
            int in = 6 + ps.leadTime() + 1;
            int prices = ps.priceCount();
            int orders = ps.maxOrder() + 1;
            outputs = algorithm == Algorithm.FSDA ? new int[] {prices, orders} : new int[] {prices * orders};
            inputs = algorithm == Algorithm.FSDA ? new int[] {in, in} : new int[] {in};
        } else if (algorithm.problem() == Algorithm.Problem.LOST_SALES) {
            if (!(scenario instanceof LostSalesScenario ls)) {
                return "kind '" + kind + "' needs a lost-sales scenario";
            }
            inputs = new int[] {LostSalesAgentEnv.observationSize(ls)};
            outputs = new int[] {LostSalesAgentEnv.layout(ls).width()};
        } else if (algorithm.problem() == Algorithm.Problem.MULTIPRODUCT) {
            if (!(scenario instanceof MultiProductScenario ms)) {
                return "kind '" + kind + "' needs a multi-product scenario";
            }
            MultiProductAgentEnv env = new MultiProductAgentEnv(ms, 1, algorithm.split());
            inputs = new int[env.agents()];
            outputs = new int[env.agents()];
            for (int a = 0; a < env.agents(); a++) {
                inputs[a] = env.viewSize(0);
                outputs[a] = env.actionLayout(a).width();
            }
        } else {
            if (!(scenario instanceof RecommendationScenario rs)) {
                return "kind '" + kind + "' needs a recommendation scenario";
            }
            List<AgentSpec> specs = algorithm.learner().agents();
            DecisionSpace space = algorithm.space(rs);
            inputs = new int[specs.size()];
            outputs = new int[specs.size()];
            for (int a = 0; a < specs.size(); a++) {
                inputs[a] = specs.get(a).view().size(rs);
                outputs[a] = specs.get(a).decision().layout(space).width();
            }
        }
        if (configs.size() != outputs.length) {
            return "kind '" + kind + "' needs " + outputs.length + " actors, got " + configs.size();
        }
        for (int a = 0; a < outputs.length; a++) {
            RecurrentNet.Config c = configs.get(a);
            if (c.inputs() != inputs[a]) {
                return "actor " + a + " inputs must be " + (algorithm.problem() == Algorithm.Problem.PRICING
                        ? "6 + L + 1 = " : "") + inputs[a] + " for kind '" + kind + "' on the scenario, got "
                        + c.inputs();
            }
            if (c.outputs() != outputs[a]) {
                return "actor " + a + " outputs must be " + outputs[a] + " for kind '" + kind + "' on the scenario, got "
                        + c.outputs();
            }
        }
        return null;
    }

    /** The prefix the network's parameter names were built from ({@code "pricing"} of {@code "pricing.mlp.0.weight"}). */
    private static String namePrefix(RecurrentNet net) {
        List<Parameter> ps = net.parameters();
        String first = ps.get(0).name();
        if (!first.endsWith(NAME_SUFFIX) || first.length() == NAME_SUFFIX.length()) {
            throw new IllegalArgumentException("actor parameter names must start with '<name>" + NAME_SUFFIX + "', got '"
                    + first + "'");
        }
        return first.substring(0, first.length() - NAME_SUFFIX.length());
    }

    private static void writeString(ByteArrayOutputStream bos, String s) {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        bos.writeBytes(le(4).putInt(u.length).array());
        bos.writeBytes(u);
    }

    private static String readString(ByteBuffer b, String source, String field) throws ModelFileException {
        int len = b.getInt();
        if (len < 0 || len > b.remaining() || len > MAX_LENGTH) {
            throw new ModelFileException(source + ": " + field + " has a bad length " + len);
        }
        byte[] u = new byte[len];
        b.get(u);
        return new String(u, StandardCharsets.UTF_8);
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
