package org.retailrl.algorithms.rl;

import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.nn.CategoricalRows;

/**
 * The clipped surrogate of PPO with an optional per-sample weight — the HAPPO factor {@code M}
 * (MODEL.md §8 PPO and HAPPO; HARL {@code actors/happo.py}) — and an entropy bonus, recorded as
 * one tape op with a closed-form backward:
 * <pre>
 *   logp_i = log_softmax(z_i)[a_i],   ρ_i = exp(logp_i − oldLogp_i)
 *   Â_i    = (A_i − mean A) / (std A + 1e-8)          (per-minibatch normalisation, optional)
 *   loss   = −mean_i( M_i · min(ρ_i Â_i, clip(ρ_i, 1−c, 1+c) Â_i) ) − entCoef · mean_i H(π_i)
 * </pre>
 * {@code std} divides by {@code N − 1} like {@code torch.std}. Where the two surrogate terms tie
 * the gradient follows the unclipped one, as PyTorch's {@code min}. Diagnostics: approximate KL
 * {@code mean((ρ − 1) − log ρ)} (CleanRL), clip fraction {@code mean(|ρ − 1| > c)}, entropy in nats.
 *
 * @param clip                clip range {@code c}, > 0
 * @param entCoef             entropy coefficient, >= 0
 * @param normaliseAdvantages whether to normalise advantages within the minibatch
 */
public record PolicyLoss(double clip, double entCoef, boolean normaliseAdvantages) {
    /** Validates the ranges. */
    public PolicyLoss {
        if (!(clip > 0) || !Double.isFinite(clip)) {
            throw new IllegalArgumentException("clip must be finite and > 0, got " + clip);
        }
        if (!(entCoef >= 0) || !Double.isFinite(entCoef)) {
            throw new IllegalArgumentException("entCoef must be finite and >= 0, got " + entCoef);
        }
    }

    /** The loss node and its diagnostics. */
    public record Result(Var loss, double pgLoss, double entropy, double approxKl, double clipFraction) {
    }

    /**
     * Builds the loss over logits {@code [N, A]}; {@code weights} may be null (all 1).
     */
    public Result compute(Var logits, int[] actions, float[] oldLogp, float[] advantages, float[] weights) {
        int[] ls = logits.shape();
        if (ls.length != 2) {
            throw new IllegalArgumentException("logits shape " + java.util.Arrays.toString(ls) + " must be [N, A]");
        }
        final int n = ls[0];
        final int a = ls[1];
        check("actions", actions.length, n);
        check("oldLogp", oldLogp.length, n);
        check("advantages", advantages.length, n);
        if (weights != null) {
            check("weights", weights.length, n);
        }
        Tape tape = logits.tape();
        float[] z = logits.value().data();
        float[] logp = tape.empty(n, a).data();
        float[] coef = tape.empty(n).data();
        float[] rowEnt = tape.empty(n).data();
        double[] stats = CategoricalRows.advantageMeanStd(advantages, normaliseAdvantages);
        double mean = stats[0];
        double std = stats[1];
        ClippedSurrogate surrogate = new ClippedSurrogate(clip, n);
        double entSum = 0;
        double invN = 1.0 / n;
        for (int i = 0; i < n; i++) {
            int act = actions[i];
            if (act < 0 || act >= a) {
                throw new IllegalArgumentException("actions[" + i + "] must be in [0, " + a + "), got " + act);
            }
            int o = i * a;
            double ent = CategoricalRows.logSoftmaxRow(z, o, a, logp, null);
            rowEnt[i] = (float) ent;
            entSum += ent;
            double adv = normaliseAdvantages ? (advantages[i] - mean) / std : advantages[i];
            coef[i] = surrogate.add((double) logp[o + act] - oldLogp[i], adv, weights == null ? 1 : weights[i]);
        }
        double pgLoss = surrogate.pgLoss();
        double entropy = entSum * invN;
        Tensor lossT = tape.empty();
        lossT.data()[0] = (float) (pgLoss - entCoef * entropy);
        Var loss = tape.result(lossT, logits.requiresGrad());
        if (loss.requiresGrad()) {
            final float entScale = (float) (entCoef * invN);
            tape.record(() -> {
                float up = loss.grad().data()[0];
                float[] dz = logits.grad().data();
                for (int i = 0; i < n; i++) {
                    int o = i * a;
                    float c = coef[i];
                    float h = rowEnt[i];
                    for (int k = 0; k < a; k++) {
                        float lp = logp[o + k];
                        float p = (float) Math.exp(lp);
                        // d logp_a / dz_k = [k = a] − p_k ; d H / dz_k = −p_k (log p_k + H)
                        dz[o + k] += up * (-c * p + entScale * p * (lp + h));
                    }
                    dz[o + actions[i]] += up * c;
                }
            });
        }
        return new Result(loss, pgLoss, entropy, surrogate.approxKl(), surrogate.clipFraction());
    }

    /** Log-probability of {@code actions[i]} under the softmax of row {@code i} of {@code logits [N, A]}. */
    public static void logProbs(float[] logits, int a, int[] actions, float[] out) {
        for (int i = 0; i < actions.length; i++) {
            int o = i * a;
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < a; k++) {
                max = Math.max(max, logits[o + k]);
            }
            double se = 0;
            for (int k = 0; k < a; k++) {
                se += Math.exp(logits[o + k] - max);
            }
            float lse = (float) (max + Math.log(se));
            out[i] = logits[o + actions[i]] - lse;
        }
    }

    private static void check(String name, int got, int n) {
        if (got != n) {
            throw new IllegalArgumentException(name + " length " + got + " must equal N = " + n);
        }
    }
}
