package org.retailrl.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.core.Tensor;

/** Hand-computed examples of the ops and their error messages. */
class OpsExamplesTest {
    @Test
    void matmulAndBroadcastAddByHand() {
        Tape t = new Tape();
        Var a = t.leaf(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        Var w = t.leaf(Tensor.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2));
        Var b = t.leaf(Tensor.of(new float[] {10, 20}, 2));
        Var y = Ops.add(Ops.matmul(a, w), b);
        assertArrayEquals(new float[] {14, 25, 20, 31}, y.value().data());
        t.backward(Ops.sum(y));
        assertArrayEquals(new float[] {2, 2}, b.grad().data());
        assertArrayEquals(new float[] {1, 1, 2, 1, 1, 2}, a.grad().data());
        assertArrayEquals(new float[] {5, 5, 7, 7, 9, 9}, w.grad().data());
    }

    @Test
    void shapeErrorsNameBothShapes() {
        Tape t = new Tape();
        Var a = t.constant(Tensor.zeros(2, 3));
        Var b = t.constant(Tensor.zeros(4, 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.matmul(a, b));
        assertEquals("matmul: shape [2, 3] vs [4, 5]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.add(a, b));
        assertTrue(e.getMessage().startsWith("add: shape [2, 3] vs [4, 5]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.clamp(a, 1f, 0f));
        assertTrue(e.getMessage().contains("lo <= hi"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.gather(a, new int[] {0, 3}));
        assertTrue(e.getMessage().contains("index[1] = 3 outside [0, 3)"), e.getMessage());
    }

    @Test
    void constantsNeverGetGradientBuffers() {
        Tape t = new Tape();
        Var x = t.constant(Tensor.of(new float[] {1, 2}, 2));
        Var p = t.leaf(Tensor.of(new float[] {3, 4}, 2));
        t.backward(Ops.sum(Ops.mul(Ops.tanh(x), p)));
        assertFalse(x.hasGrad());
        assertEquals(null, x.grad());
        assertEquals((float) Math.tanh(1), p.grad().data()[0], 1e-6f);
    }

    @Test
    void noGradModeRecordsNothing() {
        Tape t = new Tape();
        Var p = t.leaf(Tensor.of(new float[] {3, 4}, 2));
        t.setGradEnabled(false);
        Var y = Ops.sum(Ops.exp(p));
        assertFalse(y.requiresGrad());
        assertEquals(0, t.size());
        assertEquals((float) (Math.exp(3) + Math.exp(4)), y.value().item(), 1e-4f);
    }

    @Test
    void steadyStateStepReusesPooledBuffers() {
        Tape t = new Tape();
        Tensor wv = Tensor.of(new float[] {0.5f, -0.25f, 0.125f, 1f}, 2, 2);
        Tensor wg = Tensor.zeros(2, 2);
        float[][] firstBuffers = new float[2][];
        for (int step = 0; step < 3; step++) {
            Var w = t.leaf(wv, wg);
            Var x = t.constant(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2));
            Var h = Ops.tanh(Ops.matmul(x, w));
            t.backward(Ops.mean(h));
            if (step == 1) {
                firstBuffers[0] = h.value().data();
                firstBuffers[1] = h.grad().data();
            } else if (step == 2) {
                // Same sizes requested in the same order: the pool hands back the same arrays.
                assertTrue(h.value().data() == firstBuffers[0] || h.value().data() == firstBuffers[1]);
                assertTrue(h.grad().data() == firstBuffers[0] || h.grad().data() == firstBuffers[1]);
            }
            t.reset();
        }
    }
}
