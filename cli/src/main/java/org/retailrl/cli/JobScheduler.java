package org.retailrl.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;

/**
 * Runs an experiment's independent jobs on a fixed number of threads, the longest expected first
 * (docs/model.md §8.13: every job reads only its own inputs and its result is stored by its index,
 * so neither the order nor the thread count changes a result, only the wall time).
 *
 * <p>Why an order at all: a comparison trains a few learners over several seeds, and one learner's
 * run can take half as long again as another's (on scenario (b) the joint-action PPO's 441-way
 * softmax makes its run about 1.4× FSDA's). Taken in list order, the last long run can be left alone on one core at
 * the end while the others idle. The cost of a job is not known in advance, but jobs of one
 * <em>group</em> (one learner over its seeds) cost about the same, so the scheduler learns it as it
 * goes: a free thread first starts one job of every group not yet started (in list order, to learn
 * its cost), then the job whose group is expected to take longest — the mean of the group's
 * finished jobs, or, while none has finished, the longest its running jobs have run so far (a
 * lower bound, which beats a finished mean up to {@value #TIE} longer: jobs started together
 * finish a moment apart, and the one still running is the longer) — and last the
 * ungrouped jobs (short ones such as heuristic fits, which fill the threads' tails) in list order.
 * This is the longest-processing-time rule of scheduling with costs measured on the way.
 *
 * <p>If a job throws, no further job is started; the jobs already running finish, and the
 * failure of the lowest-indexed failed job is thrown, so which error is reported does not depend
 * on timing.
 */
final class JobScheduler {
    /**
     * One job.
     *
     * @param group jobs expected to take about equally long share a group (one learner over its
     *              seeds); null for short jobs, run after all grouped ones
     * @param task  the work; its result is returned at the job's index
     */
    record Job(String group, Callable<Object> task) {
    }

    /** How much a running group's lower bound counts over a finished group's mean. */
    static final double TIE = 0.02;

    private final List<Job> jobs;
    private final LongSupplier clock;
    private final long[] start;
    private final long[] end;
    private final boolean[] taken;
    private final boolean[] done;
    private final Object[] results;
    private final Throwable[] failures;
    private boolean failed;

    private JobScheduler(List<Job> jobs, LongSupplier clock) {
        this.jobs = List.copyOf(jobs);
        this.clock = clock;
        int n = jobs.size();
        start = new long[n];
        end = new long[n];
        taken = new boolean[n];
        done = new boolean[n];
        results = new Object[n];
        failures = new Throwable[n];
    }

    /**
     * Runs {@code jobs} on {@code threads} threads named {@code name} (1: the calling thread, in
     * list order) and returns their results in list order.
     *
     * @throws ExecutionException wrapping the lowest-indexed job's failure, if any job failed
     */
    static List<Object> run(List<Job> jobs, int threads, String name) throws ExecutionException, InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        JobScheduler s = new JobScheduler(jobs, System::nanoTime);
        if (threads == 1 || jobs.size() <= 1) {
            for (int i = 0; i < jobs.size(); i++) {
                synchronized (s) {
                    s.begin(i);
                }
                s.runJob(i);
                if (s.failed) {
                    break;
                }
            }
            return s.outcome();
        }
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, jobs.size()); t++) {
            Thread w = new Thread(s::work, name);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        try {
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            for (Thread w : workers) {
                w.interrupt();
            }
            throw e;
        }
        return s.outcome();
    }

    private void work() {
        while (true) {
            int i;
            synchronized (this) {
                i = failed ? -1 : pick(clock.getAsLong());
                if (i >= 0) {
                    begin(i);
                }
            }
            if (i < 0) {
                return;
            }
            runJob(i);
        }
    }

    /** Marks job {@code i} started now; caller holds the lock. */
    private void begin(int i) {
        taken[i] = true;
        start[i] = clock.getAsLong();
    }

    private void runJob(int i) {
        Object r = null;
        Throwable f = null;
        try {
            r = jobs.get(i).task().call();
        } catch (Throwable e) {
            f = e;
        }
        synchronized (this) {
            end[i] = clock.getAsLong();
            done[i] = true;
            results[i] = r;
            failures[i] = f;
            failed |= f != null;
        }
    }

    /**
     * The index of the next job to start at time {@code now}, or −1 when none is left: an unstarted
     * group's first job, else the job of the group expected to take longest, else the first
     * ungrouped job. Caller holds the lock.
     */
    int pick(long now) {
        Map<String, double[]> groups = new HashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            String g = jobs.get(i).group();
            if (g == null || !taken[i]) {
                continue;
            }
            // {finished count, finished total, longest running so far}
            double[] st = groups.computeIfAbsent(g, k -> new double[3]);
            if (done[i]) {
                st[0]++;
                st[1] += end[i] - start[i];
            } else {
                st[2] = Math.max(st[2], now - start[i]);
            }
        }
        int best = -1;
        double bestCost = Double.NEGATIVE_INFINITY;
        int firstUngrouped = -1;
        for (int i = 0; i < jobs.size(); i++) {
            if (taken[i]) {
                continue;
            }
            String g = jobs.get(i).group();
            if (g == null) {
                if (firstUngrouped < 0) {
                    firstUngrouped = i;
                }
                continue;
            }
            double[] st = groups.get(g);
            if (st == null) {
                return i;
            }
            // A group with no finished job has run at least st[2]: its lower bound counts TIE
            // more, so that it beats a finished mean of about the same length (the two groups'
            // first jobs started together, and this one is not done).
            boolean bound = st[0] == 0;
            double cost = bound ? st[2] * (1 + TIE) : Math.max(st[1] / st[0], st[2]);
            if (cost > bestCost) {
                best = i;
                bestCost = cost;
            }
        }
        return best >= 0 ? best : firstUngrouped;
    }

    private List<Object> outcome() throws ExecutionException {
        for (Throwable f : failures) {
            if (f != null) {
                throw new ExecutionException(f);
            }
        }
        List<Object> out = new ArrayList<>(results.length);
        for (Object r : results) {
            out.add(r);
        }
        return out;
    }

    /** A scheduler on a given clock, for tests of the order alone ({@link #pick}, {@link #mark}). */
    static JobScheduler forTest(List<Job> jobs, LongSupplier clock) {
        return new JobScheduler(jobs, clock);
    }

    /** Test hook: records job {@code i} as started at {@code from} and finished at {@code to} (or still running: null). */
    synchronized void mark(int i, long from, Long to) {
        taken[i] = true;
        start[i] = from;
        if (to != null) {
            end[i] = to;
            done[i] = true;
        }
    }
}
