package org.retailrl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * Inference forward passes (no gradients) keep the weights' transposes and packings between calls:
 * they must give the recording path's outputs bit for bit, before and after the weights change in
 * place (as an optimiser step or a checkpoint restore changes them).
 */
class InferenceWeightCacheTest {
    private static Tensor random(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.normal();
        }
        return t;
    }

    private static float[] gru(GRULayer layer, Tensor x, Tensor h0, boolean grad) {
        Tape tape = new Tape();
        tape.setGradEnabled(grad);
        Var y = layer.forwardTimeMajor(tape.constant(x), null, tape.constant(h0));
        return y.value().data().clone();
    }

    private static float[] linear(Linear layer, Tensor x, boolean grad) {
        Tape tape = new Tape();
        tape.setGradEnabled(grad);
        return layer.forward(tape.constant(x)).value().data().clone();
    }

    @Test
    void gruInferenceFollowsInPlaceWeightChanges() {
        Rng rng = new Rng(5);
        GRULayer layer = new GRULayer("g", 7, 16, rng);
        Tensor x = random(rng, 1, 3, 7);
        Tensor h0 = random(rng, 3, 16);
        assertArrayEquals(gru(layer, x, h0, true), gru(layer, x, h0, false));
        for (Parameter p : java.util.List.of(layer.weightIh(), layer.weightHh())) {
            p.value().data()[p.size() / 2] += 0.25f;
            float[] recorded = gru(layer, x, h0, true);
            assertArrayEquals(recorded, gru(layer, x, h0, false), p.name());
            assertArrayEquals(recorded, gru(layer, x, h0, false), p.name() + " (second call)");
        }
    }

    @Test
    void linearInferenceFollowsInPlaceWeightChanges() {
        Rng rng = new Rng(6);
        Linear layer = new Linear("l", 9, 5, 1.0, rng);
        Tensor x = random(rng, 4, 9);
        assertArrayEquals(linear(layer, x, true), linear(layer, x, false));
        layer.weight().value().data()[3] -= 0.5f;
        float[] recorded = linear(layer, x, true);
        assertArrayEquals(recorded, linear(layer, x, false));
        assertArrayEquals(recorded, linear(layer, x, false));
    }
}
