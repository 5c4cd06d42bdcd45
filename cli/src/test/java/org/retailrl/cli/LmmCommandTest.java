package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.algorithms.lmm.Behaviour;
import org.retailrl.algorithms.lmm.DatasetBuilder;
import org.retailrl.algorithms.lmm.DtTraining;
import org.retailrl.algorithms.lmm.TaskFamily;

/** {@code retail lmm}: bad input named with its allowed range, and a tiny training run with checkpoints. */
class LmmCommandTest {
    @TempDir
    Path dir;

    private static void refused(CliRun r, int code, String needle) {
        assertEquals(code, r.code(), r.err());
        assertTrue(r.err().contains(needle), r.err());
    }

    @Test
    void badInputIsRefusedWithTheFieldAndItsRange() {
        refused(CliRun.of("lmm"), 2, "subcommand");
        refused(CliRun.of("lmm", "fly"), 2, "dataset, train, evaluate or run");
        refused(CliRun.of("lmm", "dataset", "--out", dir.resolve("d").toString(), "--eps", "1.5"), 2, "--eps values must be in (0.0, 1.0)");
        refused(CliRun.of("lmm", "dataset", "--out", dir.resolve("d").toString(), "--tasks", "0"), 2, "--tasks must be in [1, 1000]");
        refused(CliRun.of("lmm", "train", "--data", dir.resolve("none.rlmd").toString(), "--out", "x"), 1, "no such dataset file");
        refused(CliRun.of("lmm", "train", "--data", "d", "--out", "x", "--heads", "3"), 2, "--heads must divide --width 64");
        refused(CliRun.of("lmm", "evaluate", "--data", "d"), 2, "--dt is required");
        assertTrue(Main.commands().containsKey("lmm"));
    }

    @Test
    void trainsWritesCheckpointsAndResumes() throws IOException {
        Path data = dir.resolve("d.rlmd");
        DatasetBuilder.single(List.of(TaskFamily.task(1, TaskFamily.Split.SEEN, 0)), Behaviour.random(2), 3, 3).write(data);
        Path ck = dir.resolve("m.ckpt");
        String[] common = {"--data", data.toString(), "--out", ck.toString(), "--width", "16", "--heads", "2", "--layers", "1",
                "--context", "3", "--batch", "2", "--checkpoint-every", "2"};
        CliRun r = CliRun.of(concat(new String[] {"lmm", "train", "--steps", "3"}, common));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("trained DT") && r.out().contains("3 steps"), r.out());
        assertEquals(3, Files.exists(ck) ? DtTraining.resume(ck, org.retailrl.algorithms.lmm.TrajectoryDataset.read(data)).step() : -1);
        r = CliRun.of(concat(new String[] {"lmm", "train", "--resume"}, common));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3 steps"), r.out());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
