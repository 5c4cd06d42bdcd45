package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;

/** The factorised categorical: offsets, exact log-probabilities that form a distribution, sampling. */
class FactorLayoutTest {
    @Test
    void offsetsAndWidth() {
        FactorLayout l = FactorLayout.concat(FactorLayout.repeat(2, 3), new FactorLayout(4));
        assertEquals(3, l.factors());
        assertEquals(10, l.width());
        assertEquals(0, l.offset(0));
        assertEquals(3, l.offset(1));
        assertEquals(6, l.offset(2));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FactorLayout(2, 0)).getMessage()
                .contains("sizes[1]"));
    }

    /** Σ over every joint action of exp(log π) is 1: the log-probability is that of a distribution. */
    @Property(tries = 30)
    void jointProbabilitiesSumToOne(@ForAll @IntRange(min = 1, max = 4) int a, @ForAll @IntRange(min = 1, max = 3) int b,
                                    @ForAll @IntRange(min = 1, max = 3) int c, @ForAll long seed) {
        FactorLayout l = new FactorLayout(a, b, c);
        Rng rng = new Rng(seed);
        float[] z = new float[l.width()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (3 * rng.normal());
        }
        double total = 0;
        int[] act = new int[3];
        for (act[0] = 0; act[0] < a; act[0]++) {
            for (act[1] = 0; act[1] < b; act[1]++) {
                for (act[2] = 0; act[2] < c; act[2]++) {
                    total += Math.exp(l.logProb(z, 0, act, 0));
                }
            }
        }
        assertEquals(1.0, total, 1e-5);
    }

    @Test
    void logProbIsTheSumOfPerFactorLogSoftmax() {
        FactorLayout l = new FactorLayout(2, 3);
        float[] z = {0f, (float) Math.log(3), 1f, 1f, 1f};
        // Factor 0: p = (1/4, 3/4); factor 1 uniform over 3.
        assertEquals(Math.log(0.75) + Math.log(1.0 / 3), l.logProb(z, 0, new int[] {1, 2}, 0), 1e-6);
    }
}
