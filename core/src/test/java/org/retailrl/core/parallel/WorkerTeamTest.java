package org.retailrl.core.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;

/** The worker team of docs/model.md §8.12: every member runs once per region, barriers hold, failures surface, splits cover. */
class WorkerTeamTest {
    @Test
    void everyMemberRunsOncePerRegionAndBarriersOrderPhases() {
        try (WorkerTeam team = WorkerTeam.create(4)) {
            for (int region = 0; region < 200; region++) {
                AtomicIntegerArray calls = new AtomicIntegerArray(4);
                int[] phase1 = new int[4];
                int[] seenInPhase2 = new int[4];
                team.run(w -> {
                    calls.incrementAndGet(w);
                    phase1[w] = w + 1;
                    team.await();
                    // After the barrier every member's phase-1 write is visible.
                    int sum = 0;
                    for (int v : phase1) {
                        sum += v;
                    }
                    seenInPhase2[w] = sum;
                    team.await();
                });
                for (int w = 0; w < 4; w++) {
                    assertEquals(1, calls.get(w), "member " + w + " in region " + region);
                }
                assertArrayEquals(new int[] {10, 10, 10, 10}, seenInPhase2, "region " + region);
            }
        }
    }

    @Test
    void aFailingMemberIsReportedAndReleasesTheOthersFromTheirBarriers() {
        try (WorkerTeam team = WorkerTeam.create(3)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> team.run(w -> {
                if (w == 2) {
                    throw new IllegalArgumentException("member two failed");
                }
                team.await();
            }));
            assertEquals("member two failed", e.getMessage());
            // The team still works afterwards.
            AtomicIntegerArray calls = new AtomicIntegerArray(3);
            team.run(w -> {
                team.await();
                calls.incrementAndGet(w);
            });
            assertEquals(3, calls.get(0) + calls.get(1) + calls.get(2));
        }
    }

    @Test
    void misuseIsRefusedWithAMessage() {
        assertSame(WorkerTeam.SERIAL, WorkerTeam.create(1));
        assertThrows(IllegalArgumentException.class, () -> WorkerTeam.create(0));
        WorkerTeam team = WorkerTeam.create(2);
        IllegalStateException nested = assertThrows(IllegalStateException.class, () -> team.run(w -> {
            if (w == 0) {
                team.run(v -> { });
            }
        }));
        assertTrue(nested.getMessage().contains("nest"), nested.getMessage());
        assertThrows(IllegalStateException.class, team::await);
        team.close();
        assertThrows(IllegalStateException.class, () -> team.run(w -> { }));
        // The serial team needs no region for its barrier and runs bodies inline.
        int[] ran = new int[1];
        WorkerTeam.SERIAL.run(w -> {
            WorkerTeam.SERIAL.await();
            ran[0]++;
        });
        assertEquals(1, ran[0]);
    }

    @Property(tries = 200)
    void splitsCoverEveryItemOnceInOrder(@ForAll @IntRange(min = 0, max = 5000) int n,
                                         @ForAll @IntRange(min = 1, max = 40) int parts,
                                         @ForAll @IntRange(min = 1, max = 16) int align) {
        int previous = 0;
        assertEquals(0, WorkerTeam.start(0, parts, n, align));
        for (int p = 1; p <= parts; p++) {
            int s = WorkerTeam.start(p, parts, n, align);
            assertTrue(s >= previous, "parts must not overlap");
            if (p < parts && s < n) {
                assertEquals(0, s % align, "inner boundaries are aligned");
            }
            previous = s;
        }
        assertEquals(n, WorkerTeam.start(parts, parts, n, align));
    }

    @Test
    void teamKernelsGiveTheSerialBitsForEveryTeamSize() {
        Rng rng = Rng.stream(3, 0);
        int m = 203, n = 67, k = 310;
        float[] a = new float[m * k];
        float[] at = new float[k * m];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rng.uniform(-1, 1);
            at[i] = (float) rng.uniform(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rng.uniform(-1, 1);
        }
        float[] c1 = new float[m * n];
        float[] t1 = new float[m * n];
        float[] s1 = new float[k];
        TeamKernels.gemm(WorkerTeam.SERIAL, false, false, m, n, k, a, 0, k, b, 0, n, c1, 0, n, false);
        TeamKernels.gemm(WorkerTeam.SERIAL, true, false, m, n, k, at, 0, m, b, 0, n, t1, 0, n, false);
        TeamKernels.columnSums(WorkerTeam.SERIAL, a, 0, m, k, k, s1, 0);
        for (int size : new int[] {2, 3, 7}) {
            try (WorkerTeam team = WorkerTeam.create(size)) {
                float[] c = new float[m * n];
                float[] t = new float[m * n];
                float[] s = new float[k];
                TeamKernels.gemm(team, false, false, m, n, k, a, 0, k, b, 0, n, c, 0, n, false);
                TeamKernels.gemm(team, true, false, m, n, k, at, 0, m, b, 0, n, t, 0, n, false);
                TeamKernels.columnSums(team, a, 0, m, k, k, s, 0);
                assertArrayEquals(c1, c, "NN product, team of " + size);
                assertArrayEquals(t1, t, "TN product, team of " + size);
                assertArrayEquals(s1, s, "column sums, team of " + size);
            }
        }
    }
}
