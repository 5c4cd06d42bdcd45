package org.retailrl.algorithms.checkpoint;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the payload of one checkpoint section written by {@link SectionWriter}. Every failure —
 * the payload ends early, a length is negative or larger than what is left, bytes are left over —
 * is a {@link CheckpointException} naming the file and the section.
 */
final class SectionReader {
    private final ByteBuffer b;
    private final String where;

    SectionReader(byte[] payload, String source, String section) {
        this.b = ByteBuffer.wrap(payload);
        this.where = source + ": section '" + section + "'";
    }

    CheckpointException error(String what) {
        return new CheckpointException(where + ": " + what);
    }

    int i32() throws CheckpointException {
        try {
            return b.getInt();
        } catch (BufferUnderflowException e) {
            throw error("ends early (truncated)");
        }
    }

    long i64() throws CheckpointException {
        try {
            return b.getLong();
        } catch (BufferUnderflowException e) {
            throw error("ends early (truncated)");
        }
    }

    double f64() throws CheckpointException {
        return Double.longBitsToDouble(i64());
    }

    boolean bool() throws CheckpointException {
        try {
            byte v = b.get();
            if (v != 0 && v != 1) {
                throw error("bad boolean byte " + v);
            }
            return v == 1;
        } catch (BufferUnderflowException e) {
            throw error("ends early (truncated)");
        }
    }

    /** A length prefix that must fit in what remains at {@code bytesEach} bytes per element. */
    int length(int bytesEach) throws CheckpointException {
        int n = i32();
        if (n < 0 || (long) n * bytesEach > b.remaining()) {
            throw error("bad length " + n + " (" + b.remaining() + " bytes remain)");
        }
        return n;
    }

    String str() throws CheckpointException {
        byte[] s = new byte[length(1)];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    float[] floats() throws CheckpointException {
        float[] v = new float[length(4)];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.intBitsToFloat(b.getInt());
        }
        return v;
    }

    double[] doubles() throws CheckpointException {
        double[] v = new double[length(8)];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.longBitsToDouble(b.getLong());
        }
        return v;
    }

    long[] longs() throws CheckpointException {
        long[] v = new long[length(8)];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getLong();
        }
        return v;
    }

    /** Throws unless the whole payload was read. */
    void end() throws CheckpointException {
        if (b.remaining() != 0) {
            throw error(b.remaining() + " unexpected bytes at its end");
        }
    }
}
