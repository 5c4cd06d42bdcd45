package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retail inventory train} and {@code compare --learn} (docs/model.md §7): the run goes
 * through the checkpointed path and resumes, the comparison reports PPO's paired gap, and the
 * learning options are refused where nothing learns.
 */
class InventoryLearnCommandTest {
    private static final String[] SMALL = {"--mean", "2", "--lead", "1", "--penalty", "4", "--episodes", "3",
        "--copies", "2", "--horizon", "10", "--checkpoint-every", "2", "--threads", "1"};

    private static String[] args(String action, Path out, String... more) {
        String[] head = {"inventory", action, "--out", out.toString()};
        String[] all = new String[head.length + SMALL.length + more.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(SMALL, 0, all, head.length, SMALL.length);
        System.arraycopy(more, 0, all, head.length + SMALL.length, more.length);
        return all;
    }

    @Test
    void trainWritesTheRunFilesAndResumes(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of(args("train", dir));
        assertEquals(0, r.code(), r.err());
        Path ckpt = dir.resolve("ppo-lost-sales-seed1.ckpt");
        for (Path f : new Path[] {ckpt, dir.resolve("ppo-lost-sales-seed1.rrpf"),
            dir.resolve("ppo-lost-sales-seed1-curve.csv"), dir.resolve("config.json")}) {
            assertTrue(Files.isRegularFile(f), f.toString());
        }
        assertTrue(r.out().contains("ppo greedy:") && r.out().contains("gap to the optimal policy"), r.out());
        CliRun again = CliRun.of("resume", ckpt.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("0 episodes run now"), again.out());
    }

    @Test
    void compareWithLearningAddsPpoAndOptionsAreRefusedWithoutIt(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of(args("compare", dir, "--learn"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ppo (greedy, simulated)"), r.out());
        String csv = Files.readString(dir.resolve("table.csv"));
        assertTrue(csv.contains("ppo greedy,rounds=3 copies=2 T=10") && csv.contains("ppo sampled"), csv);
        assertTrue(Files.readString(dir.resolve("result.json")).contains("\"greedyGapPercent\""));
        assertTrue(Files.isRegularFile(dir.resolve("ppo/poisson-2-p4-L1/checkpoints/ppo-lost-sales-seed1.ckpt")));
        CliRun refused = CliRun.of("inventory", "solve", "--episodes", "3");
        assertEquals(2, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("episodes"), refused.err());
    }
}
