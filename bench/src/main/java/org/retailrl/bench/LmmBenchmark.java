package org.retailrl.bench;

import java.util.ArrayList;
import java.util.List;
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
import org.retailrl.algorithms.lmm.Behaviour;
import org.retailrl.algorithms.lmm.DatasetBuilder;
import org.retailrl.algorithms.lmm.DecisionTransformer;
import org.retailrl.algorithms.lmm.DtDecoder;
import org.retailrl.algorithms.lmm.DtTraining;
import org.retailrl.algorithms.lmm.TaskFamily;
import org.retailrl.algorithms.lmm.TrajectoryDataset;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * The large management model's engine costs (docs/model.md §6.3): one offline training step of the
 * Decision Transformer (sample a minibatch of windows, forward, backward, clip, AdamW) and one
 * key/value-cached autoregressive decision ({@link DtDecoder#decide}, allocation-free).
 *
 * <p>Sizes ({@code size}): {@code small} is the default of {@code retail lmm train} (width 64,
 * 2 blocks, 4 heads, context 10 steps = 30 tokens, batch 32); {@code large} width 128, 3 blocks,
 * 4 heads, context 20 steps = 60 tokens, batch 64. Weights are freshly initialised: the work does
 * not depend on their values. Training windows come from random-policy episodes of four tasks.
 * Decisions cycle through periods {@code 0..K−1} of one episode (the cache grows from 2 to
 * {@code 3K−1} tokens and restarts), so SampleTime's distribution covers every cache length; read
 * p0.50 and p0.99.
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector"})
public class LmmBenchmark {
    /** {@code small} (the default model) or {@code large} (width 128, 3 blocks, context 20, batch 64). */
    @Param({"small", "large"})
    public String size;

    private DtTraining training;
    private DtDecoder decoder;
    private float[][] states;
    private int period;
    private int context;
    private final int[] out = new int[2];

    @Setup(Level.Trial)
    public void setup() {
        boolean large = size.equals("large");
        context = large ? 20 : 10;
        DecisionTransformer.Config cfg = new DecisionTransformer.Config(large ? 128 : 64, large ? 3 : 2, 4, context, 0.1, true);
        List<PricingScenario> tasks = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            tasks.add(TaskFamily.task(1, TaskFamily.Split.SEEN, j));
        }
        TrajectoryDataset data = DatasetBuilder.single(tasks, Behaviour.random(5), 9, 16);
        training = new DtTraining(cfg, new DtTraining.Settings(10_000_000, large ? 64 : 32, 1e-3, 0.1, 100, 1.0, 1), data);
        decoder = new DtDecoder(new DecisionTransformer(cfg, new Rng(3)), 1000f);
        PricingBatch b = new PricingBatch(tasks.get(0), 1);
        b.reset(2);
        states = new float[context][TaskFamily.STATE_SIZE];
        float[] raw = new float[b.observationSize()];
        Rng r = new Rng(4);
        double[] rew = new double[1];
        for (int t = 0; t < context; t++) {
            TaskFamily.encode(b, 0, raw, states[t], 0);
            b.step(new int[] {r.nextInt(TaskFamily.PRICES)}, new int[] {r.nextInt(TaskFamily.ORDERS)}, rew);
        }
        decoder.reset(800);
    }

    /** One optimiser step; returns the loss. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double trainStep() {
        return training.trainStep();
    }

    /** One cached decision; restarts the episode after {@code K} periods. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int decide() {
        if (period == context) {
            decoder.reset(800);
            period = 0;
        }
        decoder.decide(states[period], 0, 12.5, out);
        period++;
        return out[0] + out[1];
    }
}
