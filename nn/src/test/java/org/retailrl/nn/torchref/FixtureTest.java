package org.retailrl.nn.torchref;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The RRTF reader on a real fixture and on damaged copies of it. */
class FixtureTest {
    private static byte[] linearBytes() throws IOException {
        try (InputStream in = FixtureTest.class.getResourceAsStream("linear.rrtf")) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsEntriesWithTheirTypesAndShapes() throws IOException {
        Fixture f = Fixture.decode(linearBytes(), "linear.rrtf");
        assertEquals("linear", f.text("case"));
        assertTrue(f.text("generator").contains("torch "), f.text("generator"));
        int[] ws = f.shape("lin.weight");
        assertEquals(2, ws.length);
        assertEquals(ws[0] * ws[1], f.f32("lin.weight").length);
        assertArrayEquals(f.f32("x"), f.tensor("x").data());
        String wrongType = assertThrows(IllegalArgumentException.class, () -> f.f64("x")).getMessage();
        assertTrue(wrongType.contains("'x' is float32, expected float64"), wrongType);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> f.f32("nope")).getMessage().contains("no entry 'nope'"));
    }

    @Test
    void refusesDamagedFiles() throws IOException {
        byte[] good = linearBytes();
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 1;
        assertTrue(message(flipped).contains("checksum mismatch"), message(flipped));
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertTrue(message(magic).contains("not an RRTF fixture"), message(magic));
        byte[] version = good.clone();
        version[4] = 9;
        assertTrue(message(version).contains("format version 9"), message(version));
        assertTrue(message(Arrays.copyOf(good, 10)).contains("not an RRTF fixture"));
    }

    private static String message(byte[] bytes) {
        return assertThrows(IllegalArgumentException.class, () -> Fixture.decode(bytes, "x.rrtf")).getMessage();
    }
}
