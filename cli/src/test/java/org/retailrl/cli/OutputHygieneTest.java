package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.core.io.FolderLock;

/**
 * Output folders under careless use: a second run into a folder that a run is writing is refused
 * (in this JVM and from another process), temporary files of killed writes are cleaned, a budget
 * estimated above an hour needs {@code --yes} off a terminal, and failures are reported in words
 * with the file they concern.
 */
class OutputHygieneTest {
    private static List<String> trainArgs(Path scenario, int episodes, Path out) {
        return new ArrayList<>(TrainResumeTest.trainArgs(scenario, "fsda", episodes, out));
    }

    private static int runTrain(TrainCommand cmd, List<String> args, ByteArrayOutputStream err) throws Exception {
        return TrainResumeTest.runTrain(cmd, args, err);
    }

    @Test
    void aSecondRunIntoAFolderBeingWrittenIsRefusedInThisJvm(@TempDir Path dir) throws Exception {
        Path sc = CliRun.shortScenario(dir);
        Path out = dir.resolve("o");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TrainCommand first = new TrainCommand((t, p) -> {
            if (t.episodesDone() == 1) {
                running.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        AtomicInteger firstCode = new AtomicInteger(-1);
        Thread t = new Thread(() -> {
            try {
                firstCode.set(runTrain(first, trainArgs(sc, 2, out), new ByteArrayOutputStream()));
            } catch (Exception e) {
                firstCode.set(-2);
            }
        });
        t.start();
        assertTrue(running.await(60, TimeUnit.SECONDS), "the first run reached its first episode");
        List<String> second = trainArgs(sc, 2, out);
        second.add("--overwrite");
        CliRun refused = CliRun.of(second.toArray(String[]::new));
        release.countDown();
        t.join(60_000);
        assertEquals(1, refused.code(), refused.err());
        assertTrue(refused.err().startsWith("error: " + out + " is being written by another run (process "
                + ProcessHandle.current().pid() + " since "), refused.err());
        assertEquals(0, firstCode.get(), "the first run finishes undisturbed");
        // Once the first run is done, the folder is free again (with --overwrite, as it holds files).
        assertEquals(0, CliRun.of(second.toArray(String[]::new)).code());
    }

    @Test
    void aSecondRunIntoAFolderLockedByAnotherProcessIsRefused(@TempDir Path dir) throws Exception {
        Path sc = CliRun.shortScenario(dir);
        Path out = Files.createDirectories(dir.resolve("p"));
        Path ready = dir.resolve("ready");
        // A child JVM that holds the folder's lock, as a running train would, until it is killed.
        Path src = dir.resolve("Hold.java");
        Files.writeString(src, """
                public class Hold {
                    public static void main(String[] a) throws Exception {
                        org.retailrl.core.io.FolderLock l = org.retailrl.core.io.FolderLock.acquire(java.nio.file.Path.of(a[0]));
                        java.nio.file.Files.writeString(java.nio.file.Path.of(a[1]), "locked");
                        Thread.sleep(120_000);
                    }
                }""");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), src.toString(), out.toString(), ready.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(ready) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(ready), Files.readString(dir.resolve("child.log")));
            CliRun refused = CliRun.of(trainArgs(sc, 1, out).toArray(String[]::new));
            assertEquals(1, refused.code(), refused.err());
            assertTrue(refused.err().startsWith("error: " + out + " is being written by another run (process "
                    + child.pid() + " since "), refused.err());
            assertFalse(Files.exists(out.resolve("fsda-seed5.ckpt")), "nothing written");
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        // The lock dies with its process: the folder is usable at once, though the lock file stays.
        assertTrue(Files.exists(out.resolve(FolderLock.NAME)));
        CliRun after = CliRun.of(trainArgs(sc, 1, out).toArray(String[]::new));
        assertEquals(0, after.code(), after.err());
    }

    @Test
    void theRecommendationAndMultiProductComparisonsLockTheirFoldersToo(@TempDir Path dir) throws Exception {
        for (String scenario : List.of("recommendation-lost", "multiproduct-small")) {
            Path out = dir.resolve(scenario);
            Files.createDirectories(out);
            try (FolderLock held = FolderLock.acquire(out)) {
                CliRun refused = CliRun.of("compare", "--scenario", scenario, "--seeds", "1", "--episodes", "8",
                        "--out", out.toString());
                assertEquals(1, refused.code(), refused.err());
                assertTrue(refused.err().startsWith("error: " + out + " is being written by another run (process "),
                        refused.err());
                assertFalse(Files.exists(out.resolve("config.json")), scenario + ": nothing written");
            }
        }
    }

    @Test
    void temporaryFilesOfKilledWritesAreCleanedWhenARunStarts(@TempDir Path dir) throws Exception {
        Path sc = CliRun.shortScenario(dir);
        Path out = Files.createDirectories(dir.resolve("t"));
        Path stale = Files.writeString(out.resolve(".fsda-seed5.ckpt.3f9a0c21b4d5e6f7.tmp"), "half a checkpoint");
        Path staleToo = Files.writeString(out.resolve(".fsda-seed5.rrpf.1a.tmp"), "half a policy");
        Path userFile = Files.writeString(out.resolve(".notes.tmp"), "not ours");
        // Only bookkeeping is in the folder, so it counts as empty; the user's own file does not.
        Files.delete(userFile);
        CliRun run = CliRun.of(trainArgs(sc, 1, out).toArray(String[]::new));
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("removed 2 temporary files left by an interrupted write in " + out), run.err());
        assertFalse(Files.exists(stale) || Files.exists(staleToo));
        // Resuming cleans the checkpoint's folder too; a file that is not one of ours stays.
        Path third = Files.writeString(out.resolve(".fsda-seed5.ckpt.00ff.tmp"), "x");
        Path keep = Files.writeString(out.resolve(".notes.tmp"), "not ours");
        CliRun resumed = CliRun.of("resume", out.resolve("fsda-seed5.ckpt").toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("removed 1 temporary file left by an interrupted write in "), resumed.err());
        assertFalse(Files.exists(third));
        assertTrue(Files.exists(keep));
    }

    @Test
    void aBudgetAboveAnHourNeedsYesOffATerminal(@TempDir Path dir) throws Exception {
        Path sc = CliRun.shortScenario(dir);
        Path out = dir.resolve("big");
        // 2 copies × 20 periods × 10^7 episodes: 4·10^4 s at the assumed rate.
        List<String> args = trainArgs(sc, 10_000_000, out);
        CliRun refused = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("training 10000000 episodes of 2 copies is estimated to take about 11 h 06 min")
                && refused.err().contains("pass --yes to run it anyway"), refused.err());
        assertFalse(Files.exists(out), "refused before any work");
        args.add("--yes");
        AtomicInteger episodes = new AtomicInteger();
        TrainCommand stopAfterOne = new TrainCommand((t, p) -> {
            episodes.set(t.episodesDone());
            throw new IllegalStateException("stop the test run");
        });
        assertThrows(IllegalStateException.class, () -> runTrain(stopAfterOne, args, new ByteArrayOutputStream()));
        assertEquals(1, episodes.get(), "with --yes the run starts");
        // A comparison checks its total budget too, before it writes anything.
        Path cmp = dir.resolve("cmp");
        CliRun bigCompare = CliRun.of("compare", "--scenario", sc.toString(), "--episodes", "10000000", "--copies", "2",
                "--seeds", "2", "--threads", "1", "--out", cmp.toString());
        assertEquals(2, bigCompare.code(), bigCompare.err());
        assertTrue(bigCompare.err().contains("comparing 2 learners on 2 seeds is estimated to take about 1.9 days"),
                bigCompare.err());
        assertFalse(Files.exists(cmp));
        // A small budget never asks.
        assertTrue(BudgetCheck.seconds(new org.retailrl.algorithms.checkpoint.RunSpec(
                org.retailrl.algorithms.checkpoint.Algorithm.FSDA, org.retailrl.envs.pricing.PricingScenario.named("b"),
                16, 1, 1000, org.retailrl.algorithms.rl.Presets.FSDA), 1, 1) < BudgetCheck.LIMIT_SECONDS);
    }

    @Test
    void failuresNameTheFileAndTheProblemInWords(@TempDir Path dir) throws Exception {
        CliRun folder = CliRun.of("resume", dir.toString());
        assertEquals(1, folder.code());
        assertEquals("error: " + dir + " is a folder; resume takes the run's checkpoint file (<algorithm>-seed<N>.ckpt)",
                folder.err().trim());
        Path file = Files.writeString(dir.resolve("plain"), "x");
        CliRun outIsFile = CliRun.of("train", "--episodes", "1", "--out", file.toString());
        assertEquals(2, outIsFile.code());
        assertTrue(outIsFile.err().startsWith("error: --out '" + file + "' is an existing file, not a folder"),
                outIsFile.err());
        assertEquals("a.ckpt: no such file or folder", Main.describe(new NoSuchFileException("a.ckpt")));
        assertEquals("d/x: permission denied", Main.describe(new AccessDeniedException("d/x")));
        assertEquals("d: is a directory", Main.describe(new FileSystemException("d", null, "Is a directory")));
        assertEquals("d: no such file or folder", Main.describe(new java.io.UncheckedIOException(
                new NoSuchFileException("d"))));
        assertEquals("internal error (NullPointerException without a message); please report it",
                Main.describe(new NullPointerException()));
        for (String shown : List.of(folder.err(), outIsFile.err())) {
            assertFalse(shown.matches("(?s).*\\bjava\\.[a-z]+\\.[A-Za-z.]*Exception.*"), shown);
        }
    }
}
