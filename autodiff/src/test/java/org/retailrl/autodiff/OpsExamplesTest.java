package org.retailrl.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

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
    void badArgumentsNameTheParameterAndRange() {
        Tape t = new Tape();
        Var a = t.constant(Tensor.zeros(2, 3, 4));
        Var b = t.constant(Tensor.zeros(2, 5, 4));
        assertMessage("bmm: shape [2, 3, 4] vs [2, 5, 4]", () -> Ops.bmm(a, b));
        assertMessage("concat: shape [2, 3, 4] vs [2, 5, 4] on axis 2", () -> Ops.concat(2, a, b));
        assertMessage("slice: need 0 <= from <= to <= 3 on axis 1 of shape [2, 3, 4], got from=2 to=4",
                () -> Ops.slice(a, 1, 2, 4));
        assertMessage("sum: axis 3 outside [-3, 3) for rank 3", () -> Ops.sum(a, 3, false));
        assertMessage("add: input 1 must not be null", () -> Ops.add(a, null));
        assertMessage("huber: delta must be finite and > 0, got 0.0", () -> Ops.huber(a, 0f));
        assertMessage("layerNorm: eps must be finite and > 0, got -1.0", () -> Ops.layerNorm(a, null, null, -1f));
        assertMessage("indexSelect: rows[1] = 2 outside [0, 2)", () -> Ops.indexSelect(a, new int[] {0, 2}));
        assertMessage("mul: inputs were recorded on different tapes", () -> Ops.mul(a, new Tape().constant(Tensor.zeros(4))));
        assertMessage("backward: loss must hold one element, shape [2, 3, 4]", () -> t.backward(a));
    }

    private static void assertMessage(String want, org.junit.jupiter.api.function.Executable call) {
        assertEquals(want, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void backwardAddsIntoPersistentGradients() {
        Tape t = new Tape();
        Tensor grad = Tensor.of(new float[] {1, 1}, 2);
        Var p = t.leaf(Tensor.of(new float[] {3, 4}, 2), grad);
        t.backward(Ops.sum(Ops.scale(p, 2f)));
        assertArrayEquals(new float[] {3, 3}, grad.data());
        p.zeroGrad();
        assertArrayEquals(new float[] {0, 0}, grad.data());
        Var again = Ops.sum(p);
        assertThrows(IllegalStateException.class, () -> t.backward(again));
        t.reset();
        Var q = t.leaf(Tensor.of(new float[] {3, 4}, 2), grad);
        t.backward(Ops.sum(q));
        assertArrayEquals(new float[] {1, 1}, grad.data());
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
    void steadyStateStepAllocatesNoNewBuffers() {
        Tape t = new Tape();
        Rng r = new Rng(3);
        Tensor wv = Gen.uniform(r, new int[] {8, 6}, -1, 1);
        Tensor wg = Tensor.zeros(8, 6);
        Tensor bv = Gen.uniform(r, new int[] {6}, -1, 1);
        Tensor bg = Tensor.zeros(6);
        Tensor xv = Gen.uniform(r, new int[] {5, 8}, -1, 1);
        long afterFirst = -1;
        for (int step = 0; step < 4; step++) {
            Var w = t.leaf(wv, wg);
            Var b = t.leaf(bv, bg);
            Var x = t.constant(xv);
            Var h = Ops.tanh(Ops.add(Ops.matmul(x, w), b));
            Var logp = Ops.logSoftmax(Ops.layerNorm(h, null, null, 1e-5f));
            Var loss = Ops.neg(Ops.mean(Ops.gather(logp, new int[] {0, 1, 2, 3, 4})));
            t.backward(loss);
            t.reset();
            if (step == 0) {
                afterFirst = t.pooledAllocations();
            }
        }
        assertTrue(afterFirst > 0);
        assertEquals(afterFirst, t.pooledAllocations());
    }
}
