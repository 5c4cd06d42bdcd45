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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of workload W1 (docs/model.md §8.5): one PPO minibatch update of a
 * recurrent actor and critic on the training path ({@link W1Workload}), 64 sequences × 100 steps, on
 * {@code threads} threads (one JMH thread; the update's layers split over a worker team).
 * Reports milliseconds per update. Run: {@code ./retail-bench W1 -p threads=1,2 -f 1 -wi 5 -i 10}; with
 * {@code -p actions=441} the actor has the joint-action learner's 441 outputs.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector"})
@Threads(1)
public class W1Benchmark {
    /** Threads of the update (1 = the benchmark thread alone); results are bit-identical for any count. */
    @Param({"1"})
    public int threads;

    /** Actions of the actor: 21 is W1; 441 the same update for the joint (price, order) learner. */
    @Param({"21"})
    public int actions;

    private W1Workload workload;

    /** Builds the network, batch and optimiser once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        workload = new W1Workload(1, threads, actions);
    }

    /** Stops the update's worker threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        workload.close();
    }

    /** One minibatch update; the loss is returned so JMH consumes it. */
    @Benchmark
    public double ppoUpdate() {
        return workload.update();
    }
}
