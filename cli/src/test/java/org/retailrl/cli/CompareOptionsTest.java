package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.algorithms.heuristics.HeuristicSuite;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonObject;

/**
 * {@code compare --learners} trains only the named learners and {@code --heuristic-fit} sizes the
 * heuristics' fit (both recorded for {@code --resume}); bad values are refused naming the option.
 */
class CompareOptionsTest {
    @Test
    void learnersAndHeuristicFitShapeTheComparison(@TempDir Path dir) throws Exception {
        String sc = CliRun.shortScenario(dir).toString();
        CliRun small = CliRun.of("compare", "--scenario", sc, "--episodes", "2", "--seeds", "1", "--copies", "2",
                "--eval-episodes", "6", "--threads", "1", "--learners", "fsda", "--heuristic-fit", "60,2,1", "--out",
                dir.resolve("a").toString());
        assertEquals(0, small.code(), small.err());
        JsonObject args = Json.readObject(dir.resolve("a").resolve(CompareResume.ARGS));
        assertEquals("fsda", args.getString("learners"));
        assertEquals("60,2,1", args.getString("heuristic-fit"));
        assertTrue(Files.exists(dir.resolve("a/models/fsda-seed1.rrpf")));
        assertFalse(Files.exists(dir.resolve("a/models/ppo-joint-seed1.rrpf")));
        assertFalse(Files.readString(dir.resolve("a/summary.txt")).contains("PPO-joint"));

        CliRun other = CliRun.of("compare", "--scenario", sc, "--episodes", "2", "--seeds", "1", "--copies", "2",
                "--eval-episodes", "6", "--threads", "1", "--learners", "fsda", "--heuristic-fit", "60,3,1", "--out",
                dir.resolve("b").toString());
        assertEquals(0, other.code(), other.err());
        // More optimisation episodes move the fitted heuristics, and only them.
        assertNotEquals(Files.readString(dir.resolve("a/heuristics.json")),
                Files.readString(dir.resolve("b/heuristics.json")));
        assertEquals(Files.readString(dir.resolve("a/models/fsda-seed1-curve.csv")),
                Files.readString(dir.resolve("b/models/fsda-seed1-curve.csv")));
    }

    @Test
    void badValuesAreRefused() {
        UsageException e = assertThrows(UsageException.class, () -> CompareCommand.heuristicFit("10,2"));
        assertTrue(e.getMessage().contains("--heuristic-fit"), e.getMessage());
        e = assertThrows(UsageException.class, () -> CompareCommand.heuristicFit("1,2,3"));
        assertTrue(e.getMessage().contains("samples"), e.getMessage());
        assertEquals(new HeuristicSuite.Settings(100, 2, 3, 9), CompareCommand.heuristicFit("100,2,3").apply(9));
        e = assertThrows(UsageException.class, () -> CompareCommand.learners("fsda,dqn", null));
        assertTrue(e.getMessage().contains("--learners"), e.getMessage());
        e = assertThrows(UsageException.class, () -> CompareCommand.learners("fsda", "timescales"));
        assertTrue(e.getMessage().contains("--ablation"), e.getMessage());
        assertEquals(1, CompareCommand.learners("ppo-joint", null).size());
    }
}
