package org.retailrl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * Policy files crafted by hand, each with a valid checksum: declared sizes beyond the limits or
 * beyond the bytes present, a newer format version, another problem's kind and hostile scenario
 * text are refused with a message naming the source and the field, before anything of the
 * declared size is allocated (a test that allocated would run out of memory instead of passing).
 */
class UntrustedPolicyFileTest {
    private static final String SCENARIO = "{\"prices\": [10, 12], \"maxOrder\": 3, \"leadTime\": 1, \"horizon\": 5}";

    /** An RRPF file of {@code kind} with one actor record of the given sizes and a 16-byte weights image. */
    /** {@code file(...)} with its version field then set to {@code claimed} (checksum recomputed). */
    private static byte[] file(int version, String kind, String scenario, int inputs, int hidden, int layers, int outputs,
                               int claimed) {
        byte[] b = file(version, kind, scenario, inputs, hidden, layers, outputs);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, claimed);
        CRC32C crc = new CRC32C();
        crc.update(b, 0, b.length - 4);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length - 4, (int) crc.getValue());
        return b;
    }

    private static byte[] file(int version, String kind, String scenario, int inputs, int hidden, int layers, int outputs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'R', 'R', 'P', 'F'});
        out.writeBytes(le(4).putInt(version).array());
        if (version >= 2) {
            string(out, "{\"libraryVersion\": \"9.0.0\"}");
        }
        string(out, kind);
        string(out, scenario);
        if (version >= 2) {
            CRC32C header = new CRC32C();
            header.update(out.toByteArray());
            out.writeBytes(le(4).putInt((int) header.getValue()).array());
        }
        out.writeBytes(le(4).putInt(1).array());
        string(out, "actor");
        out.writeBytes(le(16).putInt(inputs).putInt(hidden).putInt(layers).putInt(outputs).array());
        out.writeBytes(le(4).putInt(16).array());
        out.writeBytes(new byte[16]);
        CRC32C crc = new CRC32C();
        crc.update(out.toByteArray());
        out.writeBytes(le(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(le(4).putInt(u.length).array());
        out.writeBytes(u);
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String refusal(byte[] bytes) {
        return assertThrows(PolicyFormatException.class, () -> PricingPolicy.fromBytes(bytes, "f.rrpf")).getMessage();
    }

    @Test
    void hugeOrUnbackedSizesAreRefusedBeforeAllocation() {
        // ppo-joint on the scenario: inputs 6 + 1 + 1 = 8, outputs 2 × 4 = 8.
        assertEquals("f.rrpf: actor 0 gruLayers must be in [1, 16], got 1000000",
                refusal(file(1, "ppo-joint", SCENARIO, 8, 64, 1_000_000, 8)));
        assertEquals("f.rrpf: actor 0 hidden must be in [1, 4096], got 8000",
                refusal(file(1, "ppo-joint", SCENARIO, 8, 8000, 2, 8)));
        String unbacked = refusal(file(1, "ppo-joint", SCENARIO, 8, 4096, 16, 8));
        assertTrue(unbacked.startsWith("f.rrpf: actor 0 declares ") && unbacked.endsWith("but its weights image has 16 bytes"),
                unbacked);
        assertEquals("f.rrpf: actor 0 outputs must be 8 for kind 'ppo-joint' on the scenario, got 9",
                refusal(file(1, "ppo-joint", SCENARIO, 8, 64, 2, 9)));
    }

    @Test
    void newerVersionsOtherProblemsAndHostileScenariosAreRefusedNamingTheField() {
        assertEquals("f.rrpf: policy file format version 3 (written by retailrl 9.0.0) is newer than this runtime reads "
                + "(1 to 2); upgrade retailrl-runtime to the version that wrote it or newer",
                refusal(file(3, "fsda", SCENARIO, 8, 8, 2, 2)));
        // The same refusal when the newer file's metadata is not even JSON this runtime understands.
        assertEquals("f.rrpf: policy file format version 7 is newer than this runtime reads (1 to 2); upgrade "
                + "retailrl-runtime to the version that wrote it or newer", refusal(file(1, "fsda", SCENARIO, 8, 8, 2, 2,
                7)));
        assertEquals("f.rrpf: holds a 'mtma' policy of another problem; the runtime serves pricing policies (fsda, "
                + "ppo-joint)", refusal(file(1, "mtma", SCENARIO, 8, 8, 2, 2)));
        assertEquals("f.rrpf: scenario.maxOrder must be an integer in [0, 1000000], got 1.0E9",
                refusal(file(1, "fsda", SCENARIO.replace("\"maxOrder\": 3", "\"maxOrder\": 1e9"), 8, 8, 2, 2)));
        String deep = "[".repeat(100_000);
        assertTrue(refusal(file(1, "fsda", deep, 8, 8, 2, 2)).startsWith("f.rrpf: bad scenario: JSON at offset 64: nested "
                + "deeper than 64 levels"));
        assertEquals("f.rrpf: truncated (3 bytes, a policy file has at least 16)", refusal(new byte[] {1, 2, 3}));
    }
}
