package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.pricing.PricingLearners;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * The two-timescale FSDA preset (docs/model.md §8.7): the slow agent's effective step size per
 * round — its step size when it is updated, 0 when it is not — over the fast agent's tends to 0
 * along the run, and the trainer uses exactly the preset's sequences.
 */
class TwoTimescaleTest {
    private static final LearnerConfig C = Presets.FSDA_TWO_TIMESCALE;
    private static final int PLANNED = Integer.MAX_VALUE;

    /** Mean effective step of agent {@code a} over rounds {@code [from, to)}. */
    private static double effective(int a, long from, long to) {
        LearnerConfig.AgentSchedule s = C.agents().get(a);
        double sum = 0;
        for (long n = from; n < to; n++) {
            sum += s.period().due(n) ? s.stepSize().at(n, PLANNED) : 0;
        }
        return sum / (to - from);
    }

    @Test
    void slowOverFastEffectiveStepTendsToZero() {
        double first = Double.NaN;
        double previous = Double.POSITIVE_INFINITY;
        double last = Double.NaN;
        for (long n = 16; n <= 1L << 22; n *= 4) {
            double ratio = effective(1, n, 2 * n) / effective(0, n, 2 * n);
            assertTrue(ratio < previous, "ratio must fall along the run: " + ratio + " at n = " + n + " after " + previous);
            if (Double.isNaN(first)) {
                first = ratio;
            }
            previous = ratio;
            last = ratio;
        }
        // About (1 + n/100)^-0.3 / k(n): 0.174 over rounds [16, 32), 0.0016 over [2^22, 2^23).
        assertTrue(first > 0.15, "first window ratio " + first);
        assertTrue(last < 0.002, "last window ratio " + last);
        // The step-size sequences alone (without the update period) already separate the timescales.
        double b = C.agents().get(1).stepSize().at(1L << 40, PLANNED);
        double a = C.agents().get(0).stepSize().at(1L << 40, PLANNED);
        assertTrue(b / a < 1e-3, "b_n/a_n at n = 2^40 is " + b / a);
    }

    @Test
    void stepSizeSequencesAreRobbinsMonro() {
        // Σ a_n = ∞ needs exponent <= 1; Σ a_n² < ∞ needs exponent > 1/2.
        for (LearnerConfig.AgentSchedule s : C.agents()) {
            assertEquals(StepSize.Kind.POLYNOMIAL, s.stepSize().kind());
            assertTrue(s.stepSize().exponent() > 0.5 && s.stepSize().exponent() <= 1, "exponent " + s.stepSize());
        }
        assertTrue(C.agents().get(1).stepSize().exponent() > C.agents().get(0).stepSize().exponent());
    }

    @Test
    void trainerUsesThePresetSequencesAndPeriods() {
        try (Trainer t = PricingLearners.fsda(PricingScenario.named("b"), 2, C, 7, 4)) {
            for (int n = 0; n < 4; n++) {
                Trainer.RoundStats s = t.round();
                for (int a = 0; a < 2; a++) {
                    boolean due = C.agents().get(a).period().due(n);
                    assertEquals(due, s.agents()[a].updated(), "agent " + a + " round " + n);
                    if (due) {
                        assertEquals(C.agents().get(a).stepSize().at(n, 4), s.agents()[a].stepSize(), 0.0);
                    } else {
                        assertTrue(Double.isNaN(s.agents()[a].stepSize()));
                    }
                }
            }
            // k(1) = 2 and k(4) = 3: the slow agent skips rounds 1 and 4 and takes 0, 2, 3.
            assertFalse(C.agents().get(1).period().due(1));
            assertTrue(C.agents().get(1).period().due(3));
            assertFalse(C.agents().get(1).period().due(4));
        }
    }
}
