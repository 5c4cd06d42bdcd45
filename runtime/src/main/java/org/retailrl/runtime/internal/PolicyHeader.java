package org.retailrl.runtime.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32C;
import org.retailrl.runtime.PolicyFormatException;

/**
 * The header of a policy file (docs/model.md §8.1 actors of a §1 policy), everything before the
 * actors: format version, the provenance metadata (version 2 on), the kind and the scenario. It is
 * read from a stream without reading the weights that follow: version 2 ends the header with its
 * own CRC-32C, so the header is checked on its own; a version-1 file has none, so its reader
 * streams the rest of the file through the whole-file checksum without keeping it.
 *
 * <p>Compatibility policy: the magic, the version and — from version 2 on — the metadata block
 * right after them keep their place in every later version, so a reader can always say which
 * format and which library wrote a file it cannot read.
 */
public final class PolicyHeader {
    /** The four magic bytes of a policy file. */
    public static final byte[] MAGIC = {'R', 'R', 'P', 'F'};
    /** The oldest format version read. */
    public static final int OLDEST = 1;
    /** The newest format version read, and the one the engine writes. */
    public static final int NEWEST = 2;
    /** Largest metadata or scenario text accepted, bytes. */
    public static final int MAX_TEXT = 16 << 20;

    /** The format version. */
    public final int version;
    /** The metadata JSON object's text ({@code "{}"} for version 1). */
    public final String metadataJson;
    /** The metadata's members as their source text, by name. */
    public final Map<String, String> metadata;
    /** The policy kind. */
    public final String kind;
    /** The scenario JSON text. */
    public final String scenarioJson;
    /** Bytes from the file's start to the first byte after the header (the actor count). */
    public final int length;

    private PolicyHeader(int version, String metadataJson, Map<String, String> metadata, String kind,
                         String scenarioJson, int length) {
        this.version = version;
        this.metadataJson = metadataJson;
        this.metadata = metadata;
        this.kind = kind;
        this.scenarioJson = scenarioJson;
        this.length = length;
    }

    /**
     * Reads the header from the start of {@code in}, consuming no byte beyond it.
     *
     * @param in       the stream, at the file's first byte
     * @param source   what messages call it
     * @param maxBytes the most bytes the whole file may have; no declared length beyond what is left is believed
     * @throws PolicyFormatException when it is not a policy file, of a version outside [{@value #OLDEST},
     *                               {@value #NEWEST}], truncated or corrupted
     * @throws IOException when the stream fails
     */
    public static PolicyHeader read(InputStream in, String source, long maxBytes) throws IOException {
        return read(new Reader(in, source, maxBytes));
    }

    private static PolicyHeader read(Reader r) throws IOException {
        String source = r.source;
        byte[] magic = r.bytes(4, "magic");
        if (!Arrays.equals(magic, MAGIC)) {
            throw new PolicyFormatException(source + ": not a policy file (magic is not \"RRPF\")");
        }
        int version = r.int32("format version");
        if (version < OLDEST) {
            throw new PolicyFormatException(source + ": bad policy file version " + version);
        }
        String metadataJson = "{}";
        Map<String, String> metadata = Map.of();
        if (version >= 2) {
            metadataJson = r.text("metadata");
            try {
                metadata = MiniJson.members(metadataJson);
            } catch (IllegalArgumentException e) {
                if (version > NEWEST) {
                    throw newer(source, version, null);
                }
                throw new PolicyFormatException(source + ": bad metadata: " + e.getMessage());
            }
        }
        if (version > NEWEST) {
            throw newer(source, version, metadata.get("libraryVersion"));
        }
        String kind = r.text("kind");
        String scenario = r.text("scenario");
        if (version >= 2) {
            int want = (int) r.crc.getValue();
            if (r.int32("header checksum") != want) {
                throw new PolicyFormatException(source + ": header checksum mismatch (file corrupted)");
            }
        }
        return new PolicyHeader(version, metadataJson, metadata, kind, scenario, (int) r.read);
    }

    /**
     * The verified header of a whole file's bytes: magic, the whole-file checksum (for the
     * versions read; a newer file is refused by its header first, naming its version and
     * library), the header and — when the metadata has one — the model id against the weights.
     * Both the runtime's and the engine's readers start here.
     *
     * @param bytes  the file's bytes, at least 16
     * @param source what messages call it
     * @throws PolicyFormatException naming the source and the problem
     */
    public static PolicyHeader ofFile(byte[] bytes, String source) throws PolicyFormatException {
        if (bytes.length < 16) {
            throw new PolicyFormatException(source + ": truncated (" + bytes.length + " bytes, a policy file has at least 16)");
        }
        if (!Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC)) {
            throw new PolicyFormatException(source + ": not a policy file (magic is not \"RRPF\")");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        // A newer file's checksum may sit elsewhere; its header says which version and library wrote it.
        if (b.getInt(4) <= NEWEST) {
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length - 4);
            if (b.getInt(bytes.length - 4) != (int) crc.getValue()) {
                throw new PolicyFormatException(source + ": checksum mismatch (file truncated or corrupted)");
            }
        }
        PolicyHeader header;
        try {
            header = read(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 4), source, bytes.length - 4);
        } catch (PolicyFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new PolicyFormatException(source + ": " + e.getMessage());
        }
        String modelId = header.metadata.get("modelId");
        if (modelId != null) {
            String actual = PolicyImage.modelId(bytes, header.length, bytes.length - 4);
            if (!stripQuotes(modelId).equals(actual)) {
                throw new PolicyFormatException(source + ": metadata.modelId " + modelId + " does not match the weights ("
                        + actual + ")");
            }
        }
        return header;
    }

    /**
     * Reads the header and makes sure it is intact without keeping the weights: a version-2 header
     * carries its own checksum; for a version-1 file the rest is streamed through the whole-file
     * checksum and dropped.
     *
     * @param in       the stream, at the file's first byte
     * @param source   what messages call it
     * @param maxBytes the most bytes the whole file may have
     * @throws PolicyFormatException as {@link #read}, or when a version-1 file's checksum does not match
     * @throws IOException when the stream fails
     */
    public static PolicyHeader readChecked(InputStream in, String source, long maxBytes) throws IOException {
        Reader r = new Reader(in, source, maxBytes);
        PolicyHeader h = read(r);
        if (h.version >= 2) {
            return h;
        }
        byte[] buf = new byte[64 * 1024];
        byte[] tail = new byte[0];
        long total = r.read;
        for (int n; (n = in.read(buf)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                throw new PolicyFormatException(source + ": longer than the limit of " + maxBytes + " bytes");
            }
            // The last four bytes seen may be the stored checksum; everything before them is checked.
            byte[] merged = Arrays.copyOf(tail, tail.length + n);
            System.arraycopy(buf, 0, merged, tail.length, n);
            int flush = Math.max(0, merged.length - 4);
            r.crc.update(merged, 0, flush);
            tail = Arrays.copyOfRange(merged, flush, merged.length);
        }
        if (tail.length < 4) {
            throw new PolicyFormatException(source + ": ends inside a record (truncated)");
        }
        if (ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN).getInt() != (int) r.crc.getValue()) {
            throw new PolicyFormatException(source + ": checksum mismatch (file truncated or corrupted)");
        }
        return h;
    }

    private static PolicyFormatException newer(String source, int version, String library) {
        String by = library == null ? "" : " (written by retailrl " + stripQuotes(library) + ")";
        return new PolicyFormatException(source + ": policy file format version " + version + by
                + " is newer than this runtime reads (" + OLDEST + " to " + NEWEST
                + "); upgrade retailrl-runtime to the version that wrote it or newer");
    }

    /** {@code raw} without one pair of enclosing double quotes. */
    public static String stripQuotes(String raw) {
        return raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"") ? raw.substring(1, raw.length() - 1) : raw;
    }

    /** Little-endian reads that count and checksum every byte and never believe a length beyond the limit. */
    private static final class Reader {
        final InputStream in;
        final String source;
        final long max;
        final CRC32C crc = new CRC32C();
        long read;

        Reader(InputStream in, String source, long max) {
            this.in = in;
            this.source = source;
            this.max = max;
        }

        byte[] bytes(int n, String field) throws IOException {
            if (n > max - read) {
                throw new PolicyFormatException(source + ": ends inside the " + field + " (" + n + " bytes needed, "
                        + Math.max(0, max - read) + " remain: truncated or corrupted)");
            }
            // Grown chunk by chunk, so a length the stream does not back costs only what is present.
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(n, 8192));
            byte[] buf = new byte[Math.min(n, 8192)];
            int left = n;
            while (left > 0) {
                int got = in.read(buf, 0, Math.min(left, buf.length));
                if (got < 0) {
                    throw new PolicyFormatException(source + ": ends inside the " + field + " (truncated)");
                }
                out.write(buf, 0, got);
                left -= got;
            }
            byte[] b = out.toByteArray();
            crc.update(b, 0, b.length);
            read += n;
            return b;
        }

        int int32(String field) throws IOException {
            return ByteBuffer.wrap(bytes(4, field)).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }

        String text(String field) throws IOException {
            int len = int32(field + " length");
            if (len < 0 || len > MAX_TEXT) {
                throw new PolicyFormatException(source + ": " + field + " has a bad length " + len + " (allowed 0 to "
                        + MAX_TEXT + ")");
            }
            return new String(bytes(len, field), StandardCharsets.UTF_8);
        }
    }
}
