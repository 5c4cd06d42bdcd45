package org.retailrl.core.random;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.core.simd.Kernels;

/**
 * The batched samplers of the kernel layer ({@link Kernels#poisson}, {@link Kernels#binomial},
 * {@link Kernels#categorical}; docs/model.md §1, §3 Eq. 9, §8) against their exact laws: moments in
 * their 99.9% bands and a chi-square fit, 200,000 draws per law at fixed seeds (one batch of
 * 4,000 streams drawn 50 times, so both the lanes and the streams' sequences are exercised). Each
 * law also has a power check: the same test on draws from a slightly wrong parameter must fail,
 * so a sampler that is off by that much cannot pass.
 */
class BatchedSamplerLawTest {
    private static final int COPIES = 4000;
    private static final int REPS = 50;

    private static long[][] streams(long seed) {
        long[] s = new long[COPIES];
        long[] g = new long[COPIES];
        for (int i = 0; i < COPIES; i++) {
            RawStreams.load(s, g, i, seed, i);
        }
        return new long[][] {s, g};
    }

    private static long[] poissonCounts(double drawn, int kmax, long seed) {
        long[][] st = streams(seed);
        double[] lam = new double[COPIES];
        java.util.Arrays.fill(lam, drawn);
        double[] out = new double[COPIES];
        long[] counts = new long[kmax + 1];
        for (int r = 0; r < REPS; r++) {
            Kernels.poisson(lam, st[0], st[1], out, COPIES);
            for (double d : out) {
                counts[Math.min((int) d, kmax)]++;
            }
        }
        return counts;
    }

    private static String poissonFit(double lambda, double drawn, long seed) {
        int kmax = (int) Math.ceil(lambda + 12 * Math.sqrt(lambda) + 20);
        double p = Stats.chiSquarePValue(poissonCounts(drawn, kmax, seed), Stats.poissonPmf(lambda, kmax));
        return p < Stats.ALPHA ? "chi-square p-value " + p : null;
    }

    @Test
    void poissonFitsItsLawOnBothSidesOfTheInversionLimit() {
        for (double lambda : new double[] {0.7, 4.2, 29.5, 30, 47.3, 500}) {
            String r = poissonFit(lambda, lambda, 31);
            assertTrue(r == null, () -> "Poisson(" + lambda + "): " + r);
            // Power: a mean 3% off is rejected.
            assertNotNull(poissonFit(lambda, lambda * 1.03, 32), "Poisson(" + lambda + ") shifted 3% was not detected");
        }
    }

    private static String binomialFit(int n, double p, double drawn, long seed) {
        long[][] st = streams(seed);
        int[] trials = new int[COPIES];
        double[] prob = new double[COPIES];
        java.util.Arrays.fill(trials, n);
        java.util.Arrays.fill(prob, drawn);
        int[] out = new int[COPIES];
        long[] counts = new long[n + 1];
        for (int r = 0; r < REPS; r++) {
            Kernels.binomial(trials, prob, st[0], st[1], out, COPIES);
            for (int d : out) {
                counts[d]++;
            }
        }
        double pv = Stats.chiSquarePValue(counts, Stats.binomialPmf(n, p));
        return pv < Stats.ALPHA ? "chi-square p-value " + pv : null;
    }

    @Test
    void binomialFitsItsLawInTheInversionAndBtrsRangesAndWhenFlipped() {
        int[] ns = {12, 40, 300, 60};
        double[] ps = {0.3, 0.2, 0.25, 0.9};
        for (int c = 0; c < ns.length; c++) {
            int n = ns[c];
            double p = ps[c];
            String r = binomialFit(n, p, p, 41);
            assertTrue(r == null, () -> "Binomial(" + n + ", " + p + "): " + r);
            assertNotNull(binomialFit(n, p, p * 1.03, 42), "Binomial(" + n + ", " + p + ") shifted 3% was not detected");
        }
    }

    private static String categoricalFit(float[] logits, float[] drawnLogits, long seed) {
        int w = logits.length;
        long[][] st = streams(seed);
        float[] rows = new float[COPIES * w];
        for (int i = 0; i < COPIES; i++) {
            System.arraycopy(drawnLogits, 0, rows, i * w, w);
        }
        int[] out = new int[COPIES];
        long[] counts = new long[w];
        for (int r = 0; r < REPS; r++) {
            Kernels.categorical(rows, 0, w, w, st[0], st[1], out, COPIES);
            for (int d : out) {
                counts[d]++;
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] prob = new double[w];
        double total = 0;
        for (int j = 0; j < w; j++) {
            prob[j] = Math.exp(logits[j] - max);
            total += prob[j];
        }
        for (int j = 0; j < w; j++) {
            prob[j] /= total;
        }
        double pv = Stats.chiSquarePValue(counts, prob);
        return pv < Stats.ALPHA ? "chi-square p-value " + pv : null;
    }

    @Test
    void categoricalFitsTheSoftmax() {
        Rng gen = new Rng(51);
        float[] logits = new float[21];
        for (int j = 0; j < logits.length; j++) {
            logits[j] = (float) gen.uniform(-2, 2);
        }
        String r = categoricalFit(logits, logits, 52);
        assertTrue(r == null, () -> "categorical: " + r);
        // Power: one logit moved by 0.1 (its probability about 10% off) is rejected.
        float[] wrong = logits.clone();
        wrong[3] += 0.1f;
        assertNotNull(categoricalFit(logits, wrong, 53), "a logit moved by 0.1 was not detected");
    }
}
