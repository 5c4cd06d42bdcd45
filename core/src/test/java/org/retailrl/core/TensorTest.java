package org.retailrl.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TensorTest {
    @Test
    void rowMajorIndexing() {
        Tensor t = Tensor.zeros(2, 3, 4);
        t.set(7f, 1, 2, 3);
        assertEquals(7f, t.data()[1 * 12 + 2 * 4 + 3]);
        assertEquals(7f, t.get(1, 2, 3));
        assertEquals(24, t.size());
        assertEquals(4, t.dim(-1));
    }

    @Test
    void reshapeIsAViewAndInfersOneDimension() {
        Tensor t = Tensor.zeros(6, 4);
        Tensor r = t.reshape(3, -1);
        assertArrayEquals(new int[] {3, 8}, r.shape());
        assertSame(t.data(), r.data());
    }

    @Test
    void shapeErrorsNameBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.checkSameShape("add", Tensor.zeros(2, 3), Tensor.zeros(3, 2)));
        assertEquals("add: shape [2, 3] vs [3, 2]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(4).reshape(3));
        assertThrows(IndexOutOfBoundsException.class, () -> Tensor.zeros(2, 2).get(2, 0));
        assertThrows(IllegalArgumentException.class, () -> Tensor.wrap(new float[5], 2, 3));
    }

    @Test
    void nonFiniteDetection() {
        Tensor t = Tensor.zeros(3);
        assertTrue(!t.hasNonFinite());
        t.data()[1] = Float.NaN;
        assertTrue(t.hasNonFinite());
    }

    @Property(tries = 200)
    void offsetMatchesRowMajorFormula(@ForAll @IntRange(min = 1, max = 6) int a,
                                      @ForAll @IntRange(min = 1, max = 6) int b,
                                      @ForAll @IntRange(min = 0, max = 35) int flat) {
        int f = flat % (a * b);
        Tensor t = Tensor.zeros(a, b);
        assertEquals(f, t.offset(f / b, f % b));
    }
}
