package org.retailrl.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent double-precision re-implementation of the layers, written from the equations
 * (docs/model.md §8, PyTorch's GRU, CleanRL's PPO loss) with plain batch-major loops and no shared code
 * with the float implementation, used as the oracle of the gradient tests.
 */
final class DoubleReference {
    final Map<String, double[]> p = new LinkedHashMap<>();

    DoubleReference(List<Parameter> params) {
        for (Parameter q : params) {
            float[] d = q.value().data();
            double[] c = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                c[i] = d[i];
            }
            p.put(q.name(), c);
        }
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** x [n][in] → [n][out] with W [out, in]. */
    double[][] linear(String name, double[][] x) {
        double[] w = p.get(name + ".weight");
        double[] b = p.get(name + ".bias");
        int out = b.length;
        int in = w.length / out;
        double[][] y = new double[x.length][out];
        for (int r = 0; r < x.length; r++) {
            for (int o = 0; o < out; o++) {
                double s = b[o];
                for (int i = 0; i < in; i++) {
                    s += w[o * in + i] * x[r][i];
                }
                y[r][o] = s;
            }
        }
        return y;
    }

    static double[][] tanh(double[][] x) {
        double[][] y = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            y[r] = new double[x[r].length];
            for (int i = 0; i < x[r].length; i++) {
                y[r][i] = Math.tanh(x[r][i]);
            }
        }
        return y;
    }

    /**
     * One GRU layer, batch-major: x[b][t][in], mask[b][t] (1 = reset before step), h0[b][H] or
     * null. Returns out[b][t][H]; the last step is the final state.
     */
    double[][][] gru(String name, double[][][] x, double[][] mask, double[][] h0) {
        double[] wih = p.get(name + ".weight_ih");
        double[] whh = p.get(name + ".weight_hh");
        double[] bih = p.get(name + ".bias_ih");
        double[] bhh = p.get(name + ".bias_hh");
        int h = bih.length / 3;
        int in = wih.length / (3 * h);
        int batch = x.length;
        int steps = x[0].length;
        double[][][] out = new double[batch][steps][h];
        for (int b = 0; b < batch; b++) {
            double[] hs = h0 == null ? new double[h] : h0[b].clone();
            for (int t = 0; t < steps; t++) {
                if (mask != null && mask[b][t] != 0) {
                    hs = new double[h];
                }
                double[] gi = new double[3 * h];
                double[] gh = new double[3 * h];
                for (int g = 0; g < 3 * h; g++) {
                    double s = bih[g];
                    for (int i = 0; i < in; i++) {
                        s += wih[g * in + i] * x[b][t][i];
                    }
                    gi[g] = s;
                    double u = bhh[g];
                    for (int i = 0; i < h; i++) {
                        u += whh[g * h + i] * hs[i];
                    }
                    gh[g] = u;
                }
                double[] nh = new double[h];
                for (int j = 0; j < h; j++) {
                    double r = sigmoid(gi[j] + gh[j]);
                    double z = sigmoid(gi[h + j] + gh[h + j]);
                    double n = Math.tanh(gi[2 * h + j] + r * gh[2 * h + j]);
                    nh[j] = (1 - z) * n + z * hs[j];
                }
                hs = nh;
                out[b][t] = nh;
            }
        }
        return out;
    }

    /** Actor-critic PPO loss of a batch (same definition as {@link PpoLoss}). */
    double ppoLoss(RecurrentActorCritic.Config cfg, RecurrentActorCritic.Batch batch, PpoLoss loss) {
        int bsz = batch.batch();
        int steps = batch.steps();
        double[][][] obs = new double[bsz][steps][cfg.obsDim()];
        double[][] mask = new double[bsz][steps];
        for (int b = 0; b < bsz; b++) {
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < cfg.obsDim(); i++) {
                    obs[b][t][i] = batch.obs().get(b, t, i);
                }
                mask[b][t] = batch.resets()[b * steps + t];
            }
        }
        double[][] logits = flat(trunk("actor", cfg, obs, mask), cfg, "actor.head");
        double[][] values = flat(trunk("critic", cfg, obs, mask), cfg, "critic.head");
        int n = bsz * steps;
        double mean = 0;
        for (float a : batch.advantages()) {
            mean += a;
        }
        mean /= n;
        double ss = 0;
        for (float a : batch.advantages()) {
            ss += (a - mean) * (a - mean);
        }
        double std = Math.sqrt(ss / (n - 1)) + 1e-8;
        double pg = 0;
        double vl = 0;
        double ent = 0;
        double c = loss.clip();
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
            double ratio = Math.exp(z[batch.actions()[i]] - lse - batch.oldLogp()[i]);
            double adv = loss.normaliseAdvantages() ? (batch.advantages()[i] - mean) / std : batch.advantages()[i];
            pg += Math.max(-adv * ratio, -adv * Math.min(Math.max(ratio, 1 - c), 1 + c));
            double v = values[i][0];
            double ov = batch.oldValues()[i];
            double ret = batch.returns()[i];
            double vc = ov + Math.min(Math.max(v - ov, -c), c);
            vl += Math.max((v - ret) * (v - ret), (vc - ret) * (vc - ret));
        }
        return pg / n - loss.entCoef() * ent / n + loss.vfCoef() * 0.5 * vl / n;
    }

    private double[][][] trunk(String who, RecurrentActorCritic.Config cfg, double[][][] obs, double[][] mask) {
        int bsz = obs.length;
        int steps = obs[0].length;
        double[][] rows = new double[bsz * steps][];
        for (int b = 0; b < bsz; b++) {
            for (int t = 0; t < steps; t++) {
                rows[b * steps + t] = obs[b][t];
            }
        }
        double[][] h = tanh(linear(who + ".mlp.0", rows));
        h = tanh(linear(who + ".mlp.1", h));
        double[][][] seq = new double[bsz][steps][];
        for (int b = 0; b < bsz; b++) {
            for (int t = 0; t < steps; t++) {
                seq[b][t] = h[b * steps + t];
            }
        }
        for (int l = 0; l < cfg.gruLayers(); l++) {
            seq = gru(who + ".gru." + l, seq, mask, null);
        }
        return seq;
    }

    private double[][] flat(double[][][] seq, RecurrentActorCritic.Config cfg, String head) {
        int bsz = seq.length;
        int steps = seq[0].length;
        double[][] rows = new double[bsz * steps][];
        for (int b = 0; b < bsz; b++) {
            for (int t = 0; t < steps; t++) {
                rows[b * steps + t] = seq[b][t];
            }
        }
        return linear(head, rows);
    }
}
