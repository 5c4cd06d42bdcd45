package org.retailrl.envs.pricing;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.retailrl.core.simd.Kernels;

/**
 * The Vector API {@link DemandKernel}: the only class of this module that touches
 * {@code jdk.incubator.vector}. It evaluates the linear score of {@link Demand#score} in lanes,
 * repeating the scalar code's IEEE operations in the same order (so results agree to the bit; a
 * test compares both paths), and leaves the logistic and the Poisson draw to the kernel layer
 * ({@link Kernels#scaledLogistic}, {@link Kernels#poisson}), which draw exactly as
 * {@link Demand#rate} and {@code PoissonSampler} do.
 *
 * <p>One instance per batch (it owns a scratch array); not thread-safe.
 */
final class PanamaDemandKernel implements DemandKernel {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private double[] lam = new double[0];

    @Override
    public String name() {
        return "vector-" + D.vectorBitSize();
    }

    @Override
    public void draw(Demand dm, double[] prices, int[] priceIndex, double[] o, double[] r, long[] seed,
            long[] gamma, double[] out, int n) {
        if (lam.length < n) {
            lam = new double[n];
        }
        int bound = D.loopBound(n);
        scores(dm, prices, priceIndex, o, r, lam, bound);
        for (int i = bound; i < n; i++) {
            lam[i] = dm.score(prices[priceIndex[i]], o[i], r[i]);
        }
        Kernels.scaledLogistic(dm.scale, lam, n);
        Kernels.poisson(lam, seed, gamma, out, n);
    }

    /** {@code z[i] = Demand.score(p, o, r)}, with the scalar code's order of operations. */
    private static void scores(Demand dm, double[] prices, int[] priceIndex, double[] o, double[] r, double[] z,
            int bound) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        for (int i = 0; i < bound; i += D.length()) {
            DoubleVector p = DoubleVector.fromArray(D, prices, 0, priceIndex, i);
            DoubleVector ov = DoubleVector.fromArray(D, o, i);
            DoubleVector rv = DoubleVector.fromArray(D, r, i);
            DoubleVector ties = zero.blend(one, ov.compare(VectorOperators.LT, p))
                    .add(zero.blend(one, ov.compare(VectorOperators.LE, p)));
            DoubleVector rank = ties.mul(0.5).add(1.0);
            rank.mul(dm.betaRank).add(dm.constant)
                    .add(p.sub(ov).mul(dm.betaGap))
                    .add(p.add(ov).mul(dm.betaAverage).mul(0.5))
                    .add(p.sub(rv).mul(dm.betaReference))
                    .intoArray(z, i);
        }
    }
}
