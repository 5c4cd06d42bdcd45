package org.retailrl.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.autodiff.Tape;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * The W1 actor-critic's loss and gradients against the double-precision reference
 * ({@link DoubleReference}): the loss value agrees to 1e-4 relative, and at 60 random parameter
 * coordinates (covering every parameter tensor) the float gradient equals a central finite
 * difference of the double loss within {@code 1e-4 + 1e-2·|fd|}.
 */
class RecurrentActorCriticTest {
    static RecurrentActorCritic.Batch randomBatch(RecurrentActorCritic.Config cfg, int b, int t, Rng rng) {
        Tensor obs = Tensor.zeros(b, t, cfg.obsDim());
        for (int i = 0; i < obs.size(); i++) {
            obs.data()[i] = (float) rng.normal();
        }
        int n = b * t;
        float[] resets = new float[n];
        int[] actions = new int[n];
        float[] oldLogp = new float[n];
        float[] adv = new float[n];
        float[] ret = new float[n];
        float[] oldV = new float[n];
        for (int i = 0; i < n; i++) {
            resets[i] = (i % t == 0 || rng.nextDouble() < 0.1) ? 1f : 0f;
            actions[i] = rng.nextInt(cfg.actions());
            // Near log(1/A) so that some ratios fall inside and some outside the clip range.
            oldLogp[i] = (float) (-Math.log(cfg.actions()) + 0.3 * rng.normal());
            adv[i] = (float) rng.normal();
            ret[i] = (float) rng.normal();
            oldV[i] = (float) (0.5 * rng.normal());
        }
        return new RecurrentActorCritic.Batch(obs, resets, actions, oldLogp, adv, ret, oldV);
    }

    @Test
    void gradientsMatchDoublePrecisionFiniteDifferences() {
        RecurrentActorCritic.Config cfg = new RecurrentActorCritic.Config(5, 8, 2, 4);
        Rng rng = new Rng(11);
        RecurrentActorCritic net = new RecurrentActorCritic(cfg, rng);
        // Larger head gains than the 0.01 policy init, so that the policy term is not negligible.
        for (Parameter p : net.parameters()) {
            if (p.name().startsWith("actor.head.weight")) {
                Init.orthogonal(p.value(), 1.0, rng);
            }
        }
        RecurrentActorCritic.Batch batch = randomBatch(cfg, 3, 6, rng);
        Tape tape = new Tape();
        PpoLoss.Result res = net.ppoLoss(tape, batch, PpoLoss.DEFAULTS);
        tape.backward(res.loss());

        DoubleReference ref = new DoubleReference(net.parameters());
        double refLoss = ref.ppoLoss(cfg, batch, PpoLoss.DEFAULTS);
        assertEquals(refLoss, res.loss().value().item(), 1e-4 * Math.max(1, Math.abs(refLoss)), "loss value");

        List<Parameter> params = net.parameters();
        Rng pick = new Rng(5);
        int checked = 0;
        for (int k = 0; k < 60; k++) {
            Parameter p = params.get(k < params.size() ? k : pick.nextInt(params.size()));
            int i = pick.nextInt(p.size());
            double[] w = ref.p.get(p.name());
            double orig = w[i];
            double h = 1e-6;
            w[i] = orig + h;
            double up = ref.ppoLoss(cfg, batch, PpoLoss.DEFAULTS);
            w[i] = orig - h;
            double down = ref.ppoLoss(cfg, batch, PpoLoss.DEFAULTS);
            w[i] = orig;
            double fd = (up - down) / (2 * h);
            double got = p.grad().data()[i];
            assertTrue(Math.abs(got - fd) <= 1e-4 + 1e-2 * Math.abs(fd),
                    p.name() + "[" + i + "]: analytic " + got + " vs finite difference " + fd);
            checked++;
        }
        assertEquals(60, checked);
    }
}
