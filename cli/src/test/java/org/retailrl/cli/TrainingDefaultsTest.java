package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.checkpoint.Algorithm;

/** The default thread count of {@code train} and {@code resume} (docs/model.md §8.13). */
class TrainingDefaultsTest {

    @Test
    void pricingRunsGetOneThreadPerSixtyFourCopiesUpToTheCores() {
        Algorithm.Problem p = Algorithm.Problem.PRICING;
        assertEquals(1, TrainingDefaults.threads(p, TrainingDefaults.COPIES, 16), "the default 16 copies");
        assertEquals(1, TrainingDefaults.threads(p, 1, 16));
        assertEquals(1, TrainingDefaults.threads(p, 127, 16));
        assertEquals(2, TrainingDefaults.threads(p, 128, 16));
        assertEquals(2, TrainingDefaults.threads(p, 4096, 2), "never more than the cores");
        assertEquals(16, TrainingDefaults.threads(p, 4096, 16));
        assertEquals(1, TrainingDefaults.threads(p, 4096, 1));
    }

    @Test
    void otherProblemsGetEveryCore() {
        for (Algorithm.Problem p : Algorithm.Problem.values()) {
            if (p != Algorithm.Problem.PRICING) {
                assertEquals(8, TrainingDefaults.threads(p, 8, 8), p.name());
                assertEquals(1, TrainingDefaults.threads(p, 8, 1), p.name());
            }
        }
    }
}
