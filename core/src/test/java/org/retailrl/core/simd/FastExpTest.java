package org.retailrl.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;

/** {@link FastExp} against {@link Math#exp}: the documented 2-ulp bound. */
class FastExpTest {
    private static void withinTwoUlp(double x) {
        double exact = Math.exp(x);
        double fast = FastExp.exp(x);
        assertTrue(Math.abs(fast - exact) <= 2 * Math.ulp(exact), "x = " + x + ": " + fast + " vs " + exact);
    }

    @Test
    void agreesWithMathExpOverTheWholeClampedRange() {
        Rng rng = new Rng(1);
        for (int i = 0; i < 200_000; i++) {
            withinTwoUlp(rng.uniform(-700, 700));
            withinTwoUlp(rng.uniform(-40, 40));
            withinTwoUlp(rng.uniform(-0.5, 0.5));
        }
        for (double x : new double[] {0, -0.0, 1, -1, 0.5 * Math.log(2), -0.5 * Math.log(2), 700, -700, 1e-300}) {
            withinTwoUlp(x);
        }
        assertEquals(1.0, FastExp.exp(0));
    }

    @Test
    void clampsBeyondSevenHundred() {
        assertEquals(FastExp.exp(700), FastExp.exp(1e6));
        assertEquals(FastExp.exp(-700), FastExp.exp(Double.NEGATIVE_INFINITY));
        assertTrue(FastExp.exp(-700) > 0);
    }
}
