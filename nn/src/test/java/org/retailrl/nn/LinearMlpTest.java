package org.retailrl.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/** Linear and MLP forward values and gradients against double-precision references. */
class LinearMlpTest {
    @Property(tries = 30)
    void linearGradientsMatchFiniteDifferences(@ForAll @IntRange(min = 1, max = 9) int rows,
                                               @ForAll @IntRange(min = 1, max = 9) int in,
                                               @ForAll @IntRange(min = 1, max = 9) int out,
                                               @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Rng rng = new Rng(seed);
        Linear lin = new Linear("l", in, out, 1.0, rng);
        Init.uniform(lin.bias().value(), 1.0, rng);
        Tensor x = GRUTest.random(rng, rows, in);
        Tensor w = GRUTest.random(rng, rows, out);
        Tape tape = new Tape();
        Var xv = tape.leaf(x);
        Var y = lin.forward(xv);
        tape.backward(Ops.sum(Ops.mul(y, tape.constant(w))));
        // loss = Σ_r,o w[r,o] (b[o] + Σ_i W[o,i] x[r,i]) is linear, so its gradients are exact sums.
        for (int o = 0; o < out; o++) {
            double db = 0;
            for (int r = 0; r < rows; r++) {
                db += w.get(r, o);
                double yv = lin.bias().value().get(o);
                for (int i = 0; i < in; i++) {
                    yv += (double) lin.weight().value().get(o, i) * x.get(r, i);
                }
                assertEquals(yv, y.value().get(r, o), 1e-5 * (1 + Math.abs(yv)), "y");
            }
            assertEquals(db, lin.bias().grad().get(o), 1e-5 * (1 + Math.abs(db)), "db");
            for (int i = 0; i < in; i++) {
                double dw = 0;
                for (int r = 0; r < rows; r++) {
                    dw += (double) w.get(r, o) * x.get(r, i);
                }
                assertEquals(dw, lin.weight().grad().get(o, i), 1e-5 * (1 + Math.abs(dw)), "dW");
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < in; i++) {
                double dx = 0;
                for (int o = 0; o < out; o++) {
                    dx += (double) w.get(r, o) * lin.weight().value().get(o, i);
                }
                assertEquals(dx, xv.grad().get(r, i), 1e-5 * (1 + Math.abs(dx)), "dx");
            }
        }
    }

    @Test
    void mlpGradientsMatchDoublePrecisionFiniteDifferences() {
        for (Activation act : new Activation[] {Activation.TANH, Activation.RELU}) {
            Rng rng = new Rng(4);
            MLP mlp = new MLP("m", new int[] {3, 6, 5, 2}, act, Activation.IDENTITY, 1.0, rng);
            for (Parameter p : mlp.parameters()) {
                if (p.name().endsWith("bias")) {
                    Init.uniform(p.value(), 0.5, rng);
                }
            }
            Tensor x = GRUTest.random(rng, 4, 3);
            Tensor w = GRUTest.random(rng, 4, 2);
            Tape tape = new Tape();
            tape.backward(Ops.sum(Ops.mul(mlp.forward(tape.constant(x)), tape.constant(w))));
            DoubleReference ref = new DoubleReference(mlp.parameters());
            double h = 1e-6;
            for (Parameter p : mlp.parameters()) {
                double[] v = ref.p.get(p.name());
                for (int i = 0; i < v.length; i++) {
                    double o = v[i];
                    v[i] = o + h;
                    double up = mlpLoss(ref, act, x, w);
                    v[i] = o - h;
                    double down = mlpLoss(ref, act, x, w);
                    v[i] = o;
                    GRUTest.check(act + " " + p.name() + "[" + i + "]", p.grad().data()[i], (up - down) / (2 * h));
                }
            }
        }
    }

    private static double mlpLoss(DoubleReference ref, Activation act, Tensor x, Tensor w) {
        double[][] h = new double[x.dim(0)][x.dim(1)];
        for (int r = 0; r < h.length; r++) {
            for (int i = 0; i < h[r].length; i++) {
                h[r][i] = x.get(r, i);
            }
        }
        for (int l = 0; l < 3; l++) {
            h = ref.linear("m." + l, h);
            if (l < 2) {
                for (double[] row : h) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] = act == Activation.TANH ? Math.tanh(row[i]) : Math.max(row[i], 0);
                    }
                }
            }
        }
        double s = 0;
        for (int r = 0; r < h.length; r++) {
            for (int i = 0; i < h[r].length; i++) {
                s += h[r][i] * w.get(r, i);
            }
        }
        return s;
    }

    @Test
    void orthogonalInitIsOrthogonalTimesGain() {
        for (int[] shape : new int[][] {{5, 5}, {3, 7}, {8, 4}}) {
            Tensor w = Tensor.zeros(shape);
            Init.orthogonal(w, 2.0, new Rng(8));
            int rows = shape[0];
            int cols = shape[1];
            boolean wide = rows <= cols;
            int k = wide ? rows : cols;
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    double d = 0;
                    for (int i = 0; i < (wide ? cols : rows); i++) {
                        d += wide ? (double) w.get(a, i) * w.get(b, i) : (double) w.get(i, a) * w.get(i, b);
                    }
                    assertEquals(a == b ? 4.0 : 0.0, d, 1e-5, "Gram matrix of " + java.util.Arrays.toString(shape));
                }
            }
        }
    }

    @Test
    void badArgumentsNameTheParameter() {
        Rng rng = new Rng(1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Linear("l", 0, 3, 1, rng)).getMessage().contains("in"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Init.orthogonal(Tensor.zeros(2, 2), -1, rng)).getMessage().contains("gain"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Activation.parse("sigmoidish")).getMessage().contains("activation"));
        Linear lin = new Linear("l", 3, 2, 1, rng);
        Tape tape = new Tape();
        assertThrows(IllegalArgumentException.class, () -> lin.forward(tape.constant(Tensor.zeros(2, 4))));
    }

    @Test
    void layerNormNormalisesRows() {
        LayerNorm ln = new LayerNorm("ln", 6, 1e-5f);
        Tape tape = new Tape();
        Tensor x = GRUTest.random(new Rng(2), 3, 6);
        Tensor y = ln.forward(tape.constant(x)).value();
        for (int r = 0; r < 3; r++) {
            double m = 0;
            double v = 0;
            for (int i = 0; i < 6; i++) {
                m += y.get(r, i);
            }
            m /= 6;
            for (int i = 0; i < 6; i++) {
                v += (y.get(r, i) - m) * (y.get(r, i) - m);
            }
            assertEquals(0, m, 1e-5);
            assertEquals(1, v / 6, 1e-3);
        }
        assertEquals(2, ln.parameters().size());
    }
}
