package org.retailrl.nn;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.autodiff.Var;
import org.retailrl.core.random.Rng;

/**
 * A multilayer perceptron (docs/model.md §8 networks: MLP1 before the GRUs, MLP2 after them): a chain
 * of {@link Linear} layers with an activation after every hidden layer. The output layer's
 * activation is configurable (identity for logits and values).
 */
public final class MLP implements Module {
    private final List<Linear> layers;
    private final Activation hidden;
    private final Activation output;
    private final List<Parameter> params;

    /**
     * An MLP named {@code name} with layer widths {@code widths[0] → widths[1] → … → widths[last]}
     * (at least two entries). Hidden layers use gain √2; the last layer uses {@code outputGain}.
     */
    public MLP(String name, int[] widths, Activation hidden, Activation output, double outputGain, Rng rng) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("widths must have at least 2 entries, got " + widths.length);
        }
        List<Linear> ls = new ArrayList<>();
        for (int i = 0; i + 1 < widths.length; i++) {
            boolean last = i + 2 == widths.length;
            ls.add(new Linear(name + "." + i, widths[i], widths[i + 1], last ? outputGain : Init.GAIN_HIDDEN, rng));
        }
        this.layers = List.copyOf(ls);
        this.hidden = hidden;
        this.output = output;
        this.params = Module.concat(layers.toArray(new Module[0]));
    }

    /** The layers in order. */
    public List<Linear> layers() {
        return layers;
    }

    @Override
    public List<Parameter> parameters() {
        return params;
    }

    /**
     * The chain on {@code rows} rows of {@code x} without a tape ({@link RecurrentNet#step}): each
     * layer into {@code a} or {@code b} in turn (each at least {@code rows} times the widest layer),
     * the same operations as {@link #forward}. Returns the array holding the output.
     */
    float[] infer(float[] x, int rows, float[] a, float[] b, long weightsEpoch) {
        float[] in = x;
        for (int i = 0; i < layers.size(); i++) {
            Linear l = layers.get(i);
            float[] y = in == a ? b : a;
            l.infer(in, rows, y, weightsEpoch);
            (i + 1 < layers.size() ? hidden : output).applyInPlace(y, rows * l.out());
            in = y;
        }
        return in;
    }

    /** Runs the chain on {@code x} of shape {@code [..., widths[0]]}. */
    public Var forward(Var x) {
        Var h = x;
        for (int i = 0; i < layers.size(); i++) {
            h = layers.get(i).forward(h);
            h = (i + 1 < layers.size() ? hidden : output).apply(h);
        }
        return h;
    }
}
