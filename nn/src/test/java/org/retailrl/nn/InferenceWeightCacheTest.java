package org.retailrl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * Inference forward passes (no gradients) keep the weights' transposes and packings between calls:
 * they must give the recording path's outputs bit for bit, before and after the weights change in
 * place (as an optimiser step or a checkpoint restore changes them). Under a tape's weights epoch
 * (a rollout round's promise that nothing trains) the values are compared once per epoch: a new
 * epoch, or none, sees a change again.
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
        return linear(layer, x, grad, 0);
    }

    private static float[] linear(Linear layer, Tensor x, boolean grad, long epoch) {
        Tape tape = new Tape();
        tape.setGradEnabled(grad);
        tape.setWeightsEpoch(epoch);
        return layer.forward(tape.constant(x)).value().data().clone();
    }

    private static float[] gru(GRULayer layer, Tensor x, Tensor h0, long epoch) {
        Tape tape = new Tape();
        tape.setGradEnabled(false);
        tape.setWeightsEpoch(epoch);
        return layer.forwardTimeMajor(tape.constant(x), null, tape.constant(h0)).value().data().clone();
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

    @Test
    void anEpochComparesTheWeightsOnceAndANewEpochSeesChanges() {
        Rng rng = new Rng(7);
        Linear lin = new Linear("l", 9, 40, 1.0, rng);
        GRULayer gru = new GRULayer("g", 7, 16, rng);
        Tensor x = random(rng, 4, 9);
        Tensor xs = random(rng, 1, 3, 7);
        Tensor h0 = random(rng, 3, 16);
        float[] linBefore = linear(lin, x, false, 11);
        float[] gruBefore = gru(gru, xs, h0, 11);
        assertArrayEquals(linear(lin, x, true), linBefore);
        lin.weight().value().data()[3] -= 0.5f;
        gru.weightHh().value().data()[5] += 0.25f;
        // Within epoch 11 the caller promised no change, so the caches are trusted ...
        assertArrayEquals(linBefore, linear(lin, x, false, 11));
        assertArrayEquals(gruBefore, gru(gru, xs, h0, 11));
        // ... a new epoch compares again and sees the change, as does no epoch.
        float[] linAfter = linear(lin, x, true);
        float[] gruAfter = gru(gru, xs, h0, 0);
        assertFalse(java.util.Arrays.equals(linBefore, linAfter));
        assertFalse(java.util.Arrays.equals(gruBefore, gruAfter));
        assertArrayEquals(linAfter, linear(lin, x, false, 12));
        assertArrayEquals(gruAfter, gru(gru, xs, h0, 12));
        lin.weight().value().data()[3] += 1f;
        assertArrayEquals(linear(lin, x, true), linear(lin, x, false, 0));
    }
}
