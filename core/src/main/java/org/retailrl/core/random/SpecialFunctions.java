package org.retailrl.core.random;

/**
 * Special functions the exact samplers and the exact Poisson evaluations (docs/model.md §2) need:
 * log Γ, log k!, and log-pmfs of the Poisson and binomial laws (docs/model.md §1 demand, §3 Eq. 9)
 * that stay accurate to a few ulps of O(1) quantities even at means of 1e9, where the textbook
 * {@code k·log λ − λ − log k!} loses about 1e-5 to cancellation between terms of size 1e10.
 * All values are dimensionless natural logarithms.
 */
public final class SpecialFunctions {
    private SpecialFunctions() {
    }

    // Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients). Measured against 40-digit
    // references: relative error <= ~3e-15 away from the zeros at x = 1 and 2, absolute error
    // <= ~2e-15 near them (where relative error is meaningless), which is far under what the
    // rejection samplers can resolve.
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905,
        -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
    };
    private static final double HALF_LOG_TWO_PI = 0.9189385332046727;

    /** {@code log Γ(x)} for {@code x > 0} (dimensionless); {@code +∞} at {@code +∞}. */
    public static double logGamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("logGamma: x must be > 0, got " + x);
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x; // the series would give infinity minus infinity
        }
        if (x < 0.5) {
            // Reflection keeps the series in its accurate range.
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double a = LANCZOS[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += LANCZOS[i] / (x + i);
        }
        return HALF_LOG_TWO_PI + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** {@code log k!} for {@code k >= 0}. */
    public static double logFactorial(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("logFactorial: k must be >= 0, got " + k);
        }
        return k < 2 ? 0.0 : logGamma(k + 1.0);
    }

    /**
     * log of the Poisson pmf, {@code log P(X = k)} for {@code X ~ Poisson(lambda)}, {@code lambda}
     * finite and {@code >= 0}; {@code -∞} where the probability is 0. Uses Loader's (2000)
     * saddle-point form {@code −½ log(2πk) − δ(k) − bd0(k, λ)}, with δ the Stirling-series error and
     * bd0 the deviance term, so nothing of size λ has to cancel.
     */
    public static double logPoissonPmf(long k, double lambda) {
        if (!(lambda >= 0) || lambda == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("logPoissonPmf: lambda must be finite and >= 0, got " + lambda);
        }
        if (k < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (lambda == 0) {
            return k == 0 ? 0.0 : Double.NEGATIVE_INFINITY;
        }
        if (k == 0) {
            return -lambda;
        }
        return -0.5 * Math.log(2 * Math.PI * k) - stirlingError(k) - deviance(k, lambda);
    }

    /**
     * log of the binomial pmf, {@code log P(X = k)} for {@code X ~ Binomial(n, p)}, {@code n >= 0},
     * {@code p} in [0, 1]; {@code -∞} where the probability is 0. Loader's (2000) saddle-point form.
     */
    public static double logBinomialPmf(long k, long n, double p) {
        if (n < 0) {
            throw new IllegalArgumentException("logBinomialPmf: n must be >= 0, got " + n);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("logBinomialPmf: p must be in [0, 1], got " + p);
        }
        if (k < 0 || k > n) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 0) {
            return k == 0 ? 0.0 : Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return k == n ? 0.0 : Double.NEGATIVE_INFINITY;
        }
        if (k == 0) {
            return n * Math.log1p(-p);
        }
        if (k == n) {
            return n * Math.log(p);
        }
        double q = 1 - p;
        return stirlingError(n) - stirlingError(k) - stirlingError(n - k)
                - deviance(k, n * p) - deviance(n - k, n * q)
                + 0.5 * Math.log(n / (2 * Math.PI * k * (double) (n - k)));
    }

    // log n! − [(n + ½) log n − n + ½ log 2π] at n = 1..15, to double precision (from 40-digit
    // evaluations); above 15 the asymptotic series below is more accurate than double rounding.
    private static final double[] STIRLING_ERROR = {
        0.0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093,
        0.016644691189821193, 0.013876128823070748, 0.01189670994589177, 0.010411265261972096,
        0.009255462182712733, 0.00833056343336287, 0.007573675487951841, 0.00694284010720953,
        0.006408994188004207, 0.0059513701127588475, 0.005554733551962801
    };

    /** δ(n) = log n! − [(n + ½) log n − n + ½ log 2π] for integer {@code n >= 1}. */
    static double stirlingError(long n) {
        if (n <= 15) {
            return STIRLING_ERROR[(int) n];
        }
        double x = n;
        double xx = x * x;
        // Terms 1/12, 1/360, 1/1260, 1/1680, 1/1188 of the Stirling series; the first omitted one
        // is below 691/360360·16^-11 ≈ 1e-16 for n > 15.
        return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / 1188 / xx) / xx) / xx) / xx) / x;
    }

    /**
     * bd0(x, μ) = x log(x/μ) + μ − x ≥ 0, the deviance term of Loader's pmf formulas. Near x = μ
     * both parts nearly cancel, so there it is summed as the series 2x·Σ v^(2j+1)/(2j+1) − (x−μ)v
     * in v = (x−μ)/(x+μ), whose terms are all small.
     */
    static double deviance(double x, double mu) {
        if (x == 0) {
            return mu;
        }
        double diff = x - mu;
        if (Math.abs(diff) < 0.1 * (x + mu)) {
            double v = diff / (x + mu);
            double sum = diff * v;
            double term = 2 * x * v;
            double v2 = v * v;
            for (int j = 1; j < 1000; j++) {
                term *= v2;
                double next = sum + term / (2 * j + 1);
                if (next == sum) {
                    return next;
                }
                sum = next;
            }
            return sum;
        }
        return x * Math.log(x / mu) + mu - x;
    }
}
