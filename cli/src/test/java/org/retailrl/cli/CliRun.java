package org.retailrl.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: runs the command line in-process and captures its streams and exit code. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** A scenario (b) with a 20-period horizon, so that training and fitting take well under a second per run. */
    static Path shortScenario(Path dir) throws IOException {
        Path f = dir.resolve("short.json");
        Files.writeString(f, "{\"base\": \"b\", \"horizon\": 20}");
        return f;
    }
}
