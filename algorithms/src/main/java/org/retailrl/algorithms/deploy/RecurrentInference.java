package org.retailrl.algorithms.deploy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.retailrl.core.simd.Kernels;
import org.retailrl.nn.Parameter;
import org.retailrl.nn.RecurrentNet;
import org.retailrl.runtime.kernel.RowKernel;

/**
 * Single-row, tape-free inference of one {@link RecurrentNet} (docs/model.md §8 networks: MLP1 with two
 * tanh layers → GRU1 → GRU2 → linear head → logits), for acting one decision at a time without
 * allocating. The weights are copied at construction into the layout the row kernel
 * ({@link RowKernel}) reads — every matrix transposed to {@code [in, out]}, so
 * {@code y = b + Σ_p x_p·Wᵀ[p, :]}, then packed — and never change afterwards, so one instance
 * serves any number of threads; each decision stream owns a {@link State} (hidden states and
 * scratch).
 *
 * <p>Arithmetic follows the training forward pass ({@code nn.Linear}, {@code nn.GRULayer})
 * operation for operation: each output is a fused-multiply-add chain over the inputs in index
 * order starting from zero, then the bias is added, exactly the order of the GEMM micro-kernel
 * when the reduction length is at most 256 and the output width above 4; the GRU gate algebra
 * uses the same {@link Kernels} calls on the same lengths. Under those conditions, and with
 * {@code H} a multiple of 16 (so the elementwise tanh and sigmoid take their vector path here as in
 * the batched pass), the logits equal {@link RecurrentNet#forward}'s bit for bit — the default
 * 64-wide networks qualify; otherwise they agree to float rounding (a few ulp of the sum of
 * absolute products). Logits are dimensionless; hidden states are in {@code [-1, 1]}.
 */
public final class RecurrentInference {
    private static final RowKernel KERNEL = RowKernel.select();
    /**
     * Rows of every transposed weight are zero-padded to a multiple of 16 floats (one 512-bit
     * vector), so the row kernel never runs a scalar tail; the padding outputs are zero and unread.
     */
    private static final int PAD = 16;

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

    /**
     * Per-stream mutable part: the GRU hidden states {@code [L·H]} and every scratch buffer of one
     * step. Not thread-safe; one per decision stream.
     */
    public static final class State {
        private final RecurrentInference owner;
        final float[] hiddenState;
        private final float[] acc;
        private final float[] a;
        private final float[] b;
        private final float[] gates;
        private final float[] gh;
        private final float[] hn;
        private final float[] hprev;
        final float[] logits;

        private State(RecurrentInference net) {
            owner = net;
            int h = net.hidden;
            hiddenState = new float[net.layers * h];
            acc = new float[Math.max(padded(3 * h), padded(net.outputs))];
            a = new float[h];
            b = new float[h];
            gates = new float[padded(3 * h)];
            gh = new float[padded(3 * h)];
            hn = new float[h];
            hprev = new float[h];
            logits = new float[net.outputs];
        }

        /** Zeroes the hidden states (an episode starts). */
        public void reset() {
            Arrays.fill(hiddenState, 0f);
        }

        /** The logits of the last {@link RecurrentInference#step}; overwritten by the next step. */
        public float[] logits() {
            return logits;
        }

        /** A copy of the hidden states {@code [L·H]}, layer 0 first. */
        public float[] hidden() {
            return hiddenState.clone();
        }
    }

    /** Copies the weights of {@code net} (later changes to {@code net} are not seen). */
    public RecurrentInference(RecurrentNet net) {
        RecurrentNet.Config c = net.config();
        inputs = c.inputs();
        hidden = c.hidden();
        layers = c.gruLayers();
        outputs = c.outputs();
        Map<String, float[]> byRole = new HashMap<>();
        List<Parameter> ps = net.parameters();
        String first = ps.get(0).name();
        if (!first.endsWith(".mlp.0.weight")) {
            throw new IllegalArgumentException("network parameter names must start with '<name>.mlp.0.weight', got '"
                    + first + "'");
        }
        // The name given to the network may itself contain dots, so strip the known suffix.
        String prefix = first.substring(0, first.length() - "mlp.0.weight".length());
        for (Parameter p : ps) {
            byRole.put(p.name().substring(prefix.length()), p.value().data());
        }
        int h = hidden;
        w0t = packed(require(byRole, "mlp.0.weight"), h, inputs);
        b0 = require(byRole, "mlp.0.bias").clone();
        w1t = packed(require(byRole, "mlp.1.weight"), h, h);
        b1 = require(byRole, "mlp.1.bias").clone();
        wihT = new float[layers][];
        whhT = new float[layers][];
        ghInit = new float[layers][];
        bih = new float[layers][];
        for (int l = 0; l < layers; l++) {
            String g = "gru." + l + ".";
            wihT[l] = packed(require(byRole, g + "weight_ih"), 3 * h, h);
            whhT[l] = packed(require(byRole, g + "weight_hh"), 3 * h, h);
            bih[l] = require(byRole, g + "bias_ih").clone();
            float[] bhh = require(byRole, g + "bias_hh");
            // As nn.GRULayer: both biases of r and z start the recurrent sum; b_hn stays alone
            // because r multiplies it, and b_in is added where n is formed.
            ghInit[l] = new float[3 * h];
            Kernels.add(bih[l], 0, bhh, 0, ghInit[l], 0, 2 * h);
            System.arraycopy(bhh, 2 * h, ghInit[l], 2 * h, h);
        }
        headT = packed(require(byRole, "head.weight"), outputs, h);
        headB = require(byRole, "head.bias").clone();
    }

    private static float[] require(Map<String, float[]> byRole, String role) {
        float[] v = byRole.get(role);
        if (v == null) {
            throw new IllegalArgumentException("network has no parameter '<name>." + role + "'; parameters are " + byRole.keySet());
        }
        return v;
    }

    /** {@code w [rows, cols]} → {@code [cols, padded(rows)]} with zeros in the padding, in the row kernel's layout. */
    private static float[] packed(float[] w, int rows, int cols) {
        return KERNEL.pack(transpose(w, rows, cols), cols, padded(rows));
    }

    /** {@code w [rows, cols]} → {@code [cols, padded(rows)]}, zeros in the padding. */
    private static float[] transpose(float[] w, int rows, int cols) {
        int ld = padded(rows);
        float[] t = new float[ld * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * ld + r] = w[r * cols + c];
            }
        }
        return t;
    }

    private static int padded(int n) {
        return (n + PAD - 1) / PAD * PAD;
    }

    /** A fresh state with zero hidden states. */
    public State newState() {
        return new State(this);
    }

    /** Observation width. */
    public int inputs() {
        return inputs;
    }

    /** Number of logits. */
    public int outputs() {
        return outputs;
    }

    /**
     * One step: {@code x[xo .. xo + inputs)} → logits ({@link State#logits()}), advancing the
     * hidden states. With {@code reset} the hidden states entering the step are zeroed first (an
     * episode starts here, as the reset mask of training). Allocates nothing.
     *
     * @return {@code state.logits()}
     */
    public float[] step(State state, float[] x, int xo, boolean reset) {
        if (state == null || state.owner != this) {
            throw new IllegalArgumentException("state must come from this network's newState()");
        }
        if (x == null || xo < 0 || xo > x.length - inputs) {
            throw new IllegalArgumentException("x must hold " + inputs + " floats from offset " + xo + ", got "
                    + (x == null ? "null" : x.length + " floats"));
        }
        int h = hidden;
        if (reset) {
            state.reset();
        }
        linear(w0t, b0, x, xo, inputs, h, state.acc, state.a);
        Kernels.tanh(state.a, 0, state.a, 0, h);
        linear(w1t, b1, state.a, 0, h, h, state.acc, state.b);
        Kernels.tanh(state.b, 0, state.b, 0, h);
        float[] in = state.b;
        int inOff = 0;
        float[] hs = state.hiddenState;
        float[] gates = state.gates;
        float[] gh = state.gh;
        for (int l = 0; l < layers; l++) {
            int ho = l * h;
            System.arraycopy(hs, ho, state.hprev, 0, h);
            matvec(wihT[l], in, inOff, h, padded(3 * h), gates);
            matvec(whhT[l], state.hprev, 0, h, padded(3 * h), gh);
            Kernels.add(ghInit[l], 0, gh, 0, gh, 0, 3 * h);
            Kernels.add(gates, 0, gh, 0, gates, 0, 2 * h);
            Kernels.sigmoid(gates, 0, gates, 0, 2 * h);
            System.arraycopy(gh, 2 * h, state.hn, 0, h);
            Kernels.gruForwardTail(gates, 0, bih[l], 2 * h, state.hn, state.hprev, 0, hs, ho, h);
            in = hs;
            inOff = ho;
        }
        linear(headT, headB, in, inOff, h, outputs, state.acc, state.logits);
        return state.logits;
    }

    /** {@code y = b + Σ_p x_p·wt[p, :]}, the sum accumulated in {@code acc}. */
    private static void linear(float[] wt, float[] bias, float[] x, int xo, int in, int out, float[] acc, float[] y) {
        matvec(wt, x, xo, in, padded(out), acc);
        Kernels.add(bias, 0, acc, 0, y, 0, out);
    }

    /** {@code y[0..out) = Σ_p x_p·wt[p, :]}: a fused-multiply-add chain per output from zero, in p order. */
    private static void matvec(float[] wt, float[] x, int xo, int in, int out, float[] y) {
        KERNEL.matvec(wt, x, xo, in, out, y);
    }

    /** Which row kernel runs, e.g. {@code "vector-512"} or {@code "scalar"}. */
    public static String kernel() {
        return KERNEL.name();
    }

    /** Index of the largest of {@code x[0..n)}, the lowest index on ties (as the greedy learned policy). */
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
