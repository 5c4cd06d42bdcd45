package org.retailrl.runtime.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernel} with the Vector API. The outputs are swept in blocks of eight (then four,
 * two, one) vectors whose accumulators stay in registers for the whole input loop — one broadcast
 * of {@code x[p]}, then one weight load and one FMA per vector — instead of loading and storing
 * {@code y} once per input as an axpy chain would. (Median of the whole fsda decision in
 * {@code PolicyLatencyBenchmark}, one brief run each on the same shared, loaded machine: axpy
 * chains 11.4 µs; register blocks over the plain transposed rows 7.8 µs; register blocks over
 * packed panels, as here, 5.9 µs.) Outputs past the last whole vector are scalar {@link Math#fma} chains (no
 * masked operations in the loop).
 *
 * <p>{@link #pack} stores each block as a contiguous panel {@code [in, blockWidth]}, in the order
 * the sweep visits them, so the weights stream through memory once, front to back, and every load
 * index is {@code base + p·(constant)} — the form C2's range-check elimination hoists. At batch
 * size 1 the weights are read once per decision, so the kernel is bound by the bandwidth of the
 * cache holding them (L2 for the default networks) rather than by the FMAs.
 *
 * <p>Bit-identical to {@link ScalarRowKernel}: each lane runs the same fused chain from zero in
 * input order.
 */
final class PanamaRowKernel implements RowKernel {
    // static final so C2 folds the species into constants (as core's PanamaSimd).
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int[] BLOCKS = {8 * L, 4 * L, 2 * L, L};

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }

    @Override
    public float[] pack(float[] wt, int in, int out) {
        RowKernel.checkPack(wt, in, out);
        float[] packed = new float[in * out];
        int base = 0;
        int j = 0;
        for (int b = 0; b <= BLOCKS.length; b++) {
            int width = b < BLOCKS.length ? BLOCKS[b] : out - j;
            // Eight-vector blocks repeat; the narrower ones occur at most once each.
            while (width > 0 && j + width <= out) {
                for (int p = 0; p < in; p++) {
                    System.arraycopy(wt, p * out + j, packed, base + p * width, width);
                }
                base += in * width;
                j += width;
                if (b != 0) {
                    break;
                }
            }
        }
        return packed;
    }

    @Override
    public void matvec(float[] packed, float[] x, int xo, int in, int out, float[] y) {
        RowKernel.checkMatvec(packed, x, xo, in, out, y);
        int j = 0;
        int base = 0;
        // Eight independent accumulators: two FMA ports × four cycles of FMA latency. They and the
        // broadcast take 9 registers (the weight loads fold into the FMAs), within AVX2's 16.
        for (int bound = out - 8 * L; j <= bound; j += 8 * L) {
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
            for (int p = 0; p < in; p++) {
                FloatVector xp = FloatVector.broadcast(S, x[xo + p]);
                int w = base + p * (8 * L);
                a0 = xp.fma(FloatVector.fromArray(S, packed, w), a0);
                a1 = xp.fma(FloatVector.fromArray(S, packed, w + L), a1);
                a2 = xp.fma(FloatVector.fromArray(S, packed, w + 2 * L), a2);
                a3 = xp.fma(FloatVector.fromArray(S, packed, w + 3 * L), a3);
                a4 = xp.fma(FloatVector.fromArray(S, packed, w + 4 * L), a4);
                a5 = xp.fma(FloatVector.fromArray(S, packed, w + 5 * L), a5);
                a6 = xp.fma(FloatVector.fromArray(S, packed, w + 6 * L), a6);
                a7 = xp.fma(FloatVector.fromArray(S, packed, w + 7 * L), a7);
            }
            a0.intoArray(y, j);
            a1.intoArray(y, j + L);
            a2.intoArray(y, j + 2 * L);
            a3.intoArray(y, j + 3 * L);
            a4.intoArray(y, j + 4 * L);
            a5.intoArray(y, j + 5 * L);
            a6.intoArray(y, j + 6 * L);
            a7.intoArray(y, j + 7 * L);
            base += in * 8 * L;
        }
        if (j <= out - 4 * L) {
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int p = 0; p < in; p++) {
                FloatVector xp = FloatVector.broadcast(S, x[xo + p]);
                int w = base + p * (4 * L);
                a0 = xp.fma(FloatVector.fromArray(S, packed, w), a0);
                a1 = xp.fma(FloatVector.fromArray(S, packed, w + L), a1);
                a2 = xp.fma(FloatVector.fromArray(S, packed, w + 2 * L), a2);
                a3 = xp.fma(FloatVector.fromArray(S, packed, w + 3 * L), a3);
            }
            a0.intoArray(y, j);
            a1.intoArray(y, j + L);
            a2.intoArray(y, j + 2 * L);
            a3.intoArray(y, j + 3 * L);
            j += 4 * L;
            base += in * 4 * L;
        }
        if (j <= out - 2 * L) {
            FloatVector a0 = FloatVector.zero(S), a1 = a0;
            for (int p = 0; p < in; p++) {
                FloatVector xp = FloatVector.broadcast(S, x[xo + p]);
                int w = base + p * (2 * L);
                a0 = xp.fma(FloatVector.fromArray(S, packed, w), a0);
                a1 = xp.fma(FloatVector.fromArray(S, packed, w + L), a1);
            }
            a0.intoArray(y, j);
            a1.intoArray(y, j + L);
            j += 2 * L;
            base += in * 2 * L;
        }
        if (j <= out - L) {
            FloatVector a0 = FloatVector.zero(S);
            for (int p = 0; p < in; p++) {
                a0 = FloatVector.broadcast(S, x[xo + p]).fma(FloatVector.fromArray(S, packed, base + p * L), a0);
            }
            a0.intoArray(y, j);
            j += L;
            base += in * L;
        }
        int width = out - j;
        if (width > 0) {
            // Input loop outside, so the tail's few independent chains interleave instead of
            // running one latency-bound chain after another.
            java.util.Arrays.fill(y, j, out, 0f);
            for (int p = 0; p < in; p++) {
                float xp = x[xo + p];
                int w = base + p * width - j;
                for (int k = j; k < out; k++) {
                    y[k] = Math.fma(xp, packed[w + k], y[k]);
                }
            }
        }
    }
}
