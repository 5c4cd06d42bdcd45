package org.retailrl.envs.pricing;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.retailrl.core.simd.Kernels;
import org.retailrl.core.simd.LaneArrays;

/**
 * The Vector API {@link DemandKernel}: the only class of this module that touches
 * {@code jdk.incubator.vector}. It evaluates the linear score of {@link Demand#score} in lanes,
 * repeating the scalar code's IEEE operations in the same order (so results agree to the bit; a
 * test compares both paths), and leaves the logistic and the Poisson draw to the kernel layer
 * ({@link Kernels#scaledLogistic}, {@link Kernels#poisson}), which draw exactly as
 * {@link Demand#rate} and {@code PoissonSampler} do. {@link #settle} then plays the rest of the
 * period for every copy in lanes ({@link PricingDynamics}' formulas, same operations in the same
 * order), except with the uniformly random competitor, whose draw stays in the batch's scalar
 * code.
 *
 * <p>One instance per batch (it owns a scratch array); not thread-safe.
 */
final class PanamaDemandKernel implements DemandKernel {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    // Ints and floats at half the width: one lane per copy beside the double lanes.
    private static final VectorSpecies<Integer> I =
            VectorSpecies.of(int.class, VectorShape.forBitSize(Math.max(64, D.vectorBitSize() / 2)));
    private static final VectorSpecies<Float> F =
            VectorSpecies.of(float.class, VectorShape.forBitSize(Math.max(64, D.vectorBitSize() / 2)));

    private double[] lam = new double[0];
    // The prices gathered by draw, read again by settle (same period, same actions).
    private double[] price = new double[0];

    @Override
    public String name() {
        return "vector-" + D.vectorBitSize();
    }

    @Override
    public void draw(Demand dm, double[] prices, int[] priceIndex, double[] o, double[] r, long[] seed,
            long[] gamma, double[] out, int n) {
        if (lam.length < n) {
            lam = LaneArrays.doubles(n);
            price = LaneArrays.doubles(n);
        }
        int bound = D.loopBound(n);
        scores(dm, prices, priceIndex, o, r, lam, price, bound);
        for (int i = bound; i < n; i++) {
            lam[i] = dm.score(prices[priceIndex[i]], o[i], r[i]);
        }
        Kernels.scaledLogistic(dm.scale, lam, n);
        Kernels.poisson(lam, seed, gamma, out, n);
    }

    /** {@code z[i] = Demand.score(p, o, r)}, with the scalar code's order of operations. */
    private static void scores(Demand dm, double[] prices, int[] priceIndex, double[] o, double[] r, double[] z,
            double[] price, int bound) {
        // The posted prices by scalar loads, not a lane gather: on Zen 4 the gather took 1.25 ns
        // per copy and this loop with the vector load below 0.71 (docs/performance.md, "The
        // environment step on Zen 4").
        for (int i = 0; i < bound; i++) {
            price[i] = prices[priceIndex[i]];
        }
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        for (int i = 0; i < bound; i += D.length()) {
            DoubleVector p = DoubleVector.fromArray(D, price, i);
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

    @Override
    public int settle(PricingBatch b, int[] priceIndex, int[] orderQty, float[] floats, double[] doubles) {
        if (b.competitor == CompetitorKind.UNIFORM || I.length() != D.length()) {
            return 0;
        }
        int bound = D.loopBound(b.copies());
        int lead = b.lead;
        // The pipeline slot that arrives now, every copy's entry side by side.
        int slot0 = b.head * b.copies();
        PricingDynamics dy = b.dynamics;
        boolean undercut = b.competitor == CompetitorKind.UNDERCUT;
        DoubleVector w = DoubleVector.broadcast(D, dy.weight);
        DoubleVector w1 = DoubleVector.broadcast(D, 1 - dy.weight);
        DoubleVector fixed = DoubleVector.broadcast(D, b.fixedCompetitorPrice);
        for (int i = 0; i < bound; i += D.length()) {
            IntVector q = IntVector.fromArray(I, orderQty, i);
            DoubleVector p = DoubleVector.fromArray(D, price, i);
            IntVector arrived;
            if (lead == 0) {
                arrived = q;
            } else {
                arrived = IntVector.fromArray(I, b.pipeline, slot0 + i);
                q.intoArray(b.pipeline, slot0 + i);
            }
            IntVector inv = IntVector.fromArray(I, b.inventory, i);
            IntVector sum = inv.add(arrived);
            IntVector stock = sum.min(dy.cap);
            IntVector d = (IntVector) DoubleVector.fromArray(D, b.drawn, i).convertShape(VectorOperators.D2I, I, 0);
            DoubleVector o = DoubleVector.fromArray(D, b.competitorPrice, i);
            DoubleVector reward;
            IntVector end;
            if (dy.backlog) {
                IntVector net = stock.sub(d);
                reward = p.mul(toDouble(d))
                        .sub(toDouble(net.max(0)).mul(dy.holdingCost))
                        .sub(toDouble(net.neg().max(0)).mul(dy.shortageCost));
                end = net;
            } else {
                IntVector sales = d.min(stock);
                reward = p.mul(toDouble(sales))
                        .sub(toDouble(stock.sub(sales)).mul(dy.holdingCost))
                        .sub(toDouble(d.sub(sales)).mul(dy.shortageCost));
                end = stock.sub(sales);
            }
            // The mask comes from the double lanes (q > 0 exactly when (double) q > 0), not from
            // the int lanes cast to the double species: with that cast C2 boxed the converted
            // orders in the backlog loop, a heap allocation per block (docs/performance.md).
            DoubleVector qd = toDouble(q);
            VectorMask<Double> ordered = qd.compare(VectorOperators.GT, 0);
            DoubleVector cost = qd.mul(dy.unitCost)
                    .add(DoubleVector.zero(D).blend(dy.fixedCost, ordered));
            reward = reward.sub(cost);
            end.intoArray(b.inventory, i);
            d.sub(stock).max(0).intoArray(b.lastLost, i);
            DoubleVector r = DoubleVector.fromArray(D, b.reference, i);
            w.mul(w.mul(r).add(w1.mul(p))).add(w1.mul(o)).intoArray(b.reference, i);
            DoubleVector next;
            if (undercut) {
                DoubleVector cut = p.sub(dy.undercutStep);
                next = DoubleVector.broadcast(D, dy.maxPrice).blend(cut, cut.compare(VectorOperators.GE, dy.minPrice));
            } else {
                next = fixed;
            }
            next.intoArray(b.competitorPrice, i);
            p.intoArray(b.lastPrice, i);
            d.intoArray(b.lastDemand, i);
            sum.sub(stock).intoArray(b.lastDisposed, i);
            reward.intoArray(b.lastReward, i);
            if (floats != null) {
                ((FloatVector) reward.convertShape(VectorOperators.D2F, F, 0)).intoArray(floats, i);
            } else {
                reward.intoArray(doubles, i);
            }
        }
        return bound;
    }

    private static DoubleVector toDouble(IntVector x) {
        return (DoubleVector) x.convertShape(VectorOperators.I2D, D, 0);
    }
}
