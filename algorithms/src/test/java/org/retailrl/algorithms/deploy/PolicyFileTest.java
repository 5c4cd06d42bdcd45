package org.retailrl.algorithms.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.algorithms.checkpoint.Algorithm;
import org.retailrl.algorithms.inventory.LostSalesAgentEnv;
import org.retailrl.algorithms.recommendation.DecisionSpace;
import org.retailrl.algorithms.recommendation.Learner;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.inventory.DemandLaw;
import org.retailrl.envs.inventory.LostSalesScenario;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.PricingScenarioJson;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationScenarios;
import org.retailrl.nn.ModelFileException;
import org.retailrl.nn.RecurrentNet;

class PolicyFileTest {
    private static final PricingScenario B = PricingScenario.named("b");
    private static final int D = 6 + B.leadTime() + 1;

    @TempDir
    Path dir;

    private static List<RecurrentNet> fsdaActors(long seed) {
        Rng rng = new Rng(seed);
        return List.of(RecurrentNet.actor("pricing", D, 8, 2, B.priceCount(), rng),
                RecurrentNet.actor("ordering", D, 8, 2, B.maxOrder() + 1, rng));
    }

    @Test
    void roundTripKeepsScenarioKindConfigsAndEveryWeightBit() throws Exception {
        PricingScenario c = PricingScenario.named("c").toBuilder().horizon(37).build();
        Rng rng = new Rng(5);
        int d = 6 + c.leadTime() + 1;
        List<RecurrentNet> actors = List.of(RecurrentNet.actor("actor", d, 16, 2, c.priceCount() * (c.maxOrder() + 1), rng));
        Path f = dir.resolve("joint.rrpf");
        PolicyFile.save(f, c, PolicyFile.PPO_JOINT, actors);
        PolicyFile.Contents back = PolicyFile.read(f);
        assertEquals(c, back.scenario());
        assertEquals(PolicyFile.PPO_JOINT, back.kind());
        assertEquals(1, back.actors().size());
        assertEquals(actors.get(0).config(), back.actors().get(0).config());
        for (int i = 0; i < actors.get(0).parameters().size(); i++) {
            assertEquals(actors.get(0).parameters().get(i).name(), back.actors().get(0).parameters().get(i).name());
            assertArrayEquals(actors.get(0).parameters().get(i).value().data(),
                    back.actors().get(0).parameters().get(i).value().data());
        }
    }

    @Test
    void fsdaRoundTripKeepsActorOrderAndNames() throws Exception {
        Rng rng = new Rng(3);
        // Names with dots (even ".mlp.") must survive: the prefix is everything before the known suffix.
        List<RecurrentNet> actors = List.of(RecurrentNet.actor("pricing", D, 8, 2, B.priceCount(), rng),
                RecurrentNet.actor("store.mlp.ordering", D, 8, 2, B.maxOrder() + 1, rng));
        Path f = dir.resolve("fsda.rrpf");
        PolicyFile.save(f, B, PolicyFile.FSDA, actors);
        PolicyFile.Contents back = PolicyFile.read(f);
        assertEquals("pricing.mlp.0.weight", back.actors().get(0).parameters().get(0).name());
        assertEquals("store.mlp.ordering.mlp.0.weight", back.actors().get(1).parameters().get(0).name());
        Policy fromFile = Policy.load(f);
        Policy inMemory = Policy.of(B, PolicyFile.FSDA, actors);
        float[][] obs = PolicyTest.observations(inMemory, 20, 6);
        assertArrayEquals(PolicyTest.run(inMemory, inMemory.newSession(), obs, 0),
                PolicyTest.run(fromFile, fromFile.newSession(), obs, 0));
        assertEquals(B.priceCount(), back.actors().get(0).config().outputs());
        assertEquals(B.maxOrder() + 1, back.actors().get(1).config().outputs());
    }

    /** The recommendation learners' actors (docs/model.md §3) round-trip with their scenario, weights and kind. */
    @Test
    void recommendationLearnersRoundTripAndAreCheckedAgainstTheirScenario() throws Exception {
        RecommendationScenario small = RecommendationScenarios.small();
        DecisionSpace space = new DecisionSpace(small);
        for (Learner l : Learner.values()) {
            Algorithm kind = java.util.Arrays.stream(Algorithm.values()).filter(a -> a.learner() == l).findFirst()
                    .orElseThrow();
            Trainer t = l.trainer(space, l.defaults().withSizes(8, 1, 1, 25), 2, 3, 1);
            Path f = dir.resolve(kind.label() + ".rrpf");
            PolicyFile.save(f, small, kind.label(), t.actors());
            PolicyFile.Contents back = PolicyFile.read(f);
            assertEquals(kind.label(), back.kind());
            assertEquals(small, back.scenario());
            assertEquals(t.agents(), back.actors().size());
            for (int a = 0; a < t.agents(); a++) {
                assertEquals(t.actor(a).config(), back.actors().get(a).config());
                for (int p = 0; p < t.actor(a).parameters().size(); p++) {
                    assertArrayEquals(t.actor(a).parameters().get(p).value().data(),
                            back.actors().get(a).parameters().get(p).value().data(), l + " actor " + a + " block " + p);
                }
            }
        }
        Trainer mtma = Learner.MTMA.trainer(space, Presets.MTMA.withSizes(8, 1, 1, 25), 2, 3, 1);
        IllegalArgumentException swapped = assertThrows(IllegalArgumentException.class, () -> PolicyFile.save(
                dir.resolve("s.rrpf"), small, "mtma", List.of(mtma.actor(1), mtma.actor(0))));
        assertTrue(swapped.getMessage().contains("actor 0 "), swapped.getMessage());
        IllegalArgumentException problem = assertThrows(IllegalArgumentException.class, () -> PolicyFile.save(
                dir.resolve("p.rrpf"), B, "mtma", mtma.actors()));
        assertTrue(problem.getMessage().contains("needs a recommendation scenario"), problem.getMessage());
    }

    /** A lost-sales ordering actor (docs/model.md §7) round-trips with its scenario and is checked against it. */
    @Test
    void lostSalesPolicyRoundTripsAndIsCheckedAgainstItsScenario() throws Exception {
        LostSalesScenario s = LostSalesScenario.zipkin(DemandLaw.Kind.GEOMETRIC, 19, 2);
        int inputs = LostSalesAgentEnv.observationSize(s);
        int outputs = LostSalesAgentEnv.layout(s).width();
        List<RecurrentNet> actor = List.of(RecurrentNet.actor("orders", inputs, 8, 1, outputs, new Rng(4)));
        Path f = dir.resolve("ls.rrpf");
        PolicyFile.save(f, s, "ppo-lost-sales", actor);
        PolicyFile.Contents back = PolicyFile.read(f);
        assertEquals(s, back.scenario());
        assertEquals("ppo-lost-sales", back.kind());
        assertArrayEquals(actor.get(0).parameters().get(0).value().data(),
                back.actors().get(0).parameters().get(0).value().data());
        // Another lead time changes the inputs; a pricing scenario is not a lost-sales one.
        IllegalArgumentException lead = assertThrows(IllegalArgumentException.class, () -> PolicyFile.save(
                dir.resolve("l.rrpf"), s.with(s.demand(), 3, 19), "ppo-lost-sales", actor));
        assertTrue(lead.getMessage().contains("inputs must be " + (inputs + 1)), lead.getMessage());
        IllegalArgumentException problem = assertThrows(IllegalArgumentException.class, () -> PolicyFile.save(
                dir.resolve("p.rrpf"), B, "ppo-lost-sales", actor));
        assertTrue(problem.getMessage().contains("needs a lost-sales scenario"), problem.getMessage());
    }

    @Test
    void saveRefusesUnknownKindsAndActorsThatDoNotFitTheScenario() {
        Path f = dir.resolve("x.rrpf");
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> PolicyFile.save(f, B, "happo", fsdaActors(1)));
        assertTrue(kind.getMessage().contains("kind") && kind.getMessage().contains("fsda, ppo-joint, mtma")
                && kind.getMessage().contains("'happo'"), kind.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> PolicyFile.save(f, B, PolicyFile.PPO_JOINT, fsdaActors(1)));
        assertTrue(count.getMessage().contains("needs 1 actors, got 2"), count.getMessage());
        IllegalArgumentException swapped = assertThrows(IllegalArgumentException.class,
                () -> PolicyFile.save(f, B.toBuilder().maxOrder(10).build(), PolicyFile.FSDA, fsdaActors(1)));
        assertTrue(swapped.getMessage().contains("actor 1 outputs must be 11"), swapped.getMessage());
        IllegalArgumentException inputs = assertThrows(IllegalArgumentException.class,
                () -> PolicyFile.save(f, B.toBuilder().leadTime(1).build(), PolicyFile.FSDA, fsdaActors(1)));
        assertTrue(inputs.getMessage().contains("actor 0 inputs must be 6 + L + 1 = 8 for kind 'fsda'"), inputs.getMessage());
        assertTrue(!Files.exists(f));
    }

    @Test
    void everyTruncationAndEverySingleFlippedByteIsRefusedNamingTheFile() throws Exception {
        byte[] good = PolicyFile.encode(B, PolicyFile.FSDA, fsdaActors(2));
        Path f = dir.resolve("bad.rrpf");
        // Truncations at a spread of lengths, including inside the header and the last CRC byte.
        for (int len : new int[] {0, 3, 11, 16, 40, good.length / 2, good.length - 5, good.length - 1}) {
            Files.write(f, Arrays.copyOf(good, len));
            ModelFileException e = assertThrows(ModelFileException.class, () -> PolicyFile.read(f));
            assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        }
        // A flipped byte anywhere past the magic and version is caught by the checksum.
        Rng rng = new Rng(9);
        for (int trial = 0; trial < 50; trial++) {
            byte[] bad = good.clone();
            int at = 8 + rng.nextInt(bad.length - 8);
            bad[at] ^= (byte) (1 + rng.nextInt(255));
            Files.write(f, bad);
            ModelFileException e = assertThrows(ModelFileException.class, () -> PolicyFile.read(f));
            assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        }
        byte[] magic = good.clone();
        magic[0] = 'X';
        Files.write(f, magic);
        assertTrue(assertThrows(ModelFileException.class, () -> PolicyFile.read(f)).getMessage().contains("not a policy file"));
        byte[] version = good.clone();
        version[4] = 3;
        Files.write(f, version);
        String newer = assertThrows(ModelFileException.class, () -> PolicyFile.read(f)).getMessage();
        assertTrue(newer.contains("format version 3 (written by retailrl ") && newer.contains("is newer than this runtime "
                + "reads (1 to 2)"), newer);
        assertThrows(NoSuchFileException.class, () -> PolicyFile.read(dir.resolve("missing.rrpf")));
    }

    @Test
    void aWellFormedFileWhoseActorsDoNotFitItsScenarioOrKindIsRefused() throws Exception {
        byte[] good = toVersion1(PolicyFile.encode(B, PolicyFile.FSDA, fsdaActors(4)));
        Path f = dir.resolve("mismatch.rrpf");
        Files.write(f, rewrite(good, PolicyFile.PPO_JOINT, null));
        ModelFileException kind = assertThrows(ModelFileException.class, () -> PolicyFile.read(f));
        assertTrue(kind.getMessage().equals(f + ": kind 'ppo-joint' needs 1 actors, got 2"), kind.getMessage());
        Files.write(f, rewrite(good, null, PricingScenarioJson.write(B.toBuilder().leadTime(2).build())));
        ModelFileException inputs = assertThrows(ModelFileException.class, () -> PolicyFile.read(f));
        assertTrue(inputs.getMessage().contains("actor 0 inputs must be 6 + L + 1 = 9 for kind 'fsda'"), inputs.getMessage());
        Files.write(f, rewrite(good, "sarsa", null));
        ModelFileException unknown = assertThrows(ModelFileException.class, () -> PolicyFile.read(f));
        assertTrue(unknown.getMessage().contains("kind") && unknown.getMessage().contains("must be one of")
                && unknown.getMessage().contains("'sarsa'"), unknown.getMessage());
        Files.write(f, rewrite(good, null, "{\"maxOrder\": -1}"));
        ModelFileException scenario = assertThrows(ModelFileException.class, () -> PolicyFile.read(f));
        assertTrue(scenario.getMessage().contains("bad scenario") && scenario.getMessage().contains("maxOrder"),
                scenario.getMessage());
    }

    @Test
    void hugeDeclaredShapesAreRefusedBeforeAnyNetworkIsBuilt() throws Exception {
        byte[] good = toVersion1(PolicyFile.encode(B, PolicyFile.FSDA, fsdaActors(4)));
        Path f = dir.resolve("huge.rrpf");
        // A valid checksum over a config of a million GRU layers of width 8,000.
        Files.write(f, withActor0Sizes(good, 8_000, 1_000_000));
        ModelFileException layers = assertThrows(ModelFileException.class, () -> PolicyFile.read(f));
        assertEquals(f + ": actor 0 hidden must be in [1, " + PolicyFile.MAX_HIDDEN + "], got 8000", layers.getMessage());
        Files.write(f, withActor0Sizes(good, 8, 1_000_000));
        ModelFileException deep = assertThrows(ModelFileException.class, () -> PolicyFile.read(f));
        assertEquals(f + ": actor 0 gruLayers must be in [1, " + PolicyFile.MAX_GRU_LAYERS + "], got 1000000",
                deep.getMessage());
        // Within the hard limits, but the weights image is far smaller than the network declared.
        Files.write(f, withActor0Sizes(good, PolicyFile.MAX_HIDDEN, PolicyFile.MAX_GRU_LAYERS));
        ModelFileException small = assertThrows(ModelFileException.class, () -> PolicyFile.read(f));
        assertTrue(small.getMessage().startsWith(f + ": actor 0 declares ") && small.getMessage().contains("bytes) but its "
                + "weights image has"), small.getMessage());
    }

    @Test
    void parameterCountIsTheNetworksFloatCount() {
        RecurrentNet net = RecurrentNet.actor("a", 7, 12, 3, 5, new Rng(1));
        long floats = net.parameters().stream().mapToLong(p -> p.size()).sum();
        assertEquals(floats, PolicyFile.parameterCount(net.config()));
    }

    /**
     * The format-1 file of the same policy: a format-2 file without its metadata and header
     * checksum, version 1, whole-file checksum recomputed (the crafted files below edit format 1,
     * which has no model id to keep in step with the weights).
     */
    static byte[] toVersion1(byte[] v2) {
        ByteBuffer b = ByteBuffer.wrap(v2).order(ByteOrder.LITTLE_ENDIAN);
        b.position(8);
        string(b);
        int kindAt = b.position();
        string(b);
        string(b);
        int headerEnd = b.position();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(v2, 0, 4);
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(1).array());
        out.write(v2, kindAt, headerEnd - kindAt);
        out.write(v2, headerEnd + 4, v2.length - 4 - (headerEnd + 4));
        CRC32C crc = new CRC32C();
        crc.update(out.toByteArray());
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    /** {@code file} with actor 0's hidden width and GRU layer count replaced and the checksum recomputed. */
    private static byte[] withActor0Sizes(byte[] file, int hidden, int gruLayers) {
        byte[] out = file.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.position(8);
        string(b);
        string(b);
        b.getInt();
        string(b);
        int at = b.position();
        b.putInt(at + 4, hidden).putInt(at + 8, gruLayers);
        CRC32C crc = new CRC32C();
        crc.update(out, 0, out.length - 4);
        b.putInt(out.length - 4, (int) crc.getValue());
        return out;
    }

    /** The file with its kind and/or scenario text replaced and the checksum recomputed. */
    private static byte[] rewrite(byte[] file, String kind, String scenarioJson) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        b.position(8);
        String oldKind = string(b);
        String oldScenario = string(b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, 8);
        putString(out, kind == null ? oldKind : kind);
        putString(out, scenarioJson == null ? oldScenario : scenarioJson);
        out.write(file, b.position(), file.length - 4 - b.position());
        CRC32C crc = new CRC32C();
        crc.update(out.toByteArray());
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    private static String string(ByteBuffer b) {
        byte[] u = new byte[b.getInt()];
        b.get(u);
        return new String(u, StandardCharsets.UTF_8);
    }

    private static void putString(ByteArrayOutputStream out, String s) {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(u.length).array());
        out.writeBytes(u);
    }
}
