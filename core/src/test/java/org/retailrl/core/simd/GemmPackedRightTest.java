package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;

/**
 * The pre-packed right operand ({@link Kernels#packRight}, {@link Kernels#gemmPackedRight}; used
 * for the recurrent weights of the GRU of docs/model.md §8): for both implementations the product must
 * be bit-identical to {@link Simd#gemm} with an untransposed right operand holding the same op(B),
 * whichever way B was stored, and must write nothing outside C. {@link GemmTest} checks that GEMM
 * against the double-precision reference.
 */
class GemmPackedRightTest {
    private static void check(Simd impl, Rng rng, int m, int n, int k, boolean transB, boolean accumulate) {
        int pad = 3;
        int lda = k + pad, ldb = (transB ? k : n) + pad, ldc = n + pad;
        int aOff = 2, bOff = 5, cOff = 1, pOff = 7;
        float[] a = SimdImpls.fill(rng, aOff + m * lda);
        float[] b = SimdImpls.fill(rng, bOff + (transB ? n : k) * ldb);
        float[] c0 = SimdImpls.fill(rng, cOff + m * ldc + pad);
        // op(B) as an untransposed k×n matrix: the reference call of the contract.
        float[] opB = new float[Math.max(1, k * n)];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                opB[p * n + j] = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
            }
        }
        float[] expected = c0.clone();
        impl.gemm(false, false, m, n, k, a, aOff, lda, opB, 0, Math.max(1, n), expected, cOff, ldc, accumulate);
        float[] packed = new float[pOff + impl.packedRightSize(k, n) + pad];
        impl.packRight(transB, k, n, b, bOff, ldb, packed, pOff);
        float[] got = c0.clone();
        impl.gemmPackedRight(m, n, k, a, aOff, lda, packed, pOff, got, cOff, ldc, accumulate);
        for (int i = 0; i < got.length; i++) {
            if (Float.floatToRawIntBits(got[i]) != Float.floatToRawIntBits(expected[i])) {
                fail(impl.name() + " " + m + "x" + n + "x" + k + (transB ? " T" : " N") + (accumulate ? " acc" : "")
                        + ": C index " + i + " is " + got[i] + ", gemm gives " + expected[i]);
            }
        }
    }

    @Test
    void packedProductEqualsGemmBitForBit() {
        Rng rng = new Rng(20261124L);
        // Tiny shapes, the GRU step shapes (64×192×64 forward, 64×64×192 backward), edges of
        // the micro-tile, several KC-deep slices and NC-wide column blocks, narrow outputs, k = 0.
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {9, 9, 9}, {64, 192, 64}, {64, 64, 192}, {13, 33, 31},
            {24, 64, 257}, {13, 1100, 300}, {70, 4, 33}, {5, 1, 600}, {4, 3, 0}};
        for (Simd impl : SimdImpls.both()) {
            for (int[] s : shapes) {
                for (int v = 0; v < 4; v++) {
                    check(impl, rng, s[0], s[1], s[2], (v & 1) != 0, (v & 2) != 0);
                }
            }
        }
    }

    @Test
    void badArgumentsAreRejectedWithNamedMessages() {
        float[] b = new float[12];
        IllegalArgumentException e;
        e = assertThrows(IllegalArgumentException.class, () -> Kernels.packedRightSize(-1, 2));
        assertTrue(e.getMessage().contains("k=-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Kernels.packRight(false, 3, 4, b, 0, 4, new float[1], 0));
        assertTrue(e.getMessage().contains("dst needs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Kernels.packRight(false, 4, 4, b, 0, 4, new float[4096], 0));
        assertTrue(e.getMessage().contains("B (4x4") && e.getMessage().contains("array has 12"), e.getMessage());
        float[] packed = new float[Kernels.packedRightSize(3, 4)];
        Kernels.packRight(false, 3, 4, b, 0, 4, packed, 0);
        e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.gemmPackedRight(2, 4, 3, new float[6], 0, 3, packed, 1, new float[8], 0, 4, false));
        assertTrue(e.getMessage().contains("packed needs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.gemmPackedRight(2, 4, 3, new float[5], 0, 3, packed, 0, new float[8], 0, 4, false));
        assertTrue(e.getMessage().contains("A (2x3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.gemmPackedRight(2, 4, 3, new float[6], 0, 3, packed, 0, packed, 0, 4, false));
        assertTrue(e.getMessage().contains("alias"), e.getMessage());
    }
}
