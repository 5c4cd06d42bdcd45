package org.retailrl.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createsAndReplacesWithoutLeavingTempFiles() throws IOException {
        Path f = dir.resolve("model.bin");
        AtomicFiles.write(f, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(f));
        AtomicFiles.write(f, out -> {
            out.write(9);
            out.write(new byte[] {8, 7, 6}, 1, 2);
            out.close(); // allowed: only flushes
        });
        assertArrayEquals(new byte[] {9, 7, 6}, Files.readAllBytes(f));
        AtomicFiles.writeString(f, "é");
        assertEquals("é", Files.readString(f, StandardCharsets.UTF_8));
        assertEquals(List.of("model.bin"), listing());
    }

    @Test
    void largeContentArrivesIntact() throws IOException {
        Path f = dir.resolve("big.bin");
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >>> 9));
        }
        AtomicFiles.write(f, out -> {
            for (int i = 0; i < data.length; i += 1000) {
                out.write(data, i, Math.min(1000, data.length - i));
            }
        });
        assertArrayEquals(data, Files.readAllBytes(f));
    }

    @Test
    void failureMidWriteKeepsOriginalBytesAndRemovesTempFile() throws IOException {
        Path f = dir.resolve("report.json");
        byte[] original = "{\"old\":true}".getBytes(StandardCharsets.UTF_8);
        Files.write(f, original);
        IOException boom = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(new byte[100_000]); // more than the buffer, so bytes really reach the temp file
            throw boom;
        }));
        assertSame(boom, thrown);
        assertArrayEquals(original, Files.readAllBytes(f));
        assertEquals(List.of("report.json"), listing());
    }

    @Test
    void runtimeExceptionInBodyAlsoCleansUp() throws IOException {
        Path f = dir.resolve("new.txt");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(1);
            throw new UncheckedIOException(new IOException("x"));
        }));
        assertFalse(Files.exists(f));
        assertEquals(List.of(), listing());
    }

    @Test
    void missingDirectoryAndNullArgumentsAreRejected() {
        assertThrows(NoSuchFileException.class, () -> AtomicFiles.write(dir.resolve("no/such/f"), new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> AtomicFiles.write(dir.resolve("f"), (byte[]) null));
        assertThrows(IllegalArgumentException.class, () -> AtomicFiles.write(null, new byte[1]));
    }

    @Test
    void targetThatIsANonEmptyDirectoryFailsAndCleansUp() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Files.write(sub.resolve("keep"), new byte[] {1});
        assertThrows(IOException.class, () -> AtomicFiles.write(sub, new byte[] {2}));
        assertEquals(List.of("sub"), listing());
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(sub.resolve("keep")));
    }
}
