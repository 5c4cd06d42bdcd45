package org.retailrl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.core.Tensor;

/** Adam, SGD, clipping and schedules against hand-computed values of their definitions. */
class OptimizerTest {
    @Test
    void adamDefaultsArePinned() {
        assertEquals(new AdamConfig(3e-4, 0.9, 0.999, 1e-5), AdamConfig.DEFAULTS);
    }

    private static Parameter param(float... v) {
        return new Parameter("p", Tensor.of(v, v.length));
    }

    @Test
    void adamMatchesItsDefinitionInDouble() {
        Parameter p = param(1f, -2f, 0.5f);
        AdamConfig c = new AdamConfig(0.1, 0.9, 0.999, 1e-5);
        Adam adam = new Adam(List.of(p), c);
        double[] w = {1, -2, 0.5};
        double[] m = new double[3];
        double[] v = new double[3];
        for (int step = 1; step <= 5; step++) {
            for (int i = 0; i < 3; i++) {
                // gradient of Σ w² / 2 + i·w
                float g = p.value().data()[i] + i;
                p.grad().data()[i] = g;
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                double mh = m[i] / (1 - Math.pow(0.9, step));
                double vh = v[i] / (1 - Math.pow(0.999, step));
                w[i] -= 0.1 * mh / (Math.sqrt(vh) + 1e-5);
            }
            adam.step();
            for (int i = 0; i < 3; i++) {
                assertEquals(w[i], p.value().data()[i], 1e-5, "step " + step + " coordinate " + i);
            }
        }
    }

    @Test
    void adamStateRestoresBitIdentically() {
        Parameter p = param(1f, 2f);
        Adam a = new Adam(List.of(p), AdamConfig.DEFAULTS);
        p.grad().data()[0] = 0.3f;
        p.grad().data()[1] = -1f;
        a.step();
        Adam.State s = a.state();
        float[] w = p.value().data().clone();
        a.step();
        float[] after = p.value().data().clone();

        Parameter q = new Parameter("p", Tensor.of(w, 2));
        q.grad().copyFrom(p.grad());
        Adam b = new Adam(List.of(q), AdamConfig.DEFAULTS);
        b.restore(s);
        b.step();
        assertArrayEquals(after, q.value().data());
        assertEquals(2, b.steps());
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(param(1f)), AdamConfig.DEFAULTS).restore(s));
    }

    @Test
    void sgdWithMomentumMatchesPyTorch() {
        Parameter p = param(1f);
        Sgd sgd = new Sgd(List.of(p), 0.1, 0.9);
        double w = 1;
        double buf = 0;
        for (int step = 0; step < 4; step++) {
            float g = 2 * p.value().data()[0];
            p.grad().data()[0] = g;
            buf = step == 0 ? g : 0.9 * buf + g;
            w -= 0.1 * buf;
            sgd.step();
            assertEquals(w, p.value().data()[0], 1e-6);
        }
        Parameter q = param(1f);
        q.grad().data()[0] = 4f;
        new Sgd(List.of(q), 0.5, 0).step();
        assertEquals(-1f, q.value().data()[0]);
    }

    @Test
    void clipReturnsPreClipNormAndScalesToMax() {
        Parameter a = param(0f, 0f);
        Parameter b = param(0f);
        a.grad().data()[0] = 3f;
        a.grad().data()[1] = 0f;
        b.grad().data()[0] = 4f;
        double norm = GradClip.clipGlobalNorm(List.of(a, b), 0.5);
        assertEquals(5.0, norm, 1e-6);
        assertEquals(0.5, GradClip.globalNorm(List.of(a, b)), 1e-6);
        assertEquals(0.3f, a.grad().data()[0], 1e-6f);
        // Below the threshold nothing changes.
        double again = GradClip.clipGlobalNorm(List.of(a, b), 1.0);
        assertEquals(0.5, again, 1e-6);
        assertEquals(0.4f, b.grad().data()[0], 1e-6f);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradClip.clipGlobalNorm(List.of(a), 0)).getMessage().contains("maxNorm"));
    }

    @Test
    void schedules() {
        LrSchedule lin = new LrSchedule.LinearAnneal(3e-4, 10);
        assertEquals(3e-4, lin.at(0), 1e-15);
        assertEquals(3e-4 * 0.5, lin.at(5), 1e-15);
        assertEquals(3e-5, lin.at(9), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> lin.at(10));
        assertEquals(1e-3, new LrSchedule.Constant(1e-3).at(123));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AdamConfig(3e-4, 1.0, 0.999, 1e-5)).getMessage().contains("beta1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LrSchedule.LinearAnneal(1, 0)).getMessage().contains("total"));
    }
}
