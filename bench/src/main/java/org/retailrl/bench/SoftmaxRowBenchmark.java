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
import org.retailrl.algorithms.rl.FactorLayout;
import org.retailrl.core.random.Rng;
import org.retailrl.core.simd.Kernels;
import org.retailrl.nn.CategoricalRows;

/**
 * The categorical policy's row kernels (docs/model.md §8.5), per row of {@code actions} logits:
 * the policy loss's log-softmax with its entropy ({@link CategoricalRows#logSoftmaxRow}, by way of
 * {@link Kernels#logSoftmaxRow}) and a rollout's
 * fused sample and log-probability ({@link FactorLayout#sampleLogProb}, whose normaliser is
 * {@link Kernels#logSumExp}), over 256 rows of standard normal logits. The per-element reference
 * arithmetic is the scalar path: run once as is and once with
 * {@code -jvmArgsAppend -Dretailrl.simd=scalar}.
 *
 * <p>Run: {@code ./retail-bench SoftmaxRow -f 1 -wi 5 -i 5 -w 1 -r 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
public class SoftmaxRowBenchmark {
    private static final int ROWS = 256;

    /** Logits per row: FSDA's factors have 21, the joint-action PPO 441. */
    @Param({"21", "441"})
    public int actions;

    private float[] z;
    private float[] logp;
    private FactorLayout layout;
    private FactorLayout.Scratch scratch;
    private Rng rng;
    private int[] choice;

    @Setup
    public void setup() {
        Rng gen = new Rng(11);
        z = new float[ROWS * actions];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) gen.normal();
        }
        logp = new float[z.length];
        layout = new FactorLayout(actions);
        scratch = new FactorLayout.Scratch(actions);
        rng = new Rng(12);
        choice = new int[1];
    }

    /** ns per call = 256 rows; divide by 256 for a row. */
    @Benchmark
    public double logSoftmaxRow() {
        double h = 0;
        for (int r = 0; r < ROWS; r++) {
            h += CategoricalRows.logSoftmaxRow(z, r * actions, actions, logp, null);
        }
        return h;
    }

    /** ns per call = 256 rows sampled with their log-probabilities. */
    @Benchmark
    public double sampleLogProb() {
        double lp = 0;
        for (int r = 0; r < ROWS; r++) {
            lp += layout.sampleLogProb(z, r, rng, choice, 0, scratch);
        }
        return lp;
    }
}
