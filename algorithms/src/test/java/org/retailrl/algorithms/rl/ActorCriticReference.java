package org.retailrl.algorithms.rl;

import java.util.List;
import org.retailrl.nn.DoubleReference;
import org.retailrl.nn.Parameter;

/**
 * The double-precision oracle of the actor-critic PPO loss of docs/model.md §8.5 (CleanRL's
 * {@code ppo.py}): an actor and a critic of the docs/model.md §8.1 shape ({@code name.mlp.0},
 * {@code name.mlp.1} with tanh, {@code name.gru.0 ..}, {@code name.head}) run through the layer
 * oracle {@link DoubleReference}, then, written from the equations with no code shared with
 * {@link PolicyLoss} and {@link ValueLoss},
 * <pre>
 *   loss = mean max(−Â·ρ, −Â·clip(ρ, 1 − c, 1 + c)) − entCoef·mean H + vfCoef·½·mean max((v − R)², (v^c − R)²)
 * </pre>
 * with {@code Â} normalised per batch ({@code std} dividing by {@code N − 1}) and
 * {@code v^c = oldV + clip(v − oldV, −c, c)}. The weights are read from {@link #weights}, so a
 * test can perturb them for finite differences.
 */
final class ActorCriticReference {
    /**
     * A batch in the trainer's layout: {@code B} sequences of {@code T} steps, rows time-major
     * ({@code row = t·B + b}).
     *
     * @param steps      {@code T}
     * @param batch      {@code B}
     * @param obsT       observations {@code [T, B, inputs]}
     * @param maskT      1 where an episode starts at that row (the entering state is zeroed)
     * @param h0Actor    the actor's entering hidden states {@code [L, B, H]}
     * @param h0Critic   the critic's entering hidden states {@code [L, B, H]}
     * @param actions    chosen actions per row
     * @param oldLogp    behaviour log-probabilities per row
     * @param advantages advantages per row
     * @param returns    value targets per row
     * @param oldValues  behaviour values per row
     */
    record Batch(int steps, int batch, float[] obsT, float[] maskT, float[] h0Actor, float[] h0Critic, int[] actions,
                 float[] oldLogp, float[] advantages, float[] returns, float[] oldValues) {
    }

    /** The oracle's copy of the weights of both networks. */
    final DoubleReference weights;

    ActorCriticReference(List<Parameter> params) {
        weights = new DoubleReference(params);
    }

    /** The loss of {@code b} at the current {@link #weights}. */
    double ppoLoss(Batch b, int inputs, int gruLayers, double clip, double entCoef, double vfCoef) {
        double[][] logits = network("actor", b, b.h0Actor(), inputs, gruLayers);
        double[][] values = network("critic", b, b.h0Critic(), inputs, gruLayers);
        int n = b.steps() * b.batch();
        double mean = 0;
        for (float a : b.advantages()) {
            mean += a;
        }
        mean /= n;
        double ss = 0;
        for (float a : b.advantages()) {
            ss += (a - mean) * (a - mean);
        }
        double std = Math.sqrt(ss / (n - 1)) + 1e-8;
        double pg = 0;
        double ent = 0;
        double vl = 0;
        for (int i = 0; i < n; i++) {
            double[] z = logits[i];
            double mx = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                mx = Math.max(mx, v);
            }
            double se = 0;
            for (double v : z) {
                se += Math.exp(v - mx);
            }
            double lse = mx + Math.log(se);
            for (double v : z) {
                ent -= Math.exp(v - lse) * (v - lse);
            }
            double ratio = Math.exp(z[b.actions()[i]] - lse - b.oldLogp()[i]);
            double adv = (b.advantages()[i] - mean) / std;
            pg += Math.max(-adv * ratio, -adv * Math.min(Math.max(ratio, 1 - clip), 1 + clip));
            double v = values[i][0];
            double ov = b.oldValues()[i];
            double ret = b.returns()[i];
            double vc = ov + Math.min(Math.max(v - ov, -clip), clip);
            vl += Math.max((v - ret) * (v - ret), (vc - ret) * (vc - ret));
        }
        return pg / n - entCoef * ent / n + vfCoef * 0.5 * vl / n;
    }

    /** Network {@code who}'s outputs per row, rows time-major. */
    private double[][] network(String who, Batch b, float[] h0, int inputs, int gruLayers) {
        int bsz = b.batch();
        int steps = b.steps();
        // The layer oracle works batch-major: rows b·T + t, sequences [b][t].
        double[][] rows = new double[bsz * steps][inputs];
        double[][] mask = new double[bsz][steps];
        for (int s = 0; s < bsz; s++) {
            for (int t = 0; t < steps; t++) {
                int row = t * bsz + s;
                for (int i = 0; i < inputs; i++) {
                    rows[s * steps + t][i] = b.obsT()[row * inputs + i];
                }
                mask[s][t] = b.maskT()[row];
            }
        }
        double[][] h = DoubleReference.tanh(weights.linear(who + ".mlp.0", rows));
        h = DoubleReference.tanh(weights.linear(who + ".mlp.1", h));
        int hidden = h[0].length;
        double[][][] seq = new double[bsz][steps][];
        for (int s = 0; s < bsz; s++) {
            for (int t = 0; t < steps; t++) {
                seq[s][t] = h[s * steps + t];
            }
        }
        for (int l = 0; l < gruLayers; l++) {
            double[][] init = new double[bsz][hidden];
            for (int s = 0; s < bsz; s++) {
                for (int j = 0; j < hidden; j++) {
                    init[s][j] = h0[(l * bsz + s) * hidden + j];
                }
            }
            seq = weights.gru(who + ".gru." + l, seq, mask, init);
        }
        double[][] last = new double[bsz * steps][];
        for (int s = 0; s < bsz; s++) {
            for (int t = 0; t < steps; t++) {
                last[t * bsz + s] = seq[s][t];
            }
        }
        return weights.linear(who + ".head", last);
    }
}
