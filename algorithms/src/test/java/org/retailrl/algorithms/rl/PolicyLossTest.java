package org.retailrl.algorithms.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.rl.PolicyLoss;
import org.retailrl.autodiff.GradientChecker;
import org.retailrl.autodiff.Tape;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/** The factorised clipped surrogate against a double-precision reference and finite differences. */
class FactorisedPolicyLossTest {
    private static final int N = 10;
    private static final FactorLayout LAYOUT = new FactorLayout(3, 5, 2, 4);

    /** Independent reference: joint log-probability as Σ_f (z − log Σ exp z), in double. */
    private static double[] reference(double[] z, int[] act, float[] oldLogp, float[] adv, FactorisedPolicyLoss loss) {
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
            pg -= Math.min(ratio * ah, c * ah);
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
        Rng rng = new Rng(21);
        Tensor logits = randomLogits(rng, N);
        int[] act = randomActions(rng, N);
        float[] oldLogp = new float[N];
        float[] adv = new float[N];
        for (int i = 0; i < N; i++) {
            // Behaviour log-probabilities perturbed so that some joint ratios leave [0.8, 1.2].
            oldLogp[i] = (float) (LAYOUT.logProb(logits.data(), i, act, i * LAYOUT.factors()) + 0.5 * rng.normal());
            adv[i] = (float) rng.normal(0, 2);
        }
        FactorisedPolicyLoss loss = new FactorisedPolicyLoss(0.2, 0.01, true);
        FactorisedPolicyLoss.Result r = loss.compute(new Tape().leaf(logits), LAYOUT, act, oldLogp, adv);
        assertTrue(r.clipFraction() > 0 && r.clipFraction() < 1, "inputs must exercise both branches, clip fraction "
                + r.clipFraction());
        GradientChecker.check((tape, in) -> loss.compute(in[0], LAYOUT, act, oldLogp, adv).loss(),
                in -> reference(in[0], act, oldLogp, adv, loss), new Tensor[] {logits}, null, 5).assertPassed();
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
        FactorisedPolicyLoss.Result r = new FactorisedPolicyLoss(0.2, 0.0, true)
                .compute(new Tape().leaf(logits), LAYOUT, act, lp, adv);
        assertEquals(0.0, r.clipFraction());
        // Only the float rounding of the stored log-probability separates ρ from 1.
        assertEquals(0.0, r.approxKl(), 1e-12);
        // With ρ = 1 the normalised advantages average to zero, so the surrogate is zero.
        assertEquals(0.0, r.pgLoss(), 1e-5);
    }

    @Test
    void oneFactorAgreesWithTheSingleCategoricalLoss() {
        Rng rng = new Rng(9);
        int a = 6;
        FactorLayout one = new FactorLayout(a);
        Tensor logits = Tensor.zeros(N, a);
        for (int i = 0; i < logits.size(); i++) {
            logits.data()[i] = (float) rng.normal();
        }
        int[] act = new int[N];
        float[] old = new float[N];
        float[] adv = new float[N];
        for (int i = 0; i < N; i++) {
            act[i] = rng.nextInt(a);
            old[i] = (float) (-Math.log(a) + 0.4 * rng.normal());
            adv[i] = (float) rng.normal();
        }
        FactorisedPolicyLoss.Result f = new FactorisedPolicyLoss(0.2, 0.01, true)
                .compute(new Tape().leaf(logits), one, act, old, adv);
        PolicyLoss.Result p = new PolicyLoss(0.2, 0.01, true).compute(new Tape().leaf(logits), act, old, adv, null);
        assertEquals(p.loss().value().item(), f.loss().value().item(), 1e-6);
        assertEquals(p.entropy(), f.entropy(), 1e-9);
        assertEquals(p.clipFraction(), f.clipFraction());
    }

    @Test
    void badInputNamesTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FactorisedPolicyLoss(0, 0.01, true))
                .getMessage().contains("clip"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FactorisedPolicyLoss(0.2, -1, true))
                .getMessage().contains("entCoef"));
        Tensor logits = Tensor.zeros(1, LAYOUT.width());
        int[] act = {0, 0, 2, 0};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FactorisedPolicyLoss(0.2,
                0, false).compute(new Tape().leaf(logits), LAYOUT, act, new float[1], new float[1]));
        assertTrue(e.getMessage().contains("actions[0][2]"), e.getMessage());
    }
}
