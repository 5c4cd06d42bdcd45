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

    @Test
    void ofCopiesWrapShares() {
        float[] a = {1, 2, 3, 4};
        Tensor copied = Tensor.of(a, 2, 2);
        Tensor shared = Tensor.wrap(a, 4);
        a[0] = 9;
        assertEquals(1f, copied.get(0, 0));
        assertEquals(9f, shared.get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.wrap(new float[5], 2, 3));
        assertEquals("wrap: shape [2, 3] holds 6 elements but the array has 5", e.getMessage());
    }

    @Test
    void copyFillAndCopyFrom() {
        Tensor t = Tensor.zeros(2, 2).fill(3f);
        Tensor c = t.copy();
        t.set(5f, 1, 1);
        assertEquals(3f, c.get(1, 1), "copy is deep");
        c.copyFrom(t);
        assertEquals(5f, c.get(1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.copyFrom(Tensor.zeros(4)));
        assertEquals("copyFrom: shape [2, 2] vs [4]", e.getMessage());
    }

    @Test
    void scalarsItemAndShapeQueries() {
        Tensor s = Tensor.scalar(2.5f);
        assertEquals(0, s.rank());
        assertEquals(1, s.size());
        assertEquals(2.5f, s.item());
        assertEquals(2.5f, s.get());
        assertThrows(IllegalStateException.class, () -> Tensor.zeros(2).item());
        Tensor t = Tensor.zeros(2, 3);
        assertTrue(t.hasShape(2, 3));
        assertTrue(t.sameShape(Tensor.zeros(2, 3)));
        assertTrue(!t.sameShape(Tensor.zeros(3, 2)));
        assertEquals(2, t.dim(-2));
        assertThrows(IndexOutOfBoundsException.class, () -> t.dim(2));
        assertThrows(IndexOutOfBoundsException.class, () -> t.dim(-3));
        int[] shape = t.shape();
        shape[0] = 99;
        assertEquals(2, t.dim(0), "shape() returns a copy");
        assertThrows(IllegalArgumentException.class, () -> t.get(1));
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(0, -1));
    }

    @Test
    void reshapeRejectsAmbiguousOrIncompatibleShapes() {
        Tensor t = Tensor.zeros(6);
        assertThrows(IllegalArgumentException.class, () -> t.reshape(-1, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.reshape(4, -1));
        assertEquals("reshape: shape [6] vs [4, -1]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.reshape(-2, -3));
        assertArrayEquals(new int[] {0, 5}, Tensor.zeros(0).reshape(0, 5).shape());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, -1));
    }

    @Test
    void toStringShowsShapeAndAtMostEightValues() {
        assertEquals("Tensor[2] [1.0, 2.0]", Tensor.of(new float[] {1, 2}, 2).toString());
        assertEquals("Tensor[10] [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, ...]", Tensor.zeros(10).toString());
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
