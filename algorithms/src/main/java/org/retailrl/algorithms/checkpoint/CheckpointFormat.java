package org.retailrl.algorithms.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.retailrl.core.io.AtomicFiles;

/**
 * The container of a training checkpoint : the binary format "RRLC",
 * version 2, a list of named sections closed by a checksum. All integers are big-endian:
 * <pre>
 *   offset  size  field
 *   0       4     magic, the ASCII bytes "RRLC"
 *   4       4     int32 format version (= 2)
 *   8       4     int32 section count S, 1..64
 *   then S sections:
 *           2     uint16 name length K, 1..255
 *           K     name, UTF-8 (unique within the file)
 *           8     int64 payload length N, >= 0
 *           N     payload (its layout belongs to the section, see {@link TrainingCheckpoint})
 *   end     4     uint32 CRC-32C of every preceding byte
 * </pre>
 * Writing goes through {@link AtomicFiles} (temporary file, fsync, rename), so a crash or
 * {@code kill -9} leaves either the previous checkpoint or the complete new one. Reading checks
 * length, magic, version and checksum before it looks at any section; every refusal is a
 * {@link CheckpointException} whose message starts with the file name.
 *
 * <p>docs/model.md §8 learners: the on-disk state of a §8 training run; no equation of its own.
 */
public final class CheckpointFormat {
    /** The four magic bytes. */
    public static final byte[] MAGIC = {'R', 'R', 'L', 'C'};
    /** The format version written and accepted. */
    public static final int VERSION = 2;
    private static final int MAX_SECTIONS = 64;

    private CheckpointFormat() {
    }

    /** The file bytes of {@code sections} (in map order), checksum included. */
    public static byte[] encode(Map<String, byte[]> sections) {
        if (sections.isEmpty() || sections.size() > MAX_SECTIONS) {
            throw new IllegalArgumentException("sections: need 1.." + MAX_SECTIONS + ", got " + sections.size());
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        bos.writeBytes(MAGIC);
        bos.writeBytes(ByteBuffer.allocate(8).putInt(VERSION).putInt(sections.size()).array());
        for (Map.Entry<String, byte[]> e : sections.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            if (name.length < 1 || name.length > 255) {
                throw new IllegalArgumentException("section name must have 1..255 UTF-8 bytes, got '" + e.getKey() + "'");
            }
            bos.writeBytes(ByteBuffer.allocate(2 + name.length + 8).putShort((short) name.length).put(name)
                    .putLong(e.getValue().length).array());
            bos.writeBytes(e.getValue());
        }
        CRC32C crc = new CRC32C();
        crc.update(bos.toByteArray());
        bos.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return bos.toByteArray();
    }

    /** Writes {@code sections} to {@code path} atomically. */
    public static void write(Path path, Map<String, byte[]> sections) throws IOException {
        AtomicFiles.write(path, encode(sections));
    }

    /** Reads and verifies {@code path}; the sections in file order. */
    public static Map<String, byte[]> read(Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(path + ": no such checkpoint file", e);
        }
        return decode(bytes, path.toString());
    }

    /** Verifies {@code bytes} read from {@code source} and splits them into sections. */
    public static Map<String, byte[]> decode(byte[] bytes, String source) throws CheckpointException {
        if (bytes.length < 16) {
            throw new CheckpointException(source + ": truncated (" + bytes.length + " bytes, a checkpoint has at least 16)");
        }
        if (!Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC)) {
            throw new CheckpointException(source + ": not a checkpoint file (magic is not \"RRLC\")");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int version = b.getInt(4);
        if (version != VERSION) {
            throw new CheckpointException(source + ": checkpoint format version " + version + " is not supported (expected "
                    + VERSION + ")");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if (b.getInt(bytes.length - 4) != (int) crc.getValue()) {
            throw new CheckpointException(source + ": checksum mismatch (the file is truncated or corrupted)");
        }
        b.position(8).limit(bytes.length - 4);
        int count = b.getInt();
        if (count < 1 || count > MAX_SECTIONS) {
            throw new CheckpointException(source + ": bad section count " + count + " (allowed 1.." + MAX_SECTIONS + ")");
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int s = 0; s < count; s++) {
            if (b.remaining() < 2) {
                throw new CheckpointException(source + ": ends inside the header of section " + s);
            }
            int len = Short.toUnsignedInt(b.getShort());
            if (len < 1 || b.remaining() < len + 8) {
                throw new CheckpointException(source + ": section " + s + " has a bad name length " + len);
            }
            byte[] nb = new byte[len];
            b.get(nb);
            String name = new String(nb, StandardCharsets.UTF_8);
            long size = b.getLong();
            if (size < 0 || size > b.remaining()) {
                throw new CheckpointException(source + ": section '" + name + "' claims " + size + " bytes, "
                        + b.remaining() + " remain");
            }
            byte[] payload = new byte[(int) size];
            b.get(payload);
            if (out.put(name, payload) != null) {
                throw new CheckpointException(source + ": section '" + name + "' appears twice");
            }
        }
        if (b.remaining() != 0) {
            throw new CheckpointException(source + ": " + b.remaining() + " unexpected bytes after the last section");
        }
        return out;
    }
}
