package org.retailrl.algorithms.deploy;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernel} with the Vector API: the outputs are swept in blocks of eight (then four,
 * two, one) vectors whose accumulators stay in registers for the whole input loop (one broadcast
 * of {@code x[p]}, then one weight-row load and one FMA per vector), instead of loading and
 * storing {@code y} once per input as an axpy chain would — at batch size 1 that store-to-load traffic, not the FMAs, bounds
 * the speed. Outputs past the last whole vector are scalar {@link Math#fma} chains (no masked
 * operations in the loop). Bit-identical to {@link ScalarRowKernel}: each lane runs the same
 * fused chain from zero in input order.
 */
final class PanamaRowKernel implements RowKernel {
    // static final so C2 folds the species into constants (as core's PanamaSimd).
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }

    @Override
    public void matvec(float[] wt, float[] x, int xo, int in, int out, float[] y) {
        if (in < 0 || out < 0 || xo < 0 || xo > x.length - in || wt.length < in * out || y.length < out) {
            throw new IllegalArgumentException("matvec: x needs " + in + " floats from " + xo + ", wt " + in * out
                    + ", y " + out + "; got " + x.length + ", " + wt.length + ", " + y.length);
        }
        int j = 0;
        // Eight independent accumulators: two FMA ports × four cycles of FMA latency. They and the
        // broadcast take 9 registers (the weight loads fold into the FMAs), within AVX2's 16.
        for (int bound = out - 8 * L; j <= bound; j += 8 * L) {
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
            for (int p = 0; p < in; p++) {
                FloatVector xp = FloatVector.broadcast(S, x[xo + p]);
                int w = p * out + j;
                a0 = xp.fma(FloatVector.fromArray(S, wt, w), a0);
                a1 = xp.fma(FloatVector.fromArray(S, wt, w + L), a1);
                a2 = xp.fma(FloatVector.fromArray(S, wt, w + 2 * L), a2);
                a3 = xp.fma(FloatVector.fromArray(S, wt, w + 3 * L), a3);
                a4 = xp.fma(FloatVector.fromArray(S, wt, w + 4 * L), a4);
                a5 = xp.fma(FloatVector.fromArray(S, wt, w + 5 * L), a5);
                a6 = xp.fma(FloatVector.fromArray(S, wt, w + 6 * L), a6);
                a7 = xp.fma(FloatVector.fromArray(S, wt, w + 7 * L), a7);
            }
            a0.intoArray(y, j);
            a1.intoArray(y, j + L);
            a2.intoArray(y, j + 2 * L);
            a3.intoArray(y, j + 3 * L);
            a4.intoArray(y, j + 4 * L);
            a5.intoArray(y, j + 5 * L);
            a6.intoArray(y, j + 6 * L);
            a7.intoArray(y, j + 7 * L);
        }
        if (j <= out - 4 * L) {
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int p = 0; p < in; p++) {
                FloatVector xp = FloatVector.broadcast(S, x[xo + p]);
                int w = p * out + j;
                a0 = xp.fma(FloatVector.fromArray(S, wt, w), a0);
                a1 = xp.fma(FloatVector.fromArray(S, wt, w + L), a1);
                a2 = xp.fma(FloatVector.fromArray(S, wt, w + 2 * L), a2);
                a3 = xp.fma(FloatVector.fromArray(S, wt, w + 3 * L), a3);
            }
            a0.intoArray(y, j);
            a1.intoArray(y, j + L);
            a2.intoArray(y, j + 2 * L);
            a3.intoArray(y, j + 3 * L);
            j += 4 * L;
        }
        if (j <= out - 2 * L) {
            FloatVector a0 = FloatVector.zero(S), a1 = a0;
            for (int p = 0; p < in; p++) {
                FloatVector xp = FloatVector.broadcast(S, x[xo + p]);
                int w = p * out + j;
                a0 = xp.fma(FloatVector.fromArray(S, wt, w), a0);
                a1 = xp.fma(FloatVector.fromArray(S, wt, w + L), a1);
            }
            a0.intoArray(y, j);
            a1.intoArray(y, j + L);
            j += 2 * L;
        }
        if (j <= out - L) {
            FloatVector a0 = FloatVector.zero(S);
            for (int p = 0; p < in; p++) {
                a0 = FloatVector.broadcast(S, x[xo + p]).fma(FloatVector.fromArray(S, wt, p * out + j), a0);
            }
            a0.intoArray(y, j);
            j += L;
        }
        if (j < out) {
            // Input loop outside, so the tail's few independent chains interleave instead of
            // running one latency-bound chain after another.
            java.util.Arrays.fill(y, j, out, 0f);
            for (int p = 0; p < in; p++) {
                float xp = x[xo + p];
                int w = p * out;
                for (int k = j; k < out; k++) {
                    y[k] = Math.fma(xp, wt[w + k], y[k]);
                }
            }
        }
    }
}
