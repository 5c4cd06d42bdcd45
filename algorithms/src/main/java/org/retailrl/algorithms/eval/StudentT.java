package org.retailrl.algorithms.eval;

import org.retailrl.core.random.SpecialFunctions;

/**
 * Student's t distribution: CDF and quantiles for the confidence intervals of the evaluation
 * protocol (docs/model.md §8). The CDF is {@code 1 − ½ I_{ν/(ν+t²)}(ν/2, ½)} for {@code t ≥ 0} with the
 * regularised incomplete beta {@code I} from its continued fraction (modified Lentz, relative
 * accuracy 1e-15); quantiles by bisection to 1e-12.
 */
public final class StudentT {
    private StudentT() {
    }

    /** {@code P(T_ν ≤ t)} for {@code ν > 0} degrees of freedom. */
    public static double cdf(double t, double dof) {
        if (!(dof > 0) || Double.isNaN(t)) {
            throw new IllegalArgumentException("dof must be > 0 and t not NaN, got dof=" + dof + ", t=" + t);
        }
        if (Double.isInfinite(t)) {
            return t > 0 ? 1 : 0;
        }
        double x = dof / (dof + t * t);
        double tail = 0.5 * regularizedBeta(x, dof / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /** The {@code p}-quantile, {@code p ∈ (0, 1)}. */
    public static double quantile(double p, double dof) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1), got " + p);
        }
        if (!(dof > 0)) {
            throw new IllegalArgumentException("dof must be > 0, got " + dof);
        }
        if (p < 0.5) {
            return -quantile(1 - p, dof);
        }
        double lo = 0;
        double hi = 1;
        while (cdf(hi, dof) < p) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mid, dof) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Half-width multiplier of a two-sided {@code level} interval: {@code t_{(1+level)/2, ν}}. */
    public static double twoSided(double level, double dof) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        return quantile(0.5 * (1 + level), dof);
    }

    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double lnFront = SpecialFunctions.logGamma(a + b) - SpecialFunctions.logGamma(a) - SpecialFunctions.logGamma(b)
                + a * Math.log(x) + b * Math.log1p(-x);
        // The continued fraction converges fast only below the mean; use the symmetry otherwise.
        if (x < (a + 1) / (a + b + 2)) {
            return Math.exp(lnFront) * betaFraction(x, a, b) / a;
        }
        return 1 - Math.exp(lnFront) * betaFraction(1 - x, b, a) / b;
    }

    private static double betaFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < tiny) {
            d = tiny;
        }
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }
}
