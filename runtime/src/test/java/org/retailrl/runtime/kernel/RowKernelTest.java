package org.retailrl.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Vector API row kernel agrees with the scalar reference bit for bit, and both with a double-precision sum. */
class RowKernelTest {
    private static final int[] OUTS = {1, 4, 5, 6, 8, 13, 16, 21, 25, 32, 48, 64, 100, 128, 192, 207, 256, 300, 441};
    private static final int[] INS = {1, 3, 10, 64, 100, 300};

    @Test
    void vectorAndScalarKernelsAreBitIdenticalAndAccurate() {
        RowKernel vector = RowKernel.select();
        RowKernel scalar = new ScalarRowKernel();
        assertTrue(vector.name().startsWith("vector-"), "tests run with jdk.incubator.vector, got " + vector.name());
        Random rng = new Random(42);
        for (int in : INS) {
            for (int out : OUTS) {
                int xo = 3;
                float[] x = new float[xo + in];
                float[] wt = new float[in * out];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) (2 * rng.nextDouble() - 1);
                }
                for (int i = 0; i < wt.length; i++) {
                    wt[i] = (float) rng.nextGaussian();
                }
                float[] yv = new float[out + 2];
                float[] ys = new float[out + 2];
                yv[out] = 7f;
                ys[out] = 7f;
                float[] packed = vector.pack(wt, in, out);
                vector.matvec(packed, x, xo, in, out, yv);
                scalar.matvec(scalar.pack(wt, in, out), x, xo, in, out, ys);
                for (int j = 0; j < out; j++) {
                    assertEquals(Float.floatToRawIntBits(ys[j]), Float.floatToRawIntBits(yv[j]),
                            "in=" + in + " out=" + out + " j=" + j + ": " + yv[j] + " vs " + ys[j]);
                    double exact = 0;
                    double abs = 0;
                    for (int p = 0; p < in; p++) {
                        exact += (double) x[xo + p] * wt[p * out + j];
                        abs += Math.abs((double) x[xo + p] * wt[p * out + j]);
                    }
                    // One rounding per fused step: |error| ≤ in·u·Σ|products| (u = 2^-24), to first order.
                    double bound = in * 0x1p-24 * abs * 1.01;
                    assertTrue(Math.abs(ys[j] - exact) <= bound, "in=" + in + " out=" + out + " j=" + j
                            + ": error " + Math.abs(ys[j] - exact) + " > " + bound);
                }
                assertEquals(7f, yv[out], "the kernel must not write past out");
            }
        }
    }
}
