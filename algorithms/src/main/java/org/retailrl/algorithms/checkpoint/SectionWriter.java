package org.retailrl.algorithms.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

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

    // Arrays are laid out in one big-endian buffer (the layout SectionReader reads back) and written
    // in one call: a DataOutputStream call per element (four synchronised byte writes each) made
    // checkpoints about 1% of a training run. The bytes are those writeInt / writeLong would give.

    SectionWriter floats(float[] v) {
        i32(v.length);
        ByteBuffer b = ByteBuffer.allocate(4 * v.length);
        for (float x : v) {
            b.putInt(Float.floatToRawIntBits(x));
        }
        return io(() -> out.write(b.array()));
    }

    SectionWriter doubles(double[] v) {
        i32(v.length);
        ByteBuffer b = ByteBuffer.allocate(8 * v.length);
        for (double x : v) {
            b.putLong(Double.doubleToRawLongBits(x));
        }
        return io(() -> out.write(b.array()));
    }

    SectionWriter longs(long[] v) {
        i32(v.length);
        ByteBuffer b = ByteBuffer.allocate(8 * v.length);
        for (long x : v) {
            b.putLong(x);
        }
        return io(() -> out.write(b.array()));
    }

    byte[] toBytes() {
        io(out::flush);
        return bytes.toByteArray();
    }
}
