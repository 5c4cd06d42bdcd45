package org.retailrl.core.random;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-side statistics: moment bands and Pearson chi-square goodness of fit. Every check here
 * is two-sided at confidence 99.9% (z = 3.2905) or, for chi-square, rejects when the upper-tail
 * p-value is below 0.001.
 */
final class Stats {
    /** Two-sided 99.9% normal quantile, Φ⁻¹(0.9995). */
    static final double Z999 = 3.2905267314918945;
    /** Reject a chi-square fit when its p-value is below this. */
    static final double ALPHA = 0.001;
    /** Minimum expected count per chi-square cell (tails are pooled until they reach it). */
    static final double MIN_EXPECTED = 5.0;

    private Stats() {
    }

    /** Sample mean and unbiased variance of {@code x}, accumulated in double with Welford's update. */
    static double[] meanVar(double[] x) {
        double mean = 0;
        double m2 = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean;
            mean += d / (i + 1);
            m2 += d * (x[i] - mean);
        }
        return new double[] {mean, m2 / (x.length - 1)};
    }

    /**
     * True if the sample mean and variance of {@code x} are both inside their 99.9% bands around a
     * distribution with mean {@code mu}, variance {@code var} and central fourth moment
     * {@code mu4}: |m − μ| ≤ z·√(σ²/N) and |s² − σ²| ≤ z·√((μ₄ − σ⁴)/N) (the large-N variance of s²).
     */
    static boolean momentsMatch(double[] x, double mu, double var, double mu4) {
        return momentsReport(x, mu, var, mu4) == null;
    }

    /** Null if {@link #momentsMatch} holds, else a message saying which moment is off and by how much. */
    static String momentsReport(double[] x, double mu, double var, double mu4) {
        int n = x.length;
        double[] mv = meanVar(x);
        double meanBand = Z999 * Math.sqrt(var / n);
        double varBand = Z999 * Math.sqrt((mu4 - var * var) / n);
        if (Math.abs(mv[0] - mu) > meanBand) {
            return "mean " + mv[0] + " vs " + mu + " (99.9% band ±" + meanBand + ", N=" + n + ")";
        }
        if (Math.abs(mv[1] - var) > varBand) {
            return "variance " + mv[1] + " vs " + var + " (99.9% band ±" + varBand + ", N=" + n + ")";
        }
        return null;
    }

    static void assertMoments(double[] x, double mu, double var, double mu4, String what) {
        String r = momentsReport(x, mu, var, mu4);
        assertTrue(r == null, () -> what + ": " + r);
    }

    /**
     * Upper-tail p-value of Pearson's chi-square statistic for {@code counts} against cell
     * probabilities {@code probs} (summing to 1, the last cell may carry the remaining tail).
     * Adjacent cells are pooled left to right until each expects at least {@link #MIN_EXPECTED};
     * an under-filled last cell is pooled into its neighbour.
     */
    static double chiSquarePValue(long[] counts, double[] probs) {
        if (counts.length != probs.length) {
            throw new IllegalArgumentException("counts and probs differ in length");
        }
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        List<double[]> cells = new ArrayList<>(); // {observed, expected}
        double obs = 0;
        double exp = 0;
        for (int i = 0; i < counts.length; i++) {
            obs += counts[i];
            exp += probs[i] * total;
            if (exp >= MIN_EXPECTED) {
                cells.add(new double[] {obs, exp});
                obs = 0;
                exp = 0;
            }
        }
        if (exp > 0 || obs > 0) {
            if (cells.isEmpty()) {
                cells.add(new double[] {obs, exp});
            } else {
                double[] last = cells.get(cells.size() - 1);
                last[0] += obs;
                last[1] += exp;
            }
        }
        if (cells.size() < 2) {
            throw new IllegalArgumentException("chi-square needs at least 2 cells after pooling");
        }
        double stat = 0;
        for (double[] c : cells) {
            double d = c[0] - c[1];
            stat += d * d / c[1];
        }
        return upperRegularizedGamma((cells.size() - 1) / 2.0, stat / 2.0);
    }

    static void assertChiSquare(long[] counts, double[] probs, String what) {
        double p = chiSquarePValue(counts, probs);
        assertTrue(p >= ALPHA, () -> what + ": chi-square p-value " + p + " < " + ALPHA);
    }

    /** Q(a, x) = Γ(a, x)/Γ(a): series below a+1, Lentz continued fraction above (NR §6.2). */
    static double upperRegularizedGamma(double a, double x) {
        if (x <= 0) {
            return 1.0;
        }
        double lead = -x + a * Math.log(x) - SpecialFunctions.logGamma(a);
        if (x < a + 1) {
            double term = 1.0 / a;
            double sum = term;
            for (int n = 1; n < 10_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                    break;
                }
            }
            return 1.0 - sum * Math.exp(lead);
        }
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(lead) * h;
    }

    /** Poisson pmf over {@code 0..kmax}, the last entry holding P(X ≥ kmax) so the array sums to 1. */
    static double[] poissonPmf(double lambda, int kmax) {
        double[] p = new double[kmax + 1];
        double sum = 0;
        for (int k = 0; k < kmax; k++) {
            p[k] = Math.exp(-lambda + k * Math.log(lambda) - SpecialFunctions.logGamma(k + 1.0));
            sum += p[k];
        }
        p[kmax] = Math.max(0, 1 - sum);
        return p;
    }

    /** Binomial pmf over {@code 0..n}. */
    static double[] binomialPmf(int n, double prob) {
        double[] p = new double[n + 1];
        double lc = SpecialFunctions.logGamma(n + 1.0);
        for (int k = 0; k <= n; k++) {
            p[k] = Math.exp(lc - SpecialFunctions.logGamma(k + 1.0) - SpecialFunctions.logGamma(n - k + 1.0)
                    + k * Math.log(prob) + (n - k) * Math.log1p(-prob));
        }
        return p;
    }
}
