package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;
import org.retailrl.nn.Init;
import org.retailrl.nn.Module;
import org.retailrl.nn.Parameter;
import org.retailrl.nn.RecurrentNet;

/**
 * The loss and gradients of the {@code ppo} update (docs/model.md §8.5: a {@link RecurrentNet} actor
 * and critic, {@code pg − entCoef·H + vfCoef·vLoss} from {@link PolicyLoss} and {@link ValueLoss},
 * combined as {@link Trainer} does) against the double-precision oracle
 * {@link ActorCriticReference}, on batches with resets inside the sequences and non-zero entering
 * hidden states: the loss agrees to 1e-4 relative, and at 60 parameter coordinates (every
 * parameter tensor, then random ones) the float gradient equals a central finite difference of
 * the double loss within {@code 1e-4 + 1e-2·|fd|}.
 */
class ActorCriticGradientTest {
    private static final double CLIP = 0.2;
    private static final double ENT_COEF = 0.01;
    private static final double VF_COEF = 0.5;

    @Test
    void gradientsMatchDoublePrecisionFiniteDifferences() {
        checkAgainstReference(5, 8, 2, 4, 3, 6, 11);
    }

    @Test
    void w1WidthsMatchDoublePrecisionFiniteDifferences() {
        // The W1 network (docs/model.md §8.5: 16 → 64 → 64 → GRU 64 × 2 → 21) on a small batch:
        // exercises the GEMM edge tiles of the real widths (21 actions, 192 gate columns).
        checkAgainstReference(16, 64, 2, 21, 3, 10, 12);
    }

    private static float[] normals(Rng rng, int n, double scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (scale * rng.normal());
        }
        return x;
    }

    static ActorCriticReference.Batch randomBatch(int inputs, int hidden, int layers, int actions, int b, int t,
                                                  Rng rng) {
        int n = b * t;
        float[] maskT = new float[n];
        int[] act = new int[n];
        float[] oldLogp = new float[n];
        for (int i = 0; i < n; i++) {
            // Sequence 0 starts an episode; the others enter with their stored hidden state.
            maskT[i] = (i == 0 || (i >= b && rng.nextDouble() < 0.1)) ? 1f : 0f;
            act[i] = rng.nextInt(actions);
            // Near log(1/A) so that some ratios fall inside and some outside the clip range.
            oldLogp[i] = (float) (-Math.log(actions) + 0.3 * rng.normal());
        }
        return new ActorCriticReference.Batch(t, b, normals(rng, n * inputs, 1), maskT,
                normals(rng, layers * b * hidden, 0.3), normals(rng, layers * b * hidden, 0.3), act, oldLogp,
                normals(rng, n, 1), normals(rng, n, 1), normals(rng, n, 0.5));
    }

    private static void checkAgainstReference(int inputs, int hidden, int layers, int actions, int batchSize,
                                              int steps, long seed) {
        Rng rng = new Rng(seed);
        RecurrentNet actor = RecurrentNet.actor("actor", inputs, hidden, layers, actions, rng);
        RecurrentNet critic = RecurrentNet.critic("critic", inputs, hidden, layers, rng);
        // A larger head gain than the 0.01 policy init, so that the policy term is not negligible.
        Init.orthogonal(actor.parameters().stream().filter(p -> p.name().equals("actor.head.weight")).findFirst()
                .orElseThrow().value(), 1.0, rng);
        ActorCriticReference.Batch batch = randomBatch(inputs, hidden, layers, actions, batchSize, steps, rng);

        Tape tape = new Tape();
        Tensor obsT = Tensor.wrap(batch.obsT(), steps, batchSize, inputs);
        Var logits = actor.forward(tape, obsT, batch.maskT(), Tensor.wrap(batch.h0Actor(), layers, batchSize, hidden))
                .out();
        PolicyLoss.Result p = new PolicyLoss(CLIP, ENT_COEF, true).compute(logits, new FactorLayout(actions),
                batch.actions(), batch.oldLogp(), batch.advantages(), null);
        Var values = critic.forward(tape, obsT, batch.maskT(), Tensor.wrap(batch.h0Critic(), layers, batchSize, hidden))
                .out();
        Var v = new ValueLoss(CLIP, Double.POSITIVE_INFINITY).compute(values, batch.returns(), batch.oldValues());
        Var loss = Ops.add(p.loss(), Ops.scale(v, (float) VF_COEF));
        tape.backward(loss);
        assertTrue(p.clipFraction() > 0 && p.clipFraction() < 1,
                "the batch must exercise both surrogate branches, clip fraction " + p.clipFraction());

        List<Parameter> params = Module.concat(actor, critic);
        ActorCriticReference ref = new ActorCriticReference(params);
        double refLoss = ref.ppoLoss(batch, inputs, layers, CLIP, ENT_COEF, VF_COEF);
        assertEquals(refLoss, loss.value().item(), 1e-4 * Math.max(1, Math.abs(refLoss)), "loss value");

        Rng pick = new Rng(5);
        int checked = 0;
        for (int k = 0; k < 60; k++) {
            Parameter q = params.get(k < params.size() ? k : pick.nextInt(params.size()));
            int i = pick.nextInt(q.size());
            double[] w = ref.weights.p.get(q.name());
            double orig = w[i];
            double h = 1e-6;
            w[i] = orig + h;
            double up = ref.ppoLoss(batch, inputs, layers, CLIP, ENT_COEF, VF_COEF);
            w[i] = orig - h;
            double down = ref.ppoLoss(batch, inputs, layers, CLIP, ENT_COEF, VF_COEF);
            w[i] = orig;
            double fd = (up - down) / (2 * h);
            double got = q.grad().data()[i];
            assertTrue(Math.abs(got - fd) <= 1e-4 + 1e-2 * Math.abs(fd),
                    q.name() + "[" + i + "]: analytic " + got + " vs finite difference " + fd);
            checked++;
        }
        assertEquals(60, checked);
        assertTrue(params.size() <= 60, "every parameter tensor is checked");
    }
}
