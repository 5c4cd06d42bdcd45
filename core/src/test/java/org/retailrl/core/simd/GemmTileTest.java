package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The GEMM's two register tiles (12 rows where the CPU has 32 vector registers, 6 where it has
 * 16; docs/model.md §8.12) give the same bits: child JVMs forced to each tile, at the preferred
 * width and at 256 bits, print the hash of many GEMM results ({@link GemmTileProbe}), which must
 * agree per width. An invalid tile height stops the program with a message naming the property.
 */
class GemmTileTest {
    private static final String MODULE = "--add-modules=jdk.incubator.vector";
    private static final String ROWS = "-D" + PanamaSimd.ROWS_PROPERTY + "=";
    private static final String W256 = "-D" + PanamaSimd.WIDTH_PROPERTY + "=256";

    @Test
    void bothTilesGiveTheSameBitsAtEachWidth() throws Exception {
        List<Process> ps = new ArrayList<>();
        ps.add(start(List.of(MODULE, ROWS + "12")));
        ps.add(start(List.of(MODULE, ROWS + "6")));
        ps.add(start(List.of(MODULE, W256, ROWS + "12")));
        ps.add(start(List.of(MODULE, W256, ROWS + "6")));
        ps.add(start(List.of(MODULE, ROWS + "8")));
        String[] wide12 = ChildJvm.output(ps.get(0)).split(" ");
        String[] wide6 = ChildJvm.output(ps.get(1)).split(" ");
        String[] w256x12 = ChildJvm.output(ps.get(2)).split(" ");
        String[] w256x6 = ChildJvm.output(ps.get(3)).split(" ");
        assertTrue(wide12[0].matches("tile=12x(8|16|32)"), wide12[0]);
        assertTrue(wide6[0].matches("tile=6x(8|16|32)"), wide6[0]);
        assertEquals("tile=12x16", w256x12[0]);
        assertEquals("tile=6x16", w256x6[0]);
        assertEquals(wide12[1], wide6[1], "6- and 12-row tiles at the preferred width");
        assertEquals(w256x12[1], w256x6[1], "6- and 12-row tiles at 256 bits");
        // The hash does see the bits: the random operands never give the trivial value.
        assertNotEquals("hash=cbf29ce484222325", wide12[1]);
        String err = ChildJvm.failure(ps.get(4));
        assertTrue(err.contains("retailrl.gemm.rows must be 6 or 12, got '8'"), err);
    }

    private static Process start(List<String> jvmArgs) throws IOException {
        return ChildJvm.start(GemmTileProbe.class, jvmArgs);
    }
}
