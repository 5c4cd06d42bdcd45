package org.retailrl.nn;

import java.util.List;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Var;
import org.retailrl.core.random.Rng;

/**
 * One pre-LayerNorm transformer block (docs/model.md §6.3, GPT-2's arrangement):
 * <pre>
 *   x ← x + drop(proj(attn(qkv(LN₁(x)))))
 *   x ← x + drop(fc₂(GELU(fc₁(LN₂(x)))))
 * </pre>
 * with causal multi-head self-attention ({@link Ops#causalSelfAttention}) and an MLP of width
 * {@code 4·d}. The projections into the residual stream are initialised with gain
 * {@code 1/√(2·layers)} so that the stream's variance does not grow with depth.
 */
public final class TransformerBlock implements Module {
    private final int width;
    private final int heads;
    private final LayerNorm ln1;
    private final Linear qkv;
    private final Linear proj;
    private final LayerNorm ln2;
    private final Linear fc1;
    private final Linear fc2;
    private final List<Parameter> params;

    /**
     * @param width  model width d, >= 1, divisible by {@code heads}
     * @param heads  attention heads, >= 1
     * @param layers blocks in the stack (for the residual initialisation), >= 1
     */
    public TransformerBlock(String name, int width, int heads, int layers, Rng rng) {
        if (heads < 1 || width < 1 || width % heads != 0) {
            throw new IllegalArgumentException("heads must be >= 1 and divide width " + width + ", got " + heads);
        }
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be >= 1, got " + layers);
        }
        this.width = width;
        this.heads = heads;
        double residualGain = 1 / Math.sqrt(2.0 * layers);
        ln1 = new LayerNorm(name + ".ln1", width, 1e-5f);
        qkv = new Linear(name + ".qkv", width, 3 * width, 1.0, rng);
        proj = new Linear(name + ".proj", width, width, residualGain, rng);
        ln2 = new LayerNorm(name + ".ln2", width, 1e-5f);
        fc1 = new Linear(name + ".fc1", width, 4 * width, 1.0, rng);
        fc2 = new Linear(name + ".fc2", 4 * width, width, residualGain, rng);
        params = Module.concat(ln1, qkv, proj, ln2, fc1, fc2);
    }

    @Override
    public List<Parameter> parameters() {
        return params;
    }

    /** Attention heads. */
    public int heads() {
        return heads;
    }

    /** The layers in the order {@code ln1, qkv, proj, ln2, fc1, fc2} (for inference code that reads the weights). */
    public List<Module> layers() {
        return List.of(ln1, qkv, proj, ln2, fc1, fc2);
    }

    /**
     * Runs the block on {@code x [B, T, width]}; {@code dropoutRng} null (evaluation) or dropout
     * {@code p = 0} means no dropout.
     */
    public Var forward(Var x, float dropout, Rng dropoutRng) {
        int[] s = x.shape();
        if (s.length != 3 || s[2] != width) {
            throw new IllegalArgumentException("TransformerBlock: input must be [B, T, " + width + "], got "
                    + java.util.Arrays.toString(s));
        }
        Var a = proj.forward(Ops.causalSelfAttention(qkv.forward(ln1.forward(x)), heads));
        x = Ops.add(x, drop(a, dropout, dropoutRng));
        Var m = fc2.forward(Ops.gelu(fc1.forward(ln2.forward(x))));
        return Ops.add(x, drop(m, dropout, dropoutRng));
    }

    private static Var drop(Var v, float p, Rng rng) {
        return rng == null || p == 0f ? v : Ops.dropout(v, p, rng);
    }
}
