package org.retailrl.algorithms.rl;

import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.parallel.TeamKernels;
import org.retailrl.core.parallel.WorkerTeam;
import org.retailrl.core.simd.Kernels;
import org.retailrl.nn.CategoricalRows;

/**
 * The clipped surrogate of PPO (docs/model.md §8.5) for a policy that is a product of independent
 * categorical factors ({@link FactorLayout}; one factor is a plain categorical), with an optional
 * per-sample weight — HAPPO's factor {@code M} (§8.6) — and the entropy bonus, recorded as one
 * tape op with a closed-form backward:
 * <pre>
 *   logp_i = Σ_f log_softmax(z_{i,f})[a_{i,f}],   ρ_i = exp(logp_i − oldLogp_i)
 *   Â_i    = (A_i − mean A) / (std A + 1e-8)             (per-minibatch normalisation, optional)
 *   H_i    = Σ_f H(softmax(z_{i,f}))
 *   loss   = −mean_i( M_i · min(ρ_i Â_i, clip(ρ_i, 1−c, 1+c) Â_i) ) − entCoef · mean_i H_i
 * </pre>
 * The ratio is that of the joint action (exact, not per factor). {@code std} divides by
 * {@code N − 1} like {@code torch.std}. Gradients: {@code ∂logp_i/∂z_{i,f,k} = [k = a_{i,f}] −
 * p_{i,f,k}} and {@code ∂H_{i,f}/∂z_{i,f,k} = −p_{i,f,k}(log p_{i,f,k} + H_{i,f})}; where the two
 * surrogate terms tie the gradient follows the unclipped one, as PyTorch's {@code min}.
 * Diagnostics: approximate KL {@code mean((ρ − 1) − log ρ)} (CleanRL), clip fraction
 * {@code mean(|ρ − 1| > c)}, mean entropy in nats (summed over factors).
 *
 * <p>A layout with Gaussian coordinates ({@link FactorLayout#continuous()}) adds to {@code logp_i}
 * and {@code H_i} their exact terms ({@link FactorLayout#gaussianLogProb},
 * {@link FactorLayout#gaussianEntropy}); with {@code u = (x − μ)/σ} and {@code s = log σ} the
 * gradients are {@code ∂logp/∂μ = u/σ}, {@code ∂logp/∂s = u² − 1} and {@code ∂H/∂s = 1}, where
 * {@code s} is inside its clamp (0 outside, as the clamp is flat there).
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
     * Builds the loss over {@code logits [N, width]}.
     *
     * @param actions    {@code [N·F]}, row {@code i}'s choices at {@code i·F ..}
     * @param oldLogp    behaviour {@code log π(a_i)} {@code [N]}
     * @param advantages {@code [N]}
     * @param weights    per-sample weights {@code [N]}, or null (all 1)
     */
    public Result compute(Var logits, FactorLayout layout, int[] actions, float[] oldLogp, float[] advantages,
                          float[] weights) {
        return compute(logits, layout, actions, null, oldLogp, advantages, weights);
    }

    /**
     * As {@link #compute(Var, FactorLayout, int[], float[], float[], float[])} for a layout with
     * Gaussian coordinates: {@code continuous [N·D]} holds row {@code i}'s coordinates at
     * {@code i·D ..} (null when {@code D = 0}).
     */
    public Result compute(Var logits, FactorLayout layout, int[] actions, float[] continuous, float[] oldLogp,
                          float[] advantages, float[] weights) {
        int[] ls = logits.shape();
        if (ls.length != 2 || ls[1] != layout.width()) {
            throw new IllegalArgumentException("logits shape " + java.util.Arrays.toString(ls) + " must be [N, "
                    + layout.width() + "]");
        }
        final int n = ls[0];
        final int w = layout.width();
        final int nf = layout.factors();
        if (actions.length != n * nf || oldLogp.length != n || advantages.length != n
                || (weights != null && weights.length != n)) {
            throw new IllegalArgumentException("actions, oldLogp, advantages and weights must have N·F = " + n * nf
                    + ", N = " + n + ", N and N entries, got " + actions.length + ", " + oldLogp.length + ", "
                    + advantages.length + " and " + (weights == null ? "none" : Integer.toString(weights.length)));
        }
        final int nd = layout.continuous();
        if (nd > 0 && (continuous == null || continuous.length != n * nd)) {
            throw new IllegalArgumentException("continuous must have N·D = " + n * nd + " entries, got "
                    + (continuous == null ? "none" : Integer.toString(continuous.length)));
        }
        Tape tape = logits.tape();
        float[] z = logits.value().data();
        float[] logp = tape.empty(n, w).data();
        float[] coef = tape.empty(n).data();
        float[] ent = nf == 0 ? new float[0] : tape.empty(n, nf).data();
        double[] stats = CategoricalRows.advantageMeanStd(advantages, normaliseAdvantages);
        ClippedSurrogate surrogate = new ClippedSurrogate(clip, n);
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < nf; f++) {
                int act = actions[i * nf + f];
                if (act < 0 || act >= layout.size(f)) {
                    throw new IllegalArgumentException("actions[" + i + "][" + f + "] must be in [0, " + layout.size(f)
                            + "), got " + act);
                }
            }
        }
        // The rows' log-softmaxes are independent, so they are split over the tape's team; the
        // sums over rows (entropy, surrogate) then run serially in row order, as in one thread.
        double[] entropies = new double[n * nf];
        // e^{−s} of every Gaussian coordinate, from the forward pass for the backward pass (the
        // same value it would compute again).
        double[] invSigma = nd == 0 ? null : new double[n * nd];
        WorkerTeam team = tape.team();
        int parts = TeamKernels.parts(team, n / 16, (long) n * w * 8);
        team.forEachPart(parts, n, 1, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                for (int f = 0; f < nf; f++) {
                    int o = i * w + layout.offset(f);
                    double h = CategoricalRows.logSoftmaxRow(z, o, layout.size(f), logp, null);
                    ent[i * nf + f] = (float) h;
                    entropies[i * nf + f] = h;
                }
            }
        });
        double entSum = 0;
        double invN = 1.0 / n;
        for (int i = 0; i < n; i++) {
            double lp = 0;
            for (int f = 0; f < nf; f++) {
                entSum += entropies[i * nf + f];
                lp += logp[i * w + layout.offset(f) + actions[i * nf + f]];
            }
            if (nd > 0) {
                lp += layout.gaussianLogProb(z, i, continuous, i * nd, invSigma, i * nd);
                entSum += layout.gaussianEntropy(z, i);
            }
            double adv = normaliseAdvantages ? (advantages[i] - stats[0]) / stats[1] : advantages[i];
            coef[i] = surrogate.add(lp - oldLogp[i], adv, weights == null ? 1 : weights[i]);
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
                team.forEachPart(parts, n, 1, (lo, hi) -> {
                    for (int i = lo; i < hi; i++) {
                        float c = coef[i];
                        for (int f = 0; f < nf; f++) {
                            int o = i * w + layout.offset(f);
                            float h = ent[i * nf + f];
                            // dz += up·(−c·p + entScale·p·(log p + h)), p = (float) Math.exp(log p),
                            // in vector lanes with the same bits: the exps were most of this pass.
                            Kernels.softmaxGradRow(logp, o, layout.size(f), c, entScale, h, up, dz, o);
                            dz[o + actions[i * nf + f]] += up * c;
                        }
                        if (nd > 0) {
                            gaussianBackward(z, dz, layout, i, continuous, invSigma, up * c, up * entScale);
                        }
                    }
                });
            });
        }
        return new Result(loss, pgLoss, entropy, surrogate.approxKl(), surrogate.clipFraction());
    }

    /**
     * Adds row {@code i}'s Gaussian gradient: {@code dLogp·∂logp/∂(μ, s) − dEnt·∂H/∂s}, where
     * {@code dLogp = ∂L/∂logp_i} and {@code dEnt} is the entropy weight per row; {@code invSigmas}
     * holds the forward pass's {@code e^{−s}} per row and coordinate.
     */
    private static void gaussianBackward(float[] z, float[] dz, FactorLayout layout, int i, float[] x,
                                         double[] invSigmas, float dLogp, float dEnt) {
        int nd = layout.continuous();
        int mu = i * layout.width() + layout.meanOffset();
        int ls = i * layout.width() + layout.logStdOffset();
        for (int d = 0; d < nd; d++) {
            float raw = z[ls + d];
            double invSigma = invSigmas[i * nd + d];
            double u = (x[i * nd + d] - (double) z[mu + d]) * invSigma;
            dz[mu + d] += (float) (dLogp * u * invSigma);
            if (raw > FactorLayout.LOG_STD_MIN && raw < FactorLayout.LOG_STD_MAX) {
                dz[ls + d] += (float) (dLogp * (u * u - 1) - dEnt);
            }
        }
    }
}
