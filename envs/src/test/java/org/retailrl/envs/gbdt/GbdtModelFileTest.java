package org.retailrl.envs.gbdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trip and refusal of damaged files by {@link GbdtModelFile}. */
class GbdtModelFileTest {
    private static GbdtModel model() {
        Dataset d = Synthetic.mixed(1200, 9, true);
        return GbdtTrainer.train(d, GbdtConfig.defaults().toBuilder().objective(Objective.POISSON).numTrees(12).build());
    }

    @Test
    void saveThenLoadIsBitIdentical(@TempDir Path dir) throws Exception {
        GbdtModel m = model();
        Path p = dir.resolve("demand.gbdt");
        GbdtModelFile.save(m, p);
        GbdtModel back = GbdtModelFile.load(p);
        assertArrayEquals(Files.readAllBytes(p), GbdtModelFile.encode(back));
        assertEquals(m.featureNames(), back.featureNames());
        assertEquals(m.objective(), back.objective());
        Dataset d = Synthetic.mixed(300, 10, true);
        for (int r = 0; r < d.rows(); r++) {
            double[] x = Synthetic.row(d, r);
            assertEquals(Double.doubleToRawLongBits(m.predict(x)), Double.doubleToRawLongBits(back.predict(x)));
        }
        assertArrayEquals(m.importanceGain(), back.importanceGain());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void damagedFilesAreRefusedWithAReason() {
        byte[] good = GbdtModelFile.encode(model());
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        assertMessage(flipped, "checksum mismatch");
        assertMessage(Arrays.copyOf(good, good.length - 9), "checksum mismatch");
        assertMessage(Arrays.copyOf(good, 7), "truncated");
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertMessage(magic, "magic");
        byte[] version = good.clone();
        version[4] = 9;
        assertMessage(version, "version 9");
        // Absurd sizes with a valid checksum: the count is refused before anything is allocated.
        assertMessage(withInt(good, 28, 1 << 30), "feature count 1073741824 is not in [1, 1048576]");
        assertMessage(withInt(good, 28, 500_000), "does not fit");
        byte[] obj = withInt(good, 8, 7);
        assertMessage(obj, "objective code 7");
    }

    /** {@code bytes} with the int at {@code at} replaced and the checksum recomputed. */
    private static byte[] withInt(byte[] bytes, int at, int value) {
        byte[] b = bytes.clone();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(at, value);
        CRC32C crc = new CRC32C();
        crc.update(b, 0, b.length - 4);
        buf.putInt(b.length - 4, (int) crc.getValue());
        return b;
    }

    private static void assertMessage(byte[] bytes, String part) {
        GbdtModelFileException e = assertThrows(GbdtModelFileException.class, () -> GbdtModelFile.decode(bytes, "m.gbdt"));
        assertTrue(e.getMessage().startsWith("m.gbdt: ") && e.getMessage().contains(part), e.getMessage());
    }
}
