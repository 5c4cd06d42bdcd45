package org.retailrl.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.retailrl.core.simd.FastExp;
import org.retailrl.core.simd.Kernels;

/**
 * Compares {@link Kernels#expToFloat} with {@code (float) Math.exp(x)} on every float argument in
 * {@code [−87.3, 88.7]} (the range its vector lanes compute; docs/model.md §8.12), about 2.24
 * billion, and prints how many differ (it must be none), the largest distance in ulp between
 * {@link FastExp}'s double and {@code Math.exp}'s, and for how many arguments the two doubles
 * round to different floats (the arguments the kernel's redo margin exists for). A proof of the
 * kernel's equality for the JVM it runs on, about 15 s on two cores; exit status 1 on any
 * difference.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * org.retailrl.bench.ExpToFloatCheck [threads]} (after {@code ./retail-bench -l}).
 */
public final class ExpToFloatCheck {
    private static final int BLOCK = 1 << 16;

    private ExpToFloatCheck() {
    }

    /** Runs the check; the optional argument is the number of threads (default: all cores). */
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        // Raw bit ranges: −0 down to −87.3 (negative floats grow in magnitude with their bits), 0 up to 88.7.
        long[][] ranges = {
            {Float.floatToRawIntBits(-0f) & 0xffff_ffffL, Float.floatToRawIntBits(-87.3f) & 0xffff_ffffL},
            {0, Float.floatToRawIntBits(88.7f)}};
        List<long[]> parts = new ArrayList<>();
        for (long[] r : ranges) {
            long span = r[1] - r[0] + 1;
            for (int t = 0; t < threads; t++) {
                parts.add(new long[] {r[0] + span * t / threads, r[0] + span * (t + 1) / threads - 1});
            }
        }
        System.out.println("kernels=" + Kernels.implementation() + " java=" + Runtime.version() + " threads=" + threads);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> results = new ArrayList<>();
        for (long[] p : parts) {
            results.add(pool.submit(() -> check(p[0], p[1])));
        }
        long total = 0;
        long differ = 0;
        long roundApart = 0;
        long maxUlp = 0;
        for (Future<long[]> f : results) {
            long[] r = f.get();
            total += r[0];
            differ += r[1];
            roundApart += r[2];
            maxUlp = Math.max(maxUlp, r[3]);
        }
        pool.shutdown();
        System.out.printf("arguments %,d, kernel differs from (float) Math.exp: %,d; FastExp vs Math.exp: at most %d ulp, "
                + "rounded to different floats: %,d (%.1f s)%n", total, differ, maxUlp, roundApart,
                (System.nanoTime() - start) / 1e9);
        if (differ != 0) {
            System.exit(1);
        }
    }

    /** {total, kernel mismatches, FastExp/Math.exp rounding apart, max ulp distance} over raw bits [lo, hi]. */
    private static long[] check(long lo, long hi) {
        float[] x = new float[BLOCK];
        float[] out = new float[BLOCK];
        long total = 0;
        long differ = 0;
        long roundApart = 0;
        long maxUlp = 0;
        for (long b = lo; b <= hi; ) {
            int m = 0;
            while (m < BLOCK && b <= hi) {
                x[m++] = Float.intBitsToFloat((int) b++);
            }
            Kernels.expToFloat(x, 0, out, 0, m);
            for (int i = 0; i < m; i++) {
                double exact = Math.exp(x[i]);
                float ref = (float) exact;
                if (Float.floatToRawIntBits(ref) != Float.floatToRawIntBits(out[i])) {
                    if (differ++ < 10) {
                        System.out.println("differs: x = " + x[i] + " (" + Float.toHexString(x[i]) + "), kernel "
                                + out[i] + ", (float) Math.exp " + ref);
                    }
                }
                double fast = FastExp.exp(x[i]);
                maxUlp = Math.max(maxUlp, Math.abs(Double.doubleToRawLongBits(fast) - Double.doubleToRawLongBits(exact)));
                if ((float) fast != ref) {
                    roundApart++;
                }
            }
            total += m;
        }
        return new long[] {total, differ, roundApart, maxUlp};
    }
}
