package org.retailrl.algorithms.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The harness of the fuzz properties: runs one reader on one damaged input and checks the
 * contract every reader of untrusted bytes keeps — it returns an object or throws the library's
 * own exception (never an {@code OutOfMemoryError}, an index or a null-pointer exception), within
 * {@link #LIMIT}, allocating at most {@link #FACTOR} times the input's size plus {@link #SLACK}
 * (the reader's fixed buffers), measured with the thread's allocation counter. Each suite reads
 * its intact file once first, so that class loading is not counted.
 */
public final class Untrusted {
    /** Allocation allowed per input byte. */
    public static final long FACTOR = 16;
    /** Allocation allowed regardless of size: stream buffers, parsers, exception messages. */
    public static final long SLACK = 1 << 20;
    /** Time allowed per case: the readers run in microseconds; a hostile size would take seconds or exhaust memory. */
    public static final Duration LIMIT = Duration.ofSeconds(1);

    /** What a reader did with one input. */
    public record Outcome<T>(T value, Exception refusal, long allocated) {
        public boolean loaded() {
            return value != null;
        }
    }

    public interface Reader<T> {
        T read(byte[] bytes) throws Exception;
    }

    private Untrusted() {
    }

    /** Runs {@code reader} on {@code bytes}; a refusal must be one of {@code allowed}. */
    public static <T> Outcome<T> attempt(String what, byte[] bytes, Reader<T> reader, List<Class<? extends Exception>> allowed) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Outcome<T> o = assertTimeoutPreemptively(LIMIT, () -> {
            long before = mx.getCurrentThreadAllocatedBytes();
            T value = null;
            Exception refusal = null;
            try {
                value = reader.read(bytes);
            } catch (Exception e) {
                refusal = e;
            } catch (OutOfMemoryError | StackOverflowError e) {
                fail(what + ": " + e, e);
            }
            return new Outcome<>(value, refusal, mx.getCurrentThreadAllocatedBytes() - before);
        }, () -> what + ": took more than " + LIMIT);
        if (o.refusal() != null) {
            Exception e = o.refusal();
            if (allowed.stream().noneMatch(c -> c.isInstance(e))) {
                throw new AssertionError(what + ": refused with " + e + ", not the library's own exception", e);
            }
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), what + ": a refusal without a message");
        }
        long budget = FACTOR * bytes.length + SLACK;
        assertTrue(o.allocated() <= budget, what + ": allocated " + o.allocated() + " bytes for a " + bytes.length
                + "-byte input, more than " + budget);
        return o;
    }

    /** A fuzz suite's check of one input: true when it loaded. */
    public interface Check {
        boolean loaded(String what, byte[] bytes) throws Exception;
    }

    /**
     * Flips bit {@code at} of {@code file}: with {@code recompute} the checksums are then
     * recomputed by {@code resum} and the damaged file may load; without, it must be refused.
     */
    public static void flipped(byte[] file, int at, boolean recompute, java.util.function.UnaryOperator<byte[]> resum,
                               Check check) throws Exception {
        byte[] damaged = flip(file, at);
        if (recompute) {
            check.loaded("bit " + at + " flipped, checksums recomputed", resum.apply(damaged));
        } else if (check.loaded("bit " + at + " flipped", damaged)) {
            throw new AssertionError("bit " + at + " flipped without recomputing the checksums, and the file loaded");
        }
    }

    /** {@code bytes} cut to its first {@code n}. */
    public static byte[] truncate(byte[] bytes, int n) {
        return Arrays.copyOf(bytes, n);
    }

    /** {@code bytes} with bit {@code bit} flipped. */
    public static byte[] flip(byte[] bytes, int bit) {
        byte[] b = bytes.clone();
        b[bit >>> 3] ^= (byte) (1 << (bit & 7));
        return b;
    }

    /** Stores {@code crc32c(b[from, to))} at {@code at} with the given byte order. */
    public static void crc(byte[] b, int from, int to, int at, java.nio.ByteOrder order) {
        CRC32C c = new CRC32C();
        c.update(b, from, to - from);
        java.nio.ByteBuffer.wrap(b).order(order).putInt(at, (int) c.getValue());
    }

    /** Values a hostile writer puts into a size field. */
    public static final int[] HUGE = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 1 << 30, 1 << 24, 1_000_000, 65_537};
}
