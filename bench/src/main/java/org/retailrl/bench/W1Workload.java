package org.retailrl.bench;

import org.retailrl.autodiff.Tape;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;
import org.retailrl.nn.Adam;
import org.retailrl.nn.AdamConfig;
import org.retailrl.nn.GradClip;
import org.retailrl.nn.PpoLoss;
import org.retailrl.nn.RecurrentActorCritic;

/**
 * Workload W1 (issue 2, MODEL.md §8): one PPO minibatch update of the FSDA recurrent
 * actor-critic — forward both trunks over 64 sequences × 100 steps, the clipped PPO loss with
 * clipped value loss and entropy bonus, backward, global gradient-norm clip 0.5, one Adam step.
 * Batch contents are random but fixed by the seed.
 */
public final class W1Workload {
    /** Sequences per minibatch. */
    public static final int BATCH = 64;
    /** Steps per sequence. */
    public static final int STEPS = 100;
    /** Global gradient-norm clip (MODEL.md §8 PPO). */
    public static final double MAX_GRAD_NORM = 0.5;

    private final RecurrentActorCritic net;
    private final RecurrentActorCritic.Batch batch;
    private final Adam adam;
    private final Tape tape = new Tape();

    /** Builds the network, a random batch and the optimiser from {@code seed}. */
    public W1Workload(long seed) {
        Rng rng = new Rng(seed);
        RecurrentActorCritic.Config cfg = RecurrentActorCritic.Config.W1;
        net = new RecurrentActorCritic(cfg, rng.split());
        batch = randomBatch(cfg, BATCH, STEPS, rng.split());
        adam = new Adam(net.parameters(), AdamConfig.DEFAULTS);
    }

    static RecurrentActorCritic.Batch randomBatch(RecurrentActorCritic.Config cfg, int b, int t, Rng rng) {
        Tensor obs = Tensor.zeros(b, t, cfg.obsDim());
        for (int i = 0; i < obs.size(); i++) {
            obs.data()[i] = (float) rng.normal();
        }
        int n = b * t;
        float[] resets = new float[n];
        int[] actions = new int[n];
        float[] oldLogp = new float[n];
        float[] adv = new float[n];
        float[] ret = new float[n];
        float[] oldV = new float[n];
        for (int i = 0; i < n; i++) {
            // Episodes of random length: a reset at each sequence start and with probability 2% after.
            resets[i] = (i % t == 0 || rng.nextDouble() < 0.02) ? 1f : 0f;
            actions[i] = rng.nextInt(cfg.actions());
            oldLogp[i] = (float) (-Math.log(cfg.actions()) + 0.1 * rng.normal());
            adv[i] = (float) rng.normal();
            ret[i] = (float) rng.normal();
            oldV[i] = (float) (0.1 * rng.normal());
        }
        return new RecurrentActorCritic.Batch(obs, resets, actions, oldLogp, adv, ret, oldV);
    }

    /** One full minibatch update; returns the loss before the step. */
    public double update() {
        tape.reset();
        net.zeroGrad();
        PpoLoss.Result r = net.ppoLoss(tape, batch, PpoLoss.DEFAULTS);
        tape.backward(r.loss());
        GradClip.clipGlobalNorm(net.parameters(), MAX_GRAD_NORM);
        adam.step();
        return r.loss().value().item();
    }

    /** A timing loop for profiling outside JMH: {@code java -cp benchmarks.jar org.retailrl.bench.W1Workload [iterations]}. */
    public static void main(String[] args) {
        int iters = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        W1Workload w = new W1Workload(1);
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
        System.out.printf("kernels=%s iterations=%d wall median=%.2f ms min=%.2f ms, cpu median=%.2f ms min=%.2f ms, loss=%.5f%n",
                org.retailrl.core.simd.Kernels.implementation(), iters, ns[iters / 2] / 1e6, ns[0] / 1e6,
                cpu[iters / 2] / 1e6, cpu[0] / 1e6, loss);
    }
}
