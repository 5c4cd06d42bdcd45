package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.autodiff.GradientChecker;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/** The fused losses against double-precision references and central finite differences. */
class LossGradientTest {
    private static final int N = 12;
    private static final int A = 4;

    private static double[] policyReference(double[] z, int[] act, float[] oldLogp, float[] adv, float[] w,
                                            PolicyLoss loss) {
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
            double lse = 0;
            for (int k = 0; k < A; k++) {
                lse += Math.exp(z[i * A + k]);
            }
            lse = Math.log(lse);
            for (int k = 0; k < A; k++) {
                double lp = z[i * A + k] - lse;
                ent -= Math.exp(lp) * lp;
            }
            double ratio = Math.exp(z[i * A + act[i]] - lse - oldLogp[i]);
            double ah = loss.normaliseAdvantages() ? (adv[i] - mean) / std : adv[i];
            double c = Math.min(Math.max(ratio, 1 - loss.clip()), 1 + loss.clip());
            pg -= w[i] * Math.min(ratio * ah, c * ah);
        }
        return new double[] {pg / N - loss.entCoef() * ent / N};
    }

    @Test
    void weightedClippedSurrogateGradientMatchesFiniteDifferences() {
        Rng rng = new Rng(11);
        Tensor logits = Tensor.zeros(N, A);
        for (int i = 0; i < N * A; i++) {
            logits.data()[i] = (float) rng.normal();
        }
        int[] act = new int[N];
        float[] oldLogp = new float[N];
        float[] adv = new float[N];
        float[] w = new float[N];
        for (int i = 0; i < N; i++) {
            act[i] = rng.nextInt(A);
            // Behaviour log-probs spread so that some ratios fall outside [0.8, 1.2].
            oldLogp[i] = (float) (-Math.log(A) + 0.6 * rng.normal());
            adv[i] = (float) rng.normal(0, 2);
            w[i] = (float) (0.5 + rng.nextDouble());
        }
        PolicyLoss loss = new PolicyLoss(0.2, 0.01, true);
        Tape probe = new Tape();
        PolicyLoss.Result r = loss.compute(probe.leaf(logits), new FactorLayout(A), act, oldLogp, adv, w);
        assertTrue(r.clipFraction() > 0 && r.clipFraction() < 1, "the inputs must exercise both branches, clip fraction "
                + r.clipFraction());
        GradientChecker.check((tape, in) -> loss.compute(in[0], new FactorLayout(A), act, oldLogp, adv, w).loss(),
                in -> policyReference(in[0], act, oldLogp, adv, w, loss),
                new Tensor[] {logits}, null, 5).assertPassed();
    }

    @Test
    void approxKlAndRatioAreZeroAndOneOnPolicy() {
        Rng rng = new Rng(3);
        Tensor logits = Tensor.zeros(N, A);
        for (int i = 0; i < N * A; i++) {
            logits.data()[i] = (float) rng.normal();
        }
        int[] act = new int[N];
        for (int i = 0; i < N; i++) {
            act[i] = rng.nextInt(A);
        }
        float[] lp = new float[N];
        FactorLayout one = new FactorLayout(A);
        for (int i = 0; i < N; i++) {
            lp[i] = (float) one.logProb(logits.data(), i, act, i);
        }
        float[] adv = new float[N];
        for (int i = 0; i < N; i++) {
            adv[i] = (float) rng.normal();
        }
        PolicyLoss.Result r = new PolicyLoss(0.2, 0.0, false).compute(new Tape().constant(logits), one, act, lp,
                adv, null);
        assertEquals(0.0, r.approxKl(), 1e-7);
        assertEquals(0.0, r.clipFraction(), 0.0);
        double meanAdv = 0;
        for (float x : adv) {
            meanAdv += x;
        }
        assertEquals(-meanAdv / N, r.pgLoss(), 1e-6);
    }

    private static double huber(double e, double d) {
        return Math.abs(e) <= d ? 0.5 * e * e : d * (Math.abs(e) - 0.5 * d);
    }

    @Test
    void clippedHuberAndSquaredValueLossGradientsMatchFiniteDifferences() {
        Rng rng = new Rng(21);
        Tensor v = Tensor.zeros(N, 1);
        float[] target = new float[N];
        float[] old = new float[N];
        for (int i = 0; i < N; i++) {
            old[i] = (float) rng.normal(0, 3);
            v.data()[i] = old[i] + (float) rng.normal(0, 0.4);
            target[i] = (float) rng.normal(0, 5);
        }
        for (double delta : new double[] {1.0, Double.POSITIVE_INFINITY}) {
            ValueLoss loss = new ValueLoss(0.2, delta);
            GradientChecker.check((tape, in) -> loss.compute(in[0], target, old),
                    in -> {
                        double s = 0;
                        for (int i = 0; i < N; i++) {
                            double vc = old[i] + Math.min(Math.max(in[0][i] - old[i], -0.2), 0.2);
                            s += Math.max(huber(in[0][i] - target[i], delta), huber(vc - target[i], delta));
                        }
                        return new double[] {s / N};
                    }, new Tensor[] {v}, null, 7).assertPassed();
        }
    }
}
