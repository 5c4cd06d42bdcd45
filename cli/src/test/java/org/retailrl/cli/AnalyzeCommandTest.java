package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retail analyze single-period}: output lines, the SVG file, and bad options. */
class AnalyzeCommandTest {

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void printsOptimumSaAndWritesSvg(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("sub/surface.svg");
        String[] r = run("analyze", "single-period", "--iterations", "2000", "--samples", "2000",
                "--mse-replications", "0", "--svg", svg.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("optimum  p* = 80.000000  y* = 6"), r[1]);
        assertTrue(r[1].contains("SA PRICE_FAST") && r[1].contains("SA STOCK_FAST"), r[1]);
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<svg") && text.trim().endsWith("</svg>"));
        assertTrue(text.contains("<polyline"));
        try (var files = Files.list(svg.getParent())) {
            assertEquals(1, files.count(), "temporary file left behind");
        }
    }

    @Test
    void rejectsBadOptions() {
        assertEquals("2", run("analyze", "single-period", "--beta1", "x")[0]);
        assertEquals("2", run("analyze", "multi-period")[0]);
        String[] r = run("analyze", "single-period", "--fast-exp", "0.4", "--iterations", "10", "--mse-replications", "0");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("fastExp"), r[2]);
        assertEquals("2", run("analyze", "single-period", "--ordering", "sideways")[0]);
    }
}
