package org.retailrl.core.random;

/**
 * A splittable, deterministic pseudo-random stream (SplitMix64, Steele, Lea &amp; Flood 2014), with
 * the samplers the simulators and learners need: uniform, normal, Poisson (docs/model.md §1 demand,
 * exact for every mean), binomial (docs/model.md §3 Eq. 9, exact), categorical from logits (docs/model.md §8
 * softmax policies) and Gumbel.
 *
 * <p>Why splittable: every environment copy and every worker thread must own a stream that depends
 * only on the run's seed and the copy's index, never on scheduling. {@link #stream(long, long)}
 * gives that directly; {@link #split()} derives a child from the current state.
 *
 * <p>Not thread-safe: one instance per thread or per environment copy.
 */
public final class Rng {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long seed;
    private final long gamma;
    // Second normal deviate of the polar method, kept so a pair costs one rejection loop.
    private double spareNormal;
    private boolean hasSpare;
    // Softmax weights of the last categorical draw, kept so a draw computes each exponential once.
    private double[] weights = new double[0];

    /** A stream determined by {@code seed} alone. */
    public Rng(long seed) {
        this(mix64(seed), GOLDEN_GAMMA);
    }

    private Rng(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /**
     * The {@code index}-th independent stream of a run seeded with {@code seed}. Equal arguments
     * give equal streams, whatever else has been drawn.
     */
    public static Rng stream(long seed, long index) {
        long s = mix64(seed) ^ mix64(index * GOLDEN_GAMMA + 0x632be59bd9b4e019L);
        return new Rng(mix64(s), mixGamma(s + GOLDEN_GAMMA));
    }

    /** A child stream; advances this stream by two draws. */
    public Rng split() {
        long s = nextLong();
        long g = mixGamma(nextLong());
        return new Rng(s, g);
    }

    /** A copy with the same state: it will produce the same values as this one. */
    public Rng copy() {
        Rng r = new Rng(seed, gamma);
        r.spareNormal = spareNormal;
        r.hasSpare = hasSpare;
        return r;
    }

    /** The full state, for checkpoints: {seed, gamma, spare bits, hasSpare}. */
    public long[] state() {
        return new long[] {seed, gamma, Double.doubleToRawLongBits(spareNormal), hasSpare ? 1 : 0};
    }

    /** Restores a stream saved by {@link #state()}. */
    public static Rng fromState(long[] st) {
        if (st == null || st.length != 4 || (st[1] & 1L) == 0 || (st[3] != 0 && st[3] != 1)) {
            throw new IllegalArgumentException("Rng state must be 4 longs {seed, odd gamma, spare, 0|1}");
        }
        Rng r = new Rng(st[0], st[1]);
        r.spareNormal = Double.longBitsToDouble(st[2]);
        r.hasSpare = st[3] == 1;
        return r;
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        // Gammas with too few bit transitions give visibly correlated streams (SplittableRandom's rule).
        int n = Long.bitCount(z ^ (z >>> 1));
        return (n < 24) ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }

    /** 64 uniformly random bits. */
    public long nextLong() {
        return mix64(seed += gamma);
    }

    /** 32 uniformly random bits. */
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** Uniform on {@code [0, bound)}, without modulo bias (Lemire's method). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long l = m & 0xffffffffL;
        if (l < bound) {
            long t = (0x100000000L - bound) % bound;
            while (l < t) {
                m = (nextLong() >>> 32) * bound;
                l = m & 0xffffffffL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Uniform on {@code [0, 1)} with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform on {@code (0, 1)}: never 0, so its logarithm is finite. */
    public double nextOpenDouble() {
        return ((nextLong() >>> 12) + 0.5) * 0x1.0p-52;
    }

    /** Uniform on {@code [0, 1)} with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Uniform on {@code [lo, hi)}, for finite {@code lo <= hi}; {@code lo} itself when they are equal. */
    public double uniform(double lo, double hi) {
        if (!(lo <= hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("uniform: need finite lo <= hi, got [" + lo + ", " + hi + ")");
        }
        double u = nextDouble();
        double width = hi - lo;
        // Past Double.MAX_VALUE the width overflows; the convex combination does not.
        double r = Double.isFinite(width) ? lo + width * u : lo * (1 - u) + hi * u;
        // Rounding can land exactly on hi; the interval is half-open.
        return (r >= hi && lo < hi) ? Math.nextDown(hi) : r;
    }

    /** Exponential deviate with the given rate (&gt; 0), mean {@code 1/rate}, by inversion. */
    public double exponential(double rate) {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("exponential: rate must be finite and > 0, got " + rate);
        }
        return -Math.log(nextOpenDouble()) / rate;
    }

    /** True with probability {@code p} in [0, 1]. */
    public boolean bernoulli(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bernoulli: p must be in [0, 1], got " + p);
        }
        return nextDouble() < p;
    }

    /** Shuffles {@code a} in place, every permutation equally likely (Fisher–Yates). */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A uniformly random permutation of {@code 0 .. n-1}. */
    public int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("permutation: n must be >= 0, got " + n);
        }
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        shuffle(a);
        return a;
    }

    /** Standard normal deviate (Marsaglia's polar method). */
    public double normal() {
        if (hasSpare) {
            hasSpare = false;
            return spareNormal;
        }
        double u, v, s;
        do {
            u = 2.0 * nextDouble() - 1.0;
            v = 2.0 * nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(s) / s);
        spareNormal = v * f;
        hasSpare = true;
        return u * f;
    }

    /** Normal deviate with the given mean and standard deviation (&gt;= 0). */
    public double normal(double mean, double sd) {
        if (!(sd >= 0) || !Double.isFinite(mean) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("normal: need finite mean and sd >= 0, got " + mean + ", " + sd);
        }
        return mean + sd * normal();
    }

    /** Standard Gumbel deviate: {@code -log(-log U)}. */
    public double gumbel() {
        return -Math.log(-Math.log(nextOpenDouble()));
    }

    /**
     * Poisson deviate with mean {@code lambda >= 0}, exact up to double rounding: multiplication of
     * uniforms below mean 10, Hörmann's PTRS transformed rejection (1993) at and above it, whose
     * acceptance test uses {@link SpecialFunctions#logPoissonPmf} so it stays accurate at 1e9.
     */
    public int poisson(double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda) || lambda > 1e9) {
            throw new IllegalArgumentException("poisson: lambda must be in [0, 1e9], got " + lambda);
        }
        if (lambda == 0) {
            return 0;
        }
        if (lambda < 10) {
            double limit = Math.exp(-lambda);
            double prod = nextDouble();
            int k = 0;
            while (prod > limit) {
                prod *= nextDouble();
                k++;
            }
            return k;
        }
        return poissonPtrs(lambda);
    }

    private int poissonPtrs(double lam) {
        while (true) {
            double u = nextDouble() - 0.5;
            double v = nextDouble();
            long k = ptrsTrial(lam, u, v);
            if (k >= 0) {
                return (int) k;
            }
        }
    }

    /**
     * One trial of Hörmann's PTRS (1993) for a Poisson mean {@code lam >= 10}, on the trial's two
     * uniforms {@code u} (on {@code [−0.5, 0.5)}, {@code nextDouble() − 0.5}) and {@code v} (on
     * {@code [0, 1)}): the accepted draw, or −1 when the trial is rejected and the next one must
     * take two fresh uniforms. {@link #poisson(double)} repeats it; the batched kernels
     * ({@code org.retailrl.core.simd.Kernels#poisson}) run the cheap acceptance test of the first
     * trial in vector lanes and call this for the rest, so both give the same draws.
     */
    public static long ptrsTrial(double lam, double u, double v) {
        double slam = Math.sqrt(lam);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double vr = 0.9277 - 3.6224 / (b - 2);
        double us = 0.5 - Math.abs(u);
        long k = (long) Math.floor((2 * a / us + b) * u + lam + 0.43);
        // For lam >= 10 and us >= 0.07 the floor's argument is at least lam + 0.43 − 5.9 > 0, so
        // the quick acceptance never returns a negative k (which would read as a rejection).
        if (us >= 0.07 && v <= vr) {
            return k;
        }
        if (k < 0 || (us < 0.013 && v > us)) {
            return -1;
        }
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                <= SpecialFunctions.logPoissonPmf(k, lam)) {
            return k;
        }
        return -1;
    }

    /**
     * Binomial deviate, exact up to double rounding: inversion when {@code n·min(p,1−p) < 10},
     * Hörmann's BTRS transformed rejection (1993) otherwise, whose acceptance test uses
     * {@link SpecialFunctions#logBinomialPmf} so it stays accurate up to n = 2^31 − 1.
     */
    public int binomial(int n, double p) {
        if (n < 0) {
            throw new IllegalArgumentException("binomial: n must be >= 0, got " + n);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("binomial: p must be in [0, 1], got " + p);
        }
        if (n == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        if (p > 0.5) {
            return n - binomial(n, 1 - p);
        }
        if (n * p < 10) {
            return binomialInversion(n, p);
        }
        return binomialBtrs(n, p);
    }

    private int binomialInversion(int n, double p) {
        double q = 1 - p;
        double s = p / q;
        double a = (n + 1.0) * s;
        double r0 = binomialP0(n, p);
        while (true) {
            int x = inversionSearch(nextDouble(), 0, r0, n, a, s);
            if (x >= 0) {
                return x;
            }
        }
    }

    /** {@code P(X = 0) = (1 − p)^n} of a binomial, the start of the inversion search. */
    public static double binomialP0(int n, double p) {
        // q^n via log1p: below p ~ 1e-16, 1 - p rounds to 1 and pow(q, n) would drop all mass above 0.
        return Math.exp(n * Math.log1p(-p));
    }

    /**
     * The binomial inversion search continued from the point {@code (u, x, r)} — remaining uniform
     * mass {@code u}, current value {@code x} and its probability {@code r} — with
     * {@code a = (n + 1)·s}, {@code s = p/(1 − p)}; started from {@code (u, 0, }{@link #binomialP0}{@code )}.
     * Returns the draw, or −1 when rounding left mass unassigned past {@code n} (probability about
     * 1e-16; the caller redraws). Public so the batched kernels can finish lanes the same way.
     */
    public static int inversionSearch(double u, int x, double r, int n, double a, double s) {
        while (u > r) {
            u -= r;
            if (x == n) {
                return -1;
            }
            x++;
            r *= (a / x - s);
        }
        return x;
    }

    private int binomialBtrs(int n, double p) {
        while (true) {
            double u = nextDouble() - 0.5;
            double v = nextDouble();
            long k = btrsTrial(n, p, u, v);
            if (k >= 0) {
                return (int) k;
            }
        }
    }

    /**
     * One trial of Hörmann's BTRS (1993) for {@code n·p >= 10}, {@code p <= 0.5}, on the trial's
     * uniforms {@code u} (on {@code [−0.5, 0.5)}) and {@code v} (on {@code [0, 1)}): the accepted
     * draw or −1 (rejected; the next trial takes two fresh uniforms). As {@link #ptrsTrial}, for the
     * batched kernels.
     */
    public static long btrsTrial(int n, double p, double u, double v) {
        double q = 1 - p;
        double spq = Math.sqrt(n * p * q);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vr = 0.92 - 4.2 / b;
        double us = 0.5 - Math.abs(u);
        double k = Math.floor((2 * a / us + b) * u + c);
        if (k < 0 || k > n) {
            return -1;
        }
        if (us >= 0.07 && v <= vr) {
            return (long) k;
        }
        double alpha = (2.83 + 5.1 / b) * spq;
        long m = (long) Math.floor((n + 1.0) * p);
        double logPmfMode = SpecialFunctions.logBinomialPmf(m, n, p);
        v = Math.log(v * alpha / (a / (us * us) + b));
        // log f(k)/f(mode): both from the saddle-point form, so no terms of size n cancel.
        if (v <= SpecialFunctions.logBinomialPmf((long) k, n, p) - logPmfMode) {
            return (long) k;
        }
        return -1;
    }

    /**
     * Index drawn from the softmax of {@code logits[off .. off+n)} by inversion in double
     * precision (max-subtracted, so large logits do not overflow).
     */
    public int categorical(float[] logits, int off, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("categorical: need at least one logit, got n=" + n);
        }
        if (off < 0 || off > logits.length - n) {
            throw new IllegalArgumentException("categorical: need 0 <= off and off + n <= " + logits.length
                    + ", got off=" + off + ", n=" + n);
        }
        double max = categoricalMax(logits, off, n);
        if (weights.length < n) {
            weights = new double[n];
        }
        return categoricalIndex(logits, off, n, max, nextDouble(), weights);
    }

    /**
     * The largest of {@code logits[off .. off+n)} (as a double), after the checks of
     * {@link #categorical(float[], int, int)}: no NaN or {@code +∞}, at least one finite logit.
     */
    public static double categoricalMax(float[] logits, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float l = logits[off + i];
            if (Float.isNaN(l) || l == Float.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("categorical: logit " + i + " must be finite or -Infinity, got " + l);
            }
            max = Math.max(max, l);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("categorical: at least one logit must be finite, all are -Infinity");
        }
        return max;
    }

    /**
     * The arithmetic of {@link #categorical(float[], int, int)} after its checks, with the uniform
     * {@code u} given: weights {@code w[i] = Math.exp(logits[off + i] − max)} (into the scratch
     * {@code w}), their sum in index order, and {@link #invertWeights} at {@code u} times that sum.
     * {@code max} is the row's maximum ({@link #categoricalMax}). The reference the batched
     * kernels' categorical draws are checked against.
     */
    public static int categoricalIndex(float[] logits, int off, int n, double max, double u, double[] w) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.exp(logits[off + i] - max);
            total += w[i];
        }
        return invertWeights(w, n, u * total);
    }

    /**
     * The smallest {@code i} whose running sum {@code w[0] + … + w[i]} (in index order) exceeds
     * {@code u}, or the last positive weight's index when {@code u} lands in the rounding gap at the
     * top: the inversion of {@link #categoricalIndex} for a uniform already scaled by the
     * total (the batched kernels draw it from raw streams).
     */
    public static int invertWeights(double[] w, int n, double u) {
        double acc = 0;
        int last = 0;
        for (int i = 0; i < n; i++) {
            double x = w[i];
            if (x > 0) {
                last = i;
            }
            acc += x;
            if (u < acc) {
                return i;
            }
        }
        return last;
    }

    /** {@link #categorical(float[], int, int)} over the whole array. */
    public int categorical(float[] logits) {
        return categorical(logits, 0, logits.length);
    }
}
