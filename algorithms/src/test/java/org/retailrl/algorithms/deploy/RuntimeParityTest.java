package org.retailrl.algorithms.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.algorithms.pricing.PricingDecision;
import org.retailrl.algorithms.pricing.PricingLearners;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.envs.pricing.PricingEnv;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.runtime.Decision;
import org.retailrl.runtime.PolicyFormatException;
import org.retailrl.runtime.PricingPolicy;

/**
 * The inference-only runtime decides as the full engine's {@link Policy} on the same policy file,
 * 20,000 recorded observations each: a briefly trained FSDA policy and a joint-action policy in
 * this JVM, and the trained one — when a Java 17 runtime is installed — in a Java 17 JVM with only
 * the runtime artifact on the module path and no flag (the scalar kernel; this JVM runs the vector one).
 */
class RuntimeParityTest {
    private static final int RECORDS = 20_000;

    @TempDir
    static Path dir;
    private static Path fsdaFile;
    private static Path jointFile;
    private static java.util.Map<Path, Recording> recordings = new java.util.LinkedHashMap<>();

    @BeforeAll
    static void policies() throws Exception {
        PricingScenario b = PolicyTest.scenario();
        Trainer trainer = PricingLearners.fsda(b, 4, Presets.FSDA_CLEANRL.withSizes(64, 2, 1, 10), 3, 8);
        for (int n = 0; n < 2; n++) {
            trainer.round();
        }
        fsdaFile = dir.resolve("fsda.rrpf");
        PolicyFile.save(fsdaFile, b, PolicyFile.FSDA, List.of(trainer.actor(0), trainer.actor(1)));
        jointFile = dir.resolve("joint.rrpf");
        PolicyFile.save(jointFile, b, PolicyFile.PPO_JOINT, List.of(PolicyTest.jointActor(5)));
        recordings.put(fsdaFile, record(fsdaFile));
        recordings.put(jointFile, record(jointFile));
    }

    /** Observations (period, raw floats) the engine's policy meets in the simulator, and its decisions there. */
    private record Recording(int[] periods, float[][] obs, int[][] decisions) {
    }

    private static Recording record(Path file) throws Exception {
        Policy policy = Policy.load(file);
        Policy.Session store = policy.newSession();
        PricingEnv env = new PricingEnv(policy.scenario());
        int[] periods = new int[RECORDS];
        float[][] obs = new float[RECORDS][];
        int[][] decisions = new int[RECORDS][];
        int t = policy.scenario().horizon();
        float[] o = null;
        for (int i = 0; i < RECORDS; i++) {
            if (t == policy.scenario().horizon()) {
                t = 0;
                o = env.reset(1000 + i);
            }
            PricingDecision d = policy.decide(store, o, t);
            periods[i] = t;
            obs[i] = o.clone();
            decisions[i] = new int[] {d.priceIndex(), d.order()};
            o = env.step(d.priceIndex(), d.order()).observation();
            t++;
        }
        return new Recording(periods, obs, decisions);
    }

    @Test
    void runtimeDecisionsEqualTheEnginesInThisJvm() throws Exception {
        assertTrue(PricingPolicy.kernel().startsWith("vector-"), "tests run with jdk.incubator.vector");
        for (Path file : recordings.keySet()) {
            Recording r = recordings.get(file);
            PricingPolicy runtime = PricingPolicy.load(file);
            PricingPolicy.Session s = runtime.newSession();
            Set<String> distinct = new HashSet<>();
            for (int i = 0; i < RECORDS; i++) {
                Decision d = runtime.decide(s, r.obs[i], r.periods[i]);
                assertEquals(r.decisions[i][0], d.priceIndex(), file + " record " + i);
                assertEquals(r.decisions[i][1], d.order(), file + " record " + i);
                assertEquals(runtime.prices()[d.priceIndex()], d.price());
                distinct.add(d.priceIndex() + "/" + d.order());
            }
            // A comparison over one repeated decision would be blind to an encoding mismatch.
            assertTrue(distinct.size() >= 2, file + ": only " + distinct + " decided");
        }
    }

    @Test
    void anEngineFileThatIsNotAPricingPolicyOrIsCorruptIsRefusedByTheRuntime() throws Exception {
        byte[] good = Files.readAllBytes(fsdaFile);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 1;
        PolicyFormatException crc = assertThrows(PolicyFormatException.class, () -> PricingPolicy.fromBytes(bad, "x.rrpf"));
        assertEquals("x.rrpf: checksum mismatch (file truncated or corrupted)", crc.getMessage());
        PolicyFormatException limit = assertThrows(PolicyFormatException.class,
                () -> PricingPolicy.load(new java.io.ByteArrayInputStream(good), "stream", good.length - 1));
        assertEquals("stream: longer than the limit of " + (good.length - 1) + " bytes", limit.getMessage());
        assertEquals(PolicyFile.FSDA, PricingPolicy.load(new java.io.ByteArrayInputStream(good), "stream").kind());
    }

    @Test
    void aJava17JvmWithOnlyTheRuntimeDecidesAsTheEngine() throws Exception {
        Path java17 = java17();
        Assumptions.assumeTrue(java17 != null, "no Java 17 runtime installed");
        Path runtimeJar = Path.of(PricingPolicy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path replay = Path.of(RuntimeParityTest.class.getResource("Replay.java").toURI());
        List<String> triples = new ArrayList<>();
        // The trained policy only: the joint one is compared in this JVM, and each replay costs a JVM start.
        for (Path file : List.of(fsdaFile)) {
            Recording r = recordings.get(file);
            Path obsFile = dir.resolve(file.getFileName() + ".obs");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(obsFile)))) {
                out.writeInt(RECORDS);
                out.writeInt(r.obs[0].length);
                for (int i = 0; i < RECORDS; i++) {
                    out.writeInt(r.periods[i]);
                    for (float v : r.obs[i]) {
                        out.writeFloat(v);
                    }
                }
            }
            triples.addAll(List.of(file.toString(), obsFile.toString(), file + ".decisions"));
        }
        // Without any flag, as a locked-down JVM runs it: the scalar kernel. (The vector kernel is the
        // one this test JVM uses in the test above; each child JVM costs a start and a compilation.)
        List<String> cmd = new ArrayList<>(List.of(java17.toString(), "-p", runtimeJar.toString(), "--add-modules",
                "org.retailrl.runtime", replay.toString()));
        cmd.addAll(triples);
        Path log = dir.resolve("replay.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Java 17 replay did not finish");
        assertEquals(0, p.exitValue(), Files.readString(log));
        Recording r = recordings.get(fsdaFile);
        List<String> lines = Files.readAllLines(Path.of(fsdaFile + ".decisions"));
        assertEquals("scalar 17", lines.get(0));
        assertEquals(RECORDS + 1, lines.size());
        for (int i = 0; i < RECORDS; i++) {
            assertEquals(r.decisions[i][0] + " " + r.decisions[i][1], lines.get(i + 1), "record " + i);
        }
    }

    /** {@code java} on the PATH when it is Java 17, else a Java 17 under /usr/lib/jvm, else null. */
    private static Path java17() throws Exception {
        List<Path> candidates = new ArrayList<>();
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty()) {
                candidates.add(Path.of(d, "java"));
            }
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (var s = Files.list(jvms)) {
                s.sorted().forEach(j -> candidates.add(j.resolve("bin/java")));
            }
        }
        for (Path c : candidates) {
            if (!Files.isExecutable(c)) {
                continue;
            }
            Process p = new ProcessBuilder(c.toString(), "-version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor(30, TimeUnit.SECONDS) && v.matches("(?s).*version \"17[.\"].*")) {
                return c;
            }
        }
        return null;
    }
}
