package org.retailrl.algorithms.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Relative value iteration on two-state toys whose gains are known in closed form. */
class RelativeValueIterationTest {
    /**
     * State 0: action a costs 1 and moves to 1; action b costs 3 and stays. State 1 costs 2 and returns
     * to 0 with probability 1/2. Always-a has stationary law (1/3, 2/3) and gain 5/3; always-b has gain 3.
     */
    private static void toy(double[] v, double[] out) {
        double a = 1 + v[1];
        double b = 3 + v[0];
        out[0] = Math.min(a, b);
        out[1] = 2 + 0.5 * v[0] + 0.5 * v[1];
    }

    @Test
    void twoStateToyReachesItsGainWithinTheCertifiedBracket() {
        RelativeValueIteration.Result r = RelativeValueIteration.solve(2, RelativeValueIterationTest::toy, 0, null,
                1e-10, 10_000, 1);
        assertEquals(5.0 / 3, r.gain(), 1e-10);
        assertTrue(r.lower() <= 5.0 / 3 + 1e-12 && 5.0 / 3 - 1e-12 <= r.upper());
        // Relative values: h(1) − h(0) solves h(0) = 1 + h(1) − g, so h(1) = g − 1 = 2/3.
        assertEquals(2.0 / 3, r.values()[1] - r.values()[0], 1e-9);
    }

    @Test
    void periodicChainNeedsDamping() {
        // Deterministic cycle 0 -> 1 -> 0 with costs 1 and 3: gain 2, period 2.
        RelativeValueIteration.Operator cycle = (v, out) -> {
            out[0] = 1 + v[1];
            out[1] = 3 + v[0];
        };
        assertThrows(IllegalStateException.class,
                () -> RelativeValueIteration.solve(2, cycle, 0, null, 1e-9, 500, 1));
        RelativeValueIteration.Result r = RelativeValueIteration.solve(2, cycle, 0, null, 1e-9, 10_000, 0.5);
        assertEquals(2, r.gain(), 1e-9);
    }
}
