package org.retailrl.algorithms.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.retailrl.core.simd.Kernels;

/**
 * Same seed, same weights, bit for bit (docs/model.md §8.12): {@link DeterminismMain} trains PPO,
 * HAPPO and FSDA briefly in fresh JVMs and prints a digest of every weight.
 *
 * <ul>
 *   <li>Within a JVM and across two JVMs every digest agrees, FSDA with 2 rollout threads equals
 *       FSDA with 1, and another seed gives other weights — on the scalar twin and on the vector
 *       path this machine picks.
 *   <li>The vector path gives the same bits whether C2 compiles the kernels or only C1 does (where
 *       every Vector API operation runs as its Java fallback): the lane kernels use only exactly
 *       rounded operations and their own {@code exp}/{@code tanh}/{@code σ}, never the Vector
 *       API's intrinsics, whose last bits depend on the compiler.
 *   <li>The digests equal the ones pinned below for every kernel path this machine can run
 *       (the scalar twin, the vector widths up to its own, and on an AVX-512 core also the
 *       AVX2 code under {@code -XX:UseAVX=2}): what makes a trained result the
 *       same on another machine, and what tells a change of arithmetic from a refactoring. They
 *       were recorded on x86-64 (an AMD Zen 4) with JDK 25; other
 *       architectures may take {@code Math.exp} and {@code Math.log}, which the samplers and the
 *       losses use, from different code, so there the pinned check is skipped with a message.
 *       The scalar twin takes {@code tanh} from {@code Math.tanh}, which recent JDKs compute by a
 *       new intrinsic on x86-64, so its digests are checked on the JDK they were recorded on
 *       only.
 * </ul>
 *
 * <p>When a change alters the arithmetic on purpose, the pinned digests no longer hold and neither
 * do the results reported in the README and docs, which were computed with the old bits: rerun
 * those experiments, then record the new digests (run {@link DeterminismMain} with
 * {@code -Dretailrl.simd=scalar} and with {@code -Dretailrl.simd.width=128|256|512}).
 */
class DeterminismTest {
    private static final List<String> LINES = List.of("kernels", "ppo", "ppo-again", "ppo-other-seed", "happo",
            "happo-again", "fsda-1-thread", "fsda-2-threads");

    /** Kernel path → digests of the {@code ppo}, {@code happo} and {@code fsda-1-thread} runs. */
    private static final Map<String, List<String>> PINNED = Map.of(
            "scalar", List.of(
                    "a2908e0427c4a89d8d6531d3664c4ae6aac0255d584d6336bd812489ce06290c",
                    "f71c4e0b3d9d1e65dfc0f56999f1e0546d9f4e1a77b700714b9b60270a4978eb",
                    "090e03e8f07345cb8e33e52add0bf6ba92ca1158f80327a1d84c14b3a8c8847a"),
            "vector-128", List.of(
                    "27a821abb0a9ca225ff1c64e15fb7c7b71ade791f3eb9f4484bf63f7a694c25e",
                    "a9fa62cc9a2e54c9781bcbc46db68ec09b98723fd44da4a3dcc1b7e071f2baa8",
                    "5116efac9389b7218cce72e7537ebdeb236cd070afee1b9854b392b437e22e02"),
            "vector-256", List.of(
                    "1ea355ee94f092d9ee6403474a1e8ebd36f7ea4a39fb63e20a027c854c231ae5",
                    "26bd299a0add126ba85a039561afb6dcb9e5cba1e3083eb9ec2945b5b9ff3b02",
                    "6d246c688e2a2f0970ff17ea6c72c507500e39d59b00a56b92cbdc91439da48f"),
            "vector-512", List.of(
                    "c571e237f5db76180f552af5e4694d5b5300f9035d2c4c6a9ba4bd19f5fc90ba",
                    "b3ef7d7dd4ebcaf12db2e74538a4dc37c321c2d9087901d3753f67d56f31f6e3",
                    "07c979d8638e94e4280880b94f61d5cda7285f5deb50c067fa5e85c18f5be21e"));

    /** The JDK feature release the scalar digests were recorded on. */
    private static final int PINNED_SCALAR_JDK = 25;

    private static Map<String, String> run(String... jvmOptions) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector"));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), DeterminismMain.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "child JVM did not finish: " + cmd);
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        Map<String, String> m = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] kv = line.trim().split(" ");
            if (kv.length == 2) {
                m.put(kv[0], kv[1]);
            }
        }
        for (String k : LINES) {
            assertTrue(m.containsKey(k), "missing line " + k + " in the output of " + cmd + ":\n" + text);
        }
        return m;
    }

    private static void assertConsistent(Map<String, String> a) {
        assertEquals(a.get("ppo"), a.get("ppo-again"), a.get("kernels") + ": PPO twice in one JVM");
        assertEquals(a.get("happo"), a.get("happo-again"), a.get("kernels") + ": HAPPO twice in one JVM");
        assertEquals(a.get("fsda-1-thread"), a.get("fsda-2-threads"), a.get("kernels") + ": FSDA on 1 and 2 threads");
        assertNotEquals(a.get("ppo"), a.get("ppo-other-seed"), a.get("kernels") + ": another seed, the same weights");
    }

    /** The widest vector path of this JVM (0 when it runs the scalar twin). */
    private static int ownWidth() {
        Matcher m = Pattern.compile("vector-(\\d+)").matcher(Kernels.implementation());
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Test
    void sameSeedSameWeightsAcrossRunsJvmsAndThreadCounts() throws Exception {
        Map<String, String> a = run("-Dretailrl.simd=scalar");
        Map<String, String> b = run("-Dretailrl.simd=scalar");
        assertEquals("scalar", a.get("kernels"));
        assertEquals(a, b, "two JVMs disagree on the scalar twin");
        assertConsistent(a);
        assumeTrue(ownWidth() > 0, "this JVM runs the scalar twin only (" + Kernels.implementation()
                + "), so the vector path was not checked");
        Map<String, String> v = run();
        assertTrue(v.get("kernels").startsWith("vector-"), v.get("kernels"));
        assertConsistent(v);
        assertEquals(v, run("-XX:TieredStopAtLevel=1"), "the vector path under C1 alone differs from C2's");
    }

    @Test
    void digestsMatchThePinnedOnesOnEveryKernelPath() throws Exception {
        String arch = System.getProperty("os.arch");
        assumeTrue(arch.equals("amd64") || arch.equals("x86_64"),
                "the pinned digests were recorded on x86-64; this machine is " + arch + ", not checked");
        // Kernel path expected → the child JVM's options that select it.
        List<Map.Entry<String, String>> runs = new ArrayList<>();
        if (Runtime.version().feature() == PINNED_SCALAR_JDK) {
            runs.add(Map.entry("scalar", "-Dretailrl.simd=scalar"));
        } else {
            System.out.println("DeterminismTest: the scalar twin's digests were recorded on JDK " + PINNED_SCALAR_JDK
                    + ", this is " + Runtime.version().feature() + " (Math.tanh may differ): not checked");
        }
        for (int width = 128; width <= ownWidth(); width *= 2) {
            runs.add(Map.entry("vector-" + width, "-Dretailrl.simd.width=" + width));
        }
        if (ownWidth() > 256) {
            // The code an AVX2-only machine runs (VEX encoding, 16 registers, the 6-row GEMM
            // tile), on this AVX-512 core: the same bits as 256-bit lanes under AVX-512.
            runs.add(Map.entry("vector-256", "-XX:UseAVX=2"));
        }
        assumeTrue(!runs.isEmpty(), "no kernel path with pinned digests runs here");
        for (Map.Entry<String, String> r : runs) {
            Map<String, String> m = run(r.getValue());
            String path = r.getKey();
            assertEquals(path, m.get("kernels"), "kernel path under " + r.getValue());
            List<String> got = List.of(m.get("ppo"), m.get("happo"), m.get("fsda-1-thread"));
            assertEquals(PINNED.get(path), got, path + " (" + r.getValue() + "): the trained weights differ from the"
                    + " pinned digests (PPO, HAPPO, FSDA). If the arithmetic was changed on purpose, the README's results"
                    + " no longer reproduce: rerun them and record the new digests (class Javadoc)");
        }
    }
}
