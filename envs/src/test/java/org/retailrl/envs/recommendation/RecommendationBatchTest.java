package org.retailrl.envs.recommendation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.Step;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * The struct-of-arrays batch and the independently written single environment must produce
 * bit-identical trajectories: copy {@code k} of {@code reset(seed)} equals {@code reset(seed, k)}.
 */
class RecommendationBatchTest {

    @ParameterizedTest
    @EnumSource(ShortageMode.class)
    void batchCopiesReplayTheSingleEnvironmentPerCopyExposure(ShortageMode mode) {
        compare(RecommendationScenarios.small().withMode(mode), 5, 2026L, false, 50);
    }

    @ParameterizedTest
    @EnumSource(ShortageMode.class)
    void batchCopiesReplayTheSingleEnvironmentSharedExposure(ShortageMode mode) {
        compare(RecommendationScenarios.small().withMode(mode), 3, 7L, true, 50);
    }

    @Test
    void largeScenarioAgreesOverAFewPeriods() {
        compare(RecommendationScenarios.large(), 2, 99L, false, 4);
    }

    /** Per-copy exposure on the large scenario draws in blocks of copies; a ragged last block too. */
    @Test
    void largeScenarioDrawnInBlocksAgrees() {
        compare(RecommendationScenarios.large(), 23, 5L, false, 2);
    }

    /** Random orders and random softmax exposures drawn from a policy stream separate from the envs'. */
    private static void compare(RecommendationScenario sc, int copies, long seed, boolean shared, int periods) {
        int n = sc.products();
        int m = sc.customers();
        RecommendationBatch batch = new RecommendationBatch(sc, copies);
        batch.reset(seed);
        RecommendationEnv[] envs = new RecommendationEnv[copies];
        for (int k = 0; k < copies; k++) {
            envs[k] = new RecommendationEnv(sc);
            float[] first = envs[k].reset(seed, k);
            float[] fromBatch = new float[batch.observationSize()];
            batch.observe(k, fromBatch, 0);
            assertArrayEquals(first, fromBatch);
        }
        Rng policy = new Rng(seed ^ 0x5eed);
        int[] orders = new int[copies * n];
        double[] exposure = new double[(shared ? 1 : copies) * n * m];
        double[] reward = new double[copies];
        for (int t = 0; t < periods; t++) {
            for (int x = 0; x < orders.length; x++) {
                orders[x] = policy.nextInt(sc.maxOrder() + 1) / 3;
            }
            double[] logits = new double[n * m];
            for (int c = 0; c < (shared ? 1 : copies); c++) {
                for (int x = 0; x < logits.length; x++) {
                    logits[x] = 3 * policy.normal();
                }
                System.arraycopy(Exposure.softmax(logits, n, m), 0, exposure, c * n * m, n * m);
            }
            batch.step(orders, exposure, reward);
            for (int k = 0; k < copies; k++) {
                int[] q = java.util.Arrays.copyOfRange(orders, k * n, k * n + n);
                int off = shared ? 0 : k * n * m;
                double[] a = java.util.Arrays.copyOfRange(exposure, off, off + n * m);
                Step<RecommendationInfo> st = envs[k].step(q, a);
                assertEquals(Double.doubleToRawLongBits(st.reward()), Double.doubleToRawLongBits(reward[k]),
                        "reward of copy " + k + " at period " + (t + 1));
                RecommendationInfo bi = batch.lastInfo(k, orders);
                assertArrayEquals(st.info().demand(), bi.demand());
                assertArrayEquals(st.info().sales(), bi.sales());
                assertArrayEquals(st.info().shortage(), bi.shortage());
                assertArrayEquals(st.info().arrived(), bi.arrived());
                assertArrayEquals(st.info().inventory(), bi.inventory());
                assertArrayEquals(st.info().profit(), bi.profit(), 0);
                float[] obs = new float[batch.observationSize()];
                batch.observe(k, obs, 0);
                assertArrayEquals(st.observation(), obs);
                assertEquals(envs[k].state(), batch.state(k));
            }
        }
        assertEquals(periods == sc.horizon(), batch.done());
    }

    @Test
    void copiesAreIndependentStreams() {
        RecommendationScenario sc = RecommendationScenarios.small();
        RecommendationBatch batch = new RecommendationBatch(sc, 2);
        batch.reset(5);
        double[] reward = new double[2];
        batch.step(new int[10], Exposure.uniform(5, 20), reward);
        boolean differ = false;
        for (int i = 0; i < 5; i++) {
            differ |= batch.lastDemand(0, i) != batch.lastDemand(1, i);
        }
        assertTrue(differ, "two copies drew the same demand vector");
    }

    @Test
    void badInputsAreRejected() {
        RecommendationScenario sc = TinyScenarios.switchable(ShortageMode.LOST_SALES);
        RecommendationBatch batch = new RecommendationBatch(sc, 2);
        double[] r = new double[2];
        double[] a = {1, 0, 0, 1};
        assertThrows(IllegalStateException.class, () -> batch.step(new int[4], a, r));
        batch.reset(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> batch.step(new int[] {0, 0, 0, 11}, a, r));
        assertTrue(e.getMessage().contains("copy 1, product 1") && e.getMessage().contains("maxOrder"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> batch.step(new int[3], a, r));
        assertThrows(IllegalArgumentException.class, () -> batch.step(new int[4], new double[6], r));
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> batch.step(new int[4], new double[] {1, 0, 0, 1, 1, 0, 0.5, 0.4}, r));
        assertTrue(c.getMessage().contains("copy 1"), c.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RecommendationBatch(sc, 0));
        assertEquals(0, batch.period());
    }
}
