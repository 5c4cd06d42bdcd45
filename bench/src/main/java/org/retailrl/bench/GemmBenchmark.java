package org.retailrl.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.retailrl.core.random.Rng;
import org.retailrl.core.simd.Kernels;

/**
 * Single-thread {@link Kernels#gemm} time for the shapes the networks of docs/model.md §8 produce
 * (64×64×192 ≈ one GRU gate GEMM of a 64-sequence batch) and two square sizes. Shapes are
 * {@code m x n x k}; GFLOP/s = 2·m·n·k / time, compared with {@link PeakFlopsBenchmark}. Variant
 * {@code NP} times {@link Kernels#gemmPackedRight} on a B packed once beforehand, as the GRU
 * layers' input and recurrent products run (their weights are packed once per pass, not per
 * product); the other variants pack op(B) inside every call.
 *
 * <p>Run: {@code ./retail-bench 'PeakFlops|Gemm' -f 1 -wi 3 -i 5 -w 1 -r 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
public class GemmBenchmark {
    /** {@code m x n x k}. */
    @Param({"64x64x192", "256x256x256", "1024x1024x1024"})
    public String shape;

    /**
     * Transpose variant: NN, NT (B transposed) or TN (A transposed) — the three the autodiff uses —
     * or NP: NN with B packed once in the set-up ({@link Kernels#gemmPackedRight}).
     */
    @Param({"NN"})
    public String variant;

    private int m;
    private int n;
    private int k;
    private boolean ta;
    private boolean tb;
    private float[] a;
    private float[] b;
    private float[] c;
    private float[] packed;

    /** Allocates and fills the operands once per trial; values from a fixed seed. */
    @Setup(Level.Trial)
    public void setup() {
        String[] p = shape.split("x");
        m = Integer.parseInt(p[0]);
        n = Integer.parseInt(p[1]);
        k = Integer.parseInt(p[2]);
        if (!variant.matches("NN|NT|TN|NP")) {
            throw new IllegalArgumentException("variant must be NN, NT, TN or NP, got " + variant);
        }
        ta = variant.charAt(0) == 'T';
        tb = variant.charAt(1) == 'T';
        Rng rng = new Rng(42);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rng.uniform(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rng.uniform(-1, 1);
        }
        if (variant.equals("NP")) {
            packed = new float[Kernels.packedRightSize(k, n)];
            Kernels.packRight(false, k, n, b, 0, n, packed, 0);
        }
        // The scores are quoted as the vector path's; refuse to produce them from the scalar twin.
        if (!Kernels.implementation().startsWith("vector")) {
            throw new IllegalStateException("GemmBenchmark measures the vector kernels, but the kernel path is "
                    + Kernels.implementation());
        }
    }

    /** One C = op(A)·op(B). */
    @Benchmark
    public void gemm(Blackhole bh) {
        if (packed != null) {
            Kernels.gemmPackedRight(m, n, k, a, 0, k, packed, 0, c, 0, n, false);
        } else {
            Kernels.gemm(ta, tb, m, n, k, a, 0, ta ? m : k, b, 0, tb ? k : n, c, 0, n, false);
        }
        bh.consume(c);
    }
}
