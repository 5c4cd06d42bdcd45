package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The GEMM's two register tiles (12 rows where the CPU has 32 vector registers, 6 where it has
 * 16; docs/model.md §8.12) give the same bits: child JVMs forced to each tile, at the preferred
 * width and at 256 bits, print the hash of many GEMM results ({@link GemmTileProbe}), which must
 * agree per width. An invalid tile height stops the program with a message naming the property.
 */
class GemmTileTest {
    private static final String MODULE = "--add-modules=jdk.incubator.vector";
    private static final String ROWS = "-D" + PanamaSimd.ROWS_PROPERTY + "=";
    private static final String W256 = "-D" + PanamaSimd.WIDTH_PROPERTY + "=256";

    @Test
    void bothTilesGiveTheSameBitsAtEachWidth() throws Exception {
        List<Process> ps = new ArrayList<>();
        ps.add(start(List.of(MODULE, ROWS + "12")));
        ps.add(start(List.of(MODULE, ROWS + "6")));
        ps.add(start(List.of(MODULE, W256, ROWS + "12")));
        ps.add(start(List.of(MODULE, W256, ROWS + "6")));
        ps.add(start(List.of(MODULE, ROWS + "8")));
        String[] wide12 = output(ps.get(0)).split(" ");
        String[] wide6 = output(ps.get(1)).split(" ");
        String[] w256x12 = output(ps.get(2)).split(" ");
        String[] w256x6 = output(ps.get(3)).split(" ");
        assertTrue(wide12[0].matches("tile=12x(8|16|32)"), wide12[0]);
        assertTrue(wide6[0].matches("tile=6x(8|16|32)"), wide6[0]);
        assertEquals("tile=12x16", w256x12[0]);
        assertEquals("tile=6x16", w256x6[0]);
        assertEquals(wide12[1], wide6[1], "6- and 12-row tiles at the preferred width");
        assertEquals(w256x12[1], w256x6[1], "6- and 12-row tiles at 256 bits");
        // The hash does see the bits: the random operands never give the trivial value.
        assertNotEquals("hash=cbf29ce484222325", wide12[1]);
        Process bad = ps.get(4);
        String err = new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bad.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertTrue(bad.exitValue() != 0, "an invalid tile height must stop the program");
        assertTrue(err.contains("retailrl.gemm.rows must be 6 or 12, got '8'"), err);
    }

    private static Process start(List<String> jvmArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + "/bin/java");
        cmd.add("-Xshare:auto");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(GemmTileProbe.class.getName());
        return new ProcessBuilder(cmd).redirectErrorStream(false).start();
    }

    private static String output(Process p) throws Exception {
        Thread drain = Thread.ofVirtual().start(() -> {
            try {
                p.getErrorStream().readAllBytes();
            } catch (IOException ignored) {
                // The child's exit status below reports failures.
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        drain.join();
        assertEquals(0, p.exitValue(), "child JVM failed; stdout: " + out);
        return out;
    }
}
