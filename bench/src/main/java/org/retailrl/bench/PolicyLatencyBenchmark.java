package org.retailrl.bench;

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
import org.openjdk.jmh.infra.Blackhole;
import org.retailrl.algorithms.deploy.Policy;
import org.retailrl.algorithms.deploy.PolicyFile;
import org.retailrl.algorithms.pricing.PricingDecision;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.nn.RecurrentNet;

/**
 * Latency of one embedded decision ({@link Policy#decide}, docs/model.md §8 recurrent actors on the
 * docs/model.md §1 problem): observation normalisation, then MLP → GRU → GRU → head and arg-max for
 * each actor — two actors for {@code fsda}, one 441-way joint actor for {@code ppo-joint}. Mode
 * SampleTime, so JMH reports the distribution of single-call times (read p0.50 and p0.99) in
 * microseconds. Target: p99 ≤ 20 µs.
 *
 * <p>The networks are freshly initialised with the default sizes ({@code Presets.FSDA}:
 * 64 wide, 2 GRU layers) on scenario (b): the work of a decision depends only on the sizes, never
 * on the weight values (no data-dependent branches besides the arg-max scan), so a trained policy
 * of the same sizes costs the same. Observations cycle through one simulated episode of
 * {@code T} periods (random actions), the period with them, so every {@code T}-th call also takes
 * the episode-start path.
 *
 * <p>Work per decision (multiply-adds of the matrix products, scenario (b): 10 inputs, H = 64):
 * {@code fsda} 2 × (10·64 + 64·64 + 2·2·64·192 + 64·21) = 110,464, {@code ppo-joint}
 * 10·64 + 64·64 + 2·2·64·192 + 64·441 = 82,112; the arithmetic rate is 2 × that ÷ the time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector"})
public class PolicyLatencyBenchmark {
    /** {@code fsda} (pricing and ordering actors) or {@code ppo-joint} (one joint actor). */
    @Param({PolicyFile.FSDA, PolicyFile.PPO_JOINT})
    public String kind;

    private Policy policy;
    private Policy.Session session;
    private float[][] observations;
    private int period;

    @Setup(Level.Trial)
    public void setup() {
        PricingScenario s = PricingScenario.named("b");
        Rng rng = new Rng(2026);
        policy = Policy.of(s, kind, actors(s, kind, rng));
        session = policy.newSession();
        observations = episode(s, rng);
    }

    /** Freshly initialised actors of {@code kind} with the default sizes ({@code Presets.FSDA}) on {@code s}. */
    static List<RecurrentNet> actors(PricingScenario s, String kind, Rng rng) {
        int d = 6 + s.leadTime() + 1;
        int h = Presets.FSDA.hidden();
        int layers = Presets.FSDA.gruLayers();
        return kind.equals(PolicyFile.FSDA)
                ? List.of(RecurrentNet.actor("pricing", d, h, layers, s.priceCount(), rng),
                        RecurrentNet.actor("ordering", d, h, layers, s.maxOrder() + 1, rng))
                : List.of(RecurrentNet.actor("actor", d, h, layers, s.priceCount() * (s.maxOrder() + 1), rng));
    }

    /** The {@code 6 + L} raw observations of one simulated episode of {@code s} under random actions. */
    static float[][] episode(PricingScenario s, Rng rng) {
        PricingBatch batch = new PricingBatch(s, 1);
        batch.reset(7);
        float[][] observations = new float[s.horizon()][6 + s.leadTime()];
        float[] reward = new float[1];
        for (int t = 0; t < s.horizon(); t++) {
            batch.observe(0, observations[t], 0);
            batch.step(new int[] {rng.nextInt(s.priceCount())}, new int[] {rng.nextInt(s.maxOrder() + 1)}, reward);
        }
        return observations;
    }

    /** One decision; the score is the time of this call. */
    @Benchmark
    public void decide(Blackhole bh) {
        int t = period;
        period = t + 1 == observations.length ? 0 : t + 1;
        PricingDecision d = policy.decide(session, observations[t], t);
        bh.consume(d.priceIndex());
        bh.consume(d.order());
    }
}
