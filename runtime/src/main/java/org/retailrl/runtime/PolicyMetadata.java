package org.retailrl.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import org.retailrl.runtime.internal.MiniJson;
import org.retailrl.runtime.internal.PolicyHeader;

/**
 * What a policy file (docs/model.md §8.1 actors of a §1 pricing policy) says about itself, read
 * from its header without reading its weights: the format version, the kind, the scenario and —
 * in files of format version 2 — the provenance the engine wrote: a model id (the SHA-256 of the
 * weights, checked when the policy is loaded), the library version, the creation time, the
 * training seed, the learner configuration, the scenario's name and a summary of the training
 * run. A version-1 file has no provenance; its optional fields are empty. Immutable.
 *
 * <p>Format compatibility: this runtime reads format versions {@value #OLDEST_FORMAT} to
 * {@value #NEWEST_FORMAT}. A newer file is refused with a {@link PolicyFormatException} that names
 * its version and the library version that wrote it (the magic, the version and the metadata
 * block keep their place in every later format, so this much is always readable).
 *
 * <pre>{@code
 * PolicyMetadata m = PolicyMetadata.read(Path.of("fsda-seed1.rrpf"));   // reads the header only
 * System.out.println(m.kind() + " " + m.modelId().orElse("?") + " seed " + m.trainingSeed());
 * }</pre>
 */
public final class PolicyMetadata {
    /** The oldest policy file format version this runtime reads. */
    public static final int OLDEST_FORMAT = PolicyHeader.OLDEST;
    /** The newest policy file format version this runtime reads (and the engine of the same version writes). */
    public static final int NEWEST_FORMAT = PolicyHeader.NEWEST;

    private static final String RUNTIME_VERSION = loadVersion();

    private final PolicyHeader header;
    private final String source;
    private final String modelId;
    private final String libraryVersion;
    private final String scenarioName;
    private final Instant created;
    private final Long trainingSeed;

    /** Malformed typed fields are refused when the file is opened, not when a getter is called. */
    PolicyMetadata(PolicyHeader header, String source) throws PolicyFormatException {
        this.header = header;
        this.source = source;
        modelId = string("modelId");
        libraryVersion = string("libraryVersion");
        scenarioName = string("scenarioName");
        String time = string("created");
        try {
            created = time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new PolicyFormatException(source + ": metadata.created must be an ISO-8601 instant such as "
                    + "\"2026-12-01T10:15:30Z\", got \"" + time + "\"");
        }
        String seed = header.metadata.get("trainingSeed");
        try {
            trainingSeed = seed == null ? null : Long.valueOf(PolicyHeader.stripQuotes(seed.trim()));
        } catch (NumberFormatException e) {
            throw new PolicyFormatException(source + ": metadata.trainingSeed must be a 64-bit integer, got " + seed);
        }
    }

    /**
     * Reads the metadata of a policy file of at most {@link PricingPolicy#DEFAULT_MAX_BYTES}
     * without loading its weights.
     *
     * @param file the policy file
     * @return its metadata
     * @throws PolicyFormatException when it is not a policy file, of a newer format, or its header is corrupted
     * @throws IOException when it cannot be read
     */
    public static PolicyMetadata read(Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        long size = PricingPolicy.sizeWithin(file, PricingPolicy.DEFAULT_MAX_BYTES);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), size);
        }
    }

    /**
     * Reads the metadata from the start of a stream without reading the weights (for a
     * version-1 file, the rest is streamed through the checksum and dropped). The stream is not closed.
     *
     * @param in       the stream at the file's first byte
     * @param name     what error messages call it
     * @param maxBytes the largest file accepted, at least 1
     * @return its metadata
     * @throws PolicyFormatException when it is not a policy file, of a newer format, longer than the
     *                               limit, or its header is corrupted
     * @throws IOException when the stream fails
     */
    public static PolicyMetadata read(InputStream in, String name, long maxBytes) throws IOException {
        if (in == null || name == null || maxBytes < 1) {
            throw new IllegalArgumentException("in and name must not be null and maxBytes must be >= 1, got " + maxBytes);
        }
        return new PolicyMetadata(PolicyHeader.readChecked(in, name, maxBytes), name);
    }

    /**
     * The version of this runtime library, as the engine of the same version writes it into
     * {@link #libraryVersion()}.
     *
     * @return the version, such as {@code "0.1.0"}
     */
    public static String runtimeVersion() {
        return RUNTIME_VERSION;
    }

    /**
     * The file's format version, {@value #OLDEST_FORMAT} to {@value #NEWEST_FORMAT}.
     *
     * @return the format version
     */
    public int formatVersion() {
        return header.version;
    }

    /**
     * The policy kind, such as {@code "fsda"} or {@code "ppo-joint"} (files of the engine's other
     * problems can be inspected too, but only pricing kinds are served by {@link PricingPolicy}).
     *
     * @return the kind
     */
    public String kind() {
        return header.kind;
    }

    /**
     * The scenario the policy was trained on, as the file's JSON text.
     *
     * @return the JSON text
     */
    public String scenarioJson() {
        return header.scenarioJson;
    }

    /**
     * The model id: {@code "sha256:"} and the hex SHA-256 of the weights section, so two files with
     * the same id hold bit-identical networks.
     *
     * @return the id, empty for a version-1 file
     */
    public Optional<String> modelId() {
        return Optional.ofNullable(modelId);
    }

    /**
     * The version of the library that wrote the file.
     *
     * @return the version, empty for a version-1 file
     */
    public Optional<String> libraryVersion() {
        return Optional.ofNullable(libraryVersion);
    }

    /**
     * When the file was written (UTC).
     *
     * @return the time, empty for a version-1 file
     */
    public Optional<Instant> created() {
        return Optional.ofNullable(created);
    }

    /**
     * The seed of the training run.
     *
     * @return the seed, empty when the file does not say
     */
    public OptionalLong trainingSeed() {
        return trainingSeed == null ? OptionalLong.empty() : OptionalLong.of(trainingSeed);
    }

    /**
     * The learner configuration (hyperparameters) the policy was trained with.
     *
     * @return the JSON object's text, empty when the file does not say
     */
    public Optional<String> configurationJson() {
        return Optional.ofNullable(header.metadata.get("configuration"));
    }

    /**
     * The scenario's name as given to the training command (a named scenario or a file name).
     *
     * @return the name, empty when the file does not say
     */
    public Optional<String> scenarioName() {
        return Optional.ofNullable(scenarioName);
    }

    /**
     * A summary of the training run that produced the policy (episodes, the mean training profit
     * of the last episodes).
     *
     * @return the JSON object's text, empty when the file does not say
     */
    public Optional<String> evaluationJson() {
        return Optional.ofNullable(header.metadata.get("evaluation"));
    }

    /**
     * The whole metadata object as the file stores it ({@code "{}"} for a version-1 file).
     *
     * @return the JSON text
     */
    public String json() {
        return header.metadataJson;
    }

    @Override
    public String toString() {
        return "PolicyMetadata[format " + header.version + ", kind " + header.kind + ", model "
                + modelId().orElse("unknown") + ", library " + libraryVersion().orElse("unknown") + "]";
    }

    /** The member {@code field} as a JSON string's value, or null when absent. */
    private String string(String field) throws PolicyFormatException {
        String raw = header.metadata.get(field);
        if (raw == null) {
            return null;
        }
        Object v;
        try {
            v = MiniJson.parse(raw);
        } catch (IllegalArgumentException e) {
            v = null;
        }
        if (!(v instanceof String)) {
            throw new PolicyFormatException(source + ": metadata." + field + " must be a JSON string, got " + raw);
        }
        return (String) v;
    }

    private static String loadVersion() {
        try (InputStream in = PolicyMetadata.class.getResourceAsStream("library.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
