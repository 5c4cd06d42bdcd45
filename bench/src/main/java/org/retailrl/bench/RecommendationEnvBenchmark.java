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
import org.retailrl.envs.recommendation.Exposure;
import org.retailrl.envs.recommendation.RecommendationBatch;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationScenarios;

/**
 * Throughput of the batched inventory-with-recommendation simulator (docs/model.md §3) on one thread:
 * one invocation steps every copy of a {@link RecommendationBatch} once under uniform
 * recommendation ({@code α = 1/M}, shared by the copies) and random orders uniform on
 * {@code 0..Q}; the score counts copy-steps ({@code @OperationsPerInvocation}), so it reads in
 * environment steps per second. Orders are drawn
 * before the measurement (a ring of {@value #ACTION_ROUNDS} rounds) so the policy costs nothing;
 * episodes end after {@code T} periods and are reset inside the measurement, as in a rollout. The
 * work per copy-step is {@code N·M} binomial draws (Eq. 9), so {@code steps·N·M} is the rate of
 * demand draws.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector"})
public class RecommendationEnvBenchmark {
    static final int ACTION_ROUNDS = 64;

    /** Number of environment copies in the batch: one invocation is this many environment steps. */
    static final int COPIES = 16;

    /** Named scenario: small (5 × 20) or large (50 × 1,000). */
    @Param({"small", "large"})
    public String scenario;

    private RecommendationBatch batch;
    private int[][] orders;
    private double[] exposure;
    private double[] reward;
    private int round;
    private long episode;

    @Setup(Level.Trial)
    public void setup() {
        RecommendationScenario s = RecommendationScenarios.named(scenario);
        batch = new RecommendationBatch(s, COPIES);
        batch.reset(episode++);
        Rng policy = new Rng(12345);
        orders = new int[ACTION_ROUNDS][COPIES * s.products()];
        for (int[] round : orders) {
            for (int x = 0; x < round.length; x++) {
                round[x] = policy.nextInt(s.maxOrder() + 1);
            }
        }
        exposure = Exposure.uniform(s.products(), s.customers());
        reward = new double[COPIES];
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
        batch.step(orders[k], exposure, reward);
        bh.consume(reward);
    }
}
