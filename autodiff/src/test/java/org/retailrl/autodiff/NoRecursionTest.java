package org.retailrl.autodiff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * Backward is a loop over the tape, never a recursion: the recurrence {@code h ← tanh(h·W + x_t)}
 * unrolled over 2,000 steps runs forward and backward on a thread with a 256 KiB stack (a
 * recursive topological sort would need thousands of frames), and its gradients match central
 * differences of the double-precision recurrence. A 5-step version also checks the gradient of
 * every input x_t.
 */
class NoRecursionTest {
    private static final int H = 4;

    private static Var chain(Var h0, Var w, Var xs, int steps) {
        Var h = h0;
        for (int t = 0; t < steps; t++) {
            h = Ops.tanh(Ops.add(Ops.matmul(h, w), Ops.slice(xs, 0, t, t + 1)));
        }
        return h;
    }

    private static double[] reference(double[] h0, double[] w, double[] xs, int steps) {
        double[] h = h0.clone();
        for (int t = 0; t < steps; t++) {
            double[] next = new double[H];
            for (int j = 0; j < H; j++) {
                double s = xs[t * H + j];
                for (int i = 0; i < H; i++) {
                    s += h[i] * w[i * H + j];
                }
                next[j] = Math.tanh(s);
            }
            h = next;
        }
        return h;
    }

    private static Tensor[] inputs(int steps, long seed) {
        Rng r = new Rng(seed);
        return new Tensor[] {
            Gen.uniform(r, new int[] {1, H}, -1, 1),
            Gen.uniform(r, new int[] {H, H}, -0.6, 0.6),
            Gen.uniform(r, new int[] {steps, H}, -1, 1)
        };
    }

    @Test
    void twoThousandStepChainOnASmallStack() throws InterruptedException {
        int steps = 2000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<GradientChecker.Report> report = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                // x_t are constants here: finite differences over 8,000 of them would add nothing.
                report.set(GradientChecker.check((t, v) -> {
                    Var out = chain(v[0], v[1], v[2], steps);
                    // matmul, add, tanh record a closure each; slicing a constant records none.
                    assertTrue(t.size() == 3 * steps, "expected 3 recorded ops per step, got " + t.size());
                    return out;
                }, in -> reference(in[0], in[1], in[2], steps), inputs(steps, 11), new boolean[] {true, true, false}, 12));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 256 * 1024);
        worker.start();
        worker.join();
        assertNull(failure.get(), () -> "failed on a 256 KiB stack: " + failure.get());
        assertTrue(report.get().passed(), report.get()::toString);
        assertTrue(report.get().maxGradientAbsError() < GradientChecker.GRADIENT.atol());
    }

    @Test
    void shortChainGradientOfEveryInput() {
        int steps = 5;
        GradientChecker.Report rep = GradientChecker.check((t, v) -> chain(v[0], v[1], v[2], steps),
                in -> reference(in[0], in[1], in[2], steps), inputs(steps, 21), null, 22);
        assertTrue(rep.passed(), rep::toString);
        assertFalse(Double.isNaN(rep.maxGradientRelError()));
    }
}
