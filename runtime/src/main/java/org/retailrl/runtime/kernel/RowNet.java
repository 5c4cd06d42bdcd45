package org.retailrl.runtime.kernel;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Single-row inference of one recurrent actor of docs/model.md §8.1 (MLP1 with two tanh layers →
 * stacked GRU layers → linear head → logits) in the operation order of the training forward pass
 * ({@code nn.Linear}, {@code nn.GRULayer}): each output is a fused-multiply-add chain over the
 * inputs in index order from zero ({@link RowKernel}), then the bias is added; the GRU gate
 * algebra is the same elementwise sequence. The elementwise activations are supplied
 * ({@link Elementwise}): the runtime uses {@link #SCALAR}, the engine's scalar ones, and the
 * engine passes its own kernels, so each side reproduces its own batched pass. Weights are copied
 * at construction and never written again: one instance serves any number of threads, each
 * decision stream owning a {@link State}.
 */
public final class RowNet {
    /** The elementwise steps of a row: in-place tanh and logistic, and the GRU output tail. */
    public interface Elementwise {
        /** {@code v[0..n) = tanh(v[0..n))}. */
        void tanh(float[] v, int n);

        /** {@code v[0..n) = 1/(1 + e^−v)}. */
        void sigmoid(float[] v, int n);

        /**
         * {@code n = tanh(g_n + (bIn[bo + j] + r·hn))} stored into {@code g}'s n block, then
         * {@code out[oo + j] = n + z·(hPrev − n)}, for the gate row {@code g = [r | z | n]} of width {@code 3h}.
         */
        void gruTail(float[] g, float[] bIn, int bo, float[] hn, float[] hPrev, float[] out, int oo, int h);
    }

    /**
     * The engine's scalar elementwise arithmetic: {@code (float) Math.tanh(x)},
     * {@code (float) (1.0 / (1.0 + Math.exp(-x)))} and the GRU tail in float.
     */
    public static final Elementwise SCALAR = new Elementwise() {
        @Override
        public void tanh(float[] v, int n) {
            for (int j = 0; j < n; j++) {
                v[j] = (float) Math.tanh(v[j]);
            }
        }

        @Override
        public void sigmoid(float[] v, int n) {
            for (int j = 0; j < n; j++) {
                v[j] = (float) (1.0 / (1.0 + Math.exp(-v[j])));
            }
        }

        @Override
        public void gruTail(float[] g, float[] bIn, int bo, float[] hn, float[] hPrev, float[] out, int oo, int h) {
            for (int j = 0; j < h; j++) {
                float n = (float) Math.tanh(g[2 * h + j] + (bIn[bo + j] + g[j] * hn[j]));
                g[2 * h + j] = n;
                out[oo + j] = n + g[h + j] * (hPrev[j] - n);
            }
        }
    };

    /** Largest accepted width {@code H} of a network read from a file (both readers refuse wider ones before allocating). */
    public static final int MAX_HIDDEN = 4096;
    /** Largest accepted number of stacked GRU layers of a network read from a file. */
    public static final int MAX_GRU_LAYERS = 16;
    /** Largest accepted input or output count of a network read from a file. */
    public static final int MAX_WIDTH = 1 << 20;

    /**
     * Floats of a network of these sizes: MLP1 (two layers), {@code layers} GRU layers of width
     * {@code h}, the head; weights and biases.
     *
     * @return the parameter count
     */
    public static long parameterCount(long inputs, long h, long layers, long outputs) {
        return inputs * h + h + h * h + h + layers * (6 * h * h + 6 * h) + h * outputs + outputs;
    }

    /** Transposed weight rows are zero-padded to a multiple of 16 floats (one 512-bit vector). */
    private static final int PAD = 16;

    private final RowKernel kernel;
    private final Elementwise ops;
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

        /**
         * The logits of the last step, overwritten by the next.
         *
         * @return the state's logits array
         */
        public float[] logits() {
            return logits;
        }

        /**
         * A copy of the hidden states {@code [L·H]}, layer 0 first.
         *
         * @return the copy
         */
        public float[] hidden() {
            return hs.clone();
        }
    }

    /**
     * A network of the given sizes whose parameters {@code weight} returns by role
     * ({@code "mlp.0.weight"} {@code [H, inputs]}, {@code "mlp.0.bias"}, {@code "mlp.1.weight"},
     * {@code "mlp.1.bias"}, {@code "gru.l.weight_ih"} {@code [3H, H]}, {@code "gru.l.weight_hh"},
     * {@code "gru.l.bias_ih"}, {@code "gru.l.bias_hh"}, {@code "head.weight"} {@code [outputs, H]},
     * {@code "head.bias"}; row-major, shapes already checked), copied and packed for {@code kernel}.
     */
    public RowNet(int inputs, int hidden, int gruLayers, int outputs, Function<String, float[]> weight, RowKernel kernel,
                  Elementwise ops) {
        this.kernel = kernel;
        this.ops = ops;
        this.inputs = inputs;
        this.hidden = hidden;
        this.layers = gruLayers;
        this.outputs = outputs;
        Function<String, float[]> a = weight;
        int h = hidden;
        w0t = packed(a.apply("mlp.0.weight"), h, inputs);
        b0 = a.apply("mlp.0.bias").clone();
        w1t = packed(a.apply("mlp.1.weight"), h, h);
        b1 = a.apply("mlp.1.bias").clone();
        wihT = new float[layers][];
        whhT = new float[layers][];
        ghInit = new float[layers][];
        bih = new float[layers][];
        for (int l = 0; l < layers; l++) {
            String g = "gru." + l + ".";
            wihT[l] = packed(a.apply(g + "weight_ih"), 3 * h, h);
            whhT[l] = packed(a.apply(g + "weight_hh"), 3 * h, h);
            bih[l] = a.apply(g + "bias_ih").clone();
            float[] bhh = a.apply(g + "bias_hh");
            // Both biases of r and z start the recurrent sum; b_hn stays alone because r multiplies it.
            ghInit[l] = new float[3 * h];
            for (int j = 0; j < 2 * h; j++) {
                ghInit[l][j] = bih[l][j] + bhh[j];
            }
            System.arraycopy(bhh, 2 * h, ghInit[l], 2 * h, h);
        }
        headT = packed(a.apply("head.weight"), outputs, h);
        headB = a.apply("head.bias").clone();
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

    /** Observation width. */
    public int inputs() {
        return inputs;
    }

    /**
     * One step on {@code x[xo .. xo + inputs)}; with {@code reset} the hidden states are zeroed
     * first (an episode starts here, as the reset mask of training). Allocates nothing.
     *
     * @return the state's logits, overwritten by the next step
     */
    public float[] step(State s, float[] x, int xo, boolean reset) {
        if (s == null || s.owner != this) {
            throw new IllegalArgumentException("state must come from this network's newState()");
        }
        if (x == null || xo < 0 || xo > x.length - inputs) {
            throw new IllegalArgumentException("x must hold " + inputs + " floats from offset " + xo + ", got "
                    + (x == null ? "null" : x.length + " floats"));
        }
        int h = hidden;
        if (reset) {
            s.reset();
        }
        linear(w0t, b0, x, xo, inputs, h, s.acc, s.a);
        ops.tanh(s.a, h);
        linear(w1t, b1, s.a, 0, h, h, s.acc, s.b);
        ops.tanh(s.b, h);
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
                s.gates[j] = s.gates[j] + s.gh[j];
            }
            ops.sigmoid(s.gates, 2 * h);
            System.arraycopy(s.gh, 2 * h, s.hn, 0, h);
            ops.gruTail(s.gates, bih[l], 2 * h, s.hn, s.hprev, s.hs, ho, h);
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

    /**
     * The checks of one pricing decision's input, shared by the runtime's and the engine's
     * {@code decide}: {@code rawSize} finite observation floats and a period in {@code [0, horizon)}.
     *
     * @throws IllegalArgumentException naming what is wrong and the allowed range
     */
    public static void checkDecisionInput(float[] observation, int rawSize, int period, int horizon) {
        if (observation == null || observation.length != rawSize) {
            throw new IllegalArgumentException("observation must hold 6 + L = " + rawSize + " floats, got "
                    + (observation == null ? "null" : observation.length));
        }
        if (period < 0 || period >= horizon) {
            throw new IllegalArgumentException("period must be in [0, " + horizon + "), got " + period);
        }
        for (int k = 0; k < rawSize; k++) {
            if (!Float.isFinite(observation[k])) {
                throw new IllegalArgumentException("observation[" + k + "] must be finite, got " + observation[k]);
            }
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
