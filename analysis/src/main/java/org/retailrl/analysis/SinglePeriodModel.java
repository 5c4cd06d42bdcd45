package org.retailrl.analysis;

/**
 * Parameters of the single-period joint pricing and stocking problem of docs/model.md §2 (Zheng, Li, Jiang and Peng
 * §3.3): Poisson demand with mean {@code λ(p) = η·Δ·σ(β0 + β1·p)} (units per period), unit
 * holding cost {@code h}, unit lost-sales penalty {@code b}, unit purchase cost {@code c} (all in
 * money per unit), start inventory {@code x0} (units), price box {@code [pLo, pHi]} (money per
 * unit) and stock box {@code [yLo, yHi]} (units). The stock level is feasible on
 * {@code [max(yLo, x0), yHi]}.
 *
 * <p>Also holds the demand-rate function and its first two price derivatives, which every exact
 * formula of {@link ExactProfit} uses: {@code λ' = β1·λ·(1−σ)}, {@code λ'' = β1²·λ·(1−σ)(1−2σ)}.
 */
public record SinglePeriodModel(double eta, double delta, double beta0, double beta1, double h, double b,
        double c, double x0, double pLo, double pHi, double yLo, double yHi) {

    /** Largest stock level accepted, so exact sums over integer nodes stay small. */
    public static final double MAX_STOCK = 100_000;

    /** Validates every field; messages name the field and the allowed range. */
    public SinglePeriodModel {
        positive("eta", eta);
        positive("delta", delta);
        finite("beta0", beta0);
        finite("beta1", beta1);
        nonNegative("h", h);
        nonNegative("b", b);
        nonNegative("c", c);
        nonNegative("pLo", pLo);
        if (!(pHi > pLo) || !Double.isFinite(pHi)) {
            throw new IllegalArgumentException("pHi must be finite and > pLo = " + pLo + ", got " + pHi);
        }
        nonNegative("yLo", yLo);
        if (!(yHi >= yLo) || !(yHi <= MAX_STOCK)) {
            throw new IllegalArgumentException("yHi must be in [yLo = " + yLo + ", " + MAX_STOCK + "], got " + yHi);
        }
        if (!(x0 >= 0 && x0 <= yHi)) {
            throw new IllegalArgumentException("x0 must be in [0, yHi = " + yHi + "], got " + x0);
        }
        double zLo = Math.min(beta0 + beta1 * pLo, beta0 + beta1 * pHi);
        double zHi = Math.max(beta0 + beta1 * pLo, beta0 + beta1 * pHi);
        if (!(zLo >= -700 && zHi <= 700)) {
            // Beyond this σ under- or overflows and λ(p) is 0 or saturated to rounding.
            throw new IllegalArgumentException("beta0 + beta1*p must stay in [-700, 700] over the price box, got ["
                    + zLo + ", " + zHi + "]");
        }
        if (!Double.isFinite(eta * delta) || eta * delta > 1e7) {
            throw new IllegalArgumentException("eta*delta must be at most 1e7, got " + eta * delta);
        }
    }

    /**
     * docs/model.md §2's reading of Zheng, Li, Jiang and Peng Table 5: η = 800, Δ = 0.5, β0 = −4, β1 = −0.01, h = 4,
     * b = 10, c = 5, x0 = 0, p ∈ [0, 80], y ∈ [0, 20].
     */
    public static SinglePeriodModel tableFive() {
        return new SinglePeriodModel(800, 0.5, -4, -0.01, 4, 10, 5, 0, 0, 80, 0, 20);
    }

    /** This model with another price slope β1. */
    public SinglePeriodModel withBeta1(double newBeta1) {
        return new SinglePeriodModel(eta, delta, beta0, newBeta1, h, b, c, x0, pLo, pHi, yLo, yHi);
    }

    /** Lowest feasible stock level {@code max(yLo, x0)}. */
    public double yMin() {
        return Math.max(yLo, x0);
    }

    /** Logistic {@code σ(β0 + β1 p)}, computed without overflow for either sign. */
    public double sigma(double p) {
        double z = beta0 + beta1 * p;
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /** Mean demand {@code λ(p) = ηΔσ(β0 + β1 p)}. */
    public double lambda(double p) {
        return eta * delta * sigma(p);
    }

    /** {@code dλ/dp = β1 λ (1 − σ)}. */
    public double dLambda(double p) {
        double s = sigma(p);
        return beta1 * eta * delta * s * (1 - s);
    }

    /** {@code d²λ/dp² = β1² λ (1 − σ)(1 − 2σ)}. */
    public double d2Lambda(double p) {
        double s = sigma(p);
        return beta1 * beta1 * eta * delta * s * (1 - s) * (1 - 2 * s);
    }

    /** Throws unless {@code p ∈ [pLo, pHi]}. */
    public void checkPrice(double p) {
        if (!(p >= pLo && p <= pHi)) {
            throw new IllegalArgumentException("price p must be in [" + pLo + ", " + pHi + "], got " + p);
        }
    }

    /** Throws unless {@code y ∈ [yMin(), yHi]}. */
    public void checkStock(double y) {
        if (!(y >= yMin() && y <= yHi)) {
            throw new IllegalArgumentException("stock y must be in [" + yMin() + ", " + yHi + "], got " + y);
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
    }

    private static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + v);
        }
    }
}
