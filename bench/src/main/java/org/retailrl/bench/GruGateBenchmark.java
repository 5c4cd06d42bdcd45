package org.retailrl.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
 * The GRU's gate kernels (docs/model.md §8.1, §8.5) per row of 64 hidden units, called as
 * {@code GRULayer} calls them in W1, with the sequence-long saved activations of {@code rows}
 * rows: 256 rows (about 0.4 MB, in L2), 6,400 (W1's 64 sequences × 100 steps of one layer,
 * about 10 MB, in L3) and 25,600 (W1's four GRU layers together, about 40 MB, beyond L3). Every
 * invocation makes 25,600 row calls, passing over the rows as often as that takes, so the figure
 * is nanoseconds per row in each case and the sizes show what a row costs when the data the
 * backward pass reads (gates, {@code W_hn·h + b_hn}, previous state, output gradient) comes from
 * L2, L3 or memory.
 *
 * <ul>
 *   <li>{@code forward}: {@code addSigmoid} of r and z, the n pre-activation copy and
 *       {@code W_hn·h + b_hn}, {@code gruForwardTail} (tanh of n and the new state), writing the
 *       saved gates, {@code W_hn·h + b_hn} and the output; the input and recurrent products come
 *       from block-sized buffers, as in the layer.
 *   <li>{@code backward}: {@code gruBackwardRow}, steps from last to first and the 64 rows of a
 *       step in order, gate gradients into 256-row block buffers, as in the layer.
 * </ul>
 *
 * <p>Run: {@code ./retail-bench GruGateBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
public class GruGateBenchmark {
    private static final int H = 64;
    private static final int G = 3 * H;
    private static final int BATCH = 64;
    private static final int BLOCK = 256;
    private static final int CALLS = 25_600;

    /** Rows of saved activations (a multiple of 256). */
    @Param({"256", "6400", "25600"})
    public int rows;

    private float[] gates;
    private float[] hn;
    private float[] hprev;
    private float[] y;
    private float[] dy;
    private float[] gi;
    private float[] gh;
    private float[] ghInit;
    private float[] bih;
    private float[] dh;
    private float[] dhp;
    private float[] dgi;
    private float[] dgh;

    /** Gaussian inputs with a fixed seed; gates in (0, 1) as a forward pass leaves them. */
    @Setup
    public void setup() {
        if (rows % BLOCK != 0) {
            throw new IllegalArgumentException("rows must be a multiple of " + BLOCK + ": " + rows);
        }
        Rng rng = new Rng(1);
        gates = uniform(rng, rows * G, 0.05, 0.95);
        hn = gaussian(rng, rows * H);
        hprev = gaussian(rng, rows * H);
        y = new float[rows * H];
        dy = gaussian(rng, rows * H);
        gi = gaussian(rng, BLOCK * G);
        gh = gaussian(rng, BATCH * G);
        ghInit = gaussian(rng, G);
        bih = gaussian(rng, G);
        dh = gaussian(rng, BATCH * H);
        dhp = new float[BATCH * H];
        dgi = new float[BLOCK * G];
        dgh = new float[BLOCK * G];
    }

    private static float[] gaussian(Rng rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (0.5 * rng.normal());
        }
        return a;
    }

    private static float[] uniform(Rng rng, int n, double lo, double hi) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.uniform(lo, hi);
        }
        return a;
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void forward(Blackhole bh) {
        int steps = rows / BATCH;
        for (int done = 0; done < CALLS; done += rows) {
            for (int t = 0; t < steps; t++) {
                int giBase = (t % (BLOCK / BATCH)) * BATCH;
                for (int b = 0; b < BATCH; b++) {
                    int r = t * BATCH + b;
                    int go = r * G;
                    int ro = r * H;
                    int io = (giBase + b) * G;
                    int ho = b * G;
                    Kernels.addSigmoid(gi, io, gh, ho, ghInit, 0, gates, go, 2 * H);
                    System.arraycopy(gi, io + 2 * H, gates, go + 2 * H, H);
                    Kernels.add(gh, ho + 2 * H, ghInit, 2 * H, hn, ro, H);
                    Kernels.gruForwardTail(gates, go, bih, 2 * H, hn, hprev, ro, y, ro, H);
                }
            }
        }
        bh.consume(y);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void backward(Blackhole bh) {
        int steps = rows / BATCH;
        for (int done = 0; done < CALLS; done += rows) {
            for (int t = steps - 1; t >= 0; t--) {
                int local = (t % (BLOCK / BATCH)) * BATCH;
                for (int b = 0; b < BATCH; b++) {
                    int r = t * BATCH + b;
                    Kernels.gruBackwardRow(gates, r * G, hn, hprev, dy, r * H, dh, dhp, b * H, dgi, dgh,
                            (local + b) * G, H);
                }
            }
        }
        bh.consume(dgi);
        bh.consume(dhp);
    }
}
