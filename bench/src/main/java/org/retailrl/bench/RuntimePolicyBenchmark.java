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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.retailrl.algorithms.deploy.PolicyFile;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.runtime.Decision;
import org.retailrl.runtime.PricingPolicy;

/**
 * Decisions per second of the inference-only runtime ({@link PricingPolicy#decide}: the greedy
 * decision of docs/model.md §1 with the §8.1 recurrent actors), one thread, on the vector row
 * kernel ({@code --add-modules jdk.incubator.vector}) and on a JVM started without the Vector API
 * (the locked-down case: the scalar kernel). The networks have the default sizes (64 wide, 2 GRU
 * layers) on scenario (b), freshly initialised — a decision's work depends on the sizes only —
 * and the policy is read from the bytes of a policy file, as an embedding application would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RuntimePolicyBenchmark {
    /** {@code fsda} (pricing and ordering actors) or {@code ppo-joint} (one joint actor). */
    @Param({PolicyFile.FSDA, PolicyFile.PPO_JOINT})
    public String kind;

    private PricingPolicy policy;
    private PricingPolicy.Session session;
    private float[][] observations;
    private int period;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        PricingScenario s = PricingScenario.named("b");
        Rng rng = new Rng(2026);
        policy = PricingPolicy.fromBytes(PolicyFile.encode(s, kind, PolicyLatencyBenchmark.actors(s, kind, rng)), kind);
        session = policy.newSession();
        observations = PolicyLatencyBenchmark.episode(s, rng);
    }

    private void decide(Blackhole bh) {
        int t = period;
        period = t + 1 == observations.length ? 0 : t + 1;
        Decision d = policy.decide(session, observations[t], t);
        bh.consume(d.priceIndex());
        bh.consume(d.order());
    }

    /** With the Vector API module: the vector row kernel. */
    @Benchmark
    @Fork(value = 1, jvmArgs = {"--add-modules", "jdk.incubator.vector"})
    public void vector(Blackhole bh) {
        decide(bh);
    }

    /** Without it, as on a JVM started with no flags: the scalar row kernel. */
    @Benchmark
    @Fork(value = 1, jvmArgs = {})
    public void scalar(Blackhole bh) {
        decide(bh);
    }
}
