package org.retailrl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/** AdamW, the warm-up + cosine schedule, the embedding table and the transformer block (docs/model.md §6.3). */
class TransformerPartsTest {
    private static Parameter param(String name, float... v) {
        Parameter p = new Parameter(name, Tensor.wrap(v.clone(), v.length));
        float[] g = p.grad().data();
        for (int i = 0; i < g.length; i++) {
            g[i] = 0.3f * (i + 1) - 0.5f;
        }
        return p;
    }

    @Test
    void warmupCosineRisesThenFallsToTheFloor() {
        LrSchedule s = new LrSchedule.WarmupCosine(1e-3, 1e-4, 4, 14);
        assertEquals(2.5e-4, s.at(0), 1e-15);
        assertEquals(1e-3, s.at(3), 1e-15);
        assertEquals(1e-3, s.at(4), 1e-15);
        // Halfway through the decay (update 4 + 9/2 lies between 8 and 9): the mean of peak and floor.
        assertEquals(5.5e-4, (s.at(8) + s.at(9)) / 2, 2e-5);
        assertEquals(1e-4, s.at(13), 1e-15);
        for (int u = 5; u < 14; u++) {
            assertTrue(s.at(u) < s.at(u - 1), "decreasing after warm-up at " + u);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LrSchedule.WarmupCosine(1e-3, 2e-3, 0, 10))
                .getMessage().contains("minLr"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LrSchedule.WarmupCosine(1e-3, 0, 10, 10))
                .getMessage().contains("warmup"));
        assertThrows(IllegalArgumentException.class, () -> s.at(14));
    }

    @Test
    void adamWShrinksDecayedWeightsThenTakesTheAdamStep() {
        AdamConfig cfg = new AdamConfig(0.1, 0.9, 0.95, 1e-8);
        Parameter w = param("w", 1f, -2f, 3f);
        Parameter b = param("b", 0.5f, 0.25f);
        Parameter wRef = param("w", 1f, -2f, 3f);
        Parameter bRef = param("b", 0.5f, 0.25f);
        AdamW opt = new AdamW(List.of(w, b), cfg, 0.2, p -> p.name().equals("w"));
        Adam ref = new Adam(List.of(wRef, bRef), cfg);
        for (int step = 0; step < 3; step++) {
            float shrink = (float) (1 - 0.1 * 0.2);
            for (int i = 0; i < 3; i++) {
                wRef.value().data()[i] *= shrink;
            }
            ref.step();
            opt.step();
            assertArrayEquals(wRef.value().data(), w.value().data(), "decayed weight, step " + step);
            assertArrayEquals(bRef.value().data(), b.value().data(), "undecayed bias, step " + step);
        }
        assertThrows(IllegalArgumentException.class, () -> new AdamW(List.of(w), cfg, 1.5, p -> true));
    }

    @Test
    void embeddingLooksUpRowsAndScattersGradients() {
        Embedding e = new Embedding("e", 5, 3, new Rng(1));
        Tape t = new Tape();
        Var v = e.forward(t, new int[] {4, 1, 4});
        float[] table = e.table().value().data();
        for (int c = 0; c < 3; c++) {
            assertEquals(table[4 * 3 + c], v.value().data()[c]);
            assertEquals(table[1 * 3 + c], v.value().data()[3 + c]);
        }
        t.backward(Ops.sum(v));
        float[] g = e.table().grad().data();
        assertEquals(2f, g[4 * 3]);
        assertEquals(1f, g[1 * 3]);
        assertEquals(0f, g[0]);
        var ex = assertThrows(IllegalArgumentException.class, () -> e.forward(new Tape(), new int[] {5}));
        assertTrue(ex.getMessage().contains("outside [0, 5)"), ex.getMessage());
    }

    /** Causal: later tokens never change earlier outputs, through every sublayer of the block. */
    @Test
    void blockIsCausalAndTrainsEveryParameter() {
        TransformerBlock blk = new TransformerBlock("b", 8, 2, 1, new Rng(3));
        Rng r = new Rng(4);
        float[] x = new float[2 * 5 * 8];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.normal();
        }
        float[] y = x.clone();
        for (int c = 0; c < 8; c++) {
            y[4 * 8 + c] += 1f;
            y[(5 + 4) * 8 + c] -= 1f;
        }
        Tape t = new Tape();
        float[] a = blk.forward(t.constant(Tensor.wrap(x, 2, 5, 8)), 0f, null).value().data();
        float[] b = blk.forward(t.constant(Tensor.wrap(y, 2, 5, 8)), 0f, null).value().data();
        for (int w = 0; w < 2; w++) {
            for (int i = 0; i < 4 * 8; i++) {
                assertEquals(a[w * 40 + i], b[w * 40 + i], "window " + w + " element " + i);
            }
            assertNotEquals(a[w * 40 + 33], b[w * 40 + 33]);
        }
        Tape t2 = new Tape();
        t2.backward(Ops.sum(Ops.square(blk.forward(t2.constant(Tensor.wrap(x, 2, 5, 8)), 0.1f, new Rng(9)))));
        for (Parameter p : blk.parameters()) {
            double n = 0;
            for (float g : p.grad().data()) {
                n += g * g;
            }
            assertTrue(n > 0, p.name() + " gets a gradient");
        }
    }
}
