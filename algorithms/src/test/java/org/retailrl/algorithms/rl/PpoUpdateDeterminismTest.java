package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.nn.Module;
import org.retailrl.nn.Parameter;

/**
 * Same seed, same bits (docs/model.md §8.12) for the {@code ppo} update of a W1-shaped
 * {@link Trainer} (docs/model.md §8.5: observation 16, hidden 64, two GRU layers, 21 actions) on
 * the kernel path the JVM selected (the vector path under the test configuration): two trainers
 * from one seed, each collecting one rollout and then running three more updates on it
 * ({@link Trainer#updateOnLastRollout()}), give bit-identical statistics, gradients and weights.
 * 70 sequences so the step GEMMs use every row-tile kind (12-row, 4-row and packed remainder);
 * 20-step sequences holding two 10-step episodes, so the update runs over a reset inside each
 * sequence and from stored non-zero hidden states.
 */
class PpoUpdateDeterminismTest {
    private static final int COPIES = 70;
    private static final int HORIZON = 10;
    private static final int UPDATES = 3;

    /** Bits of every update's statistics and last gradients, then of the final weights. */
    private static List<long[]> run(long seed) {
        LearnerConfig config = Presets.PPO_JOINT.withSizes(64, 2, 2, 2 * HORIZON).withUpdates(1, 1);
        List<long[]> out = new ArrayList<>();
        try (Trainer trainer = new Trainer(new NoiseEnv(COPIES, HORIZON, 16, 21), config, seed, 10, "actor")) {
            List<Parameter> params = Module.concat(trainer.actor(0), trainer.critic());
            record(out, trainer.round(), params);
            for (int u = 0; u < UPDATES; u++) {
                record(out, trainer.updateOnLastRollout(), params);
            }
            for (Parameter p : params) {
                out.add(bits(p.value().data()));
            }
        }
        return out;
    }

    private static void record(List<long[]> out, Trainer.RoundStats s, List<Parameter> params) {
        Trainer.AgentStats a = s.agents()[0];
        out.add(new long[] {Double.doubleToRawLongBits(a.pgLoss()), Double.doubleToRawLongBits(a.entropy()),
                Double.doubleToRawLongBits(a.approxKl()), Double.doubleToRawLongBits(a.clipFraction()),
                Double.doubleToRawLongBits(s.valueLoss())});
        for (Parameter p : params) {
            out.add(bits(p.grad().data()));
        }
    }

    private static long[] bits(float[] x) {
        long[] b = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = Float.floatToRawIntBits(x[i]);
        }
        return b;
    }

    @Test
    void twoRunsFromOneSeedAreBitIdentical() {
        List<long[]> first = run(20261124L);
        List<long[]> second = run(20261124L);
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i), second.get(i), "record " + i + " differs between runs");
        }
    }
}
