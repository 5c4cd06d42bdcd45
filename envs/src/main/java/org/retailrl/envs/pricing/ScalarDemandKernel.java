package org.retailrl.envs.pricing;

/** The reference {@link DemandKernel}: one copy at a time, {@link Demand#rate} then {@link PoissonSampler}. */
final class ScalarDemandKernel implements DemandKernel {
    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void draw(Demand demand, double[] prices, int[] priceIndex, double[] o, double[] r, long[] seed,
            long[] gamma, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = PoissonSampler.sample(seed, gamma, i, demand.rate(prices[priceIndex[i]], o[i], r[i]));
        }
    }
}
