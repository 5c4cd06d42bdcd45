package org.retailrl.nn;

import java.util.List;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Var;

/**
 * One GRU step built from the general autodiff {@link Ops} (docs/model.md §8 networks): the plain,
 * readable reference of the fused {@link GRULayer}, with the same parameters and PyTorch's
 * equations
 * <pre>
 *   r = σ(W_ir x + b_ir + W_hr h + b_hr),  z = σ(W_iz x + b_iz + W_hz h + b_hz)
 *   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)),  h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 * It records about twenty ops per step; use {@link GRULayer} for training.
 */
public final class GRUCell implements Module {
    private final GRULayer weights;

    /** A cell that shares (not copies) the parameters of {@code layer}. */
    public GRUCell(GRULayer layer) {
        this.weights = layer;
    }

    @Override
    public List<Parameter> parameters() {
        return weights.parameters();
    }

    /** One step: {@code x [B, in]}, {@code h [B, H]} → {@code h' [B, H]}. */
    public Var step(Var x, Var h) {
        int hid = weights.hidden();
        var tape = x.tape();
        Var wih = weights.weightIh().leaf(tape);
        Var whh = weights.weightHh().leaf(tape);
        Var bih = weights.biasIh().leaf(tape);
        Var bhh = weights.biasHh().leaf(tape);
        Var gi = Ops.add(Ops.matmul(x, wih, false, true), bih);
        Var gh = Ops.add(Ops.matmul(h, whh, false, true), bhh);
        Var r = Ops.sigmoid(Ops.add(Ops.slice(gi, 1, 0, hid), Ops.slice(gh, 1, 0, hid)));
        Var z = Ops.sigmoid(Ops.add(Ops.slice(gi, 1, hid, 2 * hid), Ops.slice(gh, 1, hid, 2 * hid)));
        Var n = Ops.tanh(Ops.add(Ops.slice(gi, 1, 2 * hid, 3 * hid), Ops.mul(r, Ops.slice(gh, 1, 2 * hid, 3 * hid))));
        // h' = n + z ⊙ (h − n)
        return Ops.add(n, Ops.mul(z, Ops.sub(h, n)));
    }
}
