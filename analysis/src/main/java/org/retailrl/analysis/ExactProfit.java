package org.retailrl.analysis;

/**
 * Exact evaluation of the single-period expected profit of docs/model.md §2,
 * {@code π(p, y) = E[p·min(y, D) − h(y − D)^+ − b(D − y)^+] − c(y − x0)}, {@code D ~ Poisson(λ(p))},
 * and of its parts, with exact first and second price derivatives (derivations in the module's
 * {@code THEORY.md}, §1–§2).
 *
 * <p>Every expectation is a finite sum: at an integer node {@code n},
 * {@code E[min(n, D)] = Σ_{k<n} (1 − F_k)}, leftover {@code = n − E[min(n, D)]}, lost sales
 * {@code = λ − E[min(n, D)]}, with {@code F_k = P(D ≤ k)}; no series is truncated. For real
 * {@code y} every part is the linear interpolation of its values at {@code ⌊y⌋} and
 * {@code ⌊y⌋ + 1}: this is exact, not a relaxation, because {@code (y − k)^+} is linear in
 * {@code y} on {@code [n, n+1]} for every integer {@code k}. Cost {@code O(y)} per call.
 */
public final class ExactProfit {
    private ExactProfit() {
    }

    /** All parts and derivatives at {@code (p, y)}; {@code p} and {@code y} must be in the model's box. */
    public static ProfitParts evaluate(SinglePeriodModel m, double p, double y) {
        m.checkPrice(p);
        m.checkStock(y);
        int n = (int) Math.floor(y);
        double t = y - n;
        double lam = m.lambda(p);
        double l1 = m.dLambda(p);
        double l2 = m.d2Lambda(p);
        // One pass gives the node sums at n and n+1 and the pmf/cdf values the derivatives need.
        double logLam = Math.log(lam);
        double logf = -lam;
        double cdf = 0;
        double sales = 0;
        double fPrev = 0;
        double cPrev = 0;
        for (int k = 0; k < n; k++) {
            double f = Math.exp(logf);
            cdf = Math.min(1.0, cdf + f);
            sales += 1.0 - cdf;
            fPrev = f;
            cPrev = cdf;
            logf += logLam - Math.log(k + 1);
        }
        double fN = Math.exp(logf);
        double cN = Math.min(1.0, cdf + fN);
        // Node n: S = sales, dS/dλ = F_{n-1}, d²S/dλ² = −f_{n-1}; node n+1 adds 1 − F_n.
        double s0 = sales;
        double s1 = sales + (1.0 - cN);
        double dS0 = cPrev;
        double dS1 = cN;
        double ddS0 = -fPrev;
        double ddS1 = -fN;
        double s = (1 - t) * s0 + t * s1;
        double sL = (1 - t) * dS0 + t * dS1;
        double sLL = (1 - t) * ddS0 + t * ddS1;
        PartValue salesV = new PartValue(s, sL * l1, sLL * l1 * l1 + sL * l2);
        PartValue leftV = new PartValue(y - s, -salesV.dp(), -salesV.dpp());
        PartValue lostV = new PartValue(lam - s, l1 - salesV.dp(), l2 - salesV.dpp());
        PartValue revV = new PartValue(p * s, s + p * salesV.dp(), 2 * salesV.dp() + p * salesV.dpp());
        double purchase = m.c() * (y - m.x0());
        PartValue profitV = new PartValue(
                revV.value() - m.h() * leftV.value() - m.b() * lostV.value() - purchase,
                revV.dp() - m.h() * leftV.dp() - m.b() * lostV.dp(),
                revV.dpp() - m.h() * leftV.dpp() - m.b() * lostV.dpp());
        double k = p + m.b() + m.h();
        double slopeRight = k * (1 - cN) - m.h() - m.c();
        double slopeLeft = t > 0 ? slopeRight : (n == 0 ? slopeRight : k * (1 - cPrev) - m.h() - m.c());
        return new ProfitParts(lam, salesV, leftV, lostV, revV, profitV, slopeLeft, slopeRight);
    }

    /** {@code π(p, y)}. */
    public static double profit(SinglePeriodModel m, double p, double y) {
        return evaluate(m, p, y).profit().value();
    }

    /** {@code ∂π/∂p (p, y)}. */
    public static double dProfitDp(SinglePeriodModel m, double p, double y) {
        return evaluate(m, p, y).profit().dp();
    }

    /**
     * The slope {@code π(p, n+1) − π(p, n) = (p + b + h)(1 − F_n(λ(p))) − h − c} of the linear
     * piece on {@code [n, n+1]}; it decreases in {@code n}, which is the concavity in {@code y}
     * (THEORY.md §3). {@code n} must be a non-negative integer.
     */
    public static double nodeSlope(SinglePeriodModel m, double p, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("node n must be >= 0, got " + n);
        }
        double lam = m.lambda(p);
        return (p + m.b() + m.h()) * PoissonSeries.upperTail(lam, n) - m.h() - m.c();
    }
}
