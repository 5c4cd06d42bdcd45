package org.retailrl.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.gbdt.Dataset;
import org.retailrl.envs.gbdt.GbdtConfig;
import org.retailrl.envs.gbdt.GbdtModel;
import org.retailrl.envs.gbdt.GbdtTrainer;

/**
 * Throughput of the gradient-boosted tree learner of docs/model.md §5 on synthetic data shaped like the
 * Dominick's orange-juice table after feature engineering: {@value #ROWS} rows, 2 categorical
 * features (83 stores, 11 brands) and 30 numeric ones (prices, lags, calendar; 5% missing).
 *
 * <ul>
 *   <li>{@code train}: {@value #TREES} trees of 63 leaves, learning rate 0.05, feature fraction
 *       0.8, binning included; the score counts rows × trees per second.</li>
 *   <li>{@code predictBatch}: a 200-tree model scores every row in feature-major batches, split
 *       over {@code threads} threads; the score counts rows per second.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector"})
public class GbdtBenchmark {
    static final int ROWS = 100_000;
    static final int TREES = 20;
    static final int NUMERIC = 30;

    /** Worker threads for histograms (training) or row chunks (prediction). */
    @Param({"1", "2"})
    public int threads;

    private Dataset data;
    private GbdtConfig config;
    private GbdtModel model;
    private ExecutorService pool;
    private double[][] out;

    @Setup(Level.Trial)
    public void setup() {
        data = ojShaped(ROWS, 7);
        config = GbdtConfig.defaults().toBuilder().numTrees(TREES).learningRate(0.05).numLeaves(63)
                .featureSubsample(0.8).threads(threads).build();
        model = GbdtTrainer.train(data, config.toBuilder().numTrees(200).build());
        pool = Executors.newFixedThreadPool(threads);
        out = new double[threads][ROWS / threads + 1];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
    }

    /** Rows × trees per second of training. */
    @Benchmark
    @OperationsPerInvocation(ROWS * TREES)
    public GbdtModel train() {
        return GbdtTrainer.train(data, config);
    }

    /** Rows per second of batched prediction. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void predictBatch(Blackhole bh) throws Exception {
        List<Future<?>> fs = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) ROWS * t / threads);
            int to = (int) ((long) ROWS * (t + 1) / threads);
            double[] o = out[t];
            fs.add(pool.submit(() -> model.predict(data.columns(), from, to, o)));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        bh.consume(out);
    }

    /** Synthetic rows with the shape of the engineered orange-juice table. */
    static Dataset ojShaped(int n, long seed) {
        Rng rng = new Rng(seed);
        int nf = NUMERIC + 2;
        double[][] cols = new double[nf][n];
        double[] y = new double[n];
        double[] storeEffect = new double[83];
        for (int s = 0; s < 83; s++) {
            storeEffect[s] = 0.3 * rng.normal();
        }
        List<String> names = new ArrayList<>(List.of("store", "brand"));
        for (int j = 0; j < NUMERIC; j++) {
            names.add("x" + j);
        }
        boolean[] cat = new boolean[nf];
        cat[0] = true;
        cat[1] = true;
        for (int r = 0; r < n; r++) {
            int store = rng.nextInt(83);
            int brand = rng.nextInt(11);
            cols[0][r] = store;
            cols[1][r] = brand + 1;
            double f = storeEffect[store] + 0.1 * brand;
            for (int j = 0; j < NUMERIC; j++) {
                double v = j < 11 ? 0.02 + 0.04 * rng.nextDouble() : rng.normal();
                cols[2 + j][r] = rng.nextDouble() < 0.05 ? Double.NaN : v;
                if (j < 11 && j == brand) {
                    f -= 60 * v;
                } else if (j >= 11 && j < 15) {
                    f += 0.2 * v;
                }
            }
            y[r] = 9 + f + 0.4 * rng.normal();
        }
        return new Dataset(names, cols, cat, y);
    }
}
