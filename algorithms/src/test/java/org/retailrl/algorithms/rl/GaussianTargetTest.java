package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.autodiff.Tape;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;
import org.retailrl.nn.Parameter;
import org.retailrl.nn.RecurrentNet;

/**
 * The learner core with a mixed action (docs/model.md §8.13): one categorical factor and two
 * Gaussian coordinates, trained end to end through the rollout buffer, the loss and the optimiser.
 * Each copy sees a context {@code c = ±1}; the reward is 1 when the choice names the context,
 * minus the squared distance of the (clipped) coordinates from {@code (0.8c, −0.5c)}.
 */
class GaussianTargetTest {
    private static final int COPIES = 8;
    private static final int HORIZON = 4;
    private static final double[] TARGET = {0.8, -0.5};

    /** The context game. */
    private static final class TargetEnv implements AgentEnv {
        private final float[] context = new float[COPIES];

        @Override
        public int copies() {
            return COPIES;
        }

        @Override
        public int horizon() {
            return HORIZON;
        }

        @Override
        public int agents() {
            return 1;
        }

        @Override
        public int viewSize(int view) {
            return 1;
        }

        @Override
        public FactorLayout actionLayout(int agent) {
            return new FactorLayout(new int[] {2}, 2);
        }

        @Override
        public void reset(long seed, long episode) {
            for (int i = 0; i < COPIES; i++) {
                context[i] = Rng.stream(seed, episode * COPIES + i).nextInt(2) == 0 ? -1f : 1f;
            }
        }

        @Override
        public void observe(int view, float[] out) {
            System.arraycopy(context, 0, out, 0, COPIES);
        }

        @Override
        public void step(int[][] choices, Rng[] streams, double[] rewardOut) {
            throw new AssertionError("the core must call the continuous step");
        }

        @Override
        public void step(int[][] choices, float[][] continuous, Rng[] streams, double[] rewardOut) {
            for (int i = 0; i < COPIES; i++) {
                double r = choices[0][i] == (context[i] > 0 ? 1 : 0) ? 1 : 0;
                for (int d = 0; d < 2; d++) {
                    double e = FactorLayout.bounded(continuous[0][i * 2 + d], -3, 3) - TARGET[d] * context[i];
                    r -= e * e;
                }
                rewardOut[i] = r;
            }
        }
    }

    private static Trainer train(long seed, int rounds) {
        LearnerConfig c = Presets.MTMA_SINGLE.withSizes(8, 1, 1, HORIZON).withUpdates(4, 2)
                .withEntropyAndScaling(0.0, false);
        Trainer t = new Trainer(new TargetEnv(), c, seed, rounds, "agent");
        for (int r = 0; r < rounds; r++) {
            t.round();
        }
        return t;
    }

    /** The actor's output row for context {@code c} at an episode's first step. */
    private static float[] head(Trainer t, float c) {
        RecurrentNet net = t.actor(0);
        RecurrentNet.Config k = net.config();
        Tape tape = new Tape();
        tape.setGradEnabled(false);
        return net.forward(tape, Tensor.wrap(new float[] {c}, 1, 1, 1), new float[] {1f},
                Tensor.zeros(k.gruLayers(), 1, k.hidden())).out().value().data().clone();
    }

    @Test
    void meansMoveToTheTargetsAndTheRunIsReproducible() {
        Trainer t = train(3, 60);
        FactorLayout l = t.env().actionLayout(0);
        for (float c : new float[] {-1f, 1f}) {
            float[] out = head(t, c);
            for (int d = 0; d < 2; d++) {
                double mu = out[l.meanOffset() + d];
                assertTrue(Math.abs(mu - TARGET[d] * c) < 0.25, "context " + c + ", coordinate " + d + ": mean " + mu
                        + ", target " + TARGET[d] * c);
            }
            int want = c > 0 ? 1 : 0;
            assertTrue(out[want] > out[1 - want], "context " + c + ": the choice naming it must be the likelier");
        }
        List<Parameter> a = train(5, 4).actor(0).parameters();
        List<Parameter> b = train(5, 4).actor(0).parameters();
        for (int k = 0; k < a.size(); k++) {
            assertArrayEquals(a.get(k).value().data(), b.get(k).value().data(), "parameter block " + k);
        }
    }
}
