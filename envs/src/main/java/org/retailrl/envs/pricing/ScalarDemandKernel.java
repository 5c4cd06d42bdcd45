package org.retailrl.envs.pricing;

import org.retailrl.core.simd.Kernels;

/**
 * The reference {@link DemandKernel}: {@link Demand#rate} copy by copy, then the kernel layer's
 * batched Poisson draw ({@link Kernels#poisson}, the draws of {@code PoissonSampler}). One
 * instance per batch (it owns a scratch array); not thread-safe.
 */
final class ScalarDemandKernel implements DemandKernel {
    private double[] lam = new double[0];

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void draw(Demand demand, double[] prices, int[] priceIndex, double[] o, double[] r, long[] seed,
            long[] gamma, double[] out, int n) {
        if (lam.length < n) {
            lam = new double[n];
        }
        for (int i = 0; i < n; i++) {
            lam[i] = demand.rate(prices[priceIndex[i]], o[i], r[i]);
        }
        Kernels.poisson(lam, seed, gamma, out, n);
    }
}
