package org.retailrl.runtime.internal;

import java.util.Arrays;
import org.retailrl.runtime.kernel.RowKernel;

/**
 * Single-row inference of one recurrent actor of docs/model.md §8.1 (MLP1 with two tanh layers →
 * stacked GRU layers → linear head → logits), the same operation order as the training engine's
 * own single-row inference and its batched forward pass: each output is a fused-multiply-add
 * chain over the inputs in index order from zero ({@link RowKernel}), then the bias is added. The
 * activations are the engine's scalar ones ({@code (float) Math.tanh}, {@code (float) (1/(1+e^-x))}),
 * so the logits equal the engine's on its scalar path bit for bit. Weights are copied at
 * construction and never written again: one instance serves any number of threads, each
 * decision stream owning a {@link State}.
 */
public final class RowNet {
    /** Transposed weight rows are zero-padded to a multiple of 16 floats (one 512-bit vector). */
    private static final int PAD = 16;

    private final RowKernel kernel;
    private final int inputs;
    private final int hidden;
    private final int layers;
    private final int outputs;
    private final float[] w0t;
    private final float[] b0;
    private final float[] w1t;
    private final float[] b1;
    private final float[][] wihT;
    private final float[][] whhT;
    private final float[][] ghInit;
    private final float[][] bih;
    private final float[] headT;
    private final float[] headB;

    /** One decision stream's hidden states and scratch; not thread-safe. */
    public static final class State {
        private final RowNet owner;
        private final float[] hs;
        private final float[] acc;
        private final float[] a;
        private final float[] b;
        private final float[] gates;
        private final float[] gh;
        private final float[] hn;
        private final float[] hprev;
        private final float[] logits;

        private State(RowNet net) {
            owner = net;
            int h = net.hidden;
            hs = new float[net.layers * h];
            acc = new float[Math.max(padded(3 * h), padded(net.outputs))];
            a = new float[h];
            b = new float[h];
            gates = new float[padded(3 * h)];
            gh = new float[padded(3 * h)];
            hn = new float[h];
            hprev = new float[h];
            logits = new float[net.outputs];
        }

        /** Zeroes the hidden states. */
        public void reset() {
            Arrays.fill(hs, 0f);
        }
    }

    /** The actor {@code a} of a decoded policy file, packed for {@code kernel}. */
    public RowNet(PolicyImage.Actor a, RowKernel kernel) {
        this.kernel = kernel;
        inputs = a.inputs;
        hidden = a.hidden;
        layers = a.gruLayers;
        outputs = a.outputs;
        int h = hidden;
        w0t = packed(a.get("mlp.0.weight"), h, inputs);
        b0 = a.get("mlp.0.bias").clone();
        w1t = packed(a.get("mlp.1.weight"), h, h);
        b1 = a.get("mlp.1.bias").clone();
        wihT = new float[layers][];
        whhT = new float[layers][];
        ghInit = new float[layers][];
        bih = new float[layers][];
        for (int l = 0; l < layers; l++) {
            String g = "gru." + l + ".";
            wihT[l] = packed(a.get(g + "weight_ih"), 3 * h, h);
            whhT[l] = packed(a.get(g + "weight_hh"), 3 * h, h);
            bih[l] = a.get(g + "bias_ih").clone();
            float[] bhh = a.get(g + "bias_hh");
            // Both biases of r and z start the recurrent sum; b_hn stays alone because r multiplies it.
            ghInit[l] = new float[3 * h];
            for (int j = 0; j < 2 * h; j++) {
                ghInit[l][j] = bih[l][j] + bhh[j];
            }
            System.arraycopy(bhh, 2 * h, ghInit[l], 2 * h, h);
        }
        headT = packed(a.get("head.weight"), outputs, h);
        headB = a.get("head.bias").clone();
    }

    private float[] packed(float[] w, int rows, int cols) {
        int ld = padded(rows);
        float[] t = new float[ld * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * ld + r] = w[r * cols + c];
            }
        }
        return kernel.pack(t, cols, ld);
    }

    private static int padded(int n) {
        return (n + PAD - 1) / PAD * PAD;
    }

    /** A fresh state with zero hidden states. */
    public State newState() {
        return new State(this);
    }

    /** Number of logits. */
    public int outputs() {
        return outputs;
    }

    /**
     * One step on {@code x[0 .. inputs)}; with {@code reset} the hidden states are zeroed first.
     * Allocates nothing.
     *
     * @return the state's logits, overwritten by the next step
     */
    public float[] step(State s, float[] x, boolean reset) {
        if (s.owner != this) {
            throw new IllegalArgumentException("state must come from this network's newState()");
        }
        int h = hidden;
        if (reset) {
            s.reset();
        }
        linear(w0t, b0, x, 0, inputs, h, s.acc, s.a);
        tanh(s.a, h);
        linear(w1t, b1, s.a, 0, h, h, s.acc, s.b);
        tanh(s.b, h);
        float[] in = s.b;
        int inOff = 0;
        for (int l = 0; l < layers; l++) {
            int ho = l * h;
            System.arraycopy(s.hs, ho, s.hprev, 0, h);
            kernel.matvec(wihT[l], in, inOff, h, padded(3 * h), s.gates);
            kernel.matvec(whhT[l], s.hprev, 0, h, padded(3 * h), s.gh);
            float[] init = ghInit[l];
            for (int j = 0; j < 3 * h; j++) {
                s.gh[j] = init[j] + s.gh[j];
            }
            for (int j = 0; j < 2 * h; j++) {
                float v = s.gates[j] + s.gh[j];
                s.gates[j] = (float) (1.0 / (1.0 + Math.exp(-v)));
            }
            System.arraycopy(s.gh, 2 * h, s.hn, 0, h);
            float[] bi = bih[l];
            for (int j = 0; j < h; j++) {
                float n = (float) Math.tanh(s.gates[2 * h + j] + (bi[2 * h + j] + s.gates[j] * s.hn[j]));
                s.gates[2 * h + j] = n;
                s.hs[ho + j] = n + s.gates[h + j] * (s.hprev[j] - n);
            }
            in = s.hs;
            inOff = ho;
        }
        linear(headT, headB, in, inOff, h, outputs, s.acc, s.logits);
        return s.logits;
    }

    private void linear(float[] wt, float[] bias, float[] x, int xo, int in, int out, float[] acc, float[] y) {
        kernel.matvec(wt, x, xo, in, padded(out), acc);
        for (int j = 0; j < out; j++) {
            y[j] = bias[j] + acc[j];
        }
    }

    private static void tanh(float[] v, int n) {
        for (int j = 0; j < n; j++) {
            v[j] = (float) Math.tanh(v[j]);
        }
    }

    /** Index of the largest of {@code x[0..n)}, the lowest index on ties (the engine's greedy rule). */
    public static int argmax(float[] x, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (x[k] > x[best]) {
                best = k;
            }
        }
        return best;
    }
}
