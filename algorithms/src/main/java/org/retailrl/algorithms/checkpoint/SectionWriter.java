package org.retailrl.algorithms.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Builds the payload of one checkpoint section ({@link CheckpointFormat}): big-endian primitives,
 * length-prefixed strings and arrays. Floats and doubles are written as their raw bits, so every
 * value, NaN payloads included, comes back bit for bit.
 */
final class SectionWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    private interface Body {
        void run() throws IOException;
    }

    private SectionWriter io(Body b) {
        try {
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return this;
    }

    SectionWriter i32(int v) {
        return io(() -> out.writeInt(v));
    }

    SectionWriter i64(long v) {
        return io(() -> out.writeLong(v));
    }

    SectionWriter f64(double v) {
        return io(() -> out.writeLong(Double.doubleToRawLongBits(v)));
    }

    SectionWriter bool(boolean v) {
        return io(() -> out.writeBoolean(v));
    }

    SectionWriter str(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        i32(b.length);
        return io(() -> out.write(b));
    }

    // Arrays are laid out big-endian into one byte array and written in one call: a
    // DataOutputStream call per element (four synchronised byte writes each) made checkpoints
    // about 1% of a training run. The bytes are the same as writeInt / writeLong would give.

    SectionWriter floats(float[] v) {
        i32(v.length);
        byte[] b = new byte[4 * v.length];
        for (int i = 0; i < v.length; i++) {
            putInt(b, 4 * i, Float.floatToRawIntBits(v[i]));
        }
        return io(() -> out.write(b));
    }

    SectionWriter doubles(double[] v) {
        i32(v.length);
        byte[] b = new byte[8 * v.length];
        for (int i = 0; i < v.length; i++) {
            putLong(b, 8 * i, Double.doubleToRawLongBits(v[i]));
        }
        return io(() -> out.write(b));
    }

    SectionWriter longs(long[] v) {
        i32(v.length);
        byte[] b = new byte[8 * v.length];
        for (int i = 0; i < v.length; i++) {
            putLong(b, 8 * i, v[i]);
        }
        return io(() -> out.write(b));
    }

    private static void putInt(byte[] b, int at, int x) {
        b[at] = (byte) (x >>> 24);
        b[at + 1] = (byte) (x >>> 16);
        b[at + 2] = (byte) (x >>> 8);
        b[at + 3] = (byte) x;
    }

    private static void putLong(byte[] b, int at, long x) {
        putInt(b, at, (int) (x >>> 32));
        putInt(b, at + 4, (int) x);
    }

    byte[] toBytes() {
        io(out::flush);
        return bytes.toByteArray();
    }
}
