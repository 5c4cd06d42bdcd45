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
import org.retailrl.algorithms.pricing.FsdaConfig;
import org.retailrl.algorithms.pricing.TimescaleSchedule;
import org.retailrl.algorithms.happo.HappoConfig;
import org.retailrl.algorithms.ppo.PpoConfig;
import org.retailrl.algorithms.rl.RecurrentNet;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.nn.Parameter;

/**
 * Train n rounds uninterrupted versus k rounds, checkpoint to a file, a fresh trainer from that
 * file, continue to n: the weights must be bit-identical (issue 4 "reliability").
 */
class CheckpointResumeTest {
    /** A 20-period scenario (b) so that each round is a few milliseconds. */
    static final PricingScenario SHORT = PricingScenario.named("b").toBuilder().horizon(20).build();
    static final PpoConfig SMALL = PpoConfig.DEFAULTS.withSizes(1, 10, 8, 2).withUpdates(2, 2);

    static RunSpec fsdaSpec(int episodes) {
        return RunSpec.fsda(SHORT, 2, 7, episodes, FsdaConfig.DEFAULTS.withHappo(HappoConfig.DEFAULTS.withPpo(SMALL)));
    }

    static RunSpec ppoSpec(int episodes) {
        return RunSpec.ppoJoint(SHORT, 2, 7, episodes, SMALL);
    }

    static List<float[]> weights(ResumableTrainer t) {
        List<float[]> out = new java.util.ArrayList<>();
        for (RecurrentNet a : t.actors()) {
            for (Parameter p : a.parameters()) {
                out.add(p.value().data().clone());
            }
        }
        if (t.fsda() != null) {
            for (Parameter p : t.fsda().happo().critic().parameters()) {
                out.add(p.value().data().clone());
            }
        } else {
            for (Parameter p : t.ppo().critic().parameters()) {
                out.add(p.value().data().clone());
            }
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
    void checkpointRoundTripsEveryField(@TempDir Path dir) throws IOException {
        RunSpec spec = RunSpec.fsda(SHORT, 2, 11, 4, FsdaConfig.DEFAULTS.withHappo(HappoConfig.DEFAULTS.withPpo(SMALL))
                .withTimescales(FsdaConfig.Agent.ORDERING, TimescaleSchedule.constant(3)));
        try (ResumableTrainer t = ResumableTrainer.start(spec)) {
            t.episode();
            TrainingCheckpoint c = t.checkpoint(Map.of("checkpointEvery", "1"));
            Path f = dir.resolve("c.ckpt");
            c.save(f);
            TrainingCheckpoint back = TrainingCheckpoint.load(f);
            assertEquals(spec.scenario(), back.spec().scenario());
            assertEquals(spec.seed(), back.spec().seed());
            assertEquals(spec.copies(), back.spec().copies());
            FsdaConfig cfg = (FsdaConfig) back.spec().config();
            assertEquals(((FsdaConfig) spec.config()).happo(), cfg.happo());
            assertEquals(FsdaConfig.Agent.ORDERING, cfg.fast());
            for (long n = 0; n < 20; n++) {
                assertEquals(3, cfg.schedule().ratio(n));
            }
            assertEquals(Map.of("checkpointEvery", "1"), back.notes());
            assertArrayEquals(c.encode(), back.encode());
        }
    }

    @Test
    void anUnnamedScheduleIsStoredAsItsRatiosOverThePlannedRun(@TempDir Path dir) throws IOException {
        TimescaleSchedule odd = n -> n % 2 == 0 ? 2 : 3;
        RunSpec spec = RunSpec.fsda(SHORT, 2, 11, 5, FsdaConfig.DEFAULTS.withHappo(HappoConfig.DEFAULTS.withPpo(SMALL))
                .withTimescales(FsdaConfig.Agent.PRICING, odd));
        Path f = dir.resolve("odd.ckpt");
        try (ResumableTrainer t = ResumableTrainer.start(spec)) {
            t.checkpoint(Map.of()).save(f);
        }
        TimescaleSchedule back = ((FsdaConfig) TrainingCheckpoint.load(f).spec().config()).schedule();
        for (long n = 0; n < 5; n++) {
            assertEquals(odd.ratio(n), back.ratio(n), "k(" + n + ")");
        }
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
             ResumableTrainer other = ResumableTrainer.start(RunSpec.fsda(SHORT, 2, 8, 4,
                     (FsdaConfig) fsdaSpec(4).config()))) {
            a.episode();
            List<float[]> before = weights(other);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> other.fsda().restore(a.fsda().state()));
            assertTrue(e.getMessage().contains("envSeed"), e.getMessage());
            assertBitIdentical(before, weights(other));
            assertEquals(0, other.episodesDone());
        }
        try (ResumableTrainer a = ResumableTrainer.start(ppoSpec(3));
             ResumableTrainer wide = ResumableTrainer.start(RunSpec.ppoJoint(SHORT, 2, 7, 3,
                     SMALL.withSizes(1, 10, 9, 2)))) {
            List<float[]> before = weights(wide);
            assertThrows(IllegalArgumentException.class, () -> wide.ppo().restore(a.ppo().state()));
            assertBitIdentical(before, weights(wide));
        }
    }

    @Test
    void differentSeedsReallyDiffer() {
        // Guards the equality tests above against comparing something that never changes.
        try (ResumableTrainer a = ResumableTrainer.start(ppoSpec(2));
             ResumableTrainer b = ResumableTrainer.start(RunSpec.ppoJoint(SHORT, 2, 8, 2, SMALL))) {
            a.episode();
            b.episode();
            assertNotEquals(java.util.Arrays.toString(weights(a).get(0)), java.util.Arrays.toString(weights(b).get(0)));
        }
    }
}
