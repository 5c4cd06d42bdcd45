package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Child JVMs for the kernel-selection tests (docs/model.md §8.12): the kernel path and the GEMM
 * tile are fixed when {@link Kernels} is first loaded, so each setting needs a JVM of its own. The
 * child runs a probe's {@code main} on this JVM's class path with the given options.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /** Starts {@code main} in a new JVM with {@code jvmArgs}; several can run at once. */
    static Process start(Class<?> main, List<String> jvmArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + "/bin/java");
        cmd.add("-Xshare:auto");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        return new ProcessBuilder(cmd).redirectErrorStream(false).start();
    }

    /** The child's standard output, stripped, after asserting that it finished with status 0. */
    static String output(Process p) throws Exception {
        // Drain stderr in the background so a chatty child (the incubator warning) cannot block.
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

    /** The child's standard error, after asserting that it stopped with a non-zero status. */
    static String failure(Process p) throws Exception {
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        assertTrue(p.exitValue() != 0, "the child JVM should have stopped with an error; stderr: " + err);
        return err;
    }
}
