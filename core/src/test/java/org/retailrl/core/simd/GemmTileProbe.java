package org.retailrl.core.simd;

import org.retailrl.core.random.Rng;

/**
 * A program run in child JVMs by {@link GemmTileTest} (docs/model.md §8.12): prints the GEMM register tile the JVM uses
 * and a hash of the exact bits of many GEMM results (all four transpose variants, overwrite and
 * accumulate, ragged rows, columns and depths across the tile and cache-block edges, and the
 * packed-right-operand entry point), so two tiles can be compared bit for bit.
 */
public final class GemmTileProbe {
    private GemmTileProbe() {
    }

    private static final int[] M = {1, 4, 5, 6, 7, 13, 30, 64, 150};
    private static final int[] N = {5, 33, 70};
    private static final int[] K = {1, 17, 300};

    /** Prints {@code tile=<rows>x<columns> hash=<hex>}. */
    public static void main(String[] args) {
        Rng rng = new Rng(20261205L);
        long hash = 0xcbf29ce484222325L;
        int variant = 0;
        for (int m : M) {
            for (int n : N) {
                for (int k : K) {
                    for (int t = 0; t < 4; t++) {
                        boolean ta = (t & 1) != 0;
                        boolean tb = (t & 2) != 0;
                        boolean acc = (variant++ & 1) != 0;
                        float[] a = fill(rng, m * k);
                        float[] b = fill(rng, k * n);
                        float[] c = fill(rng, m * n);
                        Kernels.gemm(ta, tb, m, n, k, a, 0, ta ? m : k, b, 0, tb ? k : n, c, 0, n, acc);
                        hash = mix(hash, c);
                    }
                    float[] a = fill(rng, m * k);
                    float[] b = fill(rng, k * n);
                    float[] packed = new float[Kernels.packedRightSize(k, n)];
                    Kernels.packRight(false, k, n, b, 0, n, packed, 0);
                    float[] c = fill(rng, m * n);
                    Kernels.gemmPackedRight(m, n, k, a, 0, k, packed, 0, c, 0, n, true);
                    hash = mix(hash, c);
                }
            }
        }
        System.out.println("tile=" + Kernels.gemmTile() + " hash=" + Long.toHexString(hash));
    }

    private static float[] fill(Rng rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) rng.uniform(-1, 1);
        }
        return x;
    }

    private static long mix(long hash, float[] c) {
        for (float v : c) {
            hash = (hash ^ Float.floatToRawIntBits(v)) * 0x100000001b3L;
        }
        return hash;
    }
}
