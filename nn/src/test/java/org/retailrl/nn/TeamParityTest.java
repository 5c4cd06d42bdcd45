package org.retailrl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.parallel.WorkerTeam;
import org.retailrl.core.random.Rng;

/**
 * A tape with a worker team computes the recurrent network of docs/model.md §8.1 — MLP (tanh), stacked
 * GRU layers with episode resets, head — and every gradient (weights, biases, input, initial
 * hidden state) bit for bit as the serial tape does, for several team sizes and shapes that do
 * and do not divide evenly among the members.
 */
class TeamParityTest {
    private static Tensor random(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.uniform(-1, 1);
        }
        return t;
    }

    /** Output, every parameter gradient, dx and dh0 of one forward and backward pass. */
    private static List<float[]> pass(WorkerTeam team, long seed, int steps, int batch, int in, int hidden) {
        Rng init = Rng.stream(seed, 1);
        Linear lin = new Linear("lin", in, hidden, Math.sqrt(2), init);
        GRULayer g1 = new GRULayer("g1", hidden, hidden, init);
        GRULayer g2 = new GRULayer("g2", hidden, hidden, init);
        Linear head = new Linear("head", hidden, 5, 0.01, init);
        Rng data = Rng.stream(seed, 2);
        Tensor x = random(data, steps, batch, in);
        Tensor h0 = random(data, batch, hidden);
        float[] mask = new float[steps * batch];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = data.uniform(0, 1) < 0.05 ? 1f : 0f;
        }
        Tensor w = random(data, steps, batch, 5);
        Tape tape = new Tape();
        tape.setTeam(team);
        Var xv = tape.leaf(x);
        Var hv = tape.leaf(h0);
        Var a = Activation.TANH.apply(lin.forward(xv));
        Var y1 = g1.forwardTimeMajor(a, mask, hv);
        Var y2 = g2.forwardTimeMajor(y1, mask, null);
        Var out = head.forward(y2);
        tape.backward(Ops.sum(Ops.mul(out, tape.constant(w))));
        List<float[]> r = new ArrayList<>();
        r.add(out.value().data().clone());
        for (Module m : List.of(lin, g1, g2, head)) {
            for (Parameter p : m.parameters()) {
                r.add(p.grad().data().clone());
            }
        }
        r.add(xv.grad().data().clone());
        r.add(hv.grad().data().clone());
        return r;
    }

    @Property(tries = 12)
    void teamResultsAreTheSerialBits(@ForAll @IntRange(min = 1, max = 40) int steps,
                                     @ForAll @IntRange(min = 8, max = 70) int batch,
                                     @ForAll @IntRange(min = 2, max = 5) int teamSize,
                                     @ForAll long seed) {
        int in = 11;
        int hidden = 48;
        List<float[]> serial = pass(WorkerTeam.SERIAL, seed, steps, batch, in, hidden);
        try (WorkerTeam team = WorkerTeam.create(teamSize)) {
            List<float[]> parallel = pass(team, seed, steps, batch, in, hidden);
            for (int i = 0; i < serial.size(); i++) {
                assertArrayEquals(serial.get(i), parallel.get(i), "array " + i + " with a team of " + teamSize
                        + ", T = " + steps + ", B = " + batch);
            }
        }
    }

    @Property(tries = 3)
    void theCheckCanFail(@ForAll long seed) {
        // Another seed gives other gradients: the comparison above is not vacuous.
        List<float[]> a = pass(WorkerTeam.SERIAL, seed, 10, 32, 11, 48);
        List<float[]> b = pass(WorkerTeam.SERIAL, seed + 1, 10, 32, 11, 48);
        assertNotEquals(java.util.Arrays.toString(a.get(1)), java.util.Arrays.toString(b.get(1)));
    }
}
