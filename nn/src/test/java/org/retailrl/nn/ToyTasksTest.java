package org.retailrl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The layers learn: XOR with an MLP, first-input recall with a GRU (fixed seeds). */
class ToyTasksTest {
    @Test
    void mlpLearnsXor() {
        ToyRun run = ToyTasks.xor(1, 500, 100);
        // Constant prediction 0.5 has MSE 0.25; 0.01 needs every case within ~0.1 of its target.
        assertTrue(run.finalLoss() < 0.01, "XOR loss " + run.finalLoss());
        assertEquals(1.0, run.accuracy());
        assertTrue(run.losses()[run.losses().length - 1] < run.losses()[0], "loss fell");
    }

    @Test
    void gruLearnsToRecallTheFirstInput() {
        ToyRun run = ToyTasks.recall(1, 300, 50);
        // On 512 evaluation sequences a coin-flipping model exceeds 0.6 accuracy with probability
        // below 1e-5 (binomial tail), so 0.95 is far above chance.
        assertTrue(run.accuracy() >= 0.95, "recall accuracy " + run.accuracy());
        // Predicting 0 gives MSE 1.
        assertTrue(run.finalLoss() < 0.2, "recall loss " + run.finalLoss());
    }

    @Test
    void runsAreDeterministic() {
        ToyRun a = ToyTasks.recall(7, 20, 5);
        ToyRun b = ToyTasks.recall(7, 20, 5);
        assertArrayEquals(a.losses(), b.losses());
        assertEquals(a.finalLoss(), b.finalLoss());
    }
}
