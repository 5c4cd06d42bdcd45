package org.retailrl.algorithms.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;

/**
 * The checkpoint section format (docs/model.md §8.12): arrays written by {@link SectionWriter} are
 * the bytes of {@link DataOutputStream}'s big-endian {@code writeInt} / {@code writeLong} of each
 * element's raw bits (so files written before and after the arrays were laid out in one call are
 * the same), and {@link SectionReader} gives every value back bit for bit, NaN payloads included.
 */
class SectionWriterTest {
    @Test
    void arraysAreDataOutputStreamBytesAndComeBackBitForBit() throws Exception {
        Rng gen = new Rng(11);
        float[] f = {0f, -0f, 1f, Float.NaN, Float.intBitsToFloat(0x7fa0_0001), Float.intBitsToFloat(0xffc0_1234),
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE, (float) gen.normal(),
            (float) gen.normal()};
        double[] d = {0, -0.0, Double.NaN, Double.longBitsToDouble(0x7ff0_0000_0000_0001L),
            Double.longBitsToDouble(0xfff8_dead_beef_0001L), Double.MIN_VALUE, -Double.MAX_VALUE, gen.normal()};
        long[] l = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, gen.nextLong(), gen.nextLong()};

        byte[] written = new SectionWriter().floats(f).doubles(d).longs(l).floats(new float[0]).toBytes();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        writeReference(out, f, d, l);
        out.flush();
        assertArrayEquals(bytes.toByteArray(), written);

        SectionReader in = new SectionReader(written, "test", "arrays");
        float[] f2 = in.floats();
        double[] d2 = in.doubles();
        long[] l2 = in.longs();
        assertEquals(0, in.floats().length);
        assertEquals(f.length, f2.length);
        for (int i = 0; i < f.length; i++) {
            assertEquals(Float.floatToRawIntBits(f[i]), Float.floatToRawIntBits(f2[i]), "float " + i);
        }
        for (int i = 0; i < d.length; i++) {
            assertEquals(Double.doubleToRawLongBits(d[i]), Double.doubleToRawLongBits(d2[i]), "double " + i);
        }
        assertArrayEquals(l, l2);
    }

    private static void writeReference(DataOutputStream out, float[] f, double[] d, long[] l) throws IOException {
        out.writeInt(f.length);
        for (float x : f) {
            out.writeInt(Float.floatToRawIntBits(x));
        }
        out.writeInt(d.length);
        for (double x : d) {
            out.writeLong(Double.doubleToRawLongBits(x));
        }
        out.writeInt(l.length);
        for (long x : l) {
            out.writeLong(x);
        }
        out.writeInt(0);
    }
}
