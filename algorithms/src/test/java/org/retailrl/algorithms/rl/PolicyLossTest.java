package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.autodiff.GradientChecker;
import org.retailrl.autodiff.Tape;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * The factorised clipped surrogate of docs/model.md §8.5 and §8.6 against a double-precision
 * reference and finite differences, with and without HAPPO's per-sample weights.
 */
class PolicyLossTest {
    private static final int N = 10;
    private static final FactorLayout LAYOUT = new FactorLayout(3, 5, 2, 4);

    /** Independent reference: joint log-probability as Σ_f (z − log Σ exp z), in double. */
    private static double[] reference(double[] z, int[] act, float[] oldLogp, float[] adv, float[] weights, PolicyLoss loss) {
        int w = LAYOUT.width();
        int nf = LAYOUT.factors();
        double mean = 0;
        for (float x : adv) {
            mean += x;
        }
        mean /= N;
        double ss = 0;
        for (float x : adv) {
            ss += (x - mean) * (x - mean);
        }
        double std = Math.sqrt(ss / (N - 1)) + 1e-8;
        double pg = 0;
        double ent = 0;
        for (int i = 0; i < N; i++) {
            double lp = 0;
            for (int f = 0; f < nf; f++) {
                int o = i * w + LAYOUT.offset(f);
                double lse = 0;
                for (int k = 0; k < LAYOUT.size(f); k++) {
                    lse += Math.exp(z[o + k]);
                }
                lse = Math.log(lse);
                for (int k = 0; k < LAYOUT.size(f); k++) {
                    double l = z[o + k] - lse;
                    ent -= Math.exp(l) * l;
                }
                lp += z[o + act[i * nf + f]] - lse;
            }
            double ratio = Math.exp(lp - oldLogp[i]);
            double ah = (adv[i] - mean) / std;
            double c = Math.min(Math.max(ratio, 1 - loss.clip()), 1 + loss.clip());
            pg -= (weights == null ? 1 : weights[i]) * Math.min(ratio * ah, c * ah);
        }
        return new double[] {pg / N - loss.entCoef() * ent / N};
    }

    private static Tensor randomLogits(Rng rng, int rows) {
        Tensor t = Tensor.zeros(rows, LAYOUT.width());
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) rng.normal();
        }
        return t;
    }

    private static int[] randomActions(Rng rng, int rows) {
        int[] act = new int[rows * LAYOUT.factors()];
        for (int i = 0; i < rows; i++) {
            for (int f = 0; f < LAYOUT.factors(); f++) {
                act[i * LAYOUT.factors() + f] = rng.nextInt(LAYOUT.size(f));
            }
        }
        return act;
    }

    @Test
    void gradientMatchesFiniteDifferencesOnBothBranchesOfTheClip() {
        checkGradient(21, false);
    }

    @Test
    void weightedGradientMatchesFiniteDifferences() {
        checkGradient(22, true);
    }

    private static void checkGradient(long seed, boolean weighted) {
        Rng rng = new Rng(seed);
        Tensor logits = randomLogits(rng, N);
        int[] act = randomActions(rng, N);
        float[] oldLogp = new float[N];
        float[] adv = new float[N];
        float[] w = weighted ? new float[N] : null;
        for (int i = 0; i < N; i++) {
            // Behaviour log-probabilities perturbed so that some joint ratios leave [0.8, 1.2].
            oldLogp[i] = (float) (LAYOUT.logProb(logits.data(), i, act, i * LAYOUT.factors()) + 0.5 * rng.normal());
            adv[i] = (float) rng.normal(0, 2);
            if (weighted) {
                w[i] = (float) (0.3 + 1.5 * rng.nextDouble());
            }
        }
        PolicyLoss loss = new PolicyLoss(0.2, 0.01, true);
        PolicyLoss.Result r = loss.compute(new Tape().leaf(logits), LAYOUT, act, oldLogp, adv, w);
        assertTrue(r.clipFraction() > 0 && r.clipFraction() < 1, "inputs must exercise both branches, clip fraction "
                + r.clipFraction());
        assertEquals(reference(toDouble(logits.data()), act, oldLogp, adv, w, loss)[0], r.loss().value().item(), 1e-5);
        GradientChecker.check((tape, in) -> loss.compute(in[0], LAYOUT, act, oldLogp, adv, w).loss(),
                in -> reference(in[0], act, oldLogp, adv, w, loss), new Tensor[] {logits}, null, 5).assertPassed();
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    @Test
    void ratioIsOneAndKlZeroOnPolicy() {
        Rng rng = new Rng(5);
        Tensor logits = randomLogits(rng, N);
        int[] act = randomActions(rng, N);
        float[] lp = new float[N];
        float[] adv = new float[N];
        for (int i = 0; i < N; i++) {
            lp[i] = (float) LAYOUT.logProb(logits.data(), i, act, i * LAYOUT.factors());
            adv[i] = (float) rng.normal();
        }
        PolicyLoss.Result r = new PolicyLoss(0.2, 0.0, true).compute(new Tape().leaf(logits), LAYOUT, act, lp, adv, null);
        assertEquals(0.0, r.clipFraction());
        // Only the float rounding of the stored log-probability separates ρ from 1.
        assertEquals(0.0, r.approxKl(), 1e-12);
        // With ρ = 1 the normalised advantages average to zero, so the surrogate is zero.
        assertEquals(0.0, r.pgLoss(), 1e-5);
    }

    /**
     * A product of two factors is the categorical over the joint action whose logits are the
     * sums {@code z0[a] + z1[b]}: the factorised loss and the one-factor loss over the 6 joint
     * actions must agree in value, entropy, clipping and gradient (mapped back onto the factors).
     */
    @Test
    void twoFactorsAgreeWithOneCategoricalOverTheJointAction() {
        Rng rng = new Rng(9);
        FactorLayout two = new FactorLayout(3, 2);
        FactorLayout joint = new FactorLayout(6);
        Tensor z = Tensor.zeros(N, 5);
        Tensor zj = Tensor.zeros(N, 6);
        int[] act = new int[2 * N];
        int[] actJ = new int[N];
        float[] old = new float[N];
        float[] adv = new float[N];
        float[] w = new float[N];
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < 5; k++) {
                z.data()[i * 5 + k] = (float) rng.normal();
            }
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 2; b++) {
                    zj.data()[i * 6 + a * 2 + b] = z.data()[i * 5 + a] + z.data()[i * 5 + 3 + b];
                }
            }
            act[2 * i] = rng.nextInt(3);
            act[2 * i + 1] = rng.nextInt(2);
            actJ[i] = act[2 * i] * 2 + act[2 * i + 1];
            old[i] = (float) (-Math.log(6) + 0.4 * rng.normal());
            adv[i] = (float) rng.normal();
            w[i] = (float) (0.5 + rng.nextDouble());
        }
        PolicyLoss loss = new PolicyLoss(0.2, 0.01, true);
        Tape tf = new Tape();
        org.retailrl.autodiff.Var vf = tf.leaf(z);
        PolicyLoss.Result f = loss.compute(vf, two, act, old, adv, w);
        Tape tj = new Tape();
        org.retailrl.autodiff.Var vj = tj.leaf(zj);
        PolicyLoss.Result j = loss.compute(vj, joint, actJ, old, adv, w);
        assertTrue(f.clipFraction() > 0 && f.clipFraction() < 1, "both branches, clip fraction " + f.clipFraction());
        assertEquals(j.loss().value().item(), f.loss().value().item(), 1e-6);
        assertEquals(j.entropy(), f.entropy(), 1e-5);
        assertEquals(j.clipFraction(), f.clipFraction());
        assertEquals(j.approxKl(), f.approxKl(), 1e-6);
        tf.backward(f.loss());
        tj.backward(j.loss());
        // ∂/∂z0[a] = Σ_b ∂/∂zj[a, b] and ∂/∂z1[b] = Σ_a ∂/∂zj[a, b].
        float[] gf = vf.grad().data();
        float[] gj = vj.grad().data();
        for (int i = 0; i < N; i++) {
            for (int a = 0; a < 3; a++) {
                assertEquals(gj[i * 6 + a * 2] + gj[i * 6 + a * 2 + 1], gf[i * 5 + a], 1e-6, "row " + i + " price " + a);
            }
            for (int b = 0; b < 2; b++) {
                assertEquals(gj[i * 6 + b] + gj[i * 6 + 2 + b] + gj[i * 6 + 4 + b], gf[i * 5 + 3 + b], 1e-6,
                        "row " + i + " factor 1 choice " + b);
            }
        }
    }

    @Test
    void badInputNamesTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PolicyLoss(0, 0.01, true))
                .getMessage().contains("clip"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PolicyLoss(0.2, -1, true))
                .getMessage().contains("entCoef"));
        Tensor logits = Tensor.zeros(1, LAYOUT.width());
        int[] act = {0, 0, 2, 0};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PolicyLoss(0.2,
                0, false).compute(new Tape().leaf(logits), LAYOUT, act, new float[1], new float[1], null));
        assertTrue(e.getMessage().contains("actions[0][2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PolicyLoss(0.2, 0, false)
                .compute(new Tape().leaf(logits), LAYOUT, new int[4], new float[1], new float[1], new float[2]));
        assertTrue(e.getMessage().contains("weights"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PolicyLoss(0.2, 0, false)
                .compute(new Tape().leaf(Tensor.zeros(1, 5)), LAYOUT, new int[4], new float[1], new float[1], null));
        assertTrue(e.getMessage().contains("[N, " + LAYOUT.width() + "]"), e.getMessage());
    }
}
