package org.retailrl.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent double-precision re-implementation of the layers, written from the equations
 * (docs/model.md §8.1, PyTorch's linear layer and GRU) with plain batch-major loops and no shared
 * code with the float implementation, used as the oracle of the gradient tests; the learners'
 * tests build their actor-critic loss oracle on it.
 */
public final class DoubleReference {
    /** Double copies of the parameters by name; a test perturbs these for finite differences. */
    public final Map<String, double[]> p = new LinkedHashMap<>();

    /** Copies {@code params}' current values. */
    public DoubleReference(List<Parameter> params) {
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
    public double[][] linear(String name, double[][] x) {
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

    /** Elementwise tanh. */
    public static double[][] tanh(double[][] x) {
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
    public double[][][] gru(String name, double[][][] x, double[][] mask, double[][] h0) {
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
}
