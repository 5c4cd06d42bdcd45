package org.retailrl.envs.gbdt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed pool of worker threads that runs a loop over {@code [0, n)} in contiguous chunks, one
 * per thread, and waits for all of them. The learner of docs/model.md §5 only gives it bodies that write
 * disjoint memory (one feature's histogram, one row's gradient), so results never depend on the
 * number of threads or their timing.
 */
final class Parallel implements AutoCloseable {
    /** Body of a chunked loop: handles indices {@code [from, to)}. */
    interface Range {
        void run(int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    Parallel(int threads) {
        this.threads = threads;
        this.pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "gbdt-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code body} over {@code [0, n)}; on the calling thread alone when {@code work} (an
     * estimate of the element operations) is too small to pay for a hand-off.
     */
    void forRange(int n, long work, Range body) {
        int parts = (int) Math.min(threads, Math.max(1, Math.min(n, work / 32_768)));
        if (parts <= 1) {
            body.run(0, n);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) n * p / parts);
            int to = (int) ((long) n * (p + 1) / parts);
            futures.add(pool.submit(() -> body.run(from, to)));
        }
        Throwable failure = null;
        try {
            body.run(0, (int) ((long) n / parts));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error er) {
            throw er;
        }
        if (failure != null) {
            throw new IllegalStateException("training interrupted", failure);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
