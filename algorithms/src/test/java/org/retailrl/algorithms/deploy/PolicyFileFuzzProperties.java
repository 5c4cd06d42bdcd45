package org.retailrl.algorithms.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.fuzz.Untrusted;
import org.retailrl.algorithms.rl.LearnerConfigJson;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.nn.ModelFileException;
import org.retailrl.nn.RecurrentNet;
import org.retailrl.runtime.PolicyFormatException;
import org.retailrl.runtime.PolicyMetadata;
import org.retailrl.runtime.PricingPolicy;

/**
 * Damaged and hostile policy files (formats 2 and 1) against both readers — the engine's
 * {@link PolicyFile} and the runtime's {@link PricingPolicy} and {@link PolicyMetadata}: random
 * truncations, bit flips with and without recomputed checksums (the header's, the file's and
 * every weights image's), and huge values written into every size field. Each case loads or is
 * refused with the reader's own exception, within a second, allocating at most a small multiple
 * of the file ({@link Untrusted}); damage that a checksum covers is always refused.
 */
class PolicyFileFuzzProperties {
    private static final PricingScenario S = PricingScenario.named("b").toBuilder().horizon(12).build();
    private static final byte[] V2;
    private static final byte[] V1;
    /** Offsets of every int32 size field, and the checksummed ranges {from, to, at}, per format. */
    private static final Layout L2;
    private static final Layout L1;

    static {
        int d = 6 + S.leadTime() + 1;
        Rng rng = new Rng(8);
        List<RecurrentNet> actors = List.of(RecurrentNet.actor("pricing", d, 8, 2, S.priceCount(), rng),
                RecurrentNet.actor("ordering", d, 8, 1, S.maxOrder() + 1, rng));
        V2 = PolicyFile.encode(S, PolicyFile.FSDA, actors, new PolicyFile.Provenance(Instant.parse(
                "2026-12-01T00:00:00Z"), 3L, LearnerConfigJson.toJson(Presets.FSDA), "b", null));
        V1 = PolicyFileTest.toVersion1(V2);
        L2 = Layout.of(V2);
        L1 = Layout.of(V1);
        // Class loading and static set-up on the first read allocate once; the cases measure the readers themselves.
        try {
            PolicyFile.decode(V2, "warm-up");
            PricingPolicy p = PricingPolicy.fromBytes(V2, "warm-up");
            p.decide(p.newSession(), new float[p.observationSize()], 0);
            PolicyMetadata.read(new java.io.ByteArrayInputStream(V1), "warm-up", V1.length);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Layout(List<Integer> sizes, List<int[]> checksums) {
        static Layout of(byte[] f) {
            ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
            List<Integer> sizes = new ArrayList<>();
            List<int[]> sums = new ArrayList<>();
            int version = b.getInt(4);
            b.position(8);
            for (int k = 0; k < (version >= 2 ? 3 : 2); k++) {
                sizes.add(b.position());
                b.position(b.position() + 4 + b.getInt(b.position()));
            }
            if (version >= 2) {
                sums.add(new int[] {0, b.position(), b.position()});
                b.position(b.position() + 4);
            }
            sizes.add(b.position());
            int actors = b.getInt();
            for (int a = 0; a < actors; a++) {
                sizes.add(b.position());
                b.position(b.position() + 4 + b.getInt(b.position()));
                for (int k = 0; k < 5; k++) {
                    sizes.add(b.position());
                    b.getInt();
                }
                int start = b.position();
                int len = b.getInt(start - 4);
                ByteBuffer m = ByteBuffer.wrap(f, start, len).order(ByteOrder.LITTLE_ENDIAN);
                m.position(start + 8);
                sizes.add(m.position());
                int params = m.getInt();
                for (int p = 0; p < params; p++) {
                    sizes.add(m.position());
                    m.position(m.position() + 4 + m.getInt(m.position()));
                    sizes.add(m.position());
                    int rank = m.getInt();
                    long n = 1;
                    for (int r = 0; r < rank; r++) {
                        sizes.add(m.position());
                        n *= m.getInt();
                    }
                    m.position(m.position() + (int) (4 * n));
                }
                sums.add(new int[] {start, start + len - 4, start + len - 4});
                b.position(start + len);
            }
            sums.add(new int[] {0, f.length - 4, f.length - 4});
            return new Layout(sizes, sums);
        }

        byte[] resum(byte[] damaged) {
            for (int[] s : checksums) {
                Untrusted.crc(damaged, s[0], s[1], s[2], ByteOrder.LITTLE_ENDIAN);
            }
            return damaged;
        }
    }

    /** Both readers, and the header reader; each loads or refuses with its own exception. */
    private static boolean check(String what, byte[] bytes) throws Exception {
        Untrusted.Outcome<PolicyFile.Contents> engine = Untrusted.attempt(what + " (engine)", bytes,
                b -> PolicyFile.decode(b, "f"), List.of(ModelFileException.class));
        Untrusted.Outcome<PricingPolicy> runtime = Untrusted.attempt(what + " (runtime)", bytes,
                b -> PricingPolicy.fromBytes(b, "f"), List.of(PolicyFormatException.class, IllegalArgumentException.class));
        Untrusted.attempt(what + " (header)", bytes, b -> PolicyMetadata.read(new java.io.ByteArrayInputStream(b), "f",
                Math.max(1, b.length)), List.of(PolicyFormatException.class));
        if (runtime.loaded()) {
            // The loaded policy works: a decision on a plain observation at period 0.
            PricingPolicy p = runtime.value();
            p.decide(p.newSession(), new float[p.observationSize()], 0);
        }
        if (engine.loaded()) {
            // What the engine loaded is a consistent policy: re-encoded and read again, it is the same.
            PolicyFile.Contents c = engine.value();
            byte[] again = PolicyFile.encode(c.scenario(), c.kind(), c.actors());
            assertArrayEquals(again, PolicyFile.encode(PolicyFile.decode(again, "again").scenario(), c.kind(),
                    PolicyFile.decode(again, "again").actors()), what);
        }
        return engine.loaded() || runtime.loaded();
    }

    @Property(tries = 60)
    void truncatedFilesAreRefused(@ForAll @IntRange(min = 0, max = 1) int format, @ForAll @IntRange(min = 0, max = 100_000) int cut) throws Exception {
        byte[] f = format == 0 ? V2 : V1;
        int n = cut % f.length;
        assertFalse(check("format " + (2 - format) + " cut to " + n + " bytes", Untrusted.truncate(f, n)));
    }

    @Property(tries = 80)
    void aFlippedBitIsRefusedUnlessTheChecksumsAreRecomputed(@ForAll @IntRange(min = 0, max = 1) int format,
                                                              @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int bit,
                                                              @ForAll boolean recompute) throws Exception {
        byte[] f = format == 0 ? V2 : V1;
        String name = "format " + (2 - format) + " ";
        Untrusted.flipped(f, bit % (8 * f.length), recompute, (format == 0 ? L2 : L1)::resum,
                (what, bytes) -> check(name + what, bytes));
    }

    /** Every size field of both formats, each set to every hostile value (exhaustive, not sampled). */
    @Test
    void hugeSizesAreRefusedWithoutAllocatingThem() throws Exception {
        for (int format = 0; format < 2; format++) {
            Layout layout = format == 0 ? L2 : L1;
            for (int at : layout.sizes()) {
                for (int huge : Untrusted.HUGE) {
                    byte[] f = (format == 0 ? V2 : V1).clone();
                    ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putInt(at, huge);
                    assertFalse(check("format " + (2 - format) + " size field at " + at + " = " + huge, layout.resum(f)));
                }
            }
        }
    }
}
