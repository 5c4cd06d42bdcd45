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
import org.retailrl.algorithms.lmm.LmmEvaluation;
import org.retailrl.algorithms.lmm.TaskFamily;
import org.retailrl.algorithms.lmm.TrajectoryDataset;

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

    @Test
    void divergingTrainingStopsWithExitCodeThreeAndNamesTheStep() throws IOException {
        TrajectoryDataset good = DatasetBuilder.single(List.of(TaskFamily.task(1, TaskFamily.Split.SEEN, 0)), Behaviour.random(2), 3, 2);
        float[] huge = good.states().clone();
        java.util.Arrays.fill(huge, 3e38f);
        int n = good.episodes();
        int t = TaskFamily.HORIZON;
        byte[] p = new byte[n * t];
        byte[] q = new byte[n * t];
        float[] r = new float[n * t];
        for (int e = 0; e < n; e++) {
            for (int k = 0; k < t; k++) {
                p[e * t + k] = (byte) good.price(e, k);
                q[e * t + k] = (byte) good.order(e, k);
                r[e * t + k] = good.reward(e, k);
            }
        }
        Path data = dir.resolve("huge.rlmd");
        new TrajectoryDataset(good.meta(), new int[n], new int[n], huge, p, q, r).write(data);
        CliRun run = CliRun.of("lmm", "train", "--data", data.toString(), "--out", dir.resolve("m.ckpt").toString(), "--width",
                "16", "--heads", "2", "--layers", "1", "--context", "3", "--batch", "2", "--steps", "3");
        refused(run, TrainCommand.EXIT_DIVERGED, "training diverged at step 0");
        assertTrue(run.err().contains("no checkpoint had been written yet"), run.err());
        assertTrue(!Files.exists(dir.resolve("m.ckpt")));
    }

    @Test
    void evaluationPutsOnlineLearnersAndTheLoggedBestBesideTheModelsAndWritesTheChart() throws Exception {
        Path data = dir.resolve("d.rlmd");
        DatasetBuilder.single(List.of(TaskFamily.task(1, TaskFamily.Split.SEEN, 0)), Behaviour.random(2), 3, 2).write(data);
        Path ck = dir.resolve("m.ckpt");
        CliRun r = CliRun.of("lmm", "train", "--data", data.toString(), "--out", ck.toString(), "--width", "16", "--heads", "2",
                "--layers", "1", "--context", "3", "--batch", "2", "--steps", "2");
        assertEquals(0, r.code(), r.err());
        Path out = dir.resolve("eval");
        r = CliRun.of("lmm", "evaluate", "--data", data.toString(), "--dt", ck.toString(), "--tasks", "1", "--episodes", "2",
                "--targets", "1", "--online", "fsda", "--online-episodes", "1", "--threads", "1", "--dp-variants", "1",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("FSDA online (1 ep.)") && r.out().contains("best behaviour (logged)"), r.out());
        String small = r.out().substring(r.out().indexOf("small DP-solvable pricing variants"));
        assertTrue(small.contains("\nDP ") && !small.substring(0, small.indexOf("per DT checkpoint")).contains("FSDA online"),
                r.out());
        assertTrue(Files.exists(out.resolve("online/models/fsda-heldout0-seed1.rrpf")));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<svg") && html.contains("achieved vs target"), html);
        refused(CliRun.of("lmm", "evaluate", "--data", data.toString(), "--dt", ck.toString(), "--online", "fsda"), 2,
                "--online needs --out");
        refused(CliRun.of("lmm", "evaluate", "--data", data.toString(), "--dt", ck.toString(), "--online", "mtma"), 2,
                "--online must be a comma-separated list of fsda and ppo-joint");
    }

    @Test
    void theExactDpJoinsTheSpecialistsOnlyOnSmallInstances() throws Exception {
        LmmEvaluation.Specialists sp = LmmCommand.specialists(1, 1,
                new LmmCommand.Learned(List.of(), 1, 1, 1), dir, System.err);
        var small = org.retailrl.algorithms.dp.DpInstance.smallScenario(1, 4, 0, 6, 2, 30, 30);
        assertEquals(List.of("DP"), sp.of(TaskFamily.Split.SEEN, 0, small).stream().map(LmmEvaluation.Specialist::name).toList());
        assertEquals(List.of(), sp.of(TaskFamily.Split.SEEN, 0, TaskFamily.task(1, TaskFamily.Split.SEEN, 0)));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
