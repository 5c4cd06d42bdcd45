package org.retailrl.nn;

import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;

/**
 * The PPO minibatch loss of CleanRL's {@code ppo.py} (docs/model.md §8 PPO) over a categorical policy,
 * recorded as one fused tape op with a closed-form backward:
 * <pre>
 *   logp     = log_softmax(logits)[a],   ratio = exp(logp − oldLogp)
 *   Â        = (A − mean A) / (std A + 1e-8)            (when normaliseAdvantages)
 *   pgLoss   = mean(max(−Â·ratio, −Â·clip(ratio, 1 − c, 1 + c)))
 *   vLoss    = ½ · mean(max((v − R)², (oldV + clip(v − oldV, −c, c) − R)²))   (clipped value loss)
 *   entropy  = mean(−Σ_k p_k log p_k)
 *   loss     = pgLoss − entCoef·entropy + vfCoef·vLoss
 * </pre>
 * {@code std} is the sample standard deviation (divisor N − 1) as {@code torch.std}. Where
 * {@code max} ties, the gradient follows the first argument, as in PyTorch.
 *
 * @param clip     clip range {@code c} (CleanRL 0.2), > 0
 * @param entCoef  entropy coefficient (CleanRL 0.01), >= 0
 * @param vfCoef   value-loss coefficient (CleanRL 0.5), >= 0
 * @param normaliseAdvantages per-minibatch advantage normalisation (CleanRL true)
 */
public record PpoLoss(double clip, double entCoef, double vfCoef, boolean normaliseAdvantages) {
    /** CleanRL's defaults: clip 0.2, entropy 0.01, value 0.5, normalised advantages. */
    public static final PpoLoss DEFAULTS = new PpoLoss(0.2, 0.01, 0.5, true);

    /** Validates the ranges. */
    public PpoLoss {
        if (!(clip > 0) || !Double.isFinite(clip)) {
            throw new IllegalArgumentException("clip must be finite and > 0, got " + clip);
        }
        if (!(entCoef >= 0) || !Double.isFinite(entCoef)) {
            throw new IllegalArgumentException("entCoef must be finite and >= 0, got " + entCoef);
        }
        if (!(vfCoef >= 0) || !Double.isFinite(vfCoef)) {
            throw new IllegalArgumentException("vfCoef must be finite and >= 0, got " + vfCoef);
        }
    }

    /** The loss node and its diagnostics (approximate KL as CleanRL's {@code (ratio − 1) − log ratio}). */
    public record Result(Var loss, double pgLoss, double vLoss, double entropy, double approxKl, double clipFraction) {
    }

    /**
     * Builds the loss. All per-sample arrays have length {@code N}, in the same row order as
     * {@code logits [N, A]} and {@code values [N, 1]}.
     */
    public Result compute(Var logits, Var values, int[] actions, float[] oldLogp, float[] advantages,
                          float[] returns, float[] oldValues) {
        int[] ls = logits.shape();
        if (ls.length != 2) {
            throw new IllegalArgumentException("PpoLoss: logits shape " + java.util.Arrays.toString(ls) + " must be [N, A]");
        }
        final int n = ls[0];
        final int a = ls[1];
        if (values.value().size() != n) {
            throw new IllegalArgumentException("PpoLoss: values shape " + java.util.Arrays.toString(values.shape()) + " must hold N = " + n);
        }
        checkLength("actions", actions.length, n);
        checkLength("oldLogp", oldLogp.length, n);
        checkLength("advantages", advantages.length, n);
        checkLength("returns", returns.length, n);
        checkLength("oldValues", oldValues.length, n);
        Tape tape = logits.tape();
        float[] z = logits.value().data();
        float[] v = values.value().data();
        Tensor logpT = tape.empty(n, a);
        float[] logp = logpT.data();
        // p = e^{logp} rounded to float, kept for the backward pass so it is not evaluated twice.
        float[] probs = tape.empty(n, a).data();
        // Per-sample backward coefficients: d loss / d logp[a_i], entropy per row, d loss / d v_i.
        float[] coefLogp = tape.empty(n).data();
        float[] rowEntropy = tape.empty(n).data();
        float[] coefV = tape.empty(n).data();

        double[] advStats = CategoricalRows.advantageMeanStd(advantages, normaliseAdvantages);
        double advMean = advStats[0];
        double advStd = advStats[1];
        double pgSum = 0;
        double vSum = 0;
        double entSum = 0;
        double klSum = 0;
        int clipped = 0;
        double invN = 1.0 / n;
        for (int i = 0; i < n; i++) {
            int act = actions[i];
            if (act < 0 || act >= a) {
                throw new IllegalArgumentException("actions[" + i + "] must be in [0, " + a + "), got " + act);
            }
            int o = i * a;
            double ent = CategoricalRows.logSoftmaxRow(z, o, a, logp, probs);
            rowEntropy[i] = (float) ent;
            entSum += ent;

            double logRatio = (double) logp[o + act] - oldLogp[i];
            double ratio = Math.exp(logRatio);
            double adv = normaliseAdvantages ? (advantages[i] - advMean) / advStd : advantages[i];
            double pg1 = -adv * ratio;
            double clippedRatio = Math.min(Math.max(ratio, 1 - clip), 1 + clip);
            double pg2 = -adv * clippedRatio;
            double dRatio;
            if (pg1 >= pg2) {
                pgSum += pg1;
                dRatio = -adv;
            } else {
                pgSum += pg2;
                dRatio = (ratio > 1 - clip && ratio < 1 + clip) ? -adv : 0;
            }
            coefLogp[i] = (float) (dRatio * ratio * invN);
            klSum += (ratio - 1) - logRatio;
            if (Math.abs(ratio - 1) > clip) {
                clipped++;
            }

            double vi = v[i];
            double du = vi - returns[i];
            double dv = vi - oldValues[i];
            double vc = oldValues[i] + Math.min(Math.max(dv, -clip), clip);
            double dc = vc - returns[i];
            double dVal;
            if (du * du >= dc * dc) {
                vSum += du * du;
                dVal = 2 * du;
            } else {
                vSum += dc * dc;
                dVal = (dv > -clip && dv < clip) ? 2 * dc : 0;
            }
            coefV[i] = (float) (vfCoef * 0.5 * dVal * invN);
        }
        double pgLoss = pgSum * invN;
        double vLoss = 0.5 * vSum * invN;
        double entropy = entSum * invN;
        float total = (float) (pgLoss - entCoef * entropy + vfCoef * vLoss);
        Tensor lossT = tape.empty();
        lossT.data()[0] = total;
        boolean grad = (logits.requiresGrad() || values.requiresGrad()) && tape.isGradEnabled();
        Var loss = tape.result(lossT, grad);
        final float entScale = (float) (entCoef * invN);
        if (grad) {
            tape.record(() -> {
                float up = loss.grad().data()[0];
                if (logits.requiresGrad()) {
                    float[] dz = logits.grad().data();
                    for (int i = 0; i < n; i++) {
                        int o = i * a;
                        float c = coefLogp[i];
                        float h = rowEntropy[i];
                        for (int k = 0; k < a; k++) {
                            float lp = logp[o + k];
                            float p = probs[o + k];
                            // d(logp_a)/dz_k = [k = a] − p_k ; d(entropy_i)/dz_k = −p_k (log p_k + H_i)
                            float g = -c * p + entScale * p * (lp + h);
                            dz[o + k] += up * g;
                        }
                        dz[o + actions[i]] += up * c;
                    }
                }
                if (values.requiresGrad()) {
                    float[] dv = values.grad().data();
                    for (int i = 0; i < n; i++) {
                        dv[i] += up * coefV[i];
                    }
                }
            });
        }
        return new Result(loss, pgLoss, vLoss, entropy, klSum * invN, (double) clipped * invN);
    }

    private static void checkLength(String name, int got, int n) {
        if (got != n) {
            throw new IllegalArgumentException("PpoLoss: " + name + " length " + got + " must equal N = " + n);
        }
    }
}
