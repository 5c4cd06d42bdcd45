package org.retailrl.bench;

import org.retailrl.algorithms.rl.AgentEnv;
import org.retailrl.algorithms.rl.FactorLayout;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.core.random.Rng;

/**
 * Workload W1 (docs/model.md §8.5): one PPO minibatch update of a recurrent actor and critic on the
 * training path — the learner core's {@link Trainer} with the {@code ppo-joint} preset's network,
 * losses, clipping and Adam, on a W1-shaped batch: one minibatch of 64 sequences × 100 steps
 * (64 copies, one 100-step episode each, one epoch, one minibatch), observation width 16, 21
 * actions, hidden width 64, two GRU layers. The rollout is collected once at set-up from a
 * synthetic environment with random observations and rewards (fixed by the seed); every
 * {@link #update()} then runs forward, the clipped surrogate with entropy and the clipped value
 * loss, backward, the global gradient-norm clip and one Adam step, exactly as {@code train} does.
 */
public final class W1Workload {
    /** Sequences per minibatch. */
    public static final int BATCH = 64;
    /** Steps per sequence. */
    public static final int STEPS = 100;
    /** Observation floats. */
    public static final int OBS = 16;
    /** Actions of the actor: the pricing agent's 21 grid prices. */
    public static final int ACTIONS = 21;
    /** Actions of the single-agent PPO's joint (price, order) softmax, 21 × 21 (docs/model.md §8.8). */
    public static final int JOINT_ACTIONS = 441;

    private final Trainer trainer;

    /** Builds the trainer and collects the rollout from {@code seed}; the update runs on one thread. */
    public W1Workload(long seed) {
        this(seed, 1);
    }

    /**
     * Builds the trainer and collects the rollout from {@code seed}; the update runs on
     * {@code threads} threads (bit-identical results for any count).
     */
    public W1Workload(long seed, int threads) {
        this(seed, threads, ACTIONS);
    }

    /**
     * As {@link #W1Workload(long, int)} with an actor of {@code actions} actions ({@link #ACTIONS} is
     * W1; {@link #JOINT_ACTIONS} is the same update for the joint-action learner, whose
     * log-softmax over 441 logits weighs more).
     */
    public W1Workload(long seed, int threads, int actions) {
        if (actions < 2) {
            throw new IllegalArgumentException("actions must be at least 2, got " + actions);
        }
        trainer = new Trainer(new RandomEnv(seed, actions), Presets.PPO_JOINT.withSizes(64, 2, 1, STEPS).withUpdates(1, 1),
                seed, 1_000_000, "actor");
        trainer.round();
        trainer.setUpdateThreads(threads);
    }

    /** Stops the update's worker threads. */
    public void close() {
        trainer.close();
    }

    /** One full minibatch update; returns the actor's mean surrogate loss. */
    public double update() {
        return trainer.updateOnLastRollout().agents()[0].pgLoss();
    }

    /** A synthetic environment: standard normal observations and rewards, episodes of 100 steps. */
    private static final class RandomEnv implements AgentEnv {
        private final long seed;
        private final int actions;
        private Rng rng;

        RandomEnv(long seed, int actions) {
            this.seed = seed;
            this.actions = actions;
            rng = new Rng(seed);
        }

        @Override
        public int copies() {
            return BATCH;
        }

        @Override
        public int horizon() {
            return STEPS;
        }

        @Override
        public int agents() {
            return 1;
        }

        @Override
        public int viewSize(int view) {
            return OBS;
        }

        @Override
        public FactorLayout actionLayout(int agent) {
            return new FactorLayout(actions);
        }

        @Override
        public void reset(long s, long episode) {
            rng = Rng.stream(seed ^ s, episode);
        }

        @Override
        public void observe(int view, float[] out) {
            for (int i = 0; i < BATCH * OBS; i++) {
                out[i] = (float) rng.normal();
            }
        }

        @Override
        public void step(int[][] choices, Rng[] streams, double[] rewardOut) {
            for (int i = 0; i < BATCH; i++) {
                rewardOut[i] = rng.normal();
            }
        }
    }

    /**
     * A timing loop for profiling outside JMH:
     * {@code java -cp benchmarks.jar org.retailrl.bench.W1Workload [iterations [threads [actions]]]}.
     */
    public static void main(String[] args) {
        int iters = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int actions = args.length > 2 ? Integer.parseInt(args[2]) : ACTIONS;
        W1Workload w = new W1Workload(1, threads, actions);
        long[] ns = new long[iters];
        long[] cpu = new long[iters];
        // Thread CPU time beside wall time: on a shared machine it is the less disturbed figure.
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double loss = 0;
        for (int i = 0; i < iters; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            loss = w.update();
            ns[i] = System.nanoTime() - t0;
            cpu[i] = mx.getCurrentThreadCpuTime() - c0;
        }
        java.util.Arrays.sort(ns);
        java.util.Arrays.sort(cpu);
        w.close();
        System.out.printf("kernels=%s threads=%d iterations=%d wall median=%.2f ms min=%.2f ms, cpu median=%.2f ms min=%.2f ms, loss=%.9f%n",
                org.retailrl.core.simd.Kernels.implementation(), threads, iters, ns[iters / 2] / 1e6, ns[0] / 1e6,
                cpu[iters / 2] / 1e6, cpu[0] / 1e6, loss);
    }
}
