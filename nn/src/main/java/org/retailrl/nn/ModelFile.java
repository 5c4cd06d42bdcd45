package org.retailrl.nn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.retailrl.core.io.AtomicFiles;

/**
 * Saves and loads a {@link Module}'s parameters (the trained networks of docs/model.md §8) in the
 * binary format "RRLM", version 1. All integers and floats are little-endian:
 * <pre>
 *   offset  size  field
 *   0       4     magic, the ASCII bytes "RRLM"
 *   4       4     int32 format version (= 1)
 *   8       4     int32 parameter count P
 *   then P records, in the module's parameter order:
 *           4     int32 name length L in bytes
 *           L     name, UTF-8
 *           4     int32 rank R
 *           4·R   int32 dimensions
 *           4·N   float32 values, row-major, N = product of the dimensions
 *   end     4     uint32 CRC-32C of every preceding byte
 * </pre>
 * Writing goes to a temporary file that is forced to disk and atomically renamed over the target
 * ({@link AtomicFiles}). Loading reads the whole file, verifies magic, version, checksum, count,
 * and every name and shape against the target module, and only then copies the values in: a load
 * that fails for any reason leaves the module unchanged.
 */
public final class ModelFile {
    /** The four magic bytes. */
    public static final byte[] MAGIC = {'R', 'R', 'L', 'M'};
    /** The format version written and accepted. */
    public static final int VERSION = 1;

    private ModelFile() {
    }

    /** The encoded bytes of {@code module}'s parameters, checksum included. */
    public static byte[] encode(Module module) {
        List<Parameter> params = module.parameters();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        ByteBuffer head = le(12);
        head.put(MAGIC).putInt(VERSION).putInt(params.size());
        bos.writeBytes(head.array());
        for (Parameter p : params) {
            byte[] name = p.name().getBytes(StandardCharsets.UTF_8);
            int[] shape = p.value().shape();
            float[] data = p.value().data();
            ByteBuffer b = le(4 + name.length + 4 + 4 * shape.length + 4 * data.length);
            b.putInt(name.length).put(name).putInt(shape.length);
            for (int d : shape) {
                b.putInt(d);
            }
            b.asFloatBuffer().put(data);
            bos.writeBytes(b.array());
        }
        CRC32C crc = new CRC32C();
        byte[] body = bos.toByteArray();
        crc.update(body);
        ByteBuffer tail = le(4).putInt((int) crc.getValue());
        bos.writeBytes(tail.array());
        return bos.toByteArray();
    }

    /** Writes {@code module} to {@code path} atomically (temporary file, fsync, rename). */
    public static void save(Module module, Path path) throws IOException {
        AtomicFiles.write(path, encode(module));
    }

    /**
     * Loads {@code path} into {@code module}.
     *
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws ModelFileException when the file is truncated, corrupted or does not match the module
     */
    public static void load(Module module, Path path) throws IOException {
        decodeInto(module, Files.readAllBytes(path), path.toString());
    }

    /** Verifies {@code bytes} against {@code module} and copies the values in (all or nothing). */
    public static void decodeInto(Module module, byte[] bytes, String source) throws ModelFileException {
        if (bytes.length < 16) {
            throw new ModelFileException(source + ": truncated (" + bytes.length + " bytes, at least 16 needed)");
        }
        if (!Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC)) {
            throw new ModelFileException(source + ": not a model file (magic is not \"RRLM\")");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int version = b.getInt(4);
        if (version != VERSION) {
            throw new ModelFileException(source + ": format version " + version + " is not supported (expected " + VERSION + ")");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = b.getInt(bytes.length - 4);
        if (stored != (int) crc.getValue()) {
            throw new ModelFileException(source + ": checksum mismatch (file truncated or corrupted)");
        }
        List<Parameter> params = module.parameters();
        b.position(8);
        b.limit(bytes.length - 4);
        int count = b.getInt();
        if (count != params.size()) {
            throw new ModelFileException(source + ": holds " + count + " parameters, the model has " + params.size());
        }
        float[][] staged = new float[count][];
        try {
            for (int i = 0; i < count; i++) {
                Parameter p = params.get(i);
                int len = b.getInt();
                if (len < 0 || len > b.remaining()) {
                    throw new ModelFileException(source + ": parameter " + i + " has a bad name length " + len);
                }
                byte[] nb = new byte[len];
                b.get(nb);
                String name = new String(nb, StandardCharsets.UTF_8);
                if (!name.equals(p.name())) {
                    throw new ModelFileException(source + ": parameter " + i + " is '" + name + "', the model expects '" + p.name() + "'");
                }
                int rank = b.getInt();
                if (rank < 0 || rank > 8) {
                    throw new ModelFileException(source + ": parameter '" + name + "' has a bad rank " + rank);
                }
                int[] shape = new int[rank];
                for (int d = 0; d < rank; d++) {
                    shape[d] = b.getInt();
                }
                if (!Arrays.equals(shape, p.value().shape())) {
                    throw new ModelFileException(source + ": parameter '" + name + "' has shape " + Arrays.toString(shape)
                            + ", the model expects " + Arrays.toString(p.value().shape()));
                }
                float[] v = new float[p.size()];
                b.asFloatBuffer().get(v);
                b.position(b.position() + 4 * v.length);
                staged[i] = v;
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new ModelFileException(source + ": ends inside a parameter record (truncated)");
        }
        if (b.remaining() != 0) {
            throw new ModelFileException(source + ": " + b.remaining() + " unexpected bytes after the last parameter");
        }
        for (int i = 0; i < count; i++) {
            System.arraycopy(staged[i], 0, params.get(i).value().data(), 0, staged[i].length);
        }
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
