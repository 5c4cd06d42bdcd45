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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.retailrl.algorithms.checkpoint.Algorithm;
import org.retailrl.algorithms.multiproduct.MultiProductLearners;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.envs.multiproduct.MultiProductScenario;

/**
 * Training wall time per round of the multi-product learners (docs/model.md §4.3) as the number of
 * products grows: one invocation is one round of the learner core — every one of the
 * {@value #COPIES} copies plays one 100-period episode of {@code multiproduct} scaled to {@code n}
 * products ({@link MultiProductScenario#scaled}), then the configured updates — with the algorithm's
 * preset at width 32 (the comparison's budget), one rollout thread. A round is one training episode
 * per copy, so the score is the wall time per training episode batch. The trainer is planned for
 * far more rounds than measured so the step size never reaches 0.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector"})
public class MultiProductTrainingBenchmark {
    static final int COPIES = 8;

    /** Number of products. */
    @Param({"1", "3", "10"})
    public int n;

    /** Learner label: fsda-2n, happo-2n, ppo-per-product, ppo-factored or ppo-shared. */
    @Param({"fsda-2n", "ppo-per-product", "ppo-factored", "ppo-shared"})
    public String learner;

    private Trainer trainer;

    @Setup(Level.Trial)
    public void setup() {
        Algorithm a = Algorithm.of(learner);
        MultiProductScenario s = MultiProductScenario.named("multiproduct").scaled(n);
        trainer = MultiProductLearners.trainer(s, COPIES, a.defaults().withSizes(32, 2, 1, 25), 1, 1_000_000,
                a.split());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        trainer.close();
    }

    /** One training round. */
    @Benchmark
    public void round(Blackhole bh) {
        bh.consume(trainer.round());
    }
}
