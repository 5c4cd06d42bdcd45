package org.retailrl.algorithms.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.fuzz.Untrusted;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * Damaged and hostile checkpoints ("RRLC") against {@link TrainingCheckpoint}'s reader: random
 * truncations, bit flips with and without a recomputed checksum, and huge values written into the
 * container's size fields and the length prefixes that open each section. Each case loads or is
 * refused with a {@link CheckpointException}, within a second, allocating at most a small multiple
 * of the file ({@link Untrusted}).
 */
class CheckpointFuzzProperties {
    private static final byte[] FILE;
    /** {offset, width in bytes} of every size field of the container and the first field of each section. */
    private static final List<int[]> SIZES = new ArrayList<>();
    /** The section each entry of {@link #SIZES} belongs to, for messages. */
    private static final List<String> WHERE = new ArrayList<>();

    static {
        PricingScenario s = PricingScenario.named("b").toBuilder().horizon(6).build();
        RunSpec spec = new RunSpec(Algorithm.FSDA, s, 2, 4, 2, Presets.FSDA.withSizes(8, 1, 1, 6));
        try (ResumableTrainer t = ResumableTrainer.start(spec)) {
            t.episode();
            FILE = t.checkpoint(Map.of("checkpointEvery", "1", "models", ".")).encode();
        }
        ByteBuffer b = ByteBuffer.wrap(FILE);
        SIZES.add(new int[] {8, 4});
        WHERE.add("section count");
        b.position(8);
        int count = b.getInt();
        for (int k = 0; k < count; k++) {
            SIZES.add(new int[] {b.position(), 2});
            int name = Short.toUnsignedInt(b.getShort());
            String section = new String(FILE, b.position(), name, java.nio.charset.StandardCharsets.UTF_8);
            WHERE.add("name length of section '" + section + "'");
            b.position(b.position() + name);
            SIZES.add(new int[] {b.position(), 8});
            WHERE.add("payload length of section '" + section + "'");
            long size = b.getLong();
            if (size >= 4) {
                SIZES.add(new int[] {b.position(), 4});
                WHERE.add("first field of section '" + section + "'");
            }
            b.position(b.position() + (int) size);
        }
        // Class loading and static set-up on the first read allocate once; the cases measure the reader itself.
        try {
            read(FILE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TrainingCheckpoint read(byte[] b) throws Exception {
        return TrainingCheckpoint.decode(CheckpointFormat.decode(b, "c"), "c");
    }

    private static boolean check(String what, byte[] bytes) throws Exception {
        Untrusted.Outcome<TrainingCheckpoint> o = Untrusted.attempt(what, bytes, CheckpointFuzzProperties::read,
                List.of(CheckpointException.class));
        if (o.loaded()) {
            // What loaded is a consistent checkpoint: written again and read back, it is the same.
            byte[] again = o.value().encode();
            assertArrayEquals(again, read(again).encode(), what);
        }
        return o.loaded();
    }

    private static byte[] resum(byte[] b) {
        Untrusted.crc(b, 0, b.length - 4, b.length - 4, ByteOrder.BIG_ENDIAN);
        return b;
    }

    @Property(tries = 40)
    void truncatedCheckpointsAreRefused(@ForAll @IntRange(min = 0, max = 1_000_000) int cut) throws Exception {
        int n = cut % FILE.length;
        assertFalse(check("cut to " + n + " bytes", Untrusted.truncate(FILE, n)));
    }

    @Property(tries = 60)
    void aFlippedBitIsRefusedUnlessTheChecksumIsRecomputed(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int bit,
                                                           @ForAll boolean recompute) throws Exception {
        Untrusted.flipped(FILE, bit % (8 * FILE.length), recompute, CheckpointFuzzProperties::resum,
                CheckpointFuzzProperties::check);
    }

    /** Every size field, each set to every hostile value (exhaustive, not sampled). */
    @Test
    void hugeSizesAreRefusedWithoutAllocatingThem() throws Exception {
        for (int k = 0; k < SIZES.size(); k++) {
            int[] f = SIZES.get(k);
            for (int huge : Untrusted.HUGE) {
                byte[] b = FILE.clone();
                ByteBuffer w = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
                if (f[1] == 2) {
                    w.putShort(f[0], (short) huge);
                } else if (f[1] == 8) {
                    w.putLong(f[0], huge < 0 ? huge : (long) huge << 8);
                } else {
                    w.putInt(f[0], huge);
                }
                check(WHERE.get(k) + " (offset " + f[0] + ") = " + huge, resum(b));
            }
        }
    }
}
