package org.retailrl.bench;

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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.inventory.DemandLaw;
import org.retailrl.envs.inventory.LostSalesBatch;
import org.retailrl.envs.inventory.LostSalesScenario;

/**
 * Throughput of the batched lost-sales simulator (docs/model.md §7, Zipkin's instance with lead time
 * 4) in environment steps per second on one thread, measured as {@link EnvStepBenchmark} measures
 * the pricing simulator: one invocation steps every copy once with actions drawn beforehand (a ring
 * of {@value #ACTION_ROUNDS} rounds of uniform orders in {@code 0..10}), the score counts copy-steps.
 * The problem is stationary, so no reset is needed inside the measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector"})
public class InventoryEnvBenchmark {
    static final int ACTION_ROUNDS = 64;

    /** Copies in the batch, as in {@link EnvStepBenchmark}. */
    static final int COPIES = 1024;

    /** Demand law of Zipkin's instance: poisson or geometric, mean 5. */
    @Param({"poisson", "geometric"})
    public String demand;

    private LostSalesBatch batch;
    private int[][] orders;
    private double[] cost;
    private int round;

    @Setup(Level.Trial)
    public void setup() {
        DemandLaw.Kind kind = demand.equals("poisson") ? DemandLaw.Kind.POISSON : DemandLaw.Kind.GEOMETRIC;
        batch = new LostSalesBatch(LostSalesScenario.zipkin(kind, 9, 4), COPIES);
        batch.reset(1, 0);
        Rng policy = new Rng(12345);
        orders = new int[ACTION_ROUNDS][COPIES];
        for (int k = 0; k < ACTION_ROUNDS; k++) {
            for (int i = 0; i < COPIES; i++) {
                orders[k][i] = policy.nextInt(11);
            }
        }
        cost = new double[COPIES];
    }

    /** One period in every copy; the score is in environment steps per second. */
    @Benchmark
    @OperationsPerInvocation(COPIES)
    public void step(Blackhole bh) {
        int k = round;
        round = k + 1 == ACTION_ROUNDS ? 0 : k + 1;
        batch.step(orders[k], cost);
        bh.consume(cost);
    }
}
