package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void logModePrintsALineEveryFivePercentWithPhaseEtaAndProfit() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(b, true, StandardCharsets.UTF_8), 200, false);
        for (int i = 0; i < 200; i++) {
            bar.advance("train", 1, -12.5);
        }
        bar.finish();
        String s = b.toString(StandardCharsets.UTF_8);
        assertFalse(s.contains("\r"));
        List<String> lines = s.lines().toList();
        assertEquals(100 / ProgressBar.STEP_PERCENT + 1, lines.size(), s);
        assertTrue(lines.get(lines.size() - 1).contains("100%") && lines.get(0).contains("train")
                && lines.get(0).contains("ETA") && lines.get(0).contains("-12.5"), s);
    }

    @Test
    void terminalModeRewritesOneLine() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(b, true, StandardCharsets.UTF_8), 3, true);
        bar.advance("fit", 1, Double.NaN);
        bar.advance("fit", 2, Double.NaN);
        bar.finish();
        String s = b.toString(StandardCharsets.UTF_8);
        assertEquals(2, s.chars().filter(c -> c == '\r').count());
        assertEquals(1, s.chars().filter(c -> c == '\n').count(), "one line, ended by finish()");
        assertFalse(s.contains("profit"), "no profit shown when unknown");
    }

    @Test
    void seedListAcceptsACountOrADistinctList() {
        assertEquals(List.of(1L, 2L, 3L), SeedList.parse("3"));
        assertEquals(List.of(4L, 7L, 9L), SeedList.parse("4, 7,9"));
        for (String bad : new String[] {"0", "101", "1,1", "1,,2", "-3", "2,x", "1,2000000"}) {
            UsageException e = assertThrows(UsageException.class, () -> SeedList.parse(bad), bad);
            assertTrue(e.getMessage().contains("--seeds"), e.getMessage());
        }
    }
}
