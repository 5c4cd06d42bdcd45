package org.retailrl.nn.torchref;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.retailrl.core.Tensor;
import org.retailrl.nn.Parameter;

/**
 * One PyTorch reference case (docs/model.md §8 networks, losses and optimisers) read from an RRTF file
 * written by {@code scripts/torch-reference/generate.py}: named float32, float64, int32 and text
 * arrays with shapes. The format (version 1, little-endian) is:
 * <pre>
 *   offset  size  field
 *   0       4     magic, the ASCII bytes "RRTF"
 *   4       4     int32 format version (= 1)
 *   8       4     int32 entry count E
 *   then E entries:
 *           4     int32 name length L in bytes
 *           L     name, UTF-8
 *           4     int32 dtype: 1 float32, 2 float64, 3 int32, 4 UTF-8 text
 *           4     int32 rank R
 *           4·R   int32 dimensions (text: R = 1, the byte length)
 *           …     values, row-major (4 bytes each, 8 for float64, 1 for text)
 *   end     4     uint32 CRC-32 (zlib's, {@link CRC32}) of every preceding byte
 * </pre>
 * docs/torch-reference.md describes how the files are made. Every accessor checks the entry's
 * type, so a regenerated fixture that no longer fits its test fails with the entry's name.
 */
public final class Fixture {
    /** The four magic bytes. */
    public static final byte[] MAGIC = {'R', 'R', 'T', 'F'};
    /** The format version read. */
    public static final int VERSION = 1;
    private static final int F32 = 1;
    private static final int F64 = 2;
    private static final int I32 = 3;
    private static final int TEXT = 4;
    private static final List<String> TYPE_NAMES = List.of("?", "float32", "float64", "int32", "text");

    private record Entry(int dtype, int[] shape, Object data) {
    }

    private final String source;
    private final Map<String, Entry> entries;

    private Fixture(String source, Map<String, Entry> entries) {
        this.source = source;
        this.entries = entries;
    }

    /** Loads the resource {@code name} that lies beside {@code anchor}'s class file. */
    public static Fixture load(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("fixture " + name + " not found beside " + anchor.getName()
                        + " (regenerate with scripts/torch-reference/generate.py)");
            }
            return decode(in.readAllBytes(), name);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }

    /** Decodes an RRTF image; {@code source} names it in error messages. */
    public static Fixture decode(byte[] bytes, String source) {
        if (bytes.length < 16 || !Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC)) {
            throw new IllegalArgumentException(source + ": not an RRTF fixture (magic \"RRTF\" and at least 16 bytes needed)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int version = b.getInt(4);
        if (version != VERSION) {
            throw new IllegalArgumentException(source + ": format version " + version + " is not supported (expected " + VERSION + ")");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        if (b.getInt(bytes.length - 4) != (int) crc.getValue()) {
            throw new IllegalArgumentException(source + ": checksum mismatch (file truncated or corrupted)");
        }
        b.position(8).limit(bytes.length - 4);
        Map<String, Entry> entries = new LinkedHashMap<>();
        int count = b.getInt();
        try {
            for (int i = 0; i < count; i++) {
                int len = b.getInt();
                if (len < 1 || len > b.remaining()) {
                    throw new IllegalArgumentException(source + ": entry " + i + " has a bad name length " + len);
                }
                byte[] nb = new byte[len];
                b.get(nb);
                String name = new String(nb, StandardCharsets.UTF_8);
                int dtype = b.getInt();
                int rank = b.getInt();
                if (dtype < F32 || dtype > TEXT || rank < 0 || rank > 8) {
                    throw new IllegalArgumentException(source + ": entry '" + name + "' has dtype " + dtype
                            + " (must be 1..4) and rank " + rank + " (must be 0..8)");
                }
                int[] shape = new int[rank];
                long n = 1;
                for (int d = 0; d < rank; d++) {
                    shape[d] = b.getInt();
                    if (shape[d] < 0) {
                        throw new IllegalArgumentException(source + ": entry '" + name + "' has a negative dimension");
                    }
                    n *= shape[d];
                }
                int size = Math.toIntExact(n);
                Object data = switch (dtype) {
                    case F32 -> {
                        float[] v = new float[size];
                        b.asFloatBuffer().get(v);
                        b.position(b.position() + 4 * size);
                        yield v;
                    }
                    case F64 -> {
                        double[] v = new double[size];
                        b.asDoubleBuffer().get(v);
                        b.position(b.position() + 8 * size);
                        yield v;
                    }
                    case I32 -> {
                        int[] v = new int[size];
                        b.asIntBuffer().get(v);
                        b.position(b.position() + 4 * size);
                        yield v;
                    }
                    default -> {
                        byte[] v = new byte[size];
                        b.get(v);
                        yield new String(v, StandardCharsets.UTF_8);
                    }
                };
                if (entries.put(name, new Entry(dtype, shape, data)) != null) {
                    throw new IllegalArgumentException(source + ": entry '" + name + "' appears twice");
                }
            }
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException(source + ": ends inside an entry (truncated)");
        }
        if (b.remaining() != 0) {
            throw new IllegalArgumentException(source + ": " + b.remaining() + " unexpected bytes after the last entry");
        }
        return new Fixture(source, entries);
    }

    private Entry entry(String name, int dtype) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException(source + ": no entry '" + name + "'");
        }
        if (e.dtype != dtype) {
            throw new IllegalArgumentException(source + ": entry '" + name + "' is " + TYPE_NAMES.get(e.dtype)
                    + ", expected " + TYPE_NAMES.get(dtype));
        }
        return e;
    }

    /** Whether the fixture holds an entry {@code name}. */
    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** The shape of entry {@code name}. */
    public int[] shape(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException(source + ": no entry '" + name + "'");
        }
        return e.shape.clone();
    }

    /** A copy of the float32 entry {@code name}. */
    public float[] f32(String name) {
        return ((float[]) entry(name, F32).data).clone();
    }

    /** The float32 entry {@code name} as a new tensor of its shape. */
    public Tensor tensor(String name) {
        Entry e = entry(name, F32);
        return Tensor.of(((float[]) e.data).clone(), e.shape.clone());
    }

    /** A copy of the float64 entry {@code name}. */
    public double[] f64(String name) {
        return ((double[]) entry(name, F64).data).clone();
    }

    /** The float64 scalar (rank 0) {@code name}. */
    public double scalar(String name) {
        Entry e = entry(name, F64);
        if (e.shape.length != 0) {
            throw new IllegalArgumentException(source + ": entry '" + name + "' has rank " + e.shape.length + ", expected a scalar");
        }
        return ((double[]) e.data)[0];
    }

    /** A copy of the int32 entry {@code name}. */
    public int[] i32(String name) {
        return ((int[]) entry(name, I32).data).clone();
    }

    /** The text entry {@code name}. */
    public String text(String name) {
        return (String) entry(name, TEXT).data;
    }

    /**
     * Copies the entries named like the parameters (e.g. {@code "gru.0.weight_ih"}) into their
     * values, checking every shape first.
     */
    public void setParameters(List<Parameter> params) {
        for (Parameter p : params) {
            if (!Arrays.equals(shape(p.name()), p.value().shape())) {
                throw new IllegalArgumentException(source + ": entry '" + p.name() + "' has shape "
                        + Arrays.toString(shape(p.name())) + ", the parameter " + Arrays.toString(p.value().shape()));
            }
        }
        for (Parameter p : params) {
            p.value().copyFrom(tensor(p.name()));
        }
    }
}
