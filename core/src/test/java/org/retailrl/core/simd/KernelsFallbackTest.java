package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves the kernel selection of {@link Kernels} in fresh JVMs: without
 * {@code --add-modules jdk.incubator.vector} the scalar twin runs (and computes correctly), the
 * {@code retailrl.simd=scalar} property forces it even when the module is present, and with the
 * module the vector path is chosen (at a forced width when asked, with the GEMM tiles then
 * 4 or 8 lanes wide). The probe GEMM (20×20×20, exact in float) has ragged row and column edges
 * at every width.
 */
class KernelsFallbackTest {
    private static final String MODULE = "--add-modules=jdk.incubator.vector";

    /** Σ of the probe's C = A·Aᵀ computed here in exact integer arithmetic. */
    private static long expectedChecksum() {
        int n = KernelsProbe.N;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < n; p++) {
                    sum += (long) KernelsProbe.entry(i, p) * (long) KernelsProbe.entry(j, p);
                }
            }
        }
        return sum;
    }

    @Test
    void childJvmsPickTheExpectedPathAndComputeCorrectly() throws Exception {
        // Started together so the four JVM start-ups overlap.
        List<Process> ps = new ArrayList<>();
        ps.add(start(List.of()));
        ps.add(start(List.of(MODULE, "-D" + Kernels.PROPERTY + "=scalar")));
        ps.add(start(List.of(MODULE)));
        ps.add(start(List.of(MODULE, "-D" + PanamaSimd.WIDTH_PROPERTY + "=256")));
        ps.add(start(List.of(MODULE, "-D" + PanamaSimd.WIDTH_PROPERTY + "=300")));
        ps.add(start(List.of(MODULE, "-D" + PanamaSimd.WIDTH_PROPERTY + "=128")));
        String checksum = "checksum=" + expectedChecksum();
        assertEquals("impl=scalar " + checksum, ChildJvm.output(ps.get(0)), "no incubator module");
        assertEquals("impl=scalar " + checksum, ChildJvm.output(ps.get(1)), "module present, scalar forced");
        String vector = ChildJvm.output(ps.get(2));
        assertTrue(vector.matches("impl=vector-(128|256|512) " + checksum), "module present: " + vector);
        assertEquals("impl=vector-256 " + checksum, ChildJvm.output(ps.get(3)), "module present, width 256 forced");
        assertEquals("impl=vector-128 " + checksum, ChildJvm.output(ps.get(5)), "module present, width 128 forced");
        String err = ChildJvm.failure(ps.get(4));
        assertTrue(err.contains("retailrl.simd.width must be 128, 256 or 512, got '300'"), err);
    }

    private static Process start(List<String> jvmArgs) throws IOException {
        List<String> args = new ArrayList<>();
        args.add("-XX:TieredStopAtLevel=1");
        args.addAll(jvmArgs);
        return ChildJvm.start(KernelsProbe.class, args);
    }
}
