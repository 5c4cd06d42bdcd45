package org.retailrl.algorithms.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.algorithms.rl.LearnerConfigJson;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.core.json.JsonObject;
import org.retailrl.envs.pricing.PricingEnv;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.runtime.Decision;
import org.retailrl.runtime.DecisionConstraints;
import org.retailrl.runtime.InputField;
import org.retailrl.runtime.PolicyFormatException;
import org.retailrl.runtime.PolicyMetadata;
import org.retailrl.runtime.PricingPolicy;
import org.retailrl.runtime.StoreObservation;

/**
 * The runtime's embedding API on files the engine wrote: provenance read from the header alone,
 * format compatibility (a committed format-1 file decides as its format-2 re-encoding), the three
 * load paths with their limits, named inputs, decision scores, batches and business constraints.
 */
class RuntimeEmbeddingApiTest {
    private static final PricingScenario B = PolicyTest.scenario();
    private static final String V1_RESOURCE = "org/retailrl/algorithms/deploy/fsda-format-v1.rrpf";

    @TempDir
    static Path dir;
    private static Path fsda;
    private static Path joint;
    /** Observations the simulator produced while the FSDA policy acted, with their periods. */
    private static final List<float[]> OBS = new ArrayList<>();
    private static final List<Integer> PERIODS = new ArrayList<>();

    @BeforeAll
    static void files() throws Exception {
        fsda = dir.resolve("fsda.rrpf");
        JsonObject summary = JsonObject.builder().put("episodes", 7).build();
        PolicyFile.save(fsda, B, PolicyFile.FSDA, PolicyTest.fsda(11), new PolicyFile.Provenance(
                Instant.parse("2026-12-01T10:15:30Z"), 9_007_199_254_740_993L, LearnerConfigJson.toJson(Presets.FSDA),
                "b", summary));
        joint = dir.resolve("joint.rrpf");
        PolicyFile.save(joint, B, PolicyFile.PPO_JOINT, List.of(PolicyTest.jointActor(12)));
        PricingPolicy p = PricingPolicy.load(fsda);
        PricingPolicy.Session s = p.newSession();
        PricingEnv env = new PricingEnv(B);
        for (int episode = 0; episode < 4; episode++) {
            float[] o = env.reset(500 + episode);
            for (int t = 0; t < B.horizon(); t++) {
                OBS.add(o.clone());
                PERIODS.add(t);
                Decision d = p.decide(s, o, t);
                o = env.step(d.priceIndex(), d.order()).observation();
            }
        }
    }

    @Test
    void provenanceIsReadFromTheHeaderWithoutTheWeights() throws Exception {
        byte[] good = Files.readAllBytes(fsda);
        PolicyMetadata m = PolicyMetadata.read(fsda);
        assertEquals(2, m.formatVersion());
        assertEquals("fsda", m.kind());
        assertEquals(Instant.parse("2026-12-01T10:15:30Z"), m.created().orElseThrow());
        assertEquals(9_007_199_254_740_993L, m.trainingSeed().getAsLong(), "a seed above 2^53 survives exactly");
        assertEquals(PolicyMetadata.runtimeVersion(), m.libraryVersion().orElseThrow());
        assertFalse(m.libraryVersion().orElseThrow().contains("${"), "the build filled in the version");
        assertEquals("b", m.scenarioName().orElseThrow());
        assertEquals("{\"episodes\":7}", m.evaluationJson().orElseThrow());
        assertEquals(Presets.FSDA, LearnerConfigJson.parse(m.configurationJson().orElseThrow(), Presets.FSDA));
        assertTrue(m.modelId().orElseThrow().matches("sha256:[0-9a-f]{64}"), m.modelId().orElseThrow());
        assertEquals(m.modelId(), PricingPolicy.load(fsda).metadata().modelId());
        assertEquals(PolicyMetadata.read(fsda).json(), PricingPolicy.load(fsda).metadata().json());
        // Only the header is read: the metadata comes back from the file's first bytes alone, and
        // from a file whose weights are damaged (which loading refuses).
        int header = 8 + 4 + m.json().length() + 4 + 4 + 4 + m.scenarioJson().length() + 4;
        assertEquals(m.modelId(), PolicyMetadata.read(new ByteArrayInputStream(good, 0, header), "head", header)
                .modelId());
        byte[] damaged = good.clone();
        damaged[damaged.length - 100] ^= 1;
        assertEquals(m.modelId(), PolicyMetadata.read(new ByteArrayInputStream(damaged), "d", damaged.length).modelId());
        assertThrows(PolicyFormatException.class, () -> PricingPolicy.fromBytes(damaged, "d"));
        // A damaged header is caught by its own checksum.
        byte[] badHeader = good.clone();
        badHeader[20] ^= 1;
        assertEquals("h: header checksum mismatch (file corrupted)", assertThrows(PolicyFormatException.class,
                () -> PolicyMetadata.read(new ByteArrayInputStream(badHeader), "h", badHeader.length)).getMessage());
    }

    @Test
    void aFormat1FileStaysReadableAndDecidesAsItsFormat2Reencoding() throws Exception {
        byte[] v1;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(V1_RESOURCE)) {
            v1 = in.readAllBytes();
        }
        PricingPolicy old = PricingPolicy.fromResource(getClass().getClassLoader(), V1_RESOURCE);
        assertEquals(1, old.metadata().formatVersion());
        assertTrue(old.metadata().modelId().isEmpty() && old.metadata().created().isEmpty(), old.metadata().json());
        assertEquals(1, PolicyMetadata.read(new ByteArrayInputStream(v1), "v1", v1.length).formatVersion());
        // A format-1 file has no header checksum: its metadata read streams the whole file through the checksum.
        byte[] broken = v1.clone();
        broken[broken.length - 10] ^= 1;
        assertThrows(PolicyFormatException.class, () -> PolicyMetadata.read(new ByteArrayInputStream(broken), "b",
                broken.length));
        PolicyFile.Contents c = PolicyFile.decode(v1, "v1");
        byte[] v2 = PolicyFile.encode(c.scenario(), c.kind(), c.actors());
        PricingPolicy now = PricingPolicy.fromBytes(v2, "v2");
        assertEquals(2, now.metadata().formatVersion());
        assertArrayEquals(v1, PolicyFileTest.toVersion1(v2), "format 2 is format 1 plus the metadata and header checksum");
        PricingPolicy.Session a = old.newSession();
        PricingPolicy.Session b = now.newSession();
        PricingEnv env = new PricingEnv(old.horizon() == B.horizon() ? B : (PricingScenario) c.scenario());
        float[] o = env.reset(3);
        for (int t = 0; t < old.horizon(); t++) {
            Decision x = old.decide(a, o, t);
            assertEquals(x, now.decide(b, o, t));
            o = env.step(x.priceIndex(), x.order()).observation();
        }
    }

    @Test
    void streamsAndResourcesAreReadOnlyUpToTheirLimit() throws Exception {
        byte[] good = Files.readAllBytes(fsda);
        String tooLong = assertThrows(PolicyFormatException.class,
                () -> PricingPolicy.load(new ByteArrayInputStream(good), "s", good.length - 1)).getMessage();
        assertEquals("s: longer than the limit of " + (good.length - 1) + " bytes", tooLong);
        assertEquals(fsda + ": " + good.length + " bytes, more than the limit of " + (good.length - 1), assertThrows(
                PolicyFormatException.class, () -> PricingPolicy.load(fsda, good.length - 1)).getMessage());
        PricingPolicy.load(new ByteArrayInputStream(good), "s", good.length);
        // An endless stream costs at most the limit.
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'R';
            }
        };
        assertThrows(PolicyFormatException.class, () -> PricingPolicy.load(endless, "endless", 1 << 20));
        assertThrows(java.io.FileNotFoundException.class, () -> PricingPolicy.fromResource(getClass().getClassLoader(),
                "no/such.rrpf"));
        assertEquals(dir + ": is a folder, not a policy file", assertThrows(PolicyFormatException.class,
                () -> PricingPolicy.load(dir)).getMessage());
    }

    @Test
    void namedInputsDecideAsThePositionalArray() throws Exception {
        PricingPolicy p = PricingPolicy.load(fsda);
        List<InputField> fields = p.inputFields();
        assertEquals(p.observationSize(), fields.size());
        assertEquals(List.of("endingInventory", "lostSales", "demand", "ownPrice", "competitorPrice", "referencePrice"),
                fields.subList(0, 6).stream().map(InputField::name).toList());
        for (int k = 0; k < fields.size(); k++) {
            assertEquals(k, fields.get(k).index());
        }
        assertEquals("pipeline[0]", fields.get(6).name());
        PricingPolicy.Session a = p.newSession();
        PricingPolicy.Session b = p.newSession();
        for (int i = 0; i < OBS.size(); i++) {
            float[] o = OBS.get(i);
            double[] pipe = new double[o.length - 6];
            for (int k = 0; k < pipe.length; k++) {
                pipe[k] = o[6 + k];
            }
            StoreObservation named = new StoreObservation(o[0], o[1], o[2], o[3], o[4], o[5], pipe);
            assertEquals(p.decide(a, o, PERIODS.get(i)), p.decide(b, named, PERIODS.get(i), DecisionConstraints.NONE));
        }
        StoreObservation shortPipe = new StoreObservation(0, 0, 0, 10, 10, 10, new double[0]);
        assertEquals("observation.pipeline must hold L = " + B.leadTime() + " orders, got 0",
                assertThrows(IllegalArgumentException.class, () -> p.decide(a, shortPipe, 0, DecisionConstraints.NONE))
                        .getMessage());
    }

    @Test
    void decisionsCarryScoresAndProbabilitiesWhoseArgMaxIsTheDecision() throws Exception {
        for (Path f : List.of(fsda, joint)) {
            PricingPolicy p = PricingPolicy.load(f);
            PricingPolicy.Session s = p.newSession();
            int orders = p.maxOrder() + 1;
            for (int i = 0; i < OBS.size(); i++) {
                Decision d = p.decide(s, OBS.get(i), PERIODS.get(i));
                double[] pr = d.probabilities(0);
                assertEquals(1.0, Arrays.stream(pr).sum(), 1e-9);
                int best = argmax(d.scores(0));
                if (d.actors() == 1) {
                    assertEquals(d.priceIndex() * orders + d.order(), best);
                } else {
                    assertEquals(d.priceIndex(), best);
                    assertEquals(d.order(), argmax(d.scores(1)));
                    assertEquals(orders, d.scores(1).length);
                }
                assertEquals(best, argmax(pr));
                d.scores(0)[0] = Float.NaN;
                assertFalse(Float.isNaN(d.scores(0)[0]), "scores are copies");
            }
        }
    }

    @Test
    void aBatchDecidesAsOneCallPerStore() throws Exception {
        PricingPolicy p = PricingPolicy.load(joint);
        int stores = 5;
        PricingPolicy.Session[] batch = new PricingPolicy.Session[stores];
        PricingPolicy.Session[] single = new PricingPolicy.Session[stores];
        for (int k = 0; k < stores; k++) {
            batch[k] = p.newSession();
            single[k] = p.newSession();
        }
        int distinct = 0;
        for (int t = 0; t < B.horizon(); t++) {
            float[][] obs = new float[stores][];
            for (int k = 0; k < stores; k++) {
                obs[k] = OBS.get(k * B.horizon() % OBS.size() + t);
            }
            Decision[] many = p.decide(batch, obs, t, DecisionConstraints.NONE);
            for (int k = 0; k < stores; k++) {
                assertEquals(p.decide(single[k], obs[k], t), many[k], "store " + k + " period " + t);
            }
            distinct += many[0].equals(many[1]) ? 0 : 1;
        }
        assertTrue(distinct > 0, "the stores' observations differ, and so do some decisions");
        PricingPolicy.Session[] twice = {batch[0], batch[0]};
        assertEquals("sessions[1] appears twice; every store needs its own session", assertThrows(
                IllegalArgumentException.class, () -> p.decide(twice, new float[2][], 0, DecisionConstraints.NONE))
                .getMessage());
        float[][] bad = {OBS.get(0), new float[3]};
        String m = assertThrows(IllegalArgumentException.class, () -> p.decide(new PricingPolicy.Session[] {
                p.newSession(), p.newSession()}, bad, 0, DecisionConstraints.NONE)).getMessage();
        assertTrue(m.startsWith("store 1: "), m);
    }

    @Test
    void constraintsMaskActionsAndKeepThePreferredAllowedOne() throws Exception {
        double[] grid = PricingPolicy.load(fsda).prices();
        DecisionConstraints rules = DecisionConstraints.NONE.withPriceFloor(grid[2]).withPriceCeiling(grid[grid.length - 3])
                .withMaxOrder(4);
        int changed = 0;
        for (Path f : List.of(fsda, joint)) {
            PricingPolicy p = PricingPolicy.load(f);
            PricingPolicy.Session free = p.newSession();
            PricingPolicy.Session held = p.newSession();
            for (int i = 0; i < OBS.size(); i++) {
                Decision u = p.decide(free, OBS.get(i), PERIODS.get(i));
                Decision c = p.decide(held, OBS.get(i), PERIODS.get(i), rules);
                assertTrue(c.price() >= grid[2] && c.price() <= grid[grid.length - 3] && c.order() <= 4, c.toString());
                boolean allowed = u.priceIndex() >= 2 && u.priceIndex() <= grid.length - 3 && u.order() <= 4;
                if (allowed) {
                    assertEquals(u.priceIndex(), c.priceIndex());
                    assertEquals(u.order(), c.order());
                }
                changed += allowed ? 0 : 1;
                // The constrained choice is the best-scored allowed action (masking does not touch the recurrent state).
                float[] s = u.scores(0);
                for (int a = 0; a < s.length; a++) {
                    int price = u.actors() == 1 ? a / (p.maxOrder() + 1) : a;
                    int order = u.actors() == 1 ? a % (p.maxOrder() + 1) : 0;
                    boolean ok = price >= 2 && price <= grid.length - 3 && order <= 4;
                    assertEquals(ok ? s[a] : Float.NEGATIVE_INFINITY, c.scores(0)[a]);
                    if (!ok) {
                        assertEquals(0.0, c.probabilities(0)[a]);
                    }
                }
            }
        }
        assertTrue(changed > 0, "some unconstrained decisions fall outside the rules, so the masks are exercised");
        PricingPolicy p = PricingPolicy.load(fsda);
        DecisionConstraints none = DecisionConstraints.NONE.withPriceFloor(grid[grid.length - 1] + 1);
        String m = assertThrows(IllegalArgumentException.class, () -> p.decide(p.newSession(), OBS.get(0), 0, none))
                .getMessage();
        assertTrue(m.startsWith("constraints allow no grid price: price must be in [" + (grid[grid.length - 1] + 1)), m);
        assertThrows(IllegalArgumentException.class, () -> DecisionConstraints.NONE.withMaxOrder(-1));
        assertThrows(IllegalArgumentException.class, () -> DecisionConstraints.NONE.withPriceFloor(5).withPriceCeiling(4));
        assertNotEquals(DecisionConstraints.NONE, rules);
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }
}
