package org.retailrl.algorithms.lmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.fuzz.Untrusted;
import org.retailrl.core.json.JsonArray;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonString;
import org.retailrl.core.random.Rng;

/**
 * Damaged and hostile trajectory datasets ("RLMD") against {@link TrajectoryDataset}'s reader:
 * random truncations, bit flips with and without recomputed checksums (the metadata's and every
 * chunk's), and huge values written into every size field. Each case loads or is refused with an
 * {@link IOException} naming the source, within a second, allocating at most a small multiple of
 * the file ({@link Untrusted}).
 */
class TrajectoryDatasetFuzzProperties {
    private static final byte[] FILE;
    /** Offsets of every int32 size field; checksummed ranges {from, to, at}. */
    private static final List<Integer> SIZES = new ArrayList<>();
    private static final List<int[]> SUMS = new ArrayList<>();

    static {
        int episodes = 3;
        int t = TaskFamily.HORIZON;
        Rng rng = new Rng(6);
        float[] states = new float[episodes * t * TaskFamily.STATE_SIZE];
        for (int i = 0; i < states.length; i++) {
            states[i] = (float) rng.uniform(-3, 3);
        }
        byte[] price = new byte[episodes * t];
        byte[] order = new byte[episodes * t];
        float[] reward = new float[episodes * t];
        for (int i = 0; i < price.length; i++) {
            price[i] = (byte) rng.nextInt(TaskFamily.PRICES);
            order[i] = (byte) rng.nextInt(TaskFamily.ORDERS);
            reward[i] = (float) rng.uniform(-100, 300);
        }
        JsonObject meta = JsonObject.builder().put("seed", 6).put("policies", JsonArray.of(new JsonString("random"),
                new JsonString("base-stock"))).build();
        try {
            FILE = bytes(new TrajectoryDataset(meta, new int[] {0, 1, 2}, new int[] {0, 1, 0}, states, price, order, reward));
            TrajectoryDataset.decode(FILE, "warm-up");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer b = ByteBuffer.wrap(FILE);
        for (int at : new int[] {4, 8, 12, 16}) {
            SIZES.add(at);
        }
        int ml = b.getInt(16);
        SUMS.add(new int[] {20, 20 + ml, 20 + ml});
        int at = 20 + ml + 4;
        SIZES.add(at);
        int chunks = b.getInt(at);
        at += 4;
        for (int c = 0; c < chunks; c++) {
            SIZES.add(at);
            SIZES.add(at + 4);
            int len = b.getInt(at + 4);
            SUMS.add(new int[] {at + 8, at + 8 + len, at + 8 + len});
            at += 8 + len + 4;
        }
    }

    private static byte[] bytes(TrajectoryDataset d) throws IOException {
        Path f = Files.createTempFile("fuzz", ".rlmd");
        try {
            d.write(f);
            return Files.readAllBytes(f);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    private static boolean check(String what, byte[] bytes) throws Exception {
        Untrusted.Outcome<TrajectoryDataset> o = Untrusted.attempt(what, bytes, b -> TrajectoryDataset.decode(b, "d"),
                List.of(IOException.class));
        if (o.refusal() != null && !o.refusal().getMessage().startsWith("d: ")) {
            throw new AssertionError(what + ": the message does not name the source: " + o.refusal().getMessage());
        }
        if (o.loaded()) {
            // What loaded is a consistent dataset: written again and read back, it is the same.
            byte[] again = bytes(o.value());
            assertArrayEquals(again, bytes(TrajectoryDataset.decode(again, "again")), what);
        }
        return o.loaded();
    }

    private static byte[] resum(byte[] b) {
        for (int[] s : SUMS) {
            Untrusted.crc(b, s[0], s[1], s[2], ByteOrder.BIG_ENDIAN);
        }
        return b;
    }

    @Property(tries = 40)
    void truncatedDatasetsAreRefused(@ForAll @IntRange(min = 0, max = 1_000_000) int cut) throws Exception {
        int n = cut % FILE.length;
        assertFalse(check("cut to " + n + " bytes", Untrusted.truncate(FILE, n)));
    }

    @Property(tries = 60)
    void aFlippedBitIsRefusedUnlessTheChecksumsAreRecomputed(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int bit,
                                                             @ForAll boolean recompute) throws Exception {
        // Half the flips land in the header and metadata, where the structure is.
        int headerBits = 8 * (SUMS.get(0)[2] + 8);
        int at = bit % 2 == 0 ? (bit >>> 1) % headerBits : (bit >>> 1) % (8 * FILE.length);
        // Only the chunk count is outside every checksum, and a changed count cannot load.
        Untrusted.flipped(FILE, at, recompute, TrajectoryDatasetFuzzProperties::resum,
                TrajectoryDatasetFuzzProperties::check);
    }

    /** Every size field, each set to every hostile value (exhaustive, not sampled). */
    @Test
    void hugeSizesAreRefusedWithoutAllocatingThem() throws Exception {
        for (int at : SIZES) {
            for (int huge : Untrusted.HUGE) {
                byte[] b = FILE.clone();
                ByteBuffer.wrap(b).putInt(at, huge);
                assertFalse(check("size field at " + at + " = " + huge, resum(b)));
            }
        }
    }
}
