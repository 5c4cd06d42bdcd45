package org.retailrl.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * The fused stacked GRU against (a) a double-precision finite-difference reference including reset
 * masks and an initial state, (b) the same network composed from general ops ({@link GRUCell}),
 * and (c) the meaning of a reset.
 */
class GRUTest {
    static final int B = 3;
    static final int T = 7;
    static final int IN = 4;
    static final int H = 5;
    static final int L = 2;

    static Tensor random(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) rng.normal();
        }
        return t;
    }

    static float[] resets(Rng rng) {
        float[] m = new float[B * T];
        for (int i = 0; i < m.length; i++) {
            m[i] = rng.nextDouble() < 0.25 ? 1f : 0f;
        }
        m[1] = 1f; // at least one reset at t = 1 of sequence 0
        m[T] = 1f; // and one at t = 0 of sequence 1 (discards h0)
        return m;
    }

    /** Loss = Σ wOut ⊙ outputs + Σ wLast ⊙ lastHidden, in double. */
    static double refLoss(DoubleReference ref, double[][][] x, double[][] mask, double[][][] h0, double[] wOut, double[] wLast) {
        double[][][] seq = x;
        double s = 0;
        for (int l = 0; l < L; l++) {
            seq = ref.gru("gru." + l, seq, mask, h0[l]);
            for (int b = 0; b < B; b++) {
                for (int j = 0; j < H; j++) {
                    s += wLast[(l * B + b) * H + j] * seq[b][T - 1][j];
                }
            }
        }
        for (int b = 0; b < B; b++) {
            for (int t = 0; t < T; t++) {
                for (int j = 0; j < H; j++) {
                    s += wOut[(b * T + t) * H + j] * seq[b][t][j];
                }
            }
        }
        return s;
    }

    @Test
    void fusedGradientsMatchDoublePrecisionFiniteDifferencesWithMasks() {
        Rng rng = new Rng(3);
        GRU gru = new GRU("gru", IN, H, L, rng);
        Tensor x = random(rng, B, T, IN);
        Tensor h0 = random(rng, L, B, H);
        float[] mask = resets(rng);
        Tensor wOut = random(rng, B, T, H);
        Tensor wLast = random(rng, L, B, H);

        Tape tape = new Tape();
        Var xv = tape.leaf(x);
        Var hv = tape.leaf(h0);
        GRU.Output out = gru.forward(xv, mask, hv);
        Var loss = Ops.add(Ops.sum(Ops.mul(out.outputs(), tape.constant(wOut))), Ops.sum(Ops.mul(out.lastHidden(), tape.constant(wLast))));
        tape.backward(loss);

        DoubleReference ref = new DoubleReference(gru.parameters());
        double[][][] xd = new double[B][T][IN];
        double[][] md = new double[B][T];
        double[][][] hd = new double[L][B][H];
        for (int b = 0; b < B; b++) {
            for (int t = 0; t < T; t++) {
                md[b][t] = mask[b * T + t];
                for (int i = 0; i < IN; i++) {
                    xd[b][t][i] = x.get(b, t, i);
                }
            }
            for (int l = 0; l < L; l++) {
                for (int j = 0; j < H; j++) {
                    hd[l][b][j] = h0.get(l, b, j);
                }
            }
        }
        double[] wo = toDouble(wOut);
        double[] wl = toDouble(wLast);
        double base = refLoss(ref, xd, md, hd, wo, wl);
        assertEquals(base, loss.value().item(), 1e-4 * Math.max(1, Math.abs(base)), "loss value");

        double h = 1e-6;
        int checked = 0;
        // Every parameter coordinate.
        for (Parameter p : gru.parameters()) {
            double[] w = ref.p.get(p.name());
            for (int i = 0; i < w.length; i++) {
                double o = w[i];
                w[i] = o + h;
                double up = refLoss(ref, xd, md, hd, wo, wl);
                w[i] = o - h;
                double down = refLoss(ref, xd, md, hd, wo, wl);
                w[i] = o;
                check(p.name() + "[" + i + "]", p.grad().data()[i], (up - down) / (2 * h));
                checked++;
            }
        }
        // Every input and initial-state coordinate (masked h0 rows must get exactly zero).
        for (int b = 0; b < B; b++) {
            for (int t = 0; t < T; t++) {
                for (int i = 0; i < IN; i++) {
                    double o = xd[b][t][i];
                    xd[b][t][i] = o + h;
                    double up = refLoss(ref, xd, md, hd, wo, wl);
                    xd[b][t][i] = o - h;
                    double down = refLoss(ref, xd, md, hd, wo, wl);
                    xd[b][t][i] = o;
                    check("x" + b + "," + t + "," + i, xv.grad().get(b, t, i), (up - down) / (2 * h));
                    checked++;
                }
            }
            for (int l = 0; l < L; l++) {
                for (int j = 0; j < H; j++) {
                    double o = hd[l][b][j];
                    hd[l][b][j] = o + h;
                    double up = refLoss(ref, xd, md, hd, wo, wl);
                    hd[l][b][j] = o - h;
                    double down = refLoss(ref, xd, md, hd, wo, wl);
                    hd[l][b][j] = o;
                    check("h0 " + l + "," + b + "," + j, hv.grad().get(l, b, j), (up - down) / (2 * h));
                    checked++;
                }
            }
        }
        for (int l = 0; l < L; l++) {
            for (int j = 0; j < H; j++) {
                assertEquals(0f, hv.grad().get(l, 1, j), "sequence 1 resets at t = 0, so h0 gets no gradient");
            }
        }
        assertTrue(checked > 300);
    }

    static void check(String what, double got, double fd) {
        // Float forward/backward against a double central difference: 1e-4 absolute + 1e-3 relative.
        assertTrue(Math.abs(got - fd) <= 1e-4 + 1e-3 * Math.abs(fd), what + ": analytic " + got + " vs finite difference " + fd);
    }

    static double[] toDouble(Tensor t) {
        double[] d = new double[t.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = t.data()[i];
        }
        return d;
    }

    @Test
    void fusedLayerEqualsComposedOpsCell() {
        composedComparison(B, T, 9);
    }

    @Test
    void fusedLayerEqualsComposedOpsCellAcrossGradientBlocks() {
        // 40 sequences: the backward pass takes weight gradients in blocks of 6 steps (256 / 40),
        // so 23 steps give blocks of 6, 6, 6 and 5 steps.
        composedComparison(40, 23, 10);
    }

    private static float[] resets(Rng rng, int batch, int steps) {
        float[] m = new float[batch * steps];
        for (int i = 0; i < m.length; i++) {
            m[i] = rng.nextDouble() < 0.25 ? 1f : 0f;
        }
        return m;
    }

    private static void composedComparison(int B, int T, long seed) {
        Rng rng = new Rng(seed);
        GRULayer layer = new GRULayer("g", IN, H, rng);
        Tensor x = random(rng, B, T, IN);
        Tensor h0 = random(rng, B, H);
        float[] mask = B == GRUTest.B && T == GRUTest.T ? resets(rng) : resets(rng, B, T);
        Tensor wOut = random(rng, B, T, H);

        // Fused, through the batch-major stack API with one layer sharing the parameters.
        Tape tape = new Tape();
        Var xv = tape.leaf(x);
        Var hv = tape.leaf(h0);
        Tensor xT = Tensor.zeros(T, B, IN);
        SeqOps.swap(x.data(), xT.data(), B, T, IN, false);
        Var xTv = SeqOps.swapLeadingAxes(xv);
        Var y = layer.forwardTimeMajor(xTv, SeqOps.timeMajor(mask, B, T), hv);
        Var yB = SeqOps.swapLeadingAxes(y);
        tape.backward(Ops.sum(Ops.mul(yB, tape.constant(wOut))));
        float[][] fusedGrads = new float[4][];
        for (int i = 0; i < 4; i++) {
            fusedGrads[i] = layer.parameters().get(i).grad().data().clone();
            layer.parameters().get(i).zeroGrad();
        }
        Tensor fusedDx = xv.grad().copy();
        Tensor fusedDh0 = hv.grad().copy();
        Tensor fusedY = yB.value().copy();

        // Composed: one GRUCell step per time step; a reset multiplies the state by (1 − mask).
        Tape t2 = new Tape();
        GRUCell cell = new GRUCell(layer);
        Var h = t2.leaf(h0.copy());
        Var h0Leaf = h;
        List<Var> xs = new ArrayList<>();
        Var loss = null;
        for (int t = 0; t < T; t++) {
            Tensor xt = Tensor.zeros(B, IN);
            Tensor keep = Tensor.zeros(B, 1);
            Tensor wt = Tensor.zeros(B, H);
            for (int b = 0; b < B; b++) {
                for (int i = 0; i < IN; i++) {
                    xt.set(x.get(b, t, i), b, i);
                }
                keep.set(1f - mask[b * T + t], b, 0);
                for (int j = 0; j < H; j++) {
                    wt.set(wOut.get(b, t, j), b, j);
                }
            }
            Var xtv = t2.leaf(xt);
            xs.add(xtv);
            h = cell.step(xtv, Ops.mul(h, t2.constant(keep)));
            for (int b = 0; b < B; b++) {
                for (int j = 0; j < H; j++) {
                    assertEquals(fusedY.get(b, t, j), h.value().get(b, j), 1e-6, "output " + b + "," + t + "," + j);
                }
            }
            Var term = Ops.sum(Ops.mul(h, t2.constant(wt)));
            loss = loss == null ? term : Ops.add(loss, term);
        }
        t2.backward(loss);
        for (int i = 0; i < 4; i++) {
            float[] composed = layer.parameters().get(i).grad().data();
            for (int k = 0; k < composed.length; k++) {
                assertEquals(composed[k], fusedGrads[i][k], 1e-5 + 1e-5 * Math.abs(composed[k]),
                        layer.parameters().get(i).name() + "[" + k + "]");
            }
        }
        for (int t = 0; t < T; t++) {
            for (int b = 0; b < B; b++) {
                for (int i = 0; i < IN; i++) {
                    assertEquals(xs.get(t).grad().get(b, i), fusedDx.get(b, t, i), 1e-5, "dx");
                }
            }
        }
        for (int k = 0; k < h0.size(); k++) {
            assertEquals(h0Leaf.grad().data()[k], fusedDh0.data()[k], 1e-5, "dh0");
        }
    }

    @Test
    void aResetStartsTheSequenceAfresh() {
        Rng rng = new Rng(21);
        GRU gru = new GRU("gru", IN, H, L, rng);
        int steps = 12;
        int cut = 5;
        Tensor x = random(rng, 1, steps, IN);
        float[] mask = new float[steps];
        mask[cut] = 1f;
        Tape tape = new Tape();
        Tensor h0 = random(rng, L, 1, H);
        Tensor full = gru.forward(tape.constant(x), mask, tape.constant(h0)).outputs().value();
        // The tail on its own, from zero state.
        Tensor tail = Tensor.zeros(1, steps - cut, IN);
        System.arraycopy(x.data(), cut * IN, tail.data(), 0, tail.size());
        Tensor fresh = gru.forward(tape.constant(tail), null, null).outputs().value();
        for (int t = cut; t < steps; t++) {
            for (int j = 0; j < H; j++) {
                // Same arithmetic on the same row values: 1e-6 only allows for GEMM blocking order.
                assertEquals(fresh.get(0, t - cut, j), full.get(0, t, j), 1e-6, "t=" + t + " j=" + j);
            }
        }
        // And without the reset the outputs differ (the test would not notice a no-op mask otherwise).
        Tensor noReset = gru.forward(tape.constant(x), null, tape.constant(h0)).outputs().value();
        assertTrue(Math.abs(noReset.get(0, cut, 0) - full.get(0, cut, 0)) > 1e-4);
    }

    @Test
    void rejectsBadShapes() {
        GRU gru = new GRU("gru", IN, H, L, new Rng(1));
        Tape tape = new Tape();
        Var x = tape.constant(Tensor.zeros(B, T, IN + 1));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> gru.forward(x, null, null));
        assertTrue(e.getMessage().contains("input shape"), e.getMessage());
        Var ok = tape.constant(Tensor.zeros(B, T, IN));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> gru.forward(ok, new float[3], null));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> gru.forward(ok, null, tape.constant(Tensor.zeros(L, B, H + 1))));
    }
}
