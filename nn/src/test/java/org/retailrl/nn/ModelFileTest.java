package org.retailrl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/** Model files: bit-identical round trip; every kind of bad file is rejected and changes nothing. */
class ModelFileTest {
    @TempDir
    Path dir;

    static float[][] snapshot(Module m) {
        return m.parameters().stream().map(p -> p.value().data().clone()).toArray(float[][]::new);
    }

    static void assertUnchanged(float[][] before, Module m) {
        List<Parameter> ps = m.parameters();
        for (int i = 0; i < ps.size(); i++) {
            assertArrayEquals(before[i], ps.get(i).value().data(), ps.get(i).name());
        }
    }

    /** An actor and a critic {@link RecurrentNet} of hidden width {@code hidden}, as one module. */
    private static Module net(int hidden, long seed) {
        Rng rng = new Rng(seed);
        List<Parameter> params = Module.concat(RecurrentNet.actor("actor", 4, hidden, 2, 3, rng),
                RecurrentNet.critic("critic", 4, hidden, 2, rng));
        return () -> params;
    }

    private static Module net(long seed) {
        return net(6, seed);
    }

    @Test
    void roundTripIsBitIdentical() throws IOException {
        Module a = net(1);
        Path f = dir.resolve("a.rrlm");
        ModelFile.save(a, f);
        Module b = net(2);
        ModelFile.load(b, f);
        assertUnchanged(snapshot(a), b);
        byte[] bytes = Files.readAllBytes(f);
        assertArrayEquals(new byte[] {'R', 'R', 'L', 'M', 1, 0, 0, 0}, Arrays.copyOf(bytes, 8));
    }

    private void expectRejected(byte[] bytes, String fragment) throws IOException {
        Path f = dir.resolve("bad.rrlm");
        Files.write(f, bytes);
        Module target = net(3);
        float[][] before = snapshot(target);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(target, f));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertUnchanged(before, target);
    }

    @Test
    void corruptFilesAreRejected() throws IOException {
        byte[] good = ModelFile.encode(net(1));
        expectRejected(Arrays.copyOf(good, good.length - 9), "checksum");
        expectRejected(Arrays.copyOf(good, 10), "truncated");
        for (int pos : new int[] {9, 40, good.length / 2, good.length - 1}) {
            byte[] flipped = good.clone();
            flipped[pos] ^= 0x10;
            expectRejected(flipped, "checksum");
        }
        byte[] magic = good.clone();
        magic[0] = 'X';
        expectRejected(magic, "magic");
    }

    @Test
    void mismatchedModelsAreRejected() throws IOException {
        // Same names, different shapes.
        Module wider = net(7, 1);
        expectRejected(ModelFile.encode(wider), "shape");
        // Same shapes, different names.
        Module renamed = () -> net(1).parameters().stream()
                .map(p -> new Parameter(p.name().replace("actor", "pilot"), p.value())).toList();
        expectRejected(ModelFile.encode(renamed), "expects 'actor");
        // Fewer parameters.
        Module one = () -> List.of(new Parameter("x", Tensor.zeros(2)));
        expectRejected(ModelFile.encode(one), "parameters");
    }

    @Test
    void missingFileIsAnIoError() {
        Module target = net(3);
        float[][] before = snapshot(target);
        assertThrows(NoSuchFileException.class, () -> ModelFile.load(target, dir.resolve("nope.rrlm")));
        assertUnchanged(before, target);
    }

    @Test
    void saveReplacesAtomically() throws IOException {
        Path f = dir.resolve("m.rrlm");
        ModelFile.save(net(1), f);
        ModelFile.save(net(5), f);
        Module b = net(2);
        ModelFile.load(b, f);
        assertUnchanged(snapshot(net(5)), b);
        try (var s = Files.list(dir)) {
            assertTrue(s.allMatch(p -> p.getFileName().toString().equals("m.rrlm")), "no temporary files left");
        }
    }
}
