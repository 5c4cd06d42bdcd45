package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.algorithms.checkpoint.Algorithm;
import org.retailrl.algorithms.checkpoint.TrainingCheckpoint;
import org.retailrl.algorithms.heuristics.HeuristicSuite;

/**
 * {@code compare --resume}: a comparison interrupted in its last training run (after that run's
 * checkpoint at episode 2 of 4, with the other run finished) is continued from the checkpoints and
 * ends with the uninterrupted comparison's results, byte for byte.
 */
class CompareResumeTest {
    private static List<String> args(Path scenario, Path out) {
        return new ArrayList<>(List.of("--scenario", scenario.toString(), "--episodes", "4", "--checkpoint-every", "2",
                "--seeds", "1", "--copies", "2", "--eval-episodes", "10", "--threads", "1", "--out", out.toString()));
    }

    /** Heuristic fits far smaller than the defaults: the fits are redone on resume, and only their equality matters here. */
    private static HeuristicSuite.Settings smallFit(long seed) {
        return new HeuristicSuite.Settings(200, 4, 1, seed);
    }

    private static int run(CompareCommand c, List<String> args, ByteArrayOutputStream err) throws Exception {
        return c.run(new Args(args), new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anInterruptedComparisonResumedEqualsAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Path sc = CliRun.shortScenario(dir);
        ByteArrayOutputStream uErr = new ByteArrayOutputStream();
        assertEquals(0, run(new CompareCommand(null, false, CompareResumeTest::smallFit), args(sc, dir.resolve("u")),
                uErr), uErr.toString(StandardCharsets.UTF_8));

        Path out = dir.resolve("i");
        CompareCommand interrupted = new CompareCommand((t, p) -> {
            if (t.spec().algorithm() == Algorithm.PPO_JOINT && t.spec().seed() == 1 && t.episodesDone() == 3) {
                throw new IllegalStateException("simulated kill");
            }
        }, false, CompareResumeTest::smallFit);
        assertThrows(IllegalStateException.class, () -> interrupted.run(new Args(args(sc, out)),
                new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(new ByteArrayOutputStream(), true)));
        assertEquals(2, TrainingCheckpoint.load(out.resolve("checkpoints/ppo-joint-seed1.ckpt")).episodesDone());
        assertEquals(4, TrainingCheckpoint.load(out.resolve("checkpoints/fsda-seed1.ckpt")).episodesDone());
        assertFalse(Files.exists(out.resolve("evaluation.csv")), "interrupted before the evaluation");

        // Resumed runs only continue: no run starts again from episode 0.
        List<String> seen = new ArrayList<>();
        CompareCommand watching = new CompareCommand((t, p) -> {
            if (seen.isEmpty() || !seen.get(seen.size() - 1).startsWith(TrainingJob.stem(t.spec()))) {
                seen.add(TrainingJob.stem(t.spec()) + "@" + t.episodesDone());
            }
        }, false, CompareResumeTest::smallFit);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = watching.run(new Args(List.of("--resume", out.toString(), "--threads", "2")),
                new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("ppo-joint-seed1@3"), seen, "only the interrupted run trains, from its checkpoint");
        for (String f : List.of("evaluation.csv", "evaluation.txt", "evaluation.json", "learning-curves.csv",
                "heuristics.json", "models/ppo-joint-seed1-curve.csv", "checkpoints/ppo-joint-seed1.ckpt")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("u").resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        TrainResumeTest.assertSamePolicy(dir.resolve("u/models/ppo-joint-seed1.rrpf"),
                out.resolve("models/ppo-joint-seed1.rrpf"));
    }

    @Test
    void resumeRefusesFoldersWithoutAComparisonAndExtraOptions(@TempDir Path dir) throws Exception {
        CliRun none = CliRun.of("compare", "--resume", dir.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("--resume '" + dir + "' holds no resumable comparison"), none.err());
        CliRun extra = CliRun.of("compare", "--resume", dir.toString(), "--episodes", "5");
        assertEquals(2, extra.code());
        assertTrue(extra.err().contains("compare --resume DIR takes only --threads") && extra.err().contains(
                "unknown option --episodes"), extra.err());
    }
}
