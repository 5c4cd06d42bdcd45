package org.retailrl.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.retailrl.core.Tensor;

/** {@link Var#freshGrad()}: a buffer only for the first contribution, never for constants. */
class VarFreshGradTest {
    @Test
    void freshOnlyWhenNoBufferExistsAndTheNodeTakesGradients() {
        Tape t = new Tape();
        Var x = t.leaf(Tensor.zeros(2, 3));
        Tensor fresh = x.freshGrad();
        assertNotNull(fresh);
        assertSame(fresh, x.grad(), "grad() must return the buffer handed out as fresh");
        assertNull(x.freshGrad(), "a second contribution must add into the existing buffer");
        assertNull(t.constant(Tensor.zeros(2)).freshGrad(), "a constant takes no gradient");
        Var y = t.leaf(Tensor.zeros(2));
        y.grad().data()[0] = 5f;
        assertNull(y.freshGrad(), "an existing buffer is never handed out as fresh");
        assertArrayEquals(new float[] {5f, 0f}, y.grad().data());
    }
}
