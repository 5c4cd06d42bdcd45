package org.retailrl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.retailrl.autodiff.Tape;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * {@link RecurrentNet#step}, the tape-free step of rollouts and evaluation (docs/model.md §8.1),
 * gives {@link RecurrentNet#forward}'s outputs and hidden states bit for bit, step after step,
 * with episode resets inside the batch, at batch sizes on both sides of the GRU's 256-row block,
 * and across an in-place weight change under a new weights epoch; and once its workspace has grown
 * it allocates nothing.
 */
class RecurrentNetStepTest {
    private static float[] normals(Rng rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.normal();
        }
        return a;
    }

    /** Runs {@code steps} steps both ways and compares every output and state. */
    private static void compare(RecurrentNet.Config c, int batch, int steps, long seed) {
        Rng rng = new Rng(seed);
        RecurrentNet net = new RecurrentNet("n", c, 1.0, rng);
        RecurrentNet.StepWorkspace ws = new RecurrentNet.StepWorkspace();
        float[] hidden = new float[c.hiddenSize() * batch];
        float[] out = new float[c.outputs() * batch];
        Tensor h = Tensor.zeros(c.gruLayers(), batch, c.hidden());
        long epoch = 1000 + seed;
        for (int t = 0; t < steps; t++) {
            float[] obs = normals(rng, batch * c.inputs());
            float[] mask = null;
            if (t == 0) {
                mask = new float[batch];
                java.util.Arrays.fill(mask, 1f);
            } else if (t % 3 == 0) {
                mask = new float[batch];
                for (int b = 0; b < batch; b += 2) {
                    mask[b] = 1f;
                }
            }
            if (t == steps / 2) {
                // An update between rounds: weights change in place, the next round has a new epoch.
                for (Parameter p : net.parameters()) {
                    p.value().data()[p.size() / 3] += 0.125f;
                }
                epoch++;
            }
            Tape tape = new Tape();
            tape.setGradEnabled(false);
            tape.setWeightsEpoch(epoch);
            RecurrentNet.Output ref = net.forward(tape, Tensor.wrap(obs.clone(), 1, batch, c.inputs()), mask, h);
            net.step(obs, mask, batch, hidden, out, ws, epoch);
            String at = c + " batch " + batch + " step " + t;
            assertArrayEquals(ref.out().value().data(), java.util.Arrays.copyOf(out, batch * c.outputs()), at + ": outputs");
            assertArrayEquals(ref.lastHidden().value().data(), hidden, at + ": hidden states");
            h = Tensor.wrap(ref.lastHidden().value().data().clone(), c.gruLayers(), batch, c.hidden());
        }
    }

    @Test
    void stepsGiveTheTapePathsBitsAcrossSizesResetsAndWeightChanges() {
        compare(new RecurrentNet.Config(5, 16, 2, 7), 3, 8, 1);
        compare(new RecurrentNet.Config(40, 8, 1, 1), 1, 7, 2);
        compare(new RecurrentNet.Config(12, 64, 2, 21), 70, 7, 3);
        compare(new RecurrentNet.Config(9, 32, 3, 4), 300, 5, 4);
        compare(new RecurrentNet.Config(16, 64, 2, 1), 16, 9, 5);
    }

    @Test
    void shortBuffersAreRefusedByName() {
        RecurrentNet net = new RecurrentNet("n", new RecurrentNet.Config(4, 8, 2, 3), 1.0, new Rng(1));
        RecurrentNet.StepWorkspace ws = new RecurrentNet.StepWorkspace();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.step(new float[8], null, 2, new float[31], new float[6], ws, 0));
        assertTrue(e.getMessage().startsWith("hidden must hold at least 32 floats"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.step(new float[8], new float[1], 2, new float[32],
                new float[6], ws, 0));
        assertTrue(e.getMessage().startsWith("mask must hold at least 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.step(new float[8], null, 0, new float[32],
                new float[6], ws, 0));
        assertTrue(e.getMessage().startsWith("batch must be >= 1"), e.getMessage());
    }

    /**
     * Bytes this thread allocates in 2,000 steps once warm: under 1 KiB in total (any per-step
     * object would cost at least 32 KB), after warm-up long enough for C2 to compile the lane
     * kernels (before that, Vector API values are heap objects).
     */
    @Test
    void warmStepsAllocateNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadAllocatedMemorySupported(), "the JVM must count per-thread allocation");
        mx.setThreadAllocatedMemoryEnabled(true);
        RecurrentNet.Config c = new RecurrentNet.Config(16, 32, 2, 21);
        int batch = 16;
        RecurrentNet net = new RecurrentNet("n", c, 1.0, new Rng(7));
        RecurrentNet.StepWorkspace ws = new RecurrentNet.StepWorkspace();
        float[] obs = normals(new Rng(8), batch * c.inputs());
        float[] mask = new float[batch];
        float[] hidden = new float[c.hiddenSize() * batch];
        float[] out = new float[c.outputs() * batch];
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 60 && allocated >= 1024; round++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 2000; i++) {
                mask[i % batch] = i % 25 == 0 ? 1f : 0f;
                net.step(obs, mask, batch, hidden, out, ws, 42);
            }
            allocated = mx.getCurrentThreadAllocatedBytes() - before;
        }
        assertTrue(allocated < 1024, "2,000 warm steps allocated " + allocated + " bytes");
    }
}
