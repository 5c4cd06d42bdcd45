package org.retailrl.core.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads that runs one data-parallel region at a time (docs/model.md §8.12):
 * {@link #run} calls the same body once per member, on the calling thread (member 0) and on
 * {@code size − 1} daemon threads, and returns when every member is done; inside a region,
 * {@link #await} is a barrier of all members.
 *
 * <p>Why a team instead of an executor: a training step forks and joins hundreds of times (per
 * layer, per block of GRU steps), each region lasting tens of microseconds, so waiting members
 * spin briefly on a volatile counter before yielding and finally parking, and no task objects
 * are queued. Determinism is the caller's part: a region must split its work by <em>output</em>
 * (each output element written by one member, with the arithmetic the serial code uses), so
 * results do not depend on the team's size; {@link #start} gives the split points.
 *
 * <p>A team is used by one thread at a time and regions do not nest. If a member throws, the
 * others leave their barriers, and {@link #run} rethrows the first failure.
 */
public final class WorkerTeam implements AutoCloseable {
    /** A team of one: {@link #run} calls the body on the calling thread. */
    public static final WorkerTeam SERIAL = new WorkerTeam(1);

    /** Spins before a waiting member starts yielding its core ({@code -Dretailrl.team.spins}). */
    private static final int SPINS = Integer.getInteger("retailrl.team.spins", 1 << 12);
    /** Yields before an idle worker parks until the next region. */
    private static final int YIELDS = 1 << 8;

    private final int size;
    private final Thread[] workers;
    private volatile IntConsumer body;
    /** Incremented by {@link #run} to start a region; workers wait for it to change. */
    private volatile long epoch;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int barrierGeneration;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closed;
    private volatile boolean inRegion;
    /** Whether each worker (index member − 1) may be parked: only those are unparked, a futex call each. */
    private final java.util.concurrent.atomic.AtomicIntegerArray parked;

    private WorkerTeam(int size) {
        this.size = size;
        this.workers = new Thread[size - 1];
        this.parked = new java.util.concurrent.atomic.AtomicIntegerArray(Math.max(0, size - 1));
        for (int w = 1; w < size; w++) {
            final int member = w;
            Thread t = new Thread(() -> work(member), "retailrl-team-" + member);
            t.setDaemon(true);
            workers[w - 1] = t;
        }
        for (Thread t : workers) {
            t.start();
        }
    }

    /**
     * A team of {@code threads} members (1 to 1,024); 1 gives {@link #SERIAL}, which owns no
     * thread. Close a larger team when done with it.
     */
    public static WorkerTeam create(int threads) {
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads must be in [1, 1024], got " + threads);
        }
        return threads == 1 ? SERIAL : new WorkerTeam(threads);
    }

    /** Number of members, the calling thread included. */
    public int size() {
        return size;
    }

    /**
     * Start of part {@code part} when {@code n} items are split into {@code parts} contiguous
     * parts whose inner boundaries are multiples of {@code align} (the last part ends at
     * {@code n}); part {@code p} is {@code [start(p), start(p + 1))}, possibly empty.
     */
    public static int start(int part, int parts, int n, int align) {
        if (part >= parts) {
            return n;
        }
        long even = (long) n * part / parts;
        long aligned = (even + align / 2) / align * align;
        return (int) Math.min(n, aligned);
    }

    /** A contiguous range {@code [lo, hi)} of items, one part of a split. */
    @FunctionalInterface
    public interface Range {
        /** Processes items {@code [lo, hi)}. */
        void run(int lo, int hi);
    }

    /**
     * Splits {@code [0, n)} into {@code parts} parts (boundaries as {@link #start}) and runs each
     * on its own member, in one region; with one part, runs it on the calling thread.
     * {@code parts} must not exceed {@link #size()}.
     */
    public void forEachPart(int parts, int n, int align, Range body) {
        if (parts == 1) {
            body.run(0, n);
            return;
        }
        if (parts < 1 || parts > size) {
            throw new IllegalArgumentException("parts must be in [1, " + size + "], got " + parts);
        }
        run(w -> {
            if (w < parts) {
                body.run(start(w, parts, n, align), start(w + 1, parts, n, align));
            }
        });
    }

    /**
     * Runs {@code body.accept(member)} for every member {@code 0 … size − 1}, member 0 on the
     * calling thread, and returns when all are done.
     *
     * @throws IllegalStateException when called from inside a region (regions do not nest) or
     *                               on a closed team
     */
    public void run(IntConsumer body) {
        if (size == 1) {
            body.accept(0);
            return;
        }
        if (closed) {
            throw new IllegalStateException("this worker team is closed");
        }
        if (inRegion) {
            throw new IllegalStateException("worker team regions do not nest");
        }
        inRegion = true;
        try {
            failure.set(null);
            arrived.set(0);
            this.body = body;
            running.set(size - 1);
            epoch++;
            // A worker announces parking before it rechecks the epoch, so either it sees the new
            // epoch or this sees its flag (both sides volatile): no wake-up is lost.
            for (int w = 0; w < workers.length; w++) {
                if (parked.get(w) != 0) {
                    LockSupport.unpark(workers[w]);
                }
            }
            try {
                body.accept(0);
            } catch (TeamAbort e) {
                // Another member failed first; its exception is reported below.
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
            int spins = 0;
            while (running.get() > 0) {
                spins = backOff(spins);
            }
            this.body = null;
        } finally {
            inRegion = false;
        }
        Throwable e = failure.getAndSet(null);
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error r) {
            throw r;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A barrier of all members, for use inside a region: returns once every member has called it
     * (as many times as this one). Throws if another member failed, so no member waits forever.
     */
    public void await() {
        if (size == 1) {
            return;
        }
        if (!inRegion) {
            throw new IllegalStateException("await outside a worker team region");
        }
        int generation = barrierGeneration;
        if (arrived.incrementAndGet() == size) {
            arrived.set(0);
            barrierGeneration = generation + 1;
            return;
        }
        int spins = 0;
        while (barrierGeneration == generation) {
            if (failure.get() != null) {
                throw new TeamAbort();
            }
            spins = backOff(spins);
        }
    }

    /** Thrown out of {@link #await} in the members that did not fail; {@link #run} reports the first failure instead. */
    private static final class TeamAbort extends RuntimeException {
        TeamAbort() {
            super("another member of the worker team failed", null, false, false);
        }
    }

    private static int backOff(int spins) {
        if (spins < SPINS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
        return spins + 1;
    }

    private void work(int member) {
        long seen = 0;
        while (true) {
            int idle = 0;
            while (epoch == seen && !closed) {
                if (idle < SPINS) {
                    Thread.onSpinWait();
                } else if (idle < SPINS + YIELDS) {
                    Thread.yield();
                } else {
                    parked.set(member - 1, 1);
                    if (epoch == seen && !closed) {
                        LockSupport.park(this);
                    }
                    parked.set(member - 1, 0);
                }
                idle++;
            }
            if (closed) {
                return;
            }
            seen = epoch;
            try {
                body.accept(member);
            } catch (TeamAbort ignored) {
                // The failing member's exception is the one to report.
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
            running.decrementAndGet();
        }
    }

    /** Stops the team's threads; a closed team refuses {@link #run}. {@link #SERIAL} is never closed. */
    @Override
    public void close() {
        if (this == SERIAL) {
            return;
        }
        closed = true;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
    }
}
