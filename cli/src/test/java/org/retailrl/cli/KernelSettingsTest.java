package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The kernels' JVM settings through the CLI (docs/model.md §8.12): {@code retail info} names the
 * kernel path and GEMM tile in use, a forced tile is reported, and a bad setting stops the program
 * with one line naming the property and its allowed values (exit code 2), not a stack trace. Each
 * case needs a JVM of its own, since the kernels are chosen when their class first loads.
 */
class KernelSettingsTest {
    private record Result(int code, String out, String err) {
    }

    private static Result info(String... jvmArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules=jdk.incubator.vector");
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.add("info");
        Process p = new ProcessBuilder(cmd).start();
        // Small outputs: read stderr after stdout without risk of a full pipe blocking the child.
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void infoNamesTheTileAndBadSettingsAreOneLineErrors() throws Exception {
        Result auto = info();
        assertEquals(0, auto.code(), auto.err());
        assertTrue(auto.out().matches("(?s).*kernels  vector-\\d+ \\(GEMM tile (6|12)x\\d+\\)\\n.*"), auto.out());
        Result six = info("-Dretailrl.gemm.rows=6", "-Dretailrl.simd.width=256");
        assertTrue(six.out().contains("kernels  vector-256 (GEMM tile 6x16)"), six.out());
        Result scalar = info("-Dretailrl.simd=scalar");
        assertTrue(scalar.out().contains("kernels  scalar (GEMM tile scalar)"), scalar.out());
        Result badRows = info("-Dretailrl.gemm.rows=8");
        assertEquals(2, badRows.code(), badRows.err());
        assertTrue(badRows.err().contains("error: -Dretailrl.gemm.rows must be 6 or 12, got '8'"), badRows.err());
        assertFalse(badRows.err().contains("Exception"), badRows.err());
        Result badWidth = info("-Dretailrl.simd.width=300");
        assertEquals(2, badWidth.code(), badWidth.err());
        assertTrue(badWidth.err().contains("error: -Dretailrl.simd.width must be 128, 256 or 512, got '300'"),
                badWidth.err());
    }
}
