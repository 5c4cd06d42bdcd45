package org.retailrl.core.simd;

/**
 * A tiny program run in a child JVM by {@link KernelsFallbackTest}: prints which kernel path the
 * JVM picked and the checksum of a 20×20×20 GEMM over small integers (exact in float, so any
 * correct implementation prints the same number).
 */
public final class KernelsProbe {
    private KernelsProbe() {
    }

    /** Size of the probe GEMM. */
    static final int N = 20;

    /** Entry of A (and, transposed, of B): small integers so every partial sum is exact in float. */
    static float entry(int i, int j) {
        return (i * 7 + j * 3) % 11 - 5;
    }

    /** Prints {@code impl=<name> checksum=<Σ C>}. */
    public static void main(String[] args) {
        float[] a = new float[N * N], b = new float[N * N], c = new float[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                a[i * N + j] = entry(i, j);
                b[i * N + j] = entry(j, i);
            }
        }
        Kernels.gemm(false, false, N, N, N, a, 0, N, b, 0, N, c, 0, N, false);
        long sum = 0;
        for (float v : c) {
            sum += (long) v;
        }
        System.out.println("impl=" + Kernels.implementation() + " checksum=" + sum);
    }
}
