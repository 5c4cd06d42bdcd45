package org.retailrl.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The single-core float FMA peak of this machine in FLOP/s — the physical ceiling that
 * {@link GemmBenchmark}'s GFLOP/s are compared against (docs/model.md §8.1).
 *
 * <p>Twelve independent 512-bit accumulators, each updated by {@code acc = acc·m + a}: twelve
 * chains cover the FMA latency (4 cycles) times its two issue ports with room to spare, and every
 * operand stays in registers, so memory never limits the loop. The score is in FLOP per
 * nanosecond, i.e. GFLOP/s: one FMA on 16 lanes counts 32 FLOP. {@code fmaPeak256} is the same
 * loop on 256-bit vectors (8 lanes, 16 FLOP per FMA): the ceiling of the kernels' 256-bit path,
 * which is what a machine with AVX2 but no AVX-512 runs, and what {@code -Dretailrl.simd.width=256}
 * forces here.
 *
 * <p>Run: {@code ./retail-bench PeakFlops -f 1 -wi 3 -i 5 -w 1 -r 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
public class PeakFlopsBenchmark {
    /** Fixed 512-bit species: the FLOP count per invocation below assumes 16 lanes. */
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_512;
    private static final int STEPS = 4096;
    private static final int ACCUMULATORS = 12;
    private static final int FLOP_PER_INVOCATION = STEPS * ACCUMULATORS * 16 * 2;
    private static final VectorSpecies<Float> S256 = FloatVector.SPECIES_256;
    private static final int FLOP_PER_INVOCATION_256 = STEPS * ACCUMULATORS * 8 * 2;

    private float mul;
    private float addend;

    /** Values from a field so the JIT cannot fold the loop; |m| < 1 keeps accumulators bounded. */
    @Setup
    public void setup() {
        mul = 0.999_999f;
        addend = 1e-3f;
    }

    /** Register-only FMA throughput; the loop over STEPS is the measured kernel itself. */
    @Benchmark
    @OperationsPerInvocation(FLOP_PER_INVOCATION)
    public void fmaPeak(Blackhole bh) {
        FloatVector m = FloatVector.broadcast(S, mul);
        FloatVector a = FloatVector.broadcast(S, addend);
        FloatVector c0 = a, c1 = a.add(1f), c2 = a.add(2f), c3 = a.add(3f), c4 = a.add(4f), c5 = a.add(5f);
        FloatVector c6 = a.add(6f), c7 = a.add(7f), c8 = a.add(8f), c9 = a.add(9f), c10 = a.add(10f), c11 = a.add(11f);
        for (int s = 0; s < STEPS; s++) {
            c0 = c0.fma(m, a);
            c1 = c1.fma(m, a);
            c2 = c2.fma(m, a);
            c3 = c3.fma(m, a);
            c4 = c4.fma(m, a);
            c5 = c5.fma(m, a);
            c6 = c6.fma(m, a);
            c7 = c7.fma(m, a);
            c8 = c8.fma(m, a);
            c9 = c9.fma(m, a);
            c10 = c10.fma(m, a);
            c11 = c11.fma(m, a);
        }
        bh.consume(c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11));
    }

    /**
     * {@link #fmaPeak} on 256-bit vectors. A second copy of the loop rather than one method taking
     * the species: with the species as an argument C2 did not fold it, the vectors were boxed and
     * the "peak" measured 7.5 GFLOP/s instead of about 270.
     */
    @Benchmark
    @OperationsPerInvocation(FLOP_PER_INVOCATION_256)
    public void fmaPeak256(Blackhole bh) {
        FloatVector m = FloatVector.broadcast(S256, mul);
        FloatVector a = FloatVector.broadcast(S256, addend);
        FloatVector c0 = a, c1 = a.add(1f), c2 = a.add(2f), c3 = a.add(3f), c4 = a.add(4f), c5 = a.add(5f);
        FloatVector c6 = a.add(6f), c7 = a.add(7f), c8 = a.add(8f), c9 = a.add(9f), c10 = a.add(10f), c11 = a.add(11f);
        for (int s = 0; s < STEPS; s++) {
            c0 = c0.fma(m, a);
            c1 = c1.fma(m, a);
            c2 = c2.fma(m, a);
            c3 = c3.fma(m, a);
            c4 = c4.fma(m, a);
            c5 = c5.fma(m, a);
            c6 = c6.fma(m, a);
            c7 = c7.fma(m, a);
            c8 = c8.fma(m, a);
            c9 = c9.fma(m, a);
            c10 = c10.fma(m, a);
            c11 = c11.fma(m, a);
        }
        bh.consume(c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11));
    }
}
