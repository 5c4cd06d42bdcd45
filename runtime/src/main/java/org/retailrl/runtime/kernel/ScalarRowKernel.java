package org.retailrl.runtime.kernel;

import java.util.Arrays;

/** The scalar reference of {@link RowKernel} (docs/model.md §8 networks): the row-major layout as given, one {@link Math#fma} chain per output in input order. */
public final class ScalarRowKernel implements RowKernel {
    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public float[] pack(float[] wt, int in, int out) {
        RowKernel.checkPack(wt, in, out);
        return Arrays.copyOf(wt, in * out);
    }

    @Override
    public void matvec(float[] wt, float[] x, int xo, int in, int out, float[] y) {
        RowKernel.checkMatvec(wt, x, xo, in, out, y);
        Arrays.fill(y, 0, out, 0f);
        // p outer, j inner: unit-stride rows of wt; each y[j] still sees its products in p order.
        for (int p = 0; p < in; p++) {
            float xp = x[xo + p];
            int row = p * out;
            for (int j = 0; j < out; j++) {
                y[j] = Math.fma(xp, wt[row + j], y[j]);
            }
        }
    }
}
