package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.fail;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.retailrl.core.random.Rng;

/**
 * The property the deterministic multi-threaded update rests on (docs/model.md §8.12): every
 * element of C is computed from its own row of op(A) with the same arithmetic whatever other rows
 * share the call, for {@link Simd#gemm} (all four transpose variants, narrow outputs included)
 * and {@link Simd#gemmPackedRight}, in both implementations. So a product split by rows of C
 * over any number of threads is bit-identical to the unsplit one.
 */
class GemmRowInvarianceTest {
    @Property(tries = 60)
    void rowsOfCDoNotDependOnTheirNeighbours(@ForAll @IntRange(min = 1, max = 80) int m,
                                             @ForAll @IntRange(min = 1, max = 70) int n,
                                             @ForAll @IntRange(min = 1, max = 600) int k,
                                             @ForAll boolean transA, @ForAll boolean transB,
                                             @ForAll boolean accumulate, @ForAll long seed) {
        Rng rng = Rng.stream(seed, 0);
        int lda = (transA ? m : k) + 1;
        int ldb = (transB ? k : n) + 2;
        int ldc = n + 3;
        float[] a = SimdImpls.fill(rng, (transA ? k : m) * lda);
        float[] b = SimdImpls.fill(rng, (transB ? n : k) * ldb);
        float[] c0 = SimdImpls.fill(rng, m * ldc);
        // Three random cut points, so parts of every size (down to single rows) occur.
        int[] cuts = {0, (int) (rng.uniform(0, 1) * m), (int) (rng.uniform(0, 1) * m), (int) (rng.uniform(0, 1) * m), m};
        java.util.Arrays.sort(cuts);
        for (Simd impl : SimdImpls.both()) {
            float[] whole = c0.clone();
            impl.gemm(transA, transB, m, n, k, a, 0, lda, b, 0, ldb, whole, 0, ldc, accumulate);
            float[] split = c0.clone();
            for (int p = 0; p + 1 < cuts.length; p++) {
                int lo = cuts[p];
                int hi = cuts[p + 1];
                if (hi > lo) {
                    int a0 = transA ? lo : lo * lda;
                    impl.gemm(transA, transB, hi - lo, n, k, a, a0, lda, b, 0, ldb, split, lo * ldc, ldc, accumulate);
                }
            }
            compare(impl, "gemm " + (transA ? "T" : "N") + (transB ? "T" : "N"), m, n, k, whole, split);

            float[] packed = new float[impl.packedRightSize(k, n)];
            impl.packRight(transB, k, n, b, 0, ldb, packed, 0);
            int ldaN = k + 1;
            float[] an = SimdImpls.fill(rng, m * ldaN);
            float[] wholeP = c0.clone();
            impl.gemmPackedRight(m, n, k, an, 0, ldaN, packed, 0, wholeP, 0, ldc, accumulate);
            float[] splitP = c0.clone();
            for (int p = 0; p + 1 < cuts.length; p++) {
                int lo = cuts[p];
                int hi = cuts[p + 1];
                if (hi > lo) {
                    impl.gemmPackedRight(hi - lo, n, k, an, lo * ldaN, ldaN, packed, 0, splitP, lo * ldc, ldc, accumulate);
                }
            }
            compare(impl, "gemmPackedRight", m, n, k, wholeP, splitP);
        }
    }

    private static void compare(Simd impl, String what, int m, int n, int k, float[] whole, float[] split) {
        for (int i = 0; i < whole.length; i++) {
            if (Float.floatToRawIntBits(whole[i]) != Float.floatToRawIntBits(split[i])) {
                fail(impl.name() + " " + what + " " + m + "x" + n + "x" + k + ": C index " + i + " is " + split[i]
                        + " when split by rows, " + whole[i] + " in one call");
            }
        }
    }
}
