package org.retailrl.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Time per call of the level-1 kernels and activations of {@link Kernels} (docs/model.md §8: the
 * elementwise parts of every layer). Compare paths by running once as is and once with
 * {@code -jvmArgsAppend -Dretailrl.simd=scalar}.
 *
 * <p>Run: {@code ./retail-bench Kernels -f 1 -wi 2 -i 3 -w 1 -r 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
public class KernelsBenchmark {
    /** Vector length in floats. */
    @Param({"64", "4096"})
    public int size;

    private float[] x;
    private float[] y;
    private float[] out;

    /** Inputs in [−4, 4], the range activations see in practice; fixed seed. */
    @Setup
    public void setup() {
        Rng rng = new Rng(1);
        x = new float[size];
        y = new float[size];
        out = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) rng.uniform(-4, 4);
            y[i] = (float) rng.uniform(-4, 4);
        }
    }

    @Benchmark
    public float dot() {
        return Kernels.dot(x, 0, y, 0, size);
    }

    @Benchmark
    public void axpy(Blackhole bh) {
        System.arraycopy(y, 0, out, 0, size);
        Kernels.axpy(0.5f, x, 0, out, 0, size);
        bh.consume(out);
    }

    @Benchmark
    public void tanh(Blackhole bh) {
        Kernels.tanh(x, 0, out, 0, size);
        bh.consume(out);
    }

    @Benchmark
    public void sigmoid(Blackhole bh) {
        Kernels.sigmoid(x, 0, out, 0, size);
        bh.consume(out);
    }

    @Benchmark
    public void exp(Blackhole bh) {
        Kernels.exp(x, 0, out, 0, size);
        bh.consume(out);
    }

    /** {@link Kernels#expToFloat}: {@code (float) Math.exp(x)} in lanes, the policy gradient's probabilities. */
    @Benchmark
    public void expToFloat(Blackhole bh) {
        Kernels.expToFloat(x, 0, out, 0, size);
        bh.consume(out);
    }

    /** The loop {@link #expToFloat} replaces, for the ratio in the same run. */
    @Benchmark
    public void mathExpToFloat(Blackhole bh) {
        for (int i = 0; i < size; i++) {
            out[i] = (float) Math.exp(x[i]);
        }
        bh.consume(out);
    }
}
