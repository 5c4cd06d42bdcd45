package org.retailrl.core.random;

import org.retailrl.core.simd.FastExp;

/**
 * Exact Poisson sampling for the demand of docs/model.md §1, tuned for the small means of the pricing
 * simulator (λ ≈ 0.5–9 units per period with the defaults).
 *
 * <p>Every draw first takes one uniform {@code u}. Below {@link #INVERSION_LIMIT} it inverts the
 * CDF by sequential search from 0: the draw is the smallest {@code k} with {@code u < P(X ≤ k)},
 * the probabilities built by {@code P(k) = P(k−1) · (λ · (1/k))} from {@code P(0) = e^{−λ}}
 * ({@link FastExp}). This is exact up to double rounding of the CDF (about {@code 1e-16} relative
 * per term), makes the draw monotone in λ for a fixed {@code u} (common random numbers), and costs
 * one exponential plus about λ multiply-adds. If rounding leaves the CDF below {@code u} after the
 * probabilities underflow ({@code u} within about {@code 1e-16} of 1) the search restarts with a
 * fresh uniform. At and above the limit {@code u} is discarded and {@link Rng#poisson(double)}
 * (Hörmann's PTRS, exact) continues the stream.
 *
 * <p>This is also the scalar reference of the batched kernel {@code Kernels.poisson}
 * (docs/model.md §8.12 kernel layer), which gives the same draws on raw streams
 * ({@link RawStreams}) in vector lanes.
 */
public final class PoissonSampler {
    /** Means at or above this use {@link Rng#poisson(double)}. */
    public static final double INVERSION_LIMIT = 30;

    /** Longest search before a restart: {@code P(X > 255)} is below {@code 1e-150} for λ &lt; 30. */
    public static final int TABLE = 256;
    // Reciprocals 1/k: a multiply in the search loop instead of a divide (3–4× shorter latency).
    private static final double[] INV = new double[TABLE];

    static {
        for (int k = 1; k < TABLE; k++) {
            INV[k] = 1.0 / k;
        }
    }

    private PoissonSampler() {
    }

    /** One Poisson deviate with mean {@code lambda} in {@code [0, 1e9]}, drawn from {@code rng}. */
    public static int sample(Rng rng, double lambda) {
        if (!(lambda >= 0 && lambda <= 1e9)) {
            throw new IllegalArgumentException("lambda must be in [0, 1e9], got " + lambda);
        }
        double u = rng.nextDouble();
        return lambda < INVERSION_LIMIT ? invertWith(u, lambda, rng) : rng.poisson(lambda);
    }

    private static int invertWith(double u, double lambda, Rng rng) {
        while (true) {
            int k = search(u, lambda, FastExp.exp(-lambda));
            if (k >= 0) {
                return k;
            }
            u = rng.nextDouble();
        }
    }

    /**
     * One deviate from raw stream {@code i} ({@link RawStreams}): one uniform, then inversion or PTRS as
     * described above. Public so that every batched simulator draws demand the same way.
     */
    public static int sample(long[] seed, long[] gamma, int i, double lambda) {
        double u = RawStreams.nextDouble(seed, gamma, i);
        return finish(seed, gamma, i, u, lambda);
    }

    /** {@code 1/k} for {@code 1 <= k < }{@link #TABLE}, as the search multiplies by it. */
    public static double reciprocal(int k) {
        return INV[k];
    }

    /** Completes a draw whose uniform {@code u} has already been taken from raw stream {@code i}. */
    public static int finish(long[] seed, long[] gamma, int i, double u, double lambda) {
        if (lambda < INVERSION_LIMIT) {
            double p0 = FastExp.exp(-lambda);
            while (true) {
                int k = search(u, lambda, p0);
                if (k >= 0) {
                    return k;
                }
                u = RawStreams.nextDouble(seed, gamma, i);
            }
        }
        return ptrs(seed, gamma, i, lambda, RawStreams.nextDouble(seed, gamma, i) - 0.5,
                RawStreams.nextDouble(seed, gamma, i));
    }

    /**
     * PTRS ({@link Rng#ptrsTrial}) on raw stream {@code i} whose first trial's uniforms {@code u}
     * (already shifted to {@code [−0.5, 0.5)}) and {@code v} are drawn: the draws of
     * {@link Rng#poisson(double)} for {@code lambda >= 10}.
     */
    public static int ptrs(long[] seed, long[] gamma, int i, double lambda, double u, double v) {
        while (true) {
            long k = Rng.ptrsTrial(lambda, u, v);
            if (k >= 0) {
                return (int) k;
            }
            u = RawStreams.nextDouble(seed, gamma, i) - 0.5;
            v = RawStreams.nextDouble(seed, gamma, i);
        }
    }

    /** Smallest k with {@code u < P(X ≤ k)}, or −1 when rounding stalls the search. */
    public static int search(double u, double lambda, double p0) {
        double p = p0;
        double cdf = p;
        int k = 0;
        while (u >= cdf) {
            k++;
            if (k == TABLE) {
                return -1;
            }
            p *= lambda * INV[k];
            cdf += p;
        }
        return k;
    }
}
