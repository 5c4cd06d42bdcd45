package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaeTest {
    @Test
    void matchesHandComputedValuesAcrossAnEpisodeBoundary() {
        // One copy, 3 steps, the episode ends after step 1; γ = 0.9, λ = 0.8, bootstrap V_3 = 2.
        // t=2: δ = 3 + 0.9·2 − 1.5 = 3.3, A = 3.3, R = 4.8
        // t=1: end → δ = 2 − 1 = 1, A = 1, R = 2
        // t=0: δ = 1 + 0.9·1 − 0.5 = 1.4, A = 1.4 + 0.72·1 = 2.12, R = 2.62
        float[] adv = new float[3];
        float[] ret = new float[3];
        Gae.compute(new float[] {1, 2, 3}, new float[] {0.5f, 1, 1.5f}, new float[] {0, 1, 0}, new float[] {2},
                0.9, 0.8, adv, ret);
        assertEquals(2.12f, adv[0], 1e-6);
        assertEquals(1.0f, adv[1], 1e-6);
        assertEquals(3.3f, adv[2], 1e-6);
        assertEquals(2.62f, ret[0], 1e-6);
        assertEquals(2.0f, ret[1], 1e-6);
        assertEquals(4.8f, ret[2], 1e-6);
    }

    @Test
    void copiesAreInterleavedStepMajorAndIndependent() {
        // Two copies, 2 steps, index t·2 + n. Copy 1 ends at step 1 (no bootstrap); copy 0 does not.
        // Copy 0: r = (1, 1), V = (0, 0), V_2 = 10, γ = 0.5, λ = 1: A_1 = 1 + 5 = 6, A_0 = 1 + 0.5·6 = 4.
        // Copy 1: r = (2, 4), V = (1, 1), end at t=1: A_1 = 4 − 1 = 3, A_0 = 2 + 0.5·1 − 1 + 0.5·3 = 3.
        float[] adv = new float[4];
        float[] ret = new float[4];
        Gae.compute(new float[] {1, 2, 1, 4}, new float[] {0, 1, 0, 1}, new float[] {0, 0, 0, 1},
                new float[] {10, 99}, 0.5, 1.0, adv, ret);
        assertEquals(4f, adv[0], 1e-6);
        assertEquals(3f, adv[1], 1e-6);
        assertEquals(6f, adv[2], 1e-6);
        assertEquals(3f, adv[3], 1e-6);
        assertEquals(4f, ret[1], 1e-6);
    }

    @Test
    void lambdaZeroIsTheOneStepTdError() {
        float[] adv = new float[2];
        float[] ret = new float[2];
        Gae.compute(new float[] {1, 1}, new float[] {2, 3}, new float[] {0, 1}, new float[] {0}, 0.9, 0.0, adv, ret);
        assertEquals(1 + 0.9f * 3 - 2, adv[0], 1e-6);
        assertEquals(1 - 3, adv[1], 1e-6);
    }

    @Test
    void rejectsBadParameters() {
        float[] a = new float[2];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gae.compute(a, a, a, new float[1], 1.5, 0.9, a, a));
        assertEquals(true, e.getMessage().contains("gamma"));
        e = assertThrows(IllegalArgumentException.class, () -> Gae.compute(a, a, a, new float[1], 0.9, -0.1, a, a));
        assertEquals(true, e.getMessage().contains("lambda"));
        assertThrows(IllegalArgumentException.class, () -> Gae.compute(a, a, a, new float[3], 0.9, 0.9, a, a));
    }
}
