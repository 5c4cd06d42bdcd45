package org.retailrl.envs.pricing;

/**
 * The reference {@link DemandKernel}: {@link Demand#rate} then {@link PoissonSampler}, copy by copy
 * in effect. It runs in three passes (rates, {@code e^{−λ}}, searches) because the exponentials are
 * long dependency chains: in a branch-free pass the processor overlaps several copies' chains,
 * while the search's data-dependent exit would flush that overlap. One instance per batch (it owns
 * scratch arrays); not thread-safe.
 */
final class ScalarDemandKernel implements DemandKernel {
    private double[] lam = new double[0];
    private double[] p0 = new double[0];

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void draw(Demand demand, double[] prices, int[] priceIndex, double[] o, double[] r, long[] seed,
            long[] gamma, double[] out, int n) {
        if (lam.length < n) {
            lam = new double[n];
            p0 = new double[n];
        }
        for (int i = 0; i < n; i++) {
            lam[i] = demand.rate(prices[priceIndex[i]], o[i], r[i]);
        }
        for (int i = 0; i < n; i++) {
            p0[i] = FastExp.exp(-lam[i]);
        }
        for (int i = 0; i < n; i++) {
            double u = RawStreams.nextDouble(seed, gamma, i);
            double l = lam[i];
            int k = l < PoissonSampler.INVERSION_LIMIT ? PoissonSampler.search(u, l, p0[i]) : -1;
            out[i] = k >= 0 ? k : PoissonSampler.finish(seed, gamma, i, u, l);
        }
    }
}
