package org.retailrl.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.retailrl.algorithms.inventory.LostSalesAgentEnv;
import org.retailrl.algorithms.pricing.PricingBatchEnv;
import org.retailrl.algorithms.recommendation.DecisionSpace;
import org.retailrl.algorithms.recommendation.Learner;
import org.retailrl.algorithms.recommendation.RecommendationAgentEnv;
import org.retailrl.algorithms.rl.AgentEnv;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.RewardScaler;
import org.retailrl.algorithms.rl.RolloutBuffer;
import org.retailrl.algorithms.rl.RolloutCollector;
import org.retailrl.algorithms.rl.ValueNorm;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.inventory.DemandLaw;
import org.retailrl.envs.inventory.LostSalesScenario;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.recommendation.RecommendationScenarios;
import org.retailrl.nn.RecurrentNet;

/**
 * Throughput of the learner core's rollout (docs/model.md §8.2, §8.13): what a training round does
 * per step before its update — for every copy, each recurrent actor's forward pass (MLP → GRU × 2 →
 * head) and sampled choice with its log-probability, the critic's value, then the environment step
 * — through the one {@link RolloutCollector}, as {@code Trainer} drives it (same network sizes,
 * value normalisation and reward scaling as the preset). One invocation collects one episode batch
 * ({@code T} steps of every copy); the auxiliary counter {@code copySteps} counts {@code T · copies}
 * per invocation, so its score reads in copy-steps per second, comparable with
 * {@link EnvStepBenchmark} (the environment alone under a free random policy).
 *
 * <p>Environments and presets: {@code pricing} — scenario (b) of docs/model.md §1 with the two
 * FSDA actors ({@code Presets.FSDA}, 64 wide, 2 GRU layers; T = the scenario's horizon);
 * {@code lost-sales} — the Poisson lead-time-2 instance of docs/model.md §7.1 with one actor
 * ({@code Presets.PPO_INVENTORY}); {@code recommendation} — the small scenario of docs/model.md §3
 * with the two MTMA actors ({@code Presets.MTMA}). Networks are freshly initialised: the work of a
 * step depends on the sizes only. Run:
 * {@code ./retail-bench Rollout -f 1 -wi 3 -i 5 -w 1 -r 1}; add {@code -p threads=2} to spread the
 * collector's shards over two threads (results are bit-identical for any thread count).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector"})
public class RolloutBenchmark {
    /** {@code pricing}, {@code lost-sales} or {@code recommendation}. */
    @Param({"pricing", "lost-sales", "recommendation"})
    public String env;

    /** Number of environment copies stepped in lockstep. */
    @Param({"16", "256", "4096"})
    public int copies;

    /** Threads computing the collector's shards (1: the benchmark thread only). */
    @Param({"1"})
    public int threads;

    /** Copy-steps played, reported by JMH as a rate per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** Environment steps summed over copies. */
        public long copySteps;
    }

    private AgentEnv agentEnv;
    private RolloutCollector collector;
    private RolloutBuffer buffer;
    private ValueNorm valueNorm;
    private RewardScaler scaler;
    private long episode;

    @Setup(Level.Trial)
    public void setup() {
        LearnerConfig config;
        String[] names;
        switch (env) {
            case "pricing" -> {
                agentEnv = new PricingBatchEnv(PricingScenario.named("b"), copies,
                        PricingBatchEnv.Agents.PRICING_AND_ORDERING);
                config = Presets.FSDA;
                names = new String[] {"pricing", "ordering"};
            }
            case "lost-sales" -> {
                agentEnv = new LostSalesAgentEnv(LostSalesScenario.zipkin(DemandLaw.Kind.POISSON, 4, 2), copies);
                config = Presets.PPO_INVENTORY;
                names = new String[] {"orders"};
            }
            case "recommendation" -> {
                Learner learner = Learner.MTMA;
                agentEnv = new RecommendationAgentEnv(new DecisionSpace(RecommendationScenarios.named("small")),
                        learner.agents(), copies);
                config = learner.defaults();
                names = new String[] {"replenishment", "recommendation"};
            }
            default -> throw new IllegalArgumentException(
                    "env must be pricing, lost-sales or recommendation, got '" + env + "'");
        }
        int horizon = agentEnv.horizon();
        config = config.fitted(horizon, copies);
        // The networks Trainer builds for this environment and configuration.
        Rng init = new Rng(2026);
        List<RecurrentNet> actors = new ArrayList<>();
        for (int a = 0; a < names.length; a++) {
            actors.add(RecurrentNet.actor(names[a], agentEnv.viewSize(agentEnv.agentView(a)), config.hidden(),
                    config.gruLayers(), agentEnv.actionLayout(a).width(), init));
        }
        RecurrentNet critic = RecurrentNet.critic("critic", agentEnv.viewSize(agentEnv.criticView()), config.hidden(),
                config.gruLayers(), init);
        collector = new RolloutCollector(agentEnv, actors, critic, 77);
        collector.setThreads(threads);
        buffer = collector.newBuffer(horizon, config.sequenceLength());
        valueNorm = config.critic().valueNorm() ? new ValueNorm(ValueNorm.DEFAULT_BETA) : null;
        scaler = config.scaleRewards() ? new RewardScaler(copies, config.gamma(), 1e-8) : null;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        collector.close();
    }

    /** One episode batch of every copy; {@code copySteps} is the score to read. */
    @Benchmark
    public double[] collect(Counters counters) {
        double[] profit = collector.collect(buffer, 11, episode++, valueNorm, scaler);
        counters.copySteps += (long) agentEnv.horizon() * copies;
        return profit;
    }

    /**
     * A timing loop for profiling outside JMH (for example under a JFR recording):
     * {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
     * org.retailrl.bench.RolloutBenchmark [env] [copies] [seconds]}.
     */
    public static void main(String[] args) {
        RolloutBenchmark b = new RolloutBenchmark();
        b.env = args.length > 0 ? args[0] : "pricing";
        b.copies = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        b.threads = 1;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        b.setup();
        Counters c = new Counters();
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            b.collect(c);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        b.tearDown();
        System.out.printf("kernels=%s env=%s copies=%d copy-steps/s=%.0f%n",
                org.retailrl.core.simd.Kernels.implementation(), b.env, b.copies, c.copySteps / s);
    }
}
