package org.retailrl.algorithms.deploy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.retailrl.core.simd.Kernels;
import org.retailrl.nn.Parameter;
import org.retailrl.nn.RecurrentNet;
import org.retailrl.runtime.kernel.RowKernel;
import org.retailrl.runtime.kernel.RowNet;

/**
 * Single-row, tape-free inference of one {@link RecurrentNet} (docs/model.md §8 networks: MLP1 with two
 * tanh layers → GRU1 → GRU2 → linear head → logits), for acting one decision at a time without
 * allocating. The weights are copied at construction into the layout the row kernel
 * ({@link RowKernel}) reads — every matrix transposed to {@code [in, out]}, so
 * {@code y = b + Σ_p x_p·Wᵀ[p, :]}, then packed — and never change afterwards, so one instance
 * serves any number of threads; each decision stream owns a {@link State} (hidden states and
 * scratch).
 *
 * <p>The row itself is the runtime's {@link RowNet} (the inference-only artifact serves the same
 * files with it); this class feeds it a {@link RecurrentNet}'s parameters and the engine's
 * {@link Kernels} for the elementwise steps, so the arithmetic is the batched pass's.
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
    /** The engine's elementwise kernels (vector versions when present), as the batched forward pass uses. */
    private static final RowNet.Elementwise ENGINE = new RowNet.Elementwise() {
        @Override
        public void tanh(float[] v, int n) {
            Kernels.tanh(v, 0, v, 0, n);
        }

        @Override
        public void sigmoid(float[] v, int n) {
            Kernels.sigmoid(v, 0, v, 0, n);
        }

        @Override
        public void gruTail(float[] g, float[] bIn, int bo, float[] hn, float[] hPrev, float[] out, int oo, int h) {
            Kernels.gruForwardTail(g, 0, bIn, bo, hn, hPrev, 0, out, oo, h);
        }
    };

    private final RowNet net;

    /**
     * Per-stream mutable part: the GRU hidden states {@code [L·H]} and every scratch buffer of one
     * step. Not thread-safe; one per decision stream.
     */
    public static final class State {
        private final RecurrentInference owner;
        private final RowNet.State row;

        private State(RecurrentInference net) {
            owner = net;
            row = net.net.newState();
        }

        /** Zeroes the hidden states (an episode starts). */
        public void reset() {
            row.reset();
        }

        /** The logits of the last {@link RecurrentInference#step}; overwritten by the next step. */
        public float[] logits() {
            return row.logits();
        }

        /** A copy of the hidden states {@code [L·H]}, layer 0 first. */
        public float[] hidden() {
            return row.hidden();
        }
    }

    /** Copies the weights of {@code net} (later changes to {@code net} are not seen). */
    public RecurrentInference(RecurrentNet net) {
        RecurrentNet.Config c = net.config();
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
        this.net = new RowNet(c.inputs(), c.hidden(), c.gruLayers(), c.outputs(), role -> require(byRole, role), KERNEL,
                ENGINE);
    }

    private static float[] require(Map<String, float[]> byRole, String role) {
        float[] v = byRole.get(role);
        if (v == null) {
            throw new IllegalArgumentException("network has no parameter '<name>." + role + "'; parameters are " + byRole.keySet());
        }
        return v;
    }

    /** A fresh state with zero hidden states. */
    public State newState() {
        return new State(this);
    }

    /** Observation width. */
    public int inputs() {
        return net.inputs();
    }

    /** Number of logits. */
    public int outputs() {
        return net.outputs();
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
        return net.step(state.row, x, xo, reset);
    }

    /** Which row kernel runs, e.g. {@code "vector-512"} or {@code "scalar"}. */
    public static String kernel() {
        return KERNEL.name();
    }

    /** Index of the largest of {@code x[0..n)}, the lowest index on ties (as the greedy learned policy). */
    public static int argmax(float[] x, int n) {
        return RowNet.argmax(x, n);
    }
}
