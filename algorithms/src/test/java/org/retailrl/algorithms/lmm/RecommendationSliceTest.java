package org.retailrl.algorithms.lmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.envs.recommendation.RecommendationBatch;
import org.retailrl.envs.recommendation.RecommendationScenario;

/** The inventory-and-recommendation slice of the task family (docs/model.md §6.1, §3). */
class RecommendationSliceTest {
    @TempDir
    Path dir;

    /** Always order {@code q} at level {@code k}. */
    private static RecommendationSlice.Policy constant(int q, int k) {
        return new RecommendationSlice.Policy() {
            @Override
            public String name() {
                return "constant";
            }

            @Override
            public void reset(RecommendationBatch batch) {
            }

            @Override
            public void act(RecommendationBatch batch, int[] order, int[] level) {
                java.util.Arrays.fill(order, q);
                java.util.Arrays.fill(level, k);
            }
        };
    }

    @Test
    void tasksAreDeterministicAndHeldOutLeavesTheTrainingRanges() {
        for (int j = 0; j < 20; j++) {
            RecommendationScenario a = TaskFamily.recommendationTask(3, TaskFamily.Split.SEEN, j);
            assertEquals(a, TaskFamily.recommendationTask(3, TaskFamily.Split.SEEN, j));
            assertTrue(a.priceOut()[0] >= 10 && a.priceOut()[0] <= 30 && a.leadTime()[0] <= 2
                    && a.totalPurchaseCount() >= 8 && a.totalPurchaseCount() <= 16, a.toString());
            RecommendationScenario h = TaskFamily.recommendationTask(3, TaskFamily.Split.HELD_OUT, j);
            assertTrue(h.priceOut()[0] >= 30 && h.leadTime()[0] == 3 && h.totalPurchaseCount() >= 18, h.toString());
            RecommendationSlice.requireCompatible(h);
        }
        RecommendationScenario big = new RecommendationScenario(2, 3, 50, new double[] {10, 1}, new double[] {5, 0},
                new double[] {1, 0}, new double[] {1, 0}, new int[] {1, 0}, new int[] {0, 0}, 20, 6, 1, new double[6],
                new int[] {1, 1, 1}, org.retailrl.envs.pricing.ShortageMode.LOST_SALES);
        String m = assertThrows(IllegalArgumentException.class, () -> RecommendationSlice.requireCompatible(big)).getMessage();
        assertTrue(m.contains("second without prices"), m);
    }

    @Test
    void theSliceRewardsOnlyTheManagedProductAndTheLevelMovesItsDemand() {
        RecommendationScenario s = TaskFamily.recommendationTask(1, TaskFamily.Split.SEEN, 2);
        double[] mu = RecommendationSlice.expectedDemand(s);
        assertTrue(mu[0] != mu[2] && mu[0] > 0 && mu[0] < s.totalPurchaseCount(), java.util.Arrays.toString(mu));
        RecommendationBatch b = new RecommendationBatch(s, 2);
        b.reset(4, 0);
        RecommendationSlice.Stepper st = new RecommendationSlice.Stepper(b);
        double[] r = new double[2];
        int[] q = {7, 3};
        st.step(b, q, new int[] {0, 2}, r);
        for (int c = 0; c < 2; c++) {
            var info = b.lastInfo(c, new int[] {q[c], 0});
            assertEquals(info.profit()[0], r[c], 1e-9);
            assertEquals(0.0, info.profit()[1]);
            assertEquals(r[c], b.lastReward(c), 1e-9);
        }
        String m = assertThrows(IllegalArgumentException.class, () -> st.step(b, q, new int[] {0, 3}, r)).getMessage();
        assertTrue(m.contains("level of copy 1 must be in [0, 2]"), m);
        // Over many periods the realised demand follows the level's expectation (the exposure reaches the simulator).
        RecommendationBatch many = new RecommendationBatch(s, 400);
        many.reset(5, 0);
        RecommendationSlice.Stepper ms = new RecommendationSlice.Stepper(many);
        int[] lv = new int[400];
        for (int c = 0; c < 400; c++) {
            lv[c] = c % 2 == 0 ? 0 : 2;
        }
        ms.step(many, new int[400], lv, new double[400]);
        double[] sum = new double[2];
        for (int c = 0; c < 400; c++) {
            sum[c % 2] += many.lastDemand(c, 0) / 200.0;
        }
        assertEquals(mu[0], sum[0], 0.6);
        assertEquals(mu[2], sum[1], 0.6);
    }

    @Test
    void encodingFillsTheSharedLayoutAndTheHeuristicsBeatRandom() {
        RecommendationScenario s = TaskFamily.recommendationTask(1, TaskFamily.Split.HELD_OUT, 0);
        RecommendationBatch b = new RecommendationBatch(s, 1);
        b.reset(2, 0);
        new RecommendationSlice.Stepper(b).step(b, new int[] {9}, new int[] {1}, new double[1]);
        float[] out = new float[TaskFamily.STATE_SIZE];
        java.util.Arrays.fill(out, 7f);
        double[] mu = RecommendationSlice.expectedDemand(s);
        RecommendationSlice.encode(b, 0, new float[b.observationSize()], mu, out, 0);
        assertEquals((float) (s.priceOut()[0] / 50), out[3], 1e-7);
        assertEquals((float) (mu[0] / 20), out[4], 1e-7);
        assertEquals((float) (mu[2] / 20), out[5], 1e-7);
        // Lead time 3: this period's order is in the last of three pipeline slots, the fourth is padding.
        assertEquals(0f, out[6 + 3]);
        assertTrue(out[6 + 2] > 0);
        assertEquals(0.75f, out[10 + 5]);
        assertArrayEquals(new float[4], java.util.Arrays.copyOfRange(out, TaskFamily.STATE_SIZE - 4, TaskFamily.STATE_SIZE));
        double best = Double.NEGATIVE_INFINITY;
        List<RecommendationSlice.Policy> hs = RecommendationSlice.heuristics(s, 5);
        assertEquals(3, hs.size());
        for (RecommendationSlice.Policy p : hs) {
            best = Math.max(best, ProductionBaselines.mean(RecommendationSlice.profits(s, p, 9, 50)));
        }
        double random = ProductionBaselines.mean(RecommendationSlice.profits(s, RecommendationSlice.random(1), 9, 50));
        assertTrue(best > 0 && best > random + 500, "best heuristic " + best + ", random " + random);
    }

    @Test
    void datasetHoldsTheNewKindAfterTheOthers() throws Exception {
        TrajectoryDataset d = DatasetBuilder.build(new DatasetBuilder.Settings(1, 1, 2, new double[] {0.3}, 0, 1), j -> { });
        Path f = dir.resolve("r.rlmd");
        d.write(f);
        TrajectoryDataset r = TrajectoryDataset.read(f);
        assertEquals(1, r.meta().getInt("recommendationTasks"));
        int rec = 0;
        for (int e = 0; e < r.episodes(); e++) {
            if (r.task(e) != 1) {
                assertEquals(0, r.task(e));
                continue;
            }
            rec++;
            assertEquals(1, r.methods(e));
            assertEquals(3, r.levels(e));
            for (int t = 0; t < TaskFamily.HORIZON; t++) {
                assertEquals(0, r.price(e, t));
                assertEquals(0, r.method(e, t));
                assertTrue(r.level(e, t) < 3);
            }
        }
        // Three heuristics greedy and noisy, then random, two episodes each.
        assertEquals(7 * 2, rec);
        assertTrue(r.policies().contains("base-stock + stock-aware eps=0.3"), r.policies().toString());
        double[][] best = LmmEvaluation.bestLogged(r);
        assertEquals(1, best[2].length);
        assertTrue(best[2][0] > 0, "best logged " + best[2][0]);
    }

    /** Trained on one constant slice decision, the DT plays it (price and method padding) on a held-out slice. */
    @Test
    void learnsASliceDecisionWithinItsMask() throws IOException {
        List<RecommendationScenario> ts = List.of(TaskFamily.recommendationTask(1, TaskFamily.Split.SEEN, 0),
                TaskFamily.recommendationTask(1, TaskFamily.Split.SEEN, 1));
        TrajectoryDataset d = DatasetBuilder.singleRecommendation(ts, constant(6, 2), 3, 4);
        Path f = dir.resolve("s.rlmd");
        d.write(f);
        TrajectoryDataset r = TrajectoryDataset.read(f);
        assertEquals(2, r.level(3, 7));
        DtTraining tr = new DtTraining(new DecisionTransformer.Config(16, 1, 2, 4, 0.1, true),
                new DtTraining.Settings(60, 8, 1e-2, 0.0, 4, 1.0, 2), r);
        double first = tr.trainStep();
        while (!tr.done()) {
            tr.trainStep();
        }
        assertTrue(tr.lastLoss() < first / 4, "loss " + first + " -> " + tr.lastLoss());
        RecommendationSlice.Policy dt = new DtPolicy("DT", tr.model(), tr.rtgScale(), 500).recommendation();
        RecommendationScenario held = TaskFamily.recommendationTask(1, TaskFamily.Split.HELD_OUT, 0);
        assertArrayEquals(RecommendationSlice.profits(held, constant(6, 2), 5, 3), RecommendationSlice.profits(held, dt, 5, 3));
    }
}
