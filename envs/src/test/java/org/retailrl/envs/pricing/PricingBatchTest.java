package org.retailrl.envs.pricing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.Step;

/** The batched kernel against the single environment, and the batch's own contract. */
class PricingBatchTest {
    private static void sameTrajectories(PricingScenario s, int copies, long seed) {
        PricingBatch batch = new PricingBatch(s, copies);
        PricingEnv[] envs = new PricingEnv[copies];
        int dim = batch.observationSize();
        float[] obs = new float[copies * dim];
        batch.reset(seed);
        batch.observe(obs, 0);
        for (int i = 0; i < copies; i++) {
            envs[i] = new PricingEnv(s);
            float[] o = envs[i].reset(seed, i);
            assertArrayEquals(o, java.util.Arrays.copyOfRange(obs, i * dim, (i + 1) * dim));
        }
        Rng policy = new Rng(seed ^ 0x5eed);
        int[] pi = new int[copies];
        int[] q = new int[copies];
        float[] rew = new float[copies];
        for (int t = 0; t < s.horizon(); t++) {
            for (int i = 0; i < copies; i++) {
                pi[i] = policy.nextInt(s.priceCount());
                q[i] = policy.nextInt(s.maxOrder() + 1);
            }
            batch.step(pi, q, rew);
            batch.observe(obs, 0);
            for (int i = 0; i < copies; i++) {
                Step<PricingInfo> st = envs[i].step(new int[] {pi[i], q[i]});
                assertEquals(Double.doubleToRawLongBits(batch.lastReward(i)),
                        Double.doubleToRawLongBits(st.reward()), "copy " + i + " period " + t);
                assertEquals(rew[i], (float) st.reward());
                assertArrayEquals(st.observation(), java.util.Arrays.copyOfRange(obs, i * dim, (i + 1) * dim),
                        "copy " + i + " period " + t);
                assertEquals(batch.state(i), envs[i].state());
                assertEquals(t == s.horizon() - 1, st.truncated());
            }
        }
        assertTrue(batch.done());
    }

    @Test
    void batchAndSingleEnvGiveIdenticalTrajectoriesInEveryScenario() {
        for (String n : new String[] {"a", "b", "c", "d"}) {
            sameTrajectories(PricingScenario.named(n).toBuilder().horizon(40).build(), 7, 2024);
            // 21 copies: full vector blocks and a scalar tail when the Vector API is present.
            sameTrajectories(PricingScenario.named(n).toBuilder().horizon(25).build(), 21, 77);
        }
    }

    @Test
    void identicalWithUniformCompetitorLeadTimeZeroAndCap() {
        sameTrajectories(PricingScenario.defaults().toBuilder().competitor(CompetitorKind.UNIFORM).leadTime(0)
                .inventoryCap(25).horizon(60).build(), 5, 99);
        sameTrajectories(PricingScenario.named("c").toBuilder().competitor(CompetitorKind.UNIFORM).leadTime(5)
                .initialPipeline(1, 2, 3, 4, 5).horizon(30).build(), 3, -7);
    }

    @Test
    void sameSeedSameEpisodeAndCopiesDoNotDependOnBatchSize() {
        PricingScenario s = PricingScenario.named("d").toBuilder().competitor(CompetitorKind.UNIFORM).build();
        PricingBatch small = new PricingBatch(s, 3);
        PricingBatch big = new PricingBatch(s, 50);
        small.reset(5);
        big.reset(5);
        int[] pi = new int[50];
        int[] q = new int[50];
        float[] r1 = new float[50];
        float[] r2 = new float[50];
        Rng policy = new Rng(1);
        for (int t = 0; t < s.horizon(); t++) {
            for (int i = 0; i < 50; i++) {
                pi[i] = policy.nextInt(s.priceCount());
                q[i] = policy.nextInt(s.maxOrder() + 1);
            }
            small.step(pi, q, r1);
            big.step(pi, q, r2);
            for (int i = 0; i < 3; i++) {
                assertEquals(r1[i], r2[i]);
                assertEquals(small.state(i), big.state(i));
            }
        }
        // A second run from the same seed repeats the first bit for bit.
        PricingBatch again = new PricingBatch(s, 3);
        again.reset(5);
        policy = new Rng(1);
        for (int t = 0; t < s.horizon(); t++) {
            for (int i = 0; i < 50; i++) {
                pi[i] = policy.nextInt(s.priceCount());
                q[i] = policy.nextInt(s.maxOrder() + 1);
            }
            again.step(pi, q, r1);
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(small.state(i), again.state(i));
        }
    }

    @Test
    void firstStreamOffsetsTheCopies() {
        PricingScenario s = PricingScenario.defaults();
        PricingBatch all = new PricingBatch(s, 8);
        PricingBatch tail = new PricingBatch(s, 3);
        all.reset(77);
        tail.reset(77, 5);
        int[] pi = new int[8];
        int[] q = new int[8];
        java.util.Arrays.fill(pi, 10);
        java.util.Arrays.fill(q, 3);
        float[] r = new float[8];
        for (int t = 0; t < 30; t++) {
            all.step(pi, q, r);
            tail.step(pi, q, r);
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(all.state(5 + i), tail.state(i));
        }
    }

    @Test
    void badActionsAreRejectedBeforeAnyCopyMoves() {
        PricingScenario s = PricingScenario.defaults();
        PricingBatch b = new PricingBatch(s, 4);
        b.reset(1);
        PricingState before = b.state(0);
        float[] r = new float[4];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.step(new int[] {0, 0, 21, 0}, new int[4], r));
        assertTrue(e.getMessage().contains("priceIndex[2]") && e.getMessage().contains("[0, 20]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.step(new int[4], new int[] {0, -1, 0, 0}, r));
        assertTrue(e.getMessage().contains("orderQty[1]") && e.getMessage().contains("[0, 20]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.step(new int[4], new int[4], new float[3]));
        assertTrue(e.getMessage().contains("rewardOut"), e.getMessage());
        assertEquals(before, b.state(0));
        assertEquals(0, b.period());
        PricingEnv env = new PricingEnv(s);
        assertThrows(IllegalStateException.class, () -> env.step(0, 0));
        env.reset(1);
        e = assertThrows(IllegalArgumentException.class, () -> env.step(new int[] {0, 21}));
        assertTrue(e.getMessage().contains("orderQuantity"), e.getMessage());
    }

    @Test
    void specsDescribeTheLayout() {
        PricingEnv env = new PricingEnv(PricingScenario.named("a"));
        assertEquals(9, env.observationSpec().dimension());
        assertEquals(PricingObservation.COMPETITOR_PRICE, env.observationSpec().indexOf("competitorPrice"));
        assertEquals(PricingObservation.PIPELINE, env.observationSpec().indexOf("pipeline[0]"));
        assertArrayEquals(new int[] {21, 21}, env.actionSpec().sizes());
        float[] o = env.reset(3);
        assertTrue(env.observationSpec().contains(o));
        Rng policy = new Rng(4);
        for (int t = 0; t < 100; t++) {
            o = env.step(policy.nextInt(21), policy.nextInt(21)).observation();
            assertTrue(env.observationSpec().contains(o), java.util.Arrays.toString(o));
        }
    }
}
