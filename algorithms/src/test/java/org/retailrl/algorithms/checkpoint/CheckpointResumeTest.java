package org.retailrl.algorithms.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.LearnerConfig.AgentSchedule;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.UpdatePeriod;
import org.retailrl.envs.inventory.DemandLaw;
import org.retailrl.envs.inventory.LostSalesScenario;
import org.retailrl.envs.multiproduct.MultiProductScenario;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.recommendation.RecommendationScenarios;
import org.retailrl.nn.Parameter;
import org.retailrl.nn.RecurrentNet;

/**
 * Train n rounds uninterrupted versus k rounds, checkpoint to a file, a fresh trainer from that
 * file, continue to n: the weights must be bit-identical (docs/model.md §8.12), for the pricing
 * and the recommendation learners.
 */
class CheckpointResumeTest {
    /** A 20-period scenario (b) so that each round is a few milliseconds. */
    static final PricingScenario SHORT = PricingScenario.named("b").toBuilder().horizon(20).build();
    /** CleanRL's PPO with width 8 and 10-step sequences, 2 epochs of 2 minibatches. */
    static final LearnerConfig SMALL = Presets.CLEANRL_PPO.withSizes(8, 2, 1, 10).withUpdates(2, 2);
    /** FSDA's timescales and HARL's critic with the same actor settings as {@link #SMALL}. */
    static final LearnerConfig SMALL_FSDA = Presets.FSDA_CLEANRL.withSizes(8, 2, 1, 10).withUpdates(2, 2);
    /** MTMA (replenishment every 2nd round) with width 8, one epoch of 2 minibatches. */
    static final LearnerConfig SMALL_MTMA = Presets.MTMA.withSizes(8, 1, 1, 25).withUpdates(1, 2);

    static RunSpec fsdaSpec(int episodes) {
        return new RunSpec(Algorithm.FSDA, SHORT, 2, 7, episodes, SMALL_FSDA);
    }

    static RunSpec ppoSpec(int episodes) {
        return new RunSpec(Algorithm.PPO_JOINT, SHORT, 2, 7, episodes, SMALL);
    }

    static List<float[]> weights(ResumableTrainer t) {
        List<float[]> out = new java.util.ArrayList<>();
        for (RecurrentNet a : t.actors()) {
            for (Parameter p : a.parameters()) {
                out.add(p.value().data().clone());
            }
        }
        for (Parameter p : t.trainer().critic().parameters()) {
            out.add(p.value().data().clone());
        }
        return out;
    }

    static void assertBitIdentical(List<float[]> a, List<float[]> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).length, b.get(i).length);
            for (int j = 0; j < a.get(i).length; j++) {
                assertEquals(Float.floatToRawIntBits(a.get(i)[j]), Float.floatToRawIntBits(b.get(i)[j]),
                        "parameter " + i + " element " + j);
            }
        }
    }

    private void resumeMatchesUninterrupted(RunSpec spec, int k, Path dir) throws IOException {
        List<float[]> straight;
        double[] straightCurve;
        try (ResumableTrainer t = ResumableTrainer.start(spec)) {
            while (!t.finished()) {
                t.episode();
            }
            straight = weights(t);
            straightCurve = t.curve();
        }
        Path file = dir.resolve(spec.algorithm().label() + ".ckpt");
        try (ResumableTrainer t = ResumableTrainer.start(spec)) {
            for (int i = 0; i < k; i++) {
                t.episode();
            }
            t.checkpoint(Map.of("note", "x")).save(file);
            // Moves the abandoned trainer on, so a resume that reused it by accident would differ.
            t.episode();
        }
        try (ResumableTrainer r = ResumableTrainer.resume(file)) {
            assertEquals(k, r.episodesDone());
            r.setThreads(2);
            while (!r.finished()) {
                r.episode();
            }
            assertBitIdentical(straight, weights(r));
            assertArrayEquals(straightCurve, r.curve());
        }
    }

    @Test
    void fsdaResumedFromFileIsBitIdentical(@TempDir Path dir) throws IOException {
        // k = 3: the slow agent's schedule (k(n) = 1 + ⌊log₂(1+n)⌋) and lr annealing both straddle the cut.
        resumeMatchesUninterrupted(fsdaSpec(6), 3, dir);
    }

    @Test
    void jointPpoResumedFromFileIsBitIdentical(@TempDir Path dir) throws IOException {
        resumeMatchesUninterrupted(ppoSpec(5), 2, dir);
    }

    @Test
    void mtmaResumedFromFileIsBitIdentical(@TempDir Path dir) throws IOException {
        // k = 1: the slow replenishment agent (every 2nd round) is skipped in the first resumed round.
        resumeMatchesUninterrupted(new RunSpec(Algorithm.MTMA, RecommendationScenarios.small(), 2, 7, 3, SMALL_MTMA), 1,
                dir);
    }

    @Test
    void singleAgentRecommendationLearnerResumedFromFileIsBitIdentical(@TempDir Path dir) throws IOException {
        LearnerConfig single = Presets.MTMA_SINGLE.withSizes(8, 1, 1, 25).withUpdates(1, 2);
        resumeMatchesUninterrupted(new RunSpec(Algorithm.IM_ONLY, RecommendationScenarios.small(), 2, 5, 3, single), 2,
                dir);
    }

    @Test
    void lostSalesPpoResumedFromFileIsBitIdentical(@TempDir Path dir) throws IOException {
        LostSalesScenario s = new LostSalesScenario(DemandLaw.poisson(2), 2, 1, 9, 0, 12, 20, 1, new int[] {2});
        resumeMatchesUninterrupted(new RunSpec(Algorithm.PPO_LOST_SALES, s, 2, 7, 4,
                Presets.PPO_INVENTORY.withSizes(8, 1, 1, 10).withUpdates(2, 2)), 2, dir);
    }

    @Test
    void multiProductFsdaResumedFromFileIsBitIdentical(@TempDir Path dir) throws IOException {
        // 4 agents (2 products): the slow ordering agents' schedule straddles the cut.
        resumeMatchesUninterrupted(new RunSpec(Algorithm.FSDA_2N, MultiProductScenario.named("multiproduct-small"), 2, 3,
                5, Presets.FSDA.withSizes(8, 1, 1, 10).withUpdates(2, 2)), 3, dir);
    }

    @Test
    void checkpointRoundTripsEveryField(@TempDir Path dir) throws IOException {
        // The ordering agent fast and the pricing agent every 3rd round, on polynomial steps: every
        // part of the configuration differs from the algorithm's defaults the loader starts from.
        LearnerConfig two = Presets.FSDA_TWO_TIMESCALE.withSizes(8, 2, 1, 10).withUpdates(2, 2);
        LearnerConfig cfg = two.withAgents(List.of(
                new AgentSchedule(two.agents().get(1).stepSize(), UpdatePeriod.every(3)),
                new AgentSchedule(two.agents().get(0).stepSize(), UpdatePeriod.ALWAYS)));
        RunSpec spec = new RunSpec(Algorithm.FSDA, SHORT, 2, 11, 4, cfg);
        try (ResumableTrainer t = ResumableTrainer.start(spec)) {
            t.episode();
            TrainingCheckpoint c = t.checkpoint(Map.of("checkpointEvery", "1"));
            Path f = dir.resolve("c.ckpt");
            c.save(f);
            TrainingCheckpoint back = TrainingCheckpoint.load(f);
            assertEquals(spec, back.spec());
            assertEquals(spec.scenario(), back.spec().scenario());
            assertEquals(spec.seed(), back.spec().seed());
            assertEquals(spec.copies(), back.spec().copies());
            assertEquals(cfg, back.spec().config());
            assertEquals(UpdatePeriod.every(3), back.spec().config().agents().get(0).period());
            assertEquals(1, back.episodesDone());
            assertEquals(Map.of("checkpointEvery", "1"), back.notes());
            assertArrayEquals(c.curve(), back.curve());
            assertArrayEquals(c.encode(), back.encode());
        }
    }

    @Test
    void aConfigLargerThanTheStoredNetworksIsRefusedBeforeAnythingIsBuilt(@TempDir Path dir) throws IOException {
        try (ResumableTrainer t = ResumableTrainer.start(fsdaSpec(3))) {
            t.episode();
            byte[] good = t.checkpoint(Map.of()).encode();
            for (LearnerConfig huge : List.of(SMALL_FSDA.withSizes(1_000_000, 2, 1, 10),
                    SMALL_FSDA.withSizes(8, 100_000, 1, 10))) {
                Map<String, byte[]> sections = new java.util.LinkedHashMap<>(CheckpointFormat.decode(good, "good"));
                sections.put("config", new SectionWriter().str(org.retailrl.algorithms.rl.LearnerConfigJson.write(huge))
                        .toBytes());
                Path f = dir.resolve("huge.ckpt");
                CheckpointFormat.write(f, sections);
                CheckpointException e = assertThrows(CheckpointException.class, () -> TrainingCheckpoint.load(f));
                String field = huge.hidden() != 8 ? "config hidden = 1000000 but the stored network"
                        : "config gruLayers = 100000 but the";
                assertTrue(e.getMessage().startsWith(f + ": section 'state': " + field), e.getMessage());
            }
        }
    }

    @Test
    void runSpecsRefuseAConfigOrScenarioOfAnotherLearner() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RunSpec(Algorithm.FSDA, SHORT, 2, 1, 3, SMALL));
        assertTrue(e.getMessage().contains("fsda") && e.getMessage().contains("2 agent(s), has 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new RunSpec(Algorithm.MTMA, SHORT, 2, 1, 3, Presets.MTMA));
        assertTrue(e.getMessage().contains("RecommendationScenario"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RunSpec(Algorithm.PPO_JOINT, SHORT, 0, 1, 3, SMALL));
        assertTrue(e.getMessage().contains("copies must be in [1, 4096]"), e.getMessage());
        assertEquals(Presets.MTMA, RunSpec.of(Algorithm.MTMA, RecommendationScenarios.small(), 2, 1, 3).config());
        assertEquals(Presets.MTMA_SINGLE, RunSpec.of(Algorithm.RS_ONLY, RecommendationScenarios.small(), 2, 1, 3).config());
    }

    @Test
    void corruptOrTruncatedCheckpointIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.ckpt");
        try (ResumableTrainer t = ResumableTrainer.start(ppoSpec(3))) {
            t.episode();
            t.checkpoint(Map.of()).save(good);
        }
        byte[] bytes = Files.readAllBytes(good);
        for (int pos : new int[] {0, 5, 40, bytes.length / 2, bytes.length - 1}) {
            byte[] bad = bytes.clone();
            bad[pos] ^= 0x10;
            Path f = dir.resolve("flip" + pos + ".ckpt");
            Files.write(f, bad);
            CheckpointException e = assertThrows(CheckpointException.class, () -> ResumableTrainer.resume(f));
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        }
        for (int len : new int[] {0, 10, 100, bytes.length - 1}) {
            Path f = dir.resolve("trunc" + len + ".ckpt");
            Files.write(f, java.util.Arrays.copyOf(bytes, len));
            CheckpointException e = assertThrows(CheckpointException.class, () -> TrainingCheckpoint.load(f));
            assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("checksum"), e.getMessage());
        }
        CheckpointException missing = assertThrows(CheckpointException.class,
                () -> TrainingCheckpoint.load(dir.resolve("none.ckpt")));
        assertTrue(missing.getMessage().contains("no such"), missing.getMessage());
    }

    @Test
    void mismatchedStateIsRefusedAndChangesNothing() {
        try (ResumableTrainer a = ResumableTrainer.start(fsdaSpec(4));
             ResumableTrainer other = ResumableTrainer.start(new RunSpec(Algorithm.FSDA, SHORT, 2, 8, 4,
                     fsdaSpec(4).config()))) {
            a.episode();
            List<float[]> before = weights(other);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> other.trainer().restore(a.trainer().state()));
            assertTrue(e.getMessage().contains("envSeed"), e.getMessage());
            assertBitIdentical(before, weights(other));
            assertEquals(0, other.episodesDone());
        }
        try (ResumableTrainer a = ResumableTrainer.start(ppoSpec(3));
             ResumableTrainer wide = ResumableTrainer.start(new RunSpec(Algorithm.PPO_JOINT, SHORT, 2, 7, 3,
                     SMALL.withSizes(9, 2, 1, 10)))) {
            List<float[]> before = weights(wide);
            assertThrows(IllegalArgumentException.class, () -> wide.trainer().restore(a.trainer().state()));
            assertBitIdentical(before, weights(wide));
        }
    }

    @Test
    void differentSeedsReallyDiffer() {
        // Guards the equality tests above against comparing something that never changes.
        try (ResumableTrainer a = ResumableTrainer.start(ppoSpec(2));
             ResumableTrainer b = ResumableTrainer.start(new RunSpec(Algorithm.PPO_JOINT, SHORT, 2, 8, 2, SMALL))) {
            a.episode();
            b.episode();
            assertNotEquals(java.util.Arrays.toString(weights(a).get(0)), java.util.Arrays.toString(weights(b).get(0)));
        }
    }
}
