package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.retailrl.core.random.Rng;

/** What the GEMM tests of the kernel layer (docs/model.md §8.12) share: both implementations, random operands. */
final class SimdImpls {
    private SimdImpls() {
    }

    /** The Vector API implementation and the scalar twin. */
    static List<Simd> both() {
        Simd vector = Kernels.vectorOrNull();
        assertNotNull(vector, "the test JVM runs with --add-modules jdk.incubator.vector, so the vector impl must load");
        return List.of(vector, new ScalarSimd());
    }

    /** {@code len} floats uniform on [−1, 1). */
    static float[] fill(Rng rng, int len) {
        float[] x = new float[len];
        for (int i = 0; i < len; i++) {
            x[i] = (float) rng.uniform(-1, 1);
        }
        return x;
    }
}
