package org.retailrl.envs.pricing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.core.random.PoissonSampler;
import org.retailrl.core.random.RawStreams;
import org.retailrl.core.random.Rng;

/**
 * The Vector API demand kernel against its scalar twin, bit for bit, over sizes that exercise full
 * blocks and scalar tails, means in the inversion and PTRS ranges, and long searches that the
 * lanes hand back to scalar code. Raw streams against {@link Rng}.
 */
class DemandKernelTest {
    private static final int[] SIZES = {1, 4, 6, 8, 13, 16, 25, 32, 64, 100, 128, 207, 256, 300};

    @Test
    void rawStreamsRepeatRng() {
        for (long idx = 0; idx < 5; idx++) {
            Rng rng = Rng.stream(99, idx);
            long[] st = rng.state();
            long[] seed = {st[0]};
            long[] gamma = {st[1]};
            for (int k = 0; k < 1000; k++) {
                assertEquals(rng.nextDouble(), RawStreams.nextDouble(seed, gamma, 0));
                assertEquals(rng.nextInt(21), RawStreams.nextInt(seed, gamma, 0, 21));
                assertEquals(rng.nextInt(7), RawStreams.nextInt(seed, gamma, 0, 7));
            }
        }
    }

    @Test
    void samplerOnRngAndOnRawStreamsAgree() {
        Rng rng = Rng.stream(3, 1);
        long[] st = Rng.stream(3, 1).state();
        long[] seed = {st[0]};
        long[] gamma = {st[1]};
        double[] means = {0, 0.2, 3.07, 8.9, 29.99, 30, 120};
        for (int k = 0; k < 5000; k++) {
            double lam = means[k % means.length];
            assertEquals(PoissonSampler.sample(rng, lam), PoissonSampler.sample(seed, gamma, 0, lam));
        }
    }

    private static void compare(PricingScenario s, long seedValue) {
        DemandKernel vector = new PanamaDemandKernel();
        assumeTrue(vector.name().startsWith("vector"), "no vector shape");
        DemandKernel scalar = new ScalarDemandKernel();
        Demand dm = new Demand(s);
        double[] prices = s.prices();
        Rng gen = new Rng(seedValue);
        for (int n : SIZES) {
            int[] pi = new int[n];
            double[] o = new double[n];
            double[] r = new double[n];
            long[] seedA = new long[n];
            long[] gammaA = new long[n];
            for (int i = 0; i < n; i++) {
                pi[i] = gen.nextInt(prices.length);
                o[i] = gen.nextInt(3) == 0 ? prices[pi[i]] : gen.uniform(5, 60);
                r[i] = gen.uniform(5, 60);
                long[] st = Rng.stream(seedValue, i).state();
                seedA[i] = st[0];
                gammaA[i] = st[1];
            }
            long[] seedB = seedA.clone();
            long[] gammaB = gammaA.clone();
            double[] outA = new double[n];
            double[] outB = new double[n];
            for (int rep = 0; rep < 20; rep++) {
                vector.draw(dm, prices, pi, o, r, seedA, gammaA, outA, n);
                scalar.draw(dm, prices, pi, o, r, seedB, gammaB, outB, n);
                assertArrayEquals(outB, outA, "n = " + n + ", rep " + rep);
                assertArrayEquals(seedB, seedA, "stream positions, n = " + n);
            }
        }
    }

    @Test
    void vectorKernelMatchesScalarAtDefaultMeans() {
        compare(PricingScenario.defaults(), 11);
    }

    @Test
    void vectorKernelMatchesScalarWithLongSearchesAndRejectionLanes() {
        // η = 8000: means from about 5 to 90, so lanes cross both the lane-search cap and the PTRS limit.
        compare(PricingScenario.defaults().toBuilder().marketSize(8000).build(), 12);
        // η = 3000: means around 10–35, many searches longer than the lane cap.
        compare(PricingScenario.defaults().toBuilder().marketSize(3000).build(), 13);
    }

    @Test
    void batchTrajectoriesAgreeBetweenKernels() {
        PricingScenario s = PricingScenario.named("c").toBuilder().competitor(CompetitorKind.UNIFORM).build();
        DemandKernel vector = new PanamaDemandKernel();
        assumeTrue(vector.name().startsWith("vector"), "no vector shape");
        int n = 37;
        PricingBatch a = new PricingBatch(s, n, vector);
        PricingBatch b = new PricingBatch(s, n, new ScalarDemandKernel());
        a.reset(5);
        b.reset(5);
        Rng policy = new Rng(6);
        int[] pi = new int[n];
        int[] q = new int[n];
        float[] ra = new float[n];
        float[] rb = new float[n];
        for (int t = 0; t < s.horizon(); t++) {
            for (int i = 0; i < n; i++) {
                pi[i] = policy.nextInt(s.priceCount());
                q[i] = policy.nextInt(s.maxOrder() + 1);
            }
            a.step(pi, q, ra);
            b.step(pi, q, rb);
            assertArrayEquals(rb, ra);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(b.state(i), a.state(i));
        }
    }

    /**
     * The vector kernel's settle pass (arrival, sales, reward, reference price, competitor in
     * lanes) against the scalar per-copy code: every scenario (backlog and lost sales, with and
     * without fixed cost), lead times 0 and 3, an inventory cap, the undercutting and the fixed
     * competitor, float and double rewards, over whole episodes with resets.
     */
    @Test
    void settleLanesMatchTheScalarPeriod() {
        DemandKernel vector = new PanamaDemandKernel();
        assumeTrue(vector.name().startsWith("vector"), "no vector shape");
        PricingScenario[] scenarios = {
            PricingScenario.named("a"), PricingScenario.named("b"), PricingScenario.named("c"), PricingScenario.named("d"),
            PricingScenario.named("b").toBuilder().leadTime(0).initialPipeline(new int[0]).inventoryCap(25)
                    .competitor(CompetitorKind.FIXED).build(),
        };
        int n = 45;
        for (PricingScenario s : scenarios) {
            for (boolean doubles : new boolean[] {false, true}) {
                PricingBatch a = new PricingBatch(s, n, vector);
                PricingBatch b = new PricingBatch(s, n, new ScalarDemandKernel());
                Rng policy = new Rng(8);
                int[] pi = new int[n];
                int[] q = new int[n];
                float[] fa = new float[n];
                float[] fb = new float[n];
                double[] da = new double[n];
                double[] db = new double[n];
                for (int ep = 0; ep < 2; ep++) {
                    a.reset(9 + ep);
                    b.reset(9 + ep);
                    for (int t = 0; t < s.horizon(); t++) {
                        for (int i = 0; i < n; i++) {
                            pi[i] = policy.nextInt(s.priceCount());
                            q[i] = policy.nextInt(s.maxOrder() + 1);
                        }
                        if (doubles) {
                            a.step(pi, q, da);
                            b.step(pi, q, db);
                            assertArrayEquals(db, da, s + " t=" + t);
                        } else {
                            a.step(pi, q, fa);
                            b.step(pi, q, fb);
                            assertArrayEquals(fb, fa, s + " t=" + t);
                        }
                        for (int i = 0; i < n; i++) {
                            assertEquals(b.state(i), a.state(i), "copy " + i + " t=" + t);
                            assertEquals(b.lastDisposed(i), a.lastDisposed(i), "disposed, copy " + i);
                            assertEquals(Double.doubleToRawLongBits(b.lastReward(i)),
                                    Double.doubleToRawLongBits(a.lastReward(i)), "reward, copy " + i);
                        }
                    }
                }
            }
        }
    }
}
