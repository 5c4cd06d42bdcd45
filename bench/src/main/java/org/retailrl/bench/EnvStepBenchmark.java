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
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * Throughput of the batched pricing simulator (docs/model.md §1) in environment steps per second on one
 * thread: one invocation steps every copy of a {@link PricingBatch} once under a uniform random
 * policy, and the score (ops/s) counts copy-steps ({@code @OperationsPerInvocation}), so it is
 * comparable with a vectorised NumPy batch. Actions are drawn before the measurement (a ring of
 * {@value #ACTION_ROUNDS} rounds) so the policy costs nothing; episodes end after {@code T} periods
 * and are reset inside the measurement, as in a rollout.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector"})
public class EnvStepBenchmark {
    static final int ACTION_ROUNDS = 64;

    /** Number of environment copies in the batch: one invocation is this many environment steps. */
    static final int COPIES = 1024;

    /** Named scenario of docs/model.md §1: a, b, c or d. */
    @Param({"b", "c"})
    public String scenario;

    private PricingBatch batch;
    private int[][] priceIndex;
    private int[][] orderQty;
    private float[] reward;
    private int round;
    private long episode;

    @Setup(Level.Trial)
    public void setup() {
        PricingScenario s = PricingScenario.named(scenario);
        batch = new PricingBatch(s, COPIES);
        batch.reset(episode++);
        Rng policy = new Rng(12345);
        priceIndex = new int[ACTION_ROUNDS][COPIES];
        orderQty = new int[ACTION_ROUNDS][COPIES];
        for (int k = 0; k < ACTION_ROUNDS; k++) {
            for (int i = 0; i < COPIES; i++) {
                priceIndex[k][i] = policy.nextInt(s.priceCount());
                orderQty[k][i] = policy.nextInt(s.maxOrder() + 1);
            }
        }
        reward = new float[COPIES];
    }

    /** One period in every copy; the score is in environment steps per second. */
    @Benchmark
    @OperationsPerInvocation(COPIES)
    public void step(Blackhole bh) {
        if (batch.done()) {
            batch.reset(episode++);
        }
        int k = round;
        round = k + 1 == ACTION_ROUNDS ? 0 : k + 1;
        batch.step(priceIndex[k], orderQty[k], reward);
        bh.consume(reward);
    }
}
