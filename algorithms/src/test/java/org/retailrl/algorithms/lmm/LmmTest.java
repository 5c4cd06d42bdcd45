package org.retailrl.algorithms.lmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.algorithms.eval.Rollout;
import org.retailrl.algorithms.pricing.BatchPricingPolicy;
import org.retailrl.core.json.JsonArray;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonString;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.nn.ModelFile;

/** The task family, the dataset format, offline training with resume, and the DT acting (docs/model.md §6.4). */
class LmmTest {
    @TempDir
    Path dir;

    /** Always the same action: what a DT trained on its episodes must reproduce. */
    private static BatchPricingPolicy constant(int p, int q) {
        return new BatchPricingPolicy() {
            @Override
            public String name() {
                return "constant";
            }

            @Override
            public void reset(PricingBatch batch) {
            }

            @Override
            public void act(PricingBatch batch, int[] priceOut, int[] orderOut) {
                java.util.Arrays.fill(priceOut, p);
                java.util.Arrays.fill(orderOut, q);
            }
        };
    }

    /** Episodes of {@code policy} on the first {@code tasks} seen tasks, without heuristic fits. */
    private static TrajectoryDataset dataset(BatchPricingPolicy policy, int tasks, int episodes) {
        java.util.List<PricingScenario> ts = new java.util.ArrayList<>();
        for (int j = 0; j < tasks; j++) {
            ts.add(TaskFamily.task(1, TaskFamily.Split.SEEN, j));
        }
        return DatasetBuilder.single(ts, policy, 7, episodes);
    }

    @Test
    void tasksAreDeterministicAndHeldOutLeavesTheTrainingRanges() {
        for (int j = 0; j < 30; j++) {
            PricingScenario a = TaskFamily.task(5, TaskFamily.Split.SEEN, j);
            assertEquals(a, TaskFamily.task(5, TaskFamily.Split.SEEN, j));
            assertTrue(a.unitCost() >= 7 && a.unitCost() <= 13 && a.leadTime() <= 3 && a.marketSize() <= 1000, a.toString());
            PricingScenario h = TaskFamily.task(5, TaskFamily.Split.HELD_OUT, j);
            assertTrue(h.unitCost() >= 13 && h.marketSize() >= 1000, h.toString());
            TaskFamily.requireCompatible(h);
        }
        for (int j = 0; j < TaskFamily.DP_VARIANTS; j++) {
            PricingScenario small = TaskFamily.dpVariant(j);
            TaskFamily.requireCompatible(small);
            assertEquals(null, org.retailrl.algorithms.dp.DpInstance.whyNotSmall(small));
        }
        PricingScenario bad = PricingScenario.defaults().toBuilder().leadTime(5).initialPipeline(new int[5]).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TaskFamily.requireCompatible(bad)).getMessage()
                .contains("lead time"));
    }

    @Test
    void encodingPadsThePipelineAndCarriesTheCosts() {
        PricingScenario s = TaskFamily.task(1, TaskFamily.Split.SEEN, 0).toBuilder().leadTime(1).initialPipeline(7).build();
        PricingBatch b = new PricingBatch(s, 1);
        b.reset(3);
        float[] out = new float[TaskFamily.STATE_SIZE];
        TaskFamily.encode(b, 0, new float[b.observationSize()], out, 0);
        assertEquals(7f / 20, out[6], 1e-7);
        assertEquals(0f, out[7]);
        assertEquals(0f, out[9]);
        assertEquals((float) (s.unitCost() / 50), out[11], 1e-7);
        assertEquals((float) (s.marketSize() / 1000), out[TaskFamily.STATE_SIZE - 5], 1e-6);
    }

    @Test
    void datasetRoundTripsAndRefusesDamage() throws IOException {
        TrajectoryDataset d = dataset(Behaviour.random(3), 2, 3);
        Path f = dir.resolve("d.rlmd");
        d.write(f);
        TrajectoryDataset r = TrajectoryDataset.read(f);
        assertEquals(d.episodes(), r.episodes());
        assertEquals(d.meta(), r.meta());
        assertArrayEquals(d.states(), r.states());
        for (int e = 0; e < d.episodes(); e++) {
            assertEquals(d.task(e), r.task(e));
            assertEquals(d.episodeReturn(e), r.episodeReturn(e));
            for (int t = 0; t < TaskFamily.HORIZON; t++) {
                assertEquals(d.price(e, t), r.price(e, t));
                assertEquals(d.order(e, t), r.order(e, t));
            }
        }
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length - 100] ^= 1;
        Path bad = dir.resolve("bad.rlmd");
        Files.write(bad, bytes);
        String m = assertThrows(IOException.class, () -> TrajectoryDataset.read(bad)).getMessage();
        assertTrue(m.contains("chunk 0 checksum mismatch"), m);
        Files.write(bad, java.util.Arrays.copyOf(Files.readAllBytes(f), 200));
        m = assertThrows(IOException.class, () -> TrajectoryDataset.read(bad)).getMessage();
        assertTrue(m.contains("truncated"), m);
    }

    @Test
    void extraBehaviourPoliciesAreAppendedGreedyAndNoisyLeavingTheRestAsItWas() throws Exception {
        DatasetBuilder.Settings s = new DatasetBuilder.Settings(1, 1, 2, new double[] {0.3});
        TrajectoryDataset base = DatasetBuilder.build(s, j -> { });
        JsonObject about = JsonObject.builder().put("learners", "constant").build();
        TrajectoryDataset more = DatasetBuilder.build(s, (j, task) -> java.util.List.of(constant(20, 0)), about, j -> { });
        int n = base.episodes();
        assertEquals(n + 4, more.episodes());
        assertEquals(about, more.meta().getObject("extra"));
        assertEquals(java.util.List.of("constant", "constant eps=0.3"),
                more.policies().subList(more.policies().size() - 2, more.policies().size()));
        int steps = n * TaskFamily.HORIZON;
        assertArrayEquals(base.states(), java.util.Arrays.copyOf(more.states(), steps * TaskFamily.STATE_SIZE));
        int noisy = 0;
        for (int e = n; e < n + 4; e++) {
            boolean greedy = more.policies().get(more.policy(e)).equals("constant");
            for (int t = 0; t < TaskFamily.HORIZON; t++) {
                boolean asLogged = more.price(e, t) == 20 && more.order(e, t) == 0;
                assertTrue(asLogged || !greedy, "greedy episode " + e + " step " + t);
                noisy += asLogged ? 0 : 1;
            }
        }
        assertTrue(noisy > 10 && noisy < 60, "noisy steps " + noisy);
    }

    private static final DecisionTransformer.Config SMALL = new DecisionTransformer.Config(16, 1, 2, 4, 0.1, true);

    @Test
    void resumedTrainingEndsBitIdentical() throws IOException {
        TrajectoryDataset d = dataset(Behaviour.random(3), 1, 4);
        DtTraining.Settings s = new DtTraining.Settings(6, 4, 1e-3, 0.1, 2, 1.0, 11);
        DtTraining straight = new DtTraining(SMALL, s, d);
        for (int i = 0; i < 6; i++) {
            straight.trainStep();
        }
        DtTraining first = new DtTraining(SMALL, s, d);
        for (int i = 0; i < 3; i++) {
            first.trainStep();
        }
        Path ck = dir.resolve("c.ckpt");
        first.save(ck);
        DtTraining resumed = DtTraining.resume(ck, d);
        assertEquals(3, resumed.step());
        while (!resumed.done()) {
            resumed.trainStep();
        }
        assertArrayEquals(ModelFile.encode(straight.model()), ModelFile.encode(resumed.model()));
        TrajectoryDataset other = dataset(Behaviour.random(4), 1, 4);
        JsonObject changed = JsonObject.builder().put("seed", 2).put("tasks", 1)
                .put("policies", JsonArray.of(new JsonString("x"))).build();
        TrajectoryDataset renamed = new TrajectoryDataset(changed, new int[4], new int[4], other.states(),
                new byte[4 * TaskFamily.HORIZON], new byte[4 * TaskFamily.HORIZON], new float[4 * TaskFamily.HORIZON]);
        String m = assertThrows(IOException.class, () -> DtTraining.resume(ck, renamed)).getMessage();
        assertTrue(m.contains("another dataset"), m);
    }

    /** Trained on one constant action, the DT (and its greedy policy) must play that action on any task. */
    @Test
    void learnsToImitateAndActsThroughTheSimulator() throws IOException {
        TrajectoryDataset d = dataset(constant(13, 4), 2, 4);
        DtTraining tr = new DtTraining(SMALL, new DtTraining.Settings(40, 8, 1e-2, 0.0, 4, 1.0, 2), d);
        double first = tr.trainStep();
        while (!tr.done()) {
            tr.trainStep();
        }
        assertTrue(tr.lastLoss() < first / 4, "loss " + first + " -> " + tr.lastLoss());
        Path ck = dir.resolve("m.ckpt");
        tr.save(ck);
        DtTraining.Loaded l = DtTraining.loadModel(ck);
        PricingScenario held = TaskFamily.task(1, TaskFamily.Split.HELD_OUT, 0);
        int[][] seen = new int[2][];
        BatchPricingPolicy dt = new DtPolicy("DT", l.model(), l.rtgScale(), 1000);
        BatchPricingPolicy spy = new BatchPricingPolicy() {
            @Override
            public String name() {
                return "spy";
            }

            @Override
            public void reset(PricingBatch batch) {
                dt.reset(batch);
            }

            @Override
            public void act(PricingBatch batch, int[] priceOut, int[] orderOut) {
                dt.act(batch, priceOut, orderOut);
                for (int i = 0; i < priceOut.length; i++) {
                    assertEquals(13, priceOut[i], "price at period " + batch.period());
                    assertEquals(4, orderOut[i], "order at period " + batch.period());
                }
                seen[0] = priceOut;
            }
        };
        double[] a = Rollout.profits(held, spy, 5, 3);
        double[] b = Rollout.profits(held, constant(13, 4), 5, 3);
        assertArrayEquals(b, a);
        assertTrue(seen[0] != null, "the DT acted");
    }

    /** The key/value-cached decoder gives the logits of the full causal forward pass, period by period. */
    @Test
    void cachedDecoderMatchesTheFullForwardPass() {
        int k = 5;
        DecisionTransformer m = new DecisionTransformer(new DecisionTransformer.Config(16, 2, 2, k, 0.0, true),
                new org.retailrl.core.random.Rng(1));
        float scale = 900f;
        DtDecoder dec = new DtDecoder(m, scale);
        dec.reset(700);
        PricingScenario task = TaskFamily.task(1, TaskFamily.Split.SEEN, 2);
        PricingBatch b = new PricingBatch(task, 1);
        b.reset(4);
        int s = TaskFamily.STATE_SIZE;
        DecisionTransformer.Batch full = new DecisionTransformer.Batch(1, k);
        float[] raw = new float[b.observationSize()];
        int[] out = new int[2];
        double[] r = new double[1];
        float rtg = 700 / scale;
        for (int t = 0; t < k; t++) {
            TaskFamily.encode(b, 0, raw, full.states, t * s);
            rtg -= t == 0 ? 0 : (float) (r[0] / scale);
            full.rtg[t] = rtg;
            full.period[t] = t;
            dec.decide(full.states, t * s, r[0], out);
            DecisionTransformer.Batch prefix = new DecisionTransformer.Batch(1, t + 1);
            System.arraycopy(full.rtg, 0, prefix.rtg, 0, t + 1);
            System.arraycopy(full.states, 0, prefix.states, 0, (t + 1) * s);
            System.arraycopy(full.price, 0, prefix.price, 0, t + 1);
            System.arraycopy(full.order, 0, prefix.order, 0, t + 1);
            System.arraycopy(full.period, 0, prefix.period, 0, t + 1);
            org.retailrl.autodiff.Tape tape = new org.retailrl.autodiff.Tape();
            tape.setGradEnabled(false);
            var h = m.stateOutputs(tape, prefix, null);
            float[] ref = m.priceLogits(h).value().data();
            float[] got = dec.priceLogits();
            for (int j = 0; j < TaskFamily.PRICES; j++) {
                float want = ref[t * TaskFamily.PRICES + j];
                assertEquals(want, got[j], 1e-5 + 1e-3 * Math.abs(want), "period " + t + " price " + j);
            }
            full.price[t] = out[0];
            full.order[t] = out[1];
            b.step(new int[] {out[0]}, new int[] {out[1]}, r);
        }
        String msg = assertThrows(IllegalStateException.class, () -> dec.decide(full.states, 0, 0, out)).getMessage();
        assertTrue(msg.contains("context"), msg);
    }

    /** Always the same production decision. */
    private static ProductionPolicy constantProduction(int u, int q, int p, int k) {
        return new ProductionPolicy() {
            @Override
            public String name() {
                return "constant production";
            }

            @Override
            public void reset(org.retailrl.envs.production.ProductionBatch batch) {
            }

            @Override
            public void act(org.retailrl.envs.production.ProductionBatch batch, int[] method, int[] order, int[] price,
                            int[] level) {
                java.util.Arrays.fill(method, u);
                java.util.Arrays.fill(order, q);
                java.util.Arrays.fill(price, p);
                java.util.Arrays.fill(level, k);
            }
        };
    }

    @Test
    void productionTasksShareTheLayoutAndTheirBaselinesBeatRandom() {
        for (int j = 0; j < 20; j++) {
            var a = TaskFamily.productionTask(3, TaskFamily.Split.SEEN, j);
            assertEquals(a, TaskFamily.productionTask(3, TaskFamily.Split.SEEN, j));
            assertTrue(a.methodCost(0) >= 5 && a.methodCost(0) <= 9 && a.methodCost(1) > a.methodCost(0)
                    && a.methodLead(0) <= 3 && a.marketSize() <= 250, a.toString());
            var h = TaskFamily.productionTask(3, TaskFamily.Split.HELD_OUT, j);
            assertTrue(h.methodCost(0) >= 9 && h.methodLead(0) == TaskFamily.MAX_LEAD && h.marketSize() >= 250, h.toString());
            TaskFamily.requireCompatible(h);
        }
        var task = TaskFamily.productionTask(1, TaskFamily.Split.SEEN, 0);
        var b = new org.retailrl.envs.production.ProductionBatch(task, 1);
        b.reset(2, 0);
        b.step(new int[] {0}, new int[] {9}, new int[] {10}, new int[] {2}, new double[1]);
        float[] out = new float[TaskFamily.STATE_SIZE];
        java.util.Arrays.fill(out, 7f);
        TaskFamily.encode(b, 0, new float[b.observationSize()], out, 0);
        int tail = TaskFamily.STATE_SIZE - 4;
        assertEquals((float) (task.methodCost(0) / 50), out[tail], 1e-7);
        assertEquals((float) (task.methodCost(1) / 50), out[tail + 1], 1e-7);
        assertEquals((float) task.methodLead(0) / TaskFamily.MAX_LEAD, out[tail + 2], 1e-7);
        assertEquals(30f / 50, out[3], 1e-7);
        assertEquals(0f, out[4]);
        assertEquals(0f, out[5]);
        assertEquals(task.methodLead(0) == 1 ? 9f / 20 : 0f, out[6], 1e-7);
        float[] pricing = new float[TaskFamily.STATE_SIZE];
        java.util.Arrays.fill(pricing, 7f);
        PricingBatch pb = new PricingBatch(TaskFamily.task(1, TaskFamily.Split.SEEN, 0), 1);
        pb.reset(3);
        TaskFamily.encode(pb, 0, new float[pb.observationSize()], pricing, 0);
        assertArrayEquals(new float[4], java.util.Arrays.copyOfRange(pricing, tail, TaskFamily.STATE_SIZE));
        double best = Double.NEGATIVE_INFINITY;
        for (ProductionPolicy p : ProductionBaselines.heuristics(task, 5)) {
            best = Math.max(best, ProductionBaselines.mean(ProductionBaselines.profits(task, p, 9, 50)));
        }
        double random = ProductionBaselines.mean(ProductionBaselines.profits(task, ProductionBaselines.random(1), 9, 50));
        assertTrue(best > 0 && best > random + 1000, "best baseline " + best + ", random " + random);
    }

    /** Trained on one constant production decision, the DT plays all four components of it through the simulator. */
    @Test
    void learnsAProductionDecisionWithAllFourComponents() throws IOException {
        java.util.List<org.retailrl.envs.production.ProductionScenario> ts = java.util.List.of(
                TaskFamily.productionTask(1, TaskFamily.Split.SEEN, 0), TaskFamily.productionTask(1, TaskFamily.Split.SEEN, 1));
        TrajectoryDataset d = DatasetBuilder.singleProduction(ts, constantProduction(1, 5, 7, 2), 3, 4);
        Path f = dir.resolve("p.rlmd");
        d.write(f);
        TrajectoryDataset r = TrajectoryDataset.read(f);
        assertEquals(2, r.methods(0));
        assertEquals(3, r.levels(0));
        assertEquals(1, r.method(3, 7));
        assertEquals(2, r.level(3, 7));
        DtTraining tr = new DtTraining(SMALL, new DtTraining.Settings(60, 8, 1e-2, 0.0, 4, 1.0, 2), r);
        double first = tr.trainStep();
        while (!tr.done()) {
            tr.trainStep();
        }
        assertTrue(tr.lastLoss() < first / 4, "loss " + first + " -> " + tr.lastLoss());
        ProductionPolicy dt = new DtPolicy("DT", tr.model(), tr.rtgScale(), 500).production();
        var held = TaskFamily.productionTask(1, TaskFamily.Split.HELD_OUT, 0);
        double[] a = ProductionBaselines.profits(held, dt, 5, 3);
        double[] b = ProductionBaselines.profits(held, constantProduction(1, 5, 7, 2), 5, 3);
        assertArrayEquals(b, a);
    }

    /** The cached decoder on a production task: price, method and level logits as the full forward pass. */
    @Test
    void cachedDecoderMatchesTheFullForwardPassOnAProductionTask() {
        int k = 4;
        DecisionTransformer m = new DecisionTransformer(new DecisionTransformer.Config(16, 1, 2, k, 0.0, true),
                new org.retailrl.core.random.Rng(3));
        DtDecoder dec = new DtDecoder(m, 500f);
        dec.reset(400);
        var task = TaskFamily.productionTask(1, TaskFamily.Split.SEEN, 1);
        var b = new org.retailrl.envs.production.ProductionBatch(task, 1);
        b.reset(4, 0);
        int s = TaskFamily.STATE_SIZE;
        DecisionTransformer.Batch full = new DecisionTransformer.Batch(1, k);
        float[] raw = new float[b.observationSize()];
        int[] out = new int[4];
        double[] r = new double[1];
        float rtg = 400 / 500f;
        for (int t = 0; t < k; t++) {
            TaskFamily.encode(b, 0, raw, full.states, t * s);
            rtg -= t == 0 ? 0 : (float) (r[0] / 500f);
            full.rtg[t] = rtg;
            full.period[t] = t;
            dec.decide(full.states, t * s, r[0], 2, 3, out);
            DecisionTransformer.Batch prefix = new DecisionTransformer.Batch(1, t + 1);
            System.arraycopy(full.rtg, 0, prefix.rtg, 0, t + 1);
            System.arraycopy(full.states, 0, prefix.states, 0, (t + 1) * s);
            System.arraycopy(full.price, 0, prefix.price, 0, t + 1);
            System.arraycopy(full.order, 0, prefix.order, 0, t + 1);
            System.arraycopy(full.method, 0, prefix.method, 0, t + 1);
            System.arraycopy(full.level, 0, prefix.level, 0, t + 1);
            System.arraycopy(full.period, 0, prefix.period, 0, t + 1);
            org.retailrl.autodiff.Tape tape = new org.retailrl.autodiff.Tape();
            tape.setGradEnabled(false);
            var h = org.retailrl.autodiff.Ops.indexSelect(m.stateOutputs(tape, prefix, null), new int[] {t});
            int[] p = {out[0]};
            int[] q = {out[1]};
            int[] u = {out[2]};
            close(m.priceLogits(h).value().data(), dec.priceLogits(), "price, period " + t);
            close(m.methodLogits(tape, h, p, q).value().data(), dec.methodLogits(), "method, period " + t);
            close(m.levelLogits(tape, h, p, q, u).value().data(), dec.levelLogits(), "level, period " + t);
            full.price[t] = out[0];
            full.order[t] = out[1];
            full.method[t] = out[2];
            full.level[t] = out[3];
            b.step(new int[] {out[2]}, new int[] {out[1]}, new int[] {out[0]}, new int[] {out[3]}, r);
        }
        String msg = assertThrows(IllegalArgumentException.class, () -> new DtDecoder(m, 1f).decide(full.states, 0, 0, 3, 1,
                out)).getMessage();
        assertTrue(msg.contains("methods and levels must be in [1, 2] and [1, 3]"), msg);
    }

    private static void close(float[] want, float[] got, String what) {
        for (int j = 0; j < want.length; j++) {
            assertEquals(want[j], got[j], 1e-5 + 1e-3 * Math.abs(want[j]), what + " entry " + j);
        }
    }
}
