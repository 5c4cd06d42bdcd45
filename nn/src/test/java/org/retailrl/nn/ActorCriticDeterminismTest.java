package org.retailrl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.autodiff.Tape;
import org.retailrl.core.random.Rng;

/**
 * Same seed, same bits (docs/model.md §8 determinism) for PPO updates of the W1 actor-critic on the
 * kernel path the JVM selected (the vector path under the test configuration): two independent
 * runs of three updates from one seed give bit-identical losses, gradients and weights. 70
 * sequences so the step GEMMs use every row-tile kind (12-row, 4-row and packed remainder); 20
 * steps span several weight-gradient blocks of the GRU backward pass.
 */
class ActorCriticDeterminismTest {
    private static final int UPDATES = 3;

    /** Bits of every loss, every gradient of every update, and the final weights. */
    private static List<int[]> run(long seed) {
        Rng rng = new Rng(seed);
        RecurrentActorCritic.Config cfg = RecurrentActorCritic.Config.W1;
        RecurrentActorCritic net = new RecurrentActorCritic(cfg, rng.split());
        RecurrentActorCritic.Batch batch = RecurrentActorCriticTest.randomBatch(cfg, 70, 20, rng.split());
        Adam adam = new Adam(net.parameters(), AdamConfig.DEFAULTS);
        Tape tape = new Tape();
        List<int[]> out = new ArrayList<>();
        for (int u = 0; u < UPDATES; u++) {
            tape.reset();
            net.zeroGrad();
            PpoLoss.Result r = net.ppoLoss(tape, batch, PpoLoss.DEFAULTS);
            tape.backward(r.loss());
            out.add(new int[] {Float.floatToRawIntBits(r.loss().value().item())});
            for (Parameter p : net.parameters()) {
                out.add(bits(p.grad().data()));
            }
            GradClip.clipGlobalNorm(net.parameters(), 0.5);
            adam.step();
        }
        for (Parameter p : net.parameters()) {
            out.add(bits(p.value().data()));
        }
        return out;
    }

    private static int[] bits(float[] x) {
        int[] b = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = Float.floatToRawIntBits(x[i]);
        }
        return b;
    }

    @Test
    void twoRunsFromOneSeedAreBitIdentical() {
        List<int[]> first = run(20261124L);
        List<int[]> second = run(20261124L);
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i), second.get(i), "record " + i + " differs between runs");
        }
    }
}
