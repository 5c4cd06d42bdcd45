package org.retailrl.analysis;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of single-period models for the property tests; each domain is documented where used. */
final class Models {
    private Models() {
    }

    /**
     * The broad admissible family: η ∈ [50, 2000], Δ ∈ [0.1, 1], β0 ∈ [−8, 4], β1 ∈ [−0.1, −0.001],
     * h ∈ [0, 20], b ∈ [0, 40], c ∈ [0, 20], x0 = 0, p ∈ [0, pHi] with pHi ∈ [10, 120], y ∈ [0, yHi]
     * with integer yHi ∈ [4, 25].
     */
    static Arbitrary<SinglePeriodModel> broad() {
        return Combinators.combine(
                Arbitraries.doubles().between(50, 2000).ofScale(6), Arbitraries.doubles().between(0.1, 1).ofScale(6),
                Arbitraries.doubles().between(-8, 4).ofScale(6), Arbitraries.doubles().between(-0.1, -0.001).ofScale(6),
                Arbitraries.doubles().between(0, 20).ofScale(6), Arbitraries.doubles().between(0, 40).ofScale(6),
                Arbitraries.doubles().between(0, 20).ofScale(6), Arbitraries.doubles().between(10, 120).ofScale(6))
                .as((eta, delta, b0, b1, h, b, c, pHi) -> new SinglePeriodModel(eta, delta, b0, b1, h, b, c, 0, 0,
                        pHi, 0, 4 + (int) Math.floor(Math.abs(b0 * 97 + b1 * 1e4)) % 22));
    }

    /** Nine prices spread over the box, ends included. */
    static double[] prices(SinglePeriodModel m) {
        double[] p = new double[9];
        for (int i = 0; i < 9; i++) {
            p[i] = m.pLo() + (m.pHi() - m.pLo()) * i / 8.0;
        }
        return p;
    }

    /** Integer nodes and midpoints of the stock box. */
    static double[] stocks(SinglePeriodModel m) {
        int n = (int) Math.floor(m.yHi());
        double[] y = new double[2 * n + 1];
        for (int i = 0; i <= 2 * n; i++) {
            y[i] = i * 0.5;
        }
        return y;
    }

    /**
     * {@code m} with η chosen so that mean demand at the middle price is {@code k·yHi}: the stock box
     * then covers the demand, so leftover and sales depend on the price (with the broad family's η
     * the demand is usually tens of times the largest stock, the leftover is 0 everywhere and a
     * statement about it holds vacuously).
     */
    static SinglePeriodModel stockScaled(SinglePeriodModel m, double k) {
        double z = m.beta0() + m.beta1() * (m.pLo() + m.pHi()) / 2;
        double sigma = 1 / (1 + Math.exp(-z));
        double eta = k * m.yHi() / (m.delta() * sigma);
        return new SinglePeriodModel(eta, m.delta(), m.beta0(), m.beta1(), m.h(), m.b(), m.c(), m.x0(), m.pLo(),
                m.pHi(), m.yLo(), m.yHi());
    }

    /** A copy of {@code m} with other β0, β1, pHi. */
    static SinglePeriodModel with(SinglePeriodModel m, double beta0, double beta1, double pHi) {
        return new SinglePeriodModel(m.eta(), m.delta(), beta0, beta1, m.h(), m.b(), m.c(), m.x0(), m.pLo(), pHi,
                m.yLo(), m.yHi());
    }
}
