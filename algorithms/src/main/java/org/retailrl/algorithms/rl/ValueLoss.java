package org.retailrl.algorithms.rl;

import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;

/**
 * The clipped value loss of docs/model.md §8 as one tape op with a closed-form backward:
 * <pre>
 *   v^c_i = oldV_i + clip(v_i − oldV_i, −c, c)
 *   loss  = mean_i max( ℓ(v_i − R_i), ℓ(v^c_i − R_i) )
 * </pre>
 * with {@code ℓ(e) = ½e²} (CleanRL {@code ppo.py}, whose value loss is {@code 0.5·mean(max(·))})
 * or the Huber loss {@code ℓ(e) = ½e²} for {@code |e| <= δ}, {@code δ(|e| − δ/2)} beyond (HARL,
 * docs/model.md §8 HAPPO: δ = 10). Units: squared units of the targets (normalised targets when value
 * normalisation is on). The coefficient (CleanRL 0.5) is applied by the caller.
 *
 * @param clip       value clip range {@code c}, > 0, or {@code +∞} for no clipping
 * @param huberDelta Huber δ > 0, or {@code +∞} for the squared loss
 */
public record ValueLoss(double clip, double huberDelta) {
    /** Validates the ranges. */
    public ValueLoss {
        if (!(clip > 0)) {
            throw new IllegalArgumentException("clip must be > 0 (or +Infinity), got " + clip);
        }
        if (!(huberDelta > 0)) {
            throw new IllegalArgumentException("huberDelta must be > 0 (or +Infinity), got " + huberDelta);
        }
    }

    private double loss(double e) {
        double ae = Math.abs(e);
        return ae <= huberDelta ? 0.5 * e * e : huberDelta * (ae - 0.5 * huberDelta);
    }

    private double dloss(double e) {
        return Math.abs(e) <= huberDelta ? e : Math.copySign(huberDelta, e);
    }

    /** The loss node over {@code values [N, 1]} (or {@code [N]}). */
    public Var compute(Var values, float[] targets, float[] oldValues) {
        final int n = values.value().size();
        if (targets.length != n || oldValues.length != n) {
            throw new IllegalArgumentException("targets and oldValues must have length N = " + n + ", got "
                    + targets.length + " and " + oldValues.length);
        }
        Tape tape = values.tape();
        float[] v = values.value().data();
        float[] coef = tape.empty(n).data();
        double sum = 0;
        double invN = 1.0 / n;
        for (int i = 0; i < n; i++) {
            double dv = v[i] - oldValues[i];
            double e1 = v[i] - targets[i];
            double e2 = oldValues[i] + Math.min(Math.max(dv, -clip), clip) - targets[i];
            double l1 = loss(e1);
            double l2 = loss(e2);
            if (l1 >= l2) {
                sum += l1;
                coef[i] = (float) (dloss(e1) * invN);
            } else {
                sum += l2;
                coef[i] = (float) ((dv > -clip && dv < clip ? dloss(e2) : 0) * invN);
            }
        }
        Tensor out = tape.empty();
        out.data()[0] = (float) (sum * invN);
        Var loss = tape.result(out, values.requiresGrad());
        if (loss.requiresGrad()) {
            tape.record(() -> {
                float up = loss.grad().data()[0];
                float[] g = values.grad().data();
                for (int i = 0; i < n; i++) {
                    g[i] += up * coef[i];
                }
            });
        }
        return loss;
    }
}
