package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.algorithms.checkpoint.TrainingCheckpoint;
import org.retailrl.runtime.PolicyMetadata;

/**
 * {@code train} / {@code resume} : an interrupted run — by an exception or
 * by {@code kill -9} of a child JVM — resumed from its checkpoint ends with a model file identical
 * byte for byte to an uninterrupted run's; a NaN stops training with exit 3 and leaves the last
 * checkpoint untouched.
 */
class TrainResumeTest {
    /**
     * Two policy files of the same run: byte-identical but for the creation time in the metadata
     * (the weights, their model id, the seed, configuration, scenario and training summary).
     */
    static void assertSamePolicy(Path expected, Path actual) throws IOException {
        byte[] a = Files.readAllBytes(expected);
        byte[] b = Files.readAllBytes(actual);
        PolicyMetadata ma = PolicyMetadata.read(expected);
        PolicyMetadata mb = PolicyMetadata.read(actual);
        assertTrue(ma.modelId().isPresent() && ma.created().isPresent() && ma.trainingSeed().isPresent(), ma.json());
        String created = "\"created\":\"[^\"]*\"";
        assertEquals(ma.json().replaceAll(created, ""), mb.json().replaceAll(created, ""));
        assertEquals(a.length, b.length, "file lengths");
        int from = 8 + 4 + ma.json().getBytes(StandardCharsets.UTF_8).length;
        // Everything after the metadata: kind, scenario, header checksum (it covers the creation time), weights.
        int headerCrc = from + 4 + ma.kind().length() + 4 + ma.scenarioJson().getBytes(StandardCharsets.UTF_8).length;
        assertArrayEquals(Arrays.copyOfRange(a, from, headerCrc), Arrays.copyOfRange(b, from, headerCrc));
        assertArrayEquals(Arrays.copyOfRange(a, headerCrc + 4, a.length - 4), Arrays.copyOfRange(b, headerCrc + 4,
                b.length - 4));
    }

    static List<String> trainArgs(Path scenario, String algo, int episodes, Path out) {
        return trainArgs(scenario.toString(), algo, episodes, out);
    }

    static List<String> trainArgs(String scenario, String algo, int episodes, Path out) {
        return List.of("train", "--algorithm", algo, "--scenario", scenario, "--copies", "2", "--seed", "5",
                "--episodes", Integer.toString(episodes), "--checkpoint-every", "1", "--out", out.toString());
    }

    static int runTrain(TrainCommand cmd, List<String> args, ByteArrayOutputStream err) throws Exception {
        return cmd.run(new Args(args.subList(1, args.size())), new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void resumeAfterACrashEqualsAnUninterruptedRun(@TempDir Path dir) throws Exception {
        Path sc = CliRun.shortScenario(dir);
        CliRun straight = CliRun.of(trainArgs(sc, "fsda", 5, dir.resolve("a")).toArray(String[]::new));
        assertEquals(0, straight.code(), straight.err());
        TrainCommand crashing = new TrainCommand((t, p) -> {
            if (t.episodesDone() == 3) {
                throw new IllegalStateException("simulated crash");
            }
        });
        assertThrows(IllegalStateException.class,
                () -> runTrain(crashing, trainArgs(sc, "fsda", 5, dir.resolve("b")), new ByteArrayOutputStream()));
        Path ckpt = dir.resolve("b/fsda-seed5.ckpt");
        assertEquals(2, TrainingCheckpoint.load(ckpt).episodesDone(), "the crash came before episode 3's checkpoint");
        CliRun resumed = CliRun.of("resume", ckpt.toString(), "--threads", "2");
        assertEquals(0, resumed.code(), resumed.err());
        assertSamePolicy(dir.resolve("a/fsda-seed5.rrpf"), dir.resolve("b/fsda-seed5.rrpf"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/fsda-seed5-curve.csv")),
                Files.readAllBytes(dir.resolve("b/fsda-seed5-curve.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/fsda-seed5.ckpt")), Files.readAllBytes(ckpt));
    }

    @Test
    void nanStopsTrainingKeepsTheLastCheckpointAndExitsThree(@TempDir Path dir) throws Exception {
        Path sc = CliRun.shortScenario(dir);
        Path ckpt = dir.resolve("n/ppo-joint-seed5.ckpt");
        byte[][] atFault = new byte[1][];
        TrainCommand poisoning = new TrainCommand((t, p) -> {
            if (t.episodesDone() == 3) {
                try {
                    atFault[0] = Files.readAllBytes(ckpt);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                t.trainer().actor(0).parameters().get(0).value().data()[0] = Float.NaN;
            }
        });
        List<String> args = new ArrayList<>(trainArgs(sc, "ppo", 6, dir.resolve("n")));
        args.set(args.indexOf("--checkpoint-every") + 1, "2");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(TrainCommand.EXIT_DIVERGED, runTrain(poisoning, args, err));
        String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("training stopped in episode 3"), msg);
        assertTrue(msg.contains("actor.mlp") && msg.contains("NaN"), "must name the quantity: " + msg);
        assertTrue(msg.contains("after episode 2") && msg.contains(ckpt.toString()), "must name the checkpoint: " + msg);
        assertArrayEquals(atFault[0], Files.readAllBytes(ckpt), "the last good checkpoint must be untouched");
        assertEquals(2, TrainingCheckpoint.load(ckpt).episodesDone());
        assertTrue(!Files.exists(dir.resolve("n/ppo-joint-seed5.rrpf")), "no model from a diverged run");
    }

    @Test
    void corruptCheckpointIsRefusedByResume(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.ckpt");
        byte version = (byte) org.retailrl.algorithms.checkpoint.CheckpointFormat.VERSION;
        Files.write(f, new byte[] {'R', 'R', 'L', 'C', 0, 0, 0, version, 0, 0, 0, 1, 1, 2, 3, 4, 5});
        CliRun r = CliRun.of("resume", f.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(f.toString()) && r.err().contains("checksum"), r.err());
        // A checkpoint of the earlier format (version 1) is refused by its version, naming the file.
        Path old = dir.resolve("old.ckpt");
        Files.write(old, new byte[] {'R', 'R', 'L', 'C', 0, 0, 0, 1, 0, 0, 0, 1, 1, 2, 3, 4, 5});
        CliRun v1 = CliRun.of("resume", old.toString());
        assertEquals(1, v1.code());
        assertTrue(v1.err().contains(old.toString()) && v1.err().contains("version 1 is not supported"), v1.err());
        CliRun none = CliRun.of("resume");
        assertEquals(2, none.code());
        CliRun badAlgo = CliRun.of("train", "--algorithm", "sarsa");
        assertEquals(2, badAlgo.code());
        assertTrue(badAlgo.err().contains("--algorithm"), badAlgo.err());
    }

    @Test
    void aSecondTrainIntoANonEmptyOutIsRefusedAndLeavesTheFirstRunsFiles(@TempDir Path dir) throws Exception {
        Path sc = CliRun.shortScenario(dir);
        Path out = dir.resolve("o");
        CliRun first = CliRun.of(trainArgs(sc, "fsda", 1, out).toArray(String[]::new));
        assertEquals(0, first.code(), first.err());
        byte[] model = Files.readAllBytes(out.resolve("fsda-seed5.rrpf"));
        List<String> again = new ArrayList<>(trainArgs(sc, "fsda", 2, out));
        CliRun second = CliRun.of(again.toArray(String[]::new));
        assertEquals(2, second.code(), second.err());
        assertTrue(second.err().contains("--out '" + out + "' already holds files") && second.err().contains("--overwrite")
                && second.err().contains("retail resume"), second.err());
        assertArrayEquals(model, Files.readAllBytes(out.resolve("fsda-seed5.rrpf")), "the first run's model is kept");
        again.add("--overwrite");
        CliRun forced = CliRun.of(again.toArray(String[]::new));
        assertEquals(0, forced.code(), forced.err());
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        CliRun onFile = CliRun.of(trainArgs(sc, "fsda", 1, file).toArray(String[]::new));
        assertEquals(2, onFile.code());
        assertTrue(onFile.err().contains("--out '" + file + "' is an existing file, not a folder"), onFile.err());
    }

    @Test
    void aReceivedCheckpointCannotChooseWhereResumeWrites(@TempDir Path dir) throws Exception {
        Path sc = CliRun.shortScenario(dir);
        Path run = dir.resolve("run");
        CliRun train = CliRun.of(trainArgs(sc, "fsda", 2, run).toArray(String[]::new));
        assertEquals(0, train.code(), train.err());
        TrainingCheckpoint c = TrainingCheckpoint.load(run.resolve("fsda-seed5.ckpt"));
        assertEquals(".", c.notes().get("models"));
        org.retailrl.algorithms.checkpoint.RunSpec s = c.spec();
        // The same run with one more episode planned, whose notes point the outputs outside its folder.
        Path received = Files.createDirectories(dir.resolve("inbox/x")).resolve("fsda-seed5.ckpt");
        new TrainingCheckpoint(new org.retailrl.algorithms.checkpoint.RunSpec(s.algorithm(), s.scenario(), s.copies(),
                s.seed(), s.episodes() + 1, s.config()), c.episodesDone(), c.state(), c.curve(),
                java.util.Map.of("checkpointEvery", "1", "models", "../../escape")).save(received);
        CliRun resumed = CliRun.of("resume", received.toString());
        assertEquals(1, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains(received + ": notes.models must be one of [., ../models]")
                && resumed.err().contains("'../../escape'"), resumed.err());
        assertTrue(!Files.exists(dir.resolve("escape")), "nothing written where the file said");
    }

    @Test
    void killNineThenResumeEqualsAnUninterruptedRun(@TempDir Path dir) throws Exception {
        killNineThenResume(dir, CliRun.shortScenario(dir).toString(), "ppo", "ppo-joint", 40);
    }

    /**
     * The same for MTMA's two agents on their decentralised views, with decaying two-timescale
     * steps (docs/model.md §3, §8.9), and its resumed policy file loads in {@code evaluate}.
     */
    @Test
    void mtmaKillNineThenResumeEqualsAnUninterruptedRunAndEvaluates(@TempDir Path dir) throws Exception {
        Path model = killNineThenResume(dir, "recommendation-backlog", "mtma", "mtma", 60);
        CliRun eval = CliRun.of("evaluate", "--scenario", "recommendation-backlog", "--model", model.toString(),
                "--episodes", "2", "--fit-episodes", "1");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("mtma (mtma-seed5.rrpf)") && eval.out().contains("Base-stock + uniform"),
                eval.out());
    }

    /** Kills a child {@code train} with {@code kill -9} mid-run, resumes it, and returns its model file. */
    private static Path killNineThenResume(Path dir, String scenario, String algo, String stem, int episodes)
            throws Exception {
        Path killed = dir.resolve("k");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(trainArgs(scenario, algo, episodes, killed));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        Path ckpt = killed.resolve(stem + "-seed5.ckpt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int seen = 0;
        while (seen < 3 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            if (Files.exists(ckpt)) {
                seen = TrainingCheckpoint.load(ckpt).episodesDone();
            }
        }
        child.destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);
        int at = TrainingCheckpoint.load(ckpt).episodesDone();
        assertTrue(at >= 3 && at < episodes, "the child must be killed mid-run, checkpoint at " + at + "; log: "
                + Files.readString(dir.resolve("child.log")));
        CliRun straight = CliRun.of(trainArgs(scenario, algo, episodes, dir.resolve("u")).toArray(String[]::new));
        assertEquals(0, straight.code(), straight.err());
        CliRun resumed = CliRun.of("resume", ckpt.toString());
        assertEquals(0, resumed.code(), resumed.err());
        Path model = killed.resolve(stem + "-seed5.rrpf");
        assertSamePolicy(dir.resolve("u").resolve(stem + "-seed5.rrpf"), model);
        return model;
    }
}
