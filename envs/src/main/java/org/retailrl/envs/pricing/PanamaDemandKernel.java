package org.retailrl.envs.pricing;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API {@link DemandKernel}: the only class of this module that touches
 * {@code jdk.incubator.vector}. It evaluates {@link Demand#rate}, the raw SplitMix64 uniform and the
 * Poisson inversion of {@link PoissonSampler} in lanes, repeating the scalar code's IEEE operations
 * in the same order (so results agree to the bit; a test compares both paths), and hands the rare
 * lanes it cannot finish — means at or above the inversion limit, or searches longer than
 * {@link #MAX_LANE_STEPS} — to the scalar code with the uniform already drawn.
 *
 * <p>Why lanes: per copy the scalar path pays two exponentials and a data-dependent loop exit that
 * the branch predictor misses about once per draw; in lanes the exponentials are polynomials and the
 * search runs to the longest of the block under masks.
 *
 * <p>Why separate passes over scratch arrays: each pass is a short loop whose Vector API calls C2
 * inlines completely; one large block method calling a separate exp method exceeded the inlining
 * budget and fell back to boxed vectors (measured: kilobytes allocated per block).
 *
 * <p>One instance per batch (it owns scratch arrays); not thread-safe.
 */
final class PanamaDemandKernel implements DemandKernel {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = VectorSpecies.of(long.class, D.vectorShape());
    /** Lane searches beyond this finish in scalar code; P(X > 40) < 1e-9 for λ &lt; 10. */
    static final int MAX_LANE_STEPS = 40;
    private static final int UNROLL = 4;

    private double[] lam = new double[0];
    private double[] p0 = new double[0];
    private double[] u = new double[0];

    @Override
    public String name() {
        return "vector-" + D.vectorBitSize();
    }

    @Override
    public void draw(Demand dm, double[] prices, int[] priceIndex, double[] o, double[] r, long[] seed,
            long[] gamma, double[] out, int n) {
        if (lam.length < n) {
            lam = new double[n];
            p0 = new double[n];
            u = new double[n];
        }
        int bound = D.loopBound(n);
        scores(dm, prices, priceIndex, o, r, lam, bound);
        rates(dm.scale, lam, bound);
        negExp(lam, p0, bound);
        uniforms(seed, gamma, u, bound);
        search(lam, p0, u, seed, gamma, out, bound);
        for (int i = bound; i < n; i++) {
            out[i] = PoissonSampler.sample(seed, gamma, i, dm.rate(prices[priceIndex[i]], o[i], r[i]));
        }
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

    /** In place: {@code x[i] = scale / (1 + e^{−x[i]})}, the exponential as {@link FastExp}. */
    private static void rates(double scale, double[] x, int bound) {
        double[] c = FastExp.COEFFS;
        for (int i = 0; i < bound; i += D.length()) {
            DoubleVector e = fastExp(DoubleVector.fromArray(D, x, i).neg(), c);
            DoubleVector.broadcast(D, scale).div(e.add(1.0)).intoArray(x, i);
        }
    }

    /** {@code out[i] = e^{−x[i]}} as {@link FastExp}. */
    private static void negExp(double[] x, double[] out, int bound) {
        double[] c = FastExp.COEFFS;
        for (int i = 0; i < bound; i += D.length()) {
            fastExp(DoubleVector.fromArray(D, x, i).neg(), c).intoArray(out, i);
        }
    }

    /** {@link FastExp#exp} in lanes; small enough to be inlined into the two loops above. */
    private static DoubleVector fastExp(DoubleVector x, double[] c) {
        x = x.max(-FastExp.CLAMP).min(FastExp.CLAMP);
        DoubleVector kd = x.mul(FastExp.LOG2E).add(FastExp.SHIFT).sub(FastExp.SHIFT);
        DoubleVector negK = kd.neg();
        DoubleVector rr = negK.fma(DoubleVector.broadcast(D, FastExp.LN2_HI), x);
        rr = negK.fma(DoubleVector.broadcast(D, FastExp.LN2_LO), rr);
        DoubleVector q = DoubleVector.broadcast(D, c[0]);
        for (int j = 1; j < 14; j++) {
            q = q.fma(rr, DoubleVector.broadcast(D, c[j]));
        }
        LongVector k = (LongVector) kd.convert(VectorOperators.D2L, 0);
        return q.mul(k.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles());
    }

    /** One SplitMix64 uniform per copy, as {@code RawStreams.nextDouble}. */
    private static void uniforms(long[] seed, long[] gamma, double[] u, int bound) {
        for (int i = 0; i < bound; i += D.length()) {
            LongVector s = LongVector.fromArray(L, seed, i).add(LongVector.fromArray(L, gamma, i));
            s.intoArray(seed, i);
            LongVector m = s.lanewise(VectorOperators.XOR, s.lanewise(VectorOperators.LSHR, 30))
                    .mul(0xbf58476d1ce4e5b9L);
            m = m.lanewise(VectorOperators.XOR, m.lanewise(VectorOperators.LSHR, 27)).mul(0x94d049bb133111ebL);
            m = m.lanewise(VectorOperators.XOR, m.lanewise(VectorOperators.LSHR, 31));
            ((DoubleVector) m.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0))
                    .mul(0x1.0p-53).intoArray(u, i);
        }
    }

    /** The CDF search of {@link PoissonSampler#search} in lanes. */
    private static void search(double[] lam, double[] p0, double[] u, long[] seed, long[] gamma, double[] out,
            int bound) {
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        double[] inv = PoissonSampler.INV;
        for (int i = 0; i < bound; i += D.length()) {
            DoubleVector lv = DoubleVector.fromArray(D, lam, i);
            DoubleVector uv = DoubleVector.fromArray(D, u, i);
            DoubleVector pk = DoubleVector.fromArray(D, p0, i);
            DoubleVector cdf = pk;
            VectorMask<Double> small = lv.compare(VectorOperators.LT, PoissonSampler.INVERSION_LIMIT);
            // The CDF never decreases, so the smallest k with u < cdf_k is the number of j with
            // u >= cdf_j: count in every lane and test for completion only every UNROLL steps,
            // which keeps a data-dependent branch out of the inner steps.
            DoubleVector k = DoubleVector.zero(D);
            int j = 1;
            while (true) {
                for (int s = 0; s < UNROLL; s++, j++) {
                    k = k.add(one, uv.compare(VectorOperators.GE, cdf));
                    // Same rounding as the scalar search: p *= lambda * INV[k]; cdf += p.
                    pk = pk.mul(lv.mul(inv[j]));
                    cdf = cdf.add(pk);
                }
                if (j > MAX_LANE_STEPS || !uv.compare(VectorOperators.GE, cdf).and(small).anyTrue()) {
                    break;
                }
            }
            k.intoArray(out, i);
            VectorMask<Double> rest = uv.compare(VectorOperators.GE, cdf).or(small.not());
            if (rest.anyTrue()) {
                finishLanes(rest.toLong(), lam, u, seed, gamma, out, i);
            }
        }
    }

    private static void finishLanes(long lanes, double[] lam, double[] u, long[] seed, long[] gamma, double[] out,
            int i) {
        for (int lane = 0; lane < D.length(); lane++) {
            if ((lanes >>> lane & 1) != 0) {
                out[i + lane] = PoissonSampler.finish(seed, gamma, i + lane, u[i + lane], lam[i + lane]);
            }
        }
    }
}
