package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The order in which {@link JobScheduler} starts jobs, and that results and failures do not depend on it. */
class JobSchedulerTest {
    private static List<JobScheduler.Job> jobs(String... groups) {
        List<JobScheduler.Job> out = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            int k = i;
            out.add(new JobScheduler.Job(groups[i], () -> k));
        }
        return out;
    }

    /**
     * A comparison of a short learner F and a long one P over three seeds on two threads, then
     * three fits: each group's first seed starts first; once F's first run has finished and P's is
     * still running, P is the longer and its seeds go before F's; the fits go last.
     */
    @Test
    void startsOneJobPerGroupThenTheLongestGroupThenTheUngrouped() {
        JobScheduler s = JobScheduler.forTest(jobs("F", "P", "F", "P", "F", "P", null, null, null), () -> 0);
        assertEquals(0, s.pick(0));
        s.mark(0, 0, null);
        assertEquals(1, s.pick(0));
        s.mark(1, 1, null);
        // F's first run finished after 83, P's started a moment later, has run 82 and goes on: P
        // is the longer.
        s.mark(0, 0, 83L);
        assertEquals(3, s.pick(83));
        s.mark(3, 83, null);
        // P's first finished after 140: the third P before any F.
        s.mark(1, 1, 140L);
        assertEquals(5, s.pick(140));
        s.mark(5, 140, null);
        assertEquals(2, s.pick(223));
        s.mark(2, 223, null);
        assertEquals(4, s.pick(280));
        s.mark(4, 280, null);
        assertEquals(6, s.pick(306));
        s.mark(6, 306, null);
        assertEquals(7, s.pick(310));
        s.mark(7, 310, null);
        assertEquals(8, s.pick(320));
        s.mark(8, 320, null);
        assertEquals(-1, s.pick(330));
    }

    /** A finished group mean loses to a group whose running job has already run longer. */
    @Test
    void aRunningJobLongerThanTheOtherGroupsMeanMakesItsGroupTheLonger() {
        JobScheduler s = JobScheduler.forTest(jobs("A", "B", "A", "B"), () -> 0);
        s.mark(0, 0, 100L);
        s.mark(1, 50, null);
        assertEquals(2, s.pick(120), "B has run 70, A took 100");
        assertEquals(2, s.pick(147), "B has run 97, more than 2% short of A's 100");
        assertEquals(3, s.pick(149), "B has run 99 and is not done");
        assertEquals(3, s.pick(151), "B has run 101 > A's 100");
    }

    @Test
    void returnsResultsInListOrderOnAnyThreadCount() throws Exception {
        List<JobScheduler.Job> js = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            int k = i;
            js.add(new JobScheduler.Job(k < 6 ? "g" + (k % 2) : null, () -> {
                Thread.sleep(5L * (k % 3));
                return k * k;
            }));
        }
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            expected.add(i * i);
        }
        for (int threads : new int[] {1, 2, 3, 16}) {
            assertEquals(expected, JobScheduler.run(js, threads, "test"), threads + " threads");
        }
    }

    /** After a failure no further job starts, and the lowest-indexed failure is thrown. */
    @Test
    void aFailureStopsNewJobsAndTheLowestIndexedOneIsThrown() {
        AtomicBoolean lateRan = new AtomicBoolean();
        List<JobScheduler.Job> js = List.of(
                new JobScheduler.Job(null, () -> 0),
                new JobScheduler.Job(null, () -> {
                    throw new IllegalStateException("first");
                }),
                new JobScheduler.Job(null, () -> {
                    lateRan.set(true);
                    return 2;
                }));
        ExecutionException e = assertThrows(ExecutionException.class, () -> JobScheduler.run(js, 1, "test"));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("first", e.getCause().getMessage());
        assertFalse(lateRan.get(), "no job starts after a failure");

        List<JobScheduler.Job> two = List.of(
                new JobScheduler.Job(null, () -> {
                    Thread.sleep(50);
                    throw new IllegalArgumentException("low");
                }),
                new JobScheduler.Job(null, () -> {
                    throw new IllegalStateException("high");
                }));
        ExecutionException both = assertThrows(ExecutionException.class, () -> JobScheduler.run(two, 2, "test"));
        assertEquals("low", both.getCause().getMessage(), "the lowest index, whichever failed first");
    }

    @Test
    void refusesZeroThreads() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JobScheduler.run(jobs("a"), 0, "test"));
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
    }
}
