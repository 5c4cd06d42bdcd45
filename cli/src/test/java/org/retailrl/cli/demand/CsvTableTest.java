package org.retailrl.cli.demand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing, gzip detection and refusals of {@link CsvTable}. */
class CsvTableTest {
    private static CsvTable parse(String text) throws Exception {
        return CsvTable.parse(new BufferedReader(new StringReader(text)), "t.csv");
    }

    @Test
    void quotedHeaderNumbersMissingAndText() throws Exception {
        CsvTable t = parse("\"a\",\"b c\",\"name\"\n1,2.5,\"x, y\"\n,NA,zed\n-3e2,.5,\"x, y\"\n");
        assertEquals(3, t.rows());
        assertEquals(java.util.List.of("a", "b c", "name"), t.names());
        assertArrayEquals(new double[] {1, Double.NaN, -300}, t.numeric("a"));
        assertArrayEquals(new double[] {2.5, Double.NaN, 0.5}, t.numeric("b c"));
        assertTrue(t.isText("name"));
        assertArrayEquals(new String[] {"x, y", "zed"}, t.levels("name"));
        assertArrayEquals(new double[] {0, 1, 0}, t.column("name"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.numeric("name"));
        assertTrue(e.getMessage().contains("'name'") && e.getMessage().contains("not numeric"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.column("nope"));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    }

    @Test
    void aColumnTurnsTextAtItsFirstNonNumberAndKeepsEarlierValuesAsText() throws Exception {
        CsvTable t = parse("k,v\n10,1\n20,2\nabc,3\n");
        assertTrue(t.isText("k"));
        assertArrayEquals(new String[] {"10", "20", "abc"}, t.levels("k"));
        assertFalse(t.isText("v"));
    }

    @Test
    void gzipIsRecognisedByItsMagicBytes(@TempDir Path dir) throws Exception {
        Path p = OjFixture.write(dir, "data.bin", 2, 6, 1, true);
        Path plain = OjFixture.write(dir, "data.csv", 2, 6, 1, false);
        CsvTable a = CsvTable.read(p);
        CsvTable b = CsvTable.read(plain);
        assertEquals(b.rows(), a.rows());
        assertArrayEquals(b.numeric("logmove"), a.numeric("logmove"));
        assertTrue(Files.size(p) < Files.size(plain));
    }

    @Test
    void malformedFilesAreRefusedWithTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("a,b\n1,2\n3\n"));
        assertEquals("t.csv: line 3 has 1 fields, the header has 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("a,a\n1,2\n"));
        assertTrue(e.getMessage().contains("'a' appears twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("a,b\n"));
        assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("a,b\n\"1,2\n"));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("unclosed quote"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse(""));
        assertTrue(e.getMessage().contains("empty file"), e.getMessage());
    }
}
