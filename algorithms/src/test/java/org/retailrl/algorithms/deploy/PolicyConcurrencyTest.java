package org.retailrl.algorithms.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One {@link Policy} shared by several threads, each with its own {@link Policy.Session}, gives
 * every thread the decisions one thread gets alone.
 */
class PolicyConcurrencyTest {
    private static final int THREADS = 4;
    private static final int EPISODES = 6;
    private static final int ROUNDS = 5;

    @Test
    void threadsWithTheirOwnSessionsDecideAsOneThreadDoes() throws Exception {
        Policy policy = Policy.of(PolicyTest.scenario(), PolicyFile.FSDA, PolicyTest.fsda(21));
        int horizon = policy.scenario().horizon();
        float[][][] episodes = new float[EPISODES][][];
        int[][] alone = new int[EPISODES][];
        Policy.Session single = policy.newSession();
        for (int e = 0; e < EPISODES; e++) {
            episodes[e] = PolicyTest.observations(policy, horizon, 100 + e);
            alone[e] = PolicyTest.run(policy, single, episodes[e], 0);
        }
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<int[][][]>> results = new ArrayList<>();
            for (int k = 0; k < THREADS; k++) {
                int offset = k;
                results.add(pool.submit(() -> {
                    Policy.Session s = policy.newSession();
                    start.await(30, TimeUnit.SECONDS);
                    int[][][] got = new int[ROUNDS][EPISODES][];
                    // Each thread walks the episodes from a different start, so threads are at
                    // different points of different episodes at the same time.
                    for (int r = 0; r < ROUNDS; r++) {
                        for (int j = 0; j < EPISODES; j++) {
                            int e = (j + offset) % EPISODES;
                            got[r][e] = PolicyTest.run(policy, s, episodes[e], 0);
                        }
                    }
                    return got;
                }));
            }
            for (int k = 0; k < THREADS; k++) {
                int[][][] got = results.get(k).get(120, TimeUnit.SECONDS);
                for (int r = 0; r < ROUNDS; r++) {
                    for (int e = 0; e < EPISODES; e++) {
                        assertArrayEquals(alone[e], got[r][e], "thread " + k + " round " + r + " episode " + e);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
