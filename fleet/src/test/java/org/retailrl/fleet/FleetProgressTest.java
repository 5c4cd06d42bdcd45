package org.retailrl.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The fleet job's progress log (docs/fleet.md): the {@code total/total} line appears exactly once
 * whether Spark's listener thread delivers the last task end before or after the job's action has
 * returned, and nothing is logged after it.
 */
class FleetProgressTest {
    private static long lines(ByteArrayOutputStream out, String text) {
        return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n")).filter(l -> l.contains(text)).count();
    }

    @Test
    void lastTaskEndBeforeTheActionReturns() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FleetJob.Progress p = new FleetJob.Progress(3, new PrintStream(out, true, StandardCharsets.UTF_8));
        for (int i = 0; i < 3; i++) {
            p.onTaskEnd(null);
        }
        p.finish();
        assertEquals(1, lines(out, "fleet: 3/3 series done (100%)"), out.toString(StandardCharsets.UTF_8));
        assertEquals(3, lines(out, "series done"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void lastTaskEndsAfterTheActionReturns() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FleetJob.Progress p = new FleetJob.Progress(3, new PrintStream(out, true, StandardCharsets.UTF_8));
        p.onTaskEnd(null);
        p.finish();
        p.onTaskEnd(null);
        p.onTaskEnd(null);
        String log = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, lines(out, "fleet: 1/3 series done"), log);
        assertEquals(1, lines(out, "fleet: 3/3 series done (100%)"), log);
        assertEquals(2, lines(out, "series done"), log);
    }
}
