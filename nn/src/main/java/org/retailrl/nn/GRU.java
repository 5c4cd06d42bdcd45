package org.retailrl.nn;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.autodiff.Var;
import org.retailrl.core.random.Rng;

/**
 * A stack of {@link GRULayer}s over sequences with per-step reset masks (docs/model.md §8 networks:
 * GRU1 → GRU2 of the FSDA actor and critic). Each layer is one fused tape op; this class only
 * chains them, keeps the time-major layout between layers, and converts at the boundary.
 */
public final class GRU implements Module {
    private final List<GRULayer> layers;
    private final List<Parameter> params;
    private final int hidden;

    /** Outputs of a stacked GRU: every step's top-layer state and each layer's last state. */
    public record Output(Var outputs, Var lastHidden) {
    }

    /** A stack named {@code name} of {@code numLayers} layers; the first reads {@code in} features. */
    public GRU(String name, int in, int hidden, int numLayers, Rng rng) {
        if (numLayers < 1) {
            throw new IllegalArgumentException("numLayers must be >= 1, got " + numLayers);
        }
        List<GRULayer> ls = new ArrayList<>();
        for (int i = 0; i < numLayers; i++) {
            ls.add(new GRULayer(name + "." + i, i == 0 ? in : hidden, hidden, rng));
        }
        layers = List.copyOf(ls);
        params = Module.concat(layers.toArray(new Module[0]));
        this.hidden = hidden;
    }

    /** The layers, bottom first. */
    public List<GRULayer> layers() {
        return layers;
    }

    /** Hidden width. */
    public int hidden() {
        return hidden;
    }

    @Override
    public List<Parameter> parameters() {
        return params;
    }

    /**
     * Runs the stack on a batch-major sequence.
     *
     * @param x     input {@code [B, T, in]}
     * @param reset reset flags {@code [B·T]} in batch-major order (1: an episode starts at this
     *              step, so the hidden state entering it is zeroed), or null
     * @param h0    initial hidden states {@code [L, B, H]}, or null for zeros
     * @return outputs {@code [B, T, H]} and last hidden states {@code [L, B, H]}
     */
    public Output forward(Var x, float[] reset, Var h0) {
        int[] s = x.shape();
        if (s.length != 3) {
            throw new IllegalArgumentException("GRU: input shape " + java.util.Arrays.toString(s) + " must be [B, T, in]");
        }
        float[] maskT = reset == null ? null : SeqOps.timeMajor(reset, s[0], s[1]);
        Output tm = forwardTimeMajor(SeqOps.swapLeadingAxes(x), maskT, h0);
        return new Output(SeqOps.swapLeadingAxes(tm.outputs()), tm.lastHidden());
    }

    /**
     * Runs the stack on a time-major sequence {@code [T, B, in]} with a time-major mask
     * {@code [T·B]}; returns outputs {@code [T, B, H]} and last hidden states {@code [L, B, H]}.
     */
    public Output forwardTimeMajor(Var x, float[] maskT, Var h0) {
        int steps = x.shape()[0];
        int batch = x.shape()[1];
        if (h0 != null && !h0.value().hasShape(layers.size(), batch, hidden)) {
            throw new IllegalArgumentException("GRU: h0 shape " + java.util.Arrays.toString(h0.shape())
                    + " must be [" + layers.size() + ", " + batch + ", " + hidden + "]");
        }
        Var h = x;
        List<Var> last = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Var init = h0 == null ? null : SeqOps.select(h0, i);
            h = layers.get(i).forwardTimeMajor(h, maskT, init);
            last.add(SeqOps.select(h, steps - 1));
        }
        return new Output(h, SeqOps.stack(last));
    }
}
