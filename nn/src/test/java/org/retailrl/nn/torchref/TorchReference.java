package org.retailrl.nn.torchref;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.retailrl.core.simd.Kernels;

/**
 * Runs PyTorch reference cases (docs/model.md §8) on every kernel path of {@link Kernels}. The path is
 * fixed when {@code Kernels} loads, so — as the kernel-selection and determinism tests do — each
 * path gets a fresh child JVM with {@code -Dretailrl.simd=scalar} or
 * {@code -Dretailrl.simd.width=128|256|512}; the child runs the cases ({@link #runCases}) and
 * prints one line per comparison, and the test ({@link #assertEveryPath}) fails with the lines
 * that exceeded their tolerance. With {@code -Dretailrl.torchref.report=true} the test also prints
 * every line.
 */
public final class TorchReference {
    /** The kernel paths, as {@link Kernels#implementation()} names them. */
    public static final List<String> PATHS = List.of("scalar", "vector-128", "vector-256", "vector-512");
    /** System property that makes {@link #assertEveryPath} print every comparison. */
    public static final String REPORT_PROPERTY = "retailrl.torchref.report";
    private static final String MODULE = "--add-modules=jdk.incubator.vector";

    private TorchReference() {
    }

    /**
     * The child side, called from a case class's {@code main}: runs {@code cases} in order on
     * the kernel path of this JVM and prints {@code impl=<path>}, then one tab-separated line per
     * comparison ({@code case item worst tolerance ok|FAIL}). A case that throws prints a FAIL line
     * and its stack trace (lines starting with {@code #}).
     */
    public static void runCases(Map<String, Consumer<Comparison>> cases) {
        StringBuilder out = new StringBuilder("impl=" + Kernels.implementation() + "\n");
        Comparison c = new Comparison();
        for (Map.Entry<String, Consumer<Comparison>> e : cases.entrySet()) {
            c.begin(e.getKey());
            try {
                e.getValue().accept(c);
            } catch (RuntimeException | AssertionError ex) {
                c.record("(threw " + ex.getClass().getSimpleName() + ")", Double.NaN, 0);
                StringWriter sw = new StringWriter();
                ex.printStackTrace(new PrintWriter(sw));
                sw.toString().lines().forEach(l -> out.append("# ").append(l).append('\n'));
            }
        }
        for (Comparison.Result r : c.results()) {
            out.append(String.format(Locale.ROOT, "%s\t%s\t%.3e\t%.1e\t%s%n", r.caseName(), r.item(), r.worst(),
                    r.tolerance(), r.ok() ? "ok" : "FAIL"));
        }
        System.out.print(out);
        System.out.flush();
    }

    /**
     * Runs {@code main}'s {@code main} (which calls {@link #runCases}) in one child JVM per path,
     * all started together, and fails listing every comparison beyond its tolerance on any path.
     */
    public static void assertEveryPath(Class<?> main) throws IOException, InterruptedException {
        Map<String, Process> children = new LinkedHashMap<>();
        for (String path : PATHS) {
            children.put(path, start(main, path));
        }
        List<String> failures = new ArrayList<>();
        boolean report = Boolean.getBoolean(REPORT_PROPERTY);
        for (Map.Entry<String, Process> e : children.entrySet()) {
            String path = e.getKey();
            String out = output(e.getValue(), path);
            List<String> lines = out.lines().toList();
            if (lines.isEmpty() || !lines.get(0).equals("impl=" + path)) {
                failures.add(path + ": the child JVM ran " + (lines.isEmpty() ? "nothing" : lines.get(0)));
                continue;
            }
            int compared = 0;
            for (String line : lines.subList(1, lines.size())) {
                if (report) {
                    System.out.println(path + "\t" + line);
                }
                if (line.startsWith("#")) {
                    failures.add(path + " " + line);
                } else {
                    compared++;
                    if (!line.endsWith("\tok")) {
                        failures.add(path + "\t" + line);
                    }
                }
            }
            if (compared == 0) {
                failures.add(path + ": no comparisons printed");
            }
        }
        if (!failures.isEmpty()) {
            fail("engine vs PyTorch reference (case, item, worst relative difference, tolerance):\n"
                    + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
        }
    }

    private static Process start(Class<?> main, String path) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(MODULE);
        cmd.add(path.equals("scalar") ? "-D" + Kernels.PROPERTY + "=scalar"
                : "-D" + Kernels.PROPERTY + ".width=" + path.substring("vector-".length()));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        return new ProcessBuilder(cmd).start();
    }

    private static String output(Process p, String path) throws IOException, InterruptedException {
        // stderr drained alongside, so the incubator-module warning cannot block the child.
        StringBuilder err = new StringBuilder();
        Thread drain = Thread.ofVirtual().start(() -> {
            try {
                err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // The exit status below reports failures.
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), path + ": child JVM did not finish");
        drain.join();
        if (p.exitValue() != 0) {
            fail(path + ": child JVM exited with " + p.exitValue() + "\nstdout:\n" + out + "\nstderr:\n" + err);
        }
        return out;
    }
}
