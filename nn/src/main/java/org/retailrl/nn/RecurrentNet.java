package org.retailrl.nn;

import java.util.List;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * One recurrent network of docs/model.md §8.1 (Zheng, Li, Jiang and Peng §3.5.2, Fig. 3): observation → MLP1 (two
 * tanh layers of width {@code H}) → GRU1 → GRU2 → MLP2 → outputs. Every actor and critic of the
 * learners is one. An actor has one output per action (logits; softmax is taken by the loss and
 * the sampler) and head gain 0.01; a critic has one output (the value) and head gain 1. MLP2 is a
 * single linear layer (docs/model.md §8.1, choice C4). Hidden MLP layers use orthogonal init with
 * gain √2; GRU weights are PyTorch's (uniform ±1/√H).
 *
 * <p>{@link #forward} serves training (a chunk of {@code T} steps from the hidden state stored at
 * the chunk start) and {@link #step} rollouts and evaluation (one step, the carried hidden state
 * in place, no tape); {@code step} runs {@code forward}'s kernels on the same values in the same
 * order, so training recomputes exactly what the rollout computed. Hidden states are dimensionless
 * {@code [L, B, H]} arrays. Parameter names are {@code name.mlp.i.*}, {@code name.gru.l.*} and
 * {@code name.head.*}, in that order (the order of model and policy files).
 */
public final class RecurrentNet implements Module {
    /**
     * Sizes of a network.
     *
     * @param inputs    observation width, >= 1
     * @param hidden    width {@code H} of the MLP and GRU layers, >= 1
     * @param gruLayers stacked GRU layers {@code L}, >= 1 (docs/model.md §8.1: 2)
     * @param outputs   number of outputs (actions, or 1 for a critic), >= 1
     */
    public record Config(int inputs, int hidden, int gruLayers, int outputs) {
        /** Validates the ranges. */
        public Config {
            if (inputs < 1) {
                throw new IllegalArgumentException("inputs must be >= 1, got " + inputs);
            }
            if (hidden < 1) {
                throw new IllegalArgumentException("hidden must be >= 1, got " + hidden);
            }
            if (gruLayers < 1) {
                throw new IllegalArgumentException("gruLayers must be >= 1, got " + gruLayers);
            }
            if (outputs < 1) {
                throw new IllegalArgumentException("outputs must be >= 1, got " + outputs);
            }
        }

        /** Floats in one copy's hidden state: {@code L·H}. */
        public int hiddenSize() {
            return gruLayers * hidden;
        }
    }

    /** Outputs {@code [T·B, outputs]} (rows time-major) and the last hidden states {@code [L, B, H]}. */
    public record Output(Var out, Var lastHidden) {
    }

    private final String name;
    private final Config config;
    private final MLP mlp;
    private final GRU gru;
    private final Linear head;
    private final List<Parameter> params;

    /**
     * A freshly initialised network whose parameter names start with {@code name}.
     *
     * @param headGain orthogonal gain of the output layer (0.01 policy, 1 value)
     */
    public RecurrentNet(String name, Config config, double headGain, Rng rng) {
        this.name = name;
        this.config = config;
        mlp = new MLP(name + ".mlp", new int[] {config.inputs(), config.hidden(), config.hidden()},
                Activation.TANH, Activation.TANH, Init.GAIN_HIDDEN, rng);
        gru = new GRU(name + ".gru", config.hidden(), config.hidden(), config.gruLayers(), rng);
        head = new Linear(name + ".head", config.hidden(), config.outputs(), headGain, rng);
        params = Module.concat(mlp, gru, head);
    }

    /** An actor over {@code actions} actions (head gain 0.01). */
    public static RecurrentNet actor(String name, int inputs, int hidden, int gruLayers, int actions, Rng rng) {
        return new RecurrentNet(name, new Config(inputs, hidden, gruLayers, actions), Init.GAIN_POLICY, rng);
    }

    /** A critic (one output, head gain 1). */
    public static RecurrentNet critic(String name, int inputs, int hidden, int gruLayers, Rng rng) {
        return new RecurrentNet(name, new Config(inputs, hidden, gruLayers, 1), Init.GAIN_VALUE, rng);
    }

    /**
     * An independent network with the same name, sizes and weights: a snapshot that further
     * training of this one leaves unchanged (evaluation checkpoints during a run).
     */
    public RecurrentNet copy() {
        // The initialisation is overwritten at once, so its stream does not matter.
        RecurrentNet c = new RecurrentNet(name, config, 1.0, new Rng(0));
        for (int i = 0; i < params.size(); i++) {
            c.params.get(i).value().copyFrom(params.get(i).value());
        }
        return c;
    }

    /** The sizes. */
    public Config config() {
        return config;
    }

    @Override
    public List<Parameter> parameters() {
        return params;
    }

    /**
     * Reusable buffers of {@link #step}: grown on demand, so a loop of steps allocates nothing once
     * they fit. One per thread; any number of networks may share it.
     */
    public static final class StepWorkspace {
        /** Two buffers of {@code B·H} that each layer's output alternates between. */
        static final int LAYER_A = 0;
        static final int LAYER_B = 1;
        static final int GATES = 2;
        static final int HN = 3;
        static final int HPREV = 4;
        static final int GI = 5;
        static final int GH = 6;
        static final int GH_INIT = 7;
        private final float[][] buffers = new float[8][0];

        /** Buffer {@code which}, at least {@code size} floats (contents undefined). */
        float[] floats(int which, int size) {
            if (buffers[which].length < size) {
                buffers[which] = new float[size];
            }
            return buffers[which];
        }
    }

    /**
     * One step of {@code batch} sequences without a tape, for rollouts and evaluation: what
     * {@link #forward} computes for {@code T = 1} with gradients off on a serial team — the same
     * kernels on the same values in the same order, so the same bits — without the tape's
     * per-step objects.
     *
     * @param obs          observations {@code [B, inputs]} (at least {@code B·inputs} floats)
     * @param mask         reset flags {@code [B]} (1: the state entering this step is zeroed), or null
     * @param batch        {@code B}, >= 1
     * @param hidden       the states entering the step {@code [L, B, H]}, replaced by the new ones
     * @param out          outputs {@code [B, outputs]}
     * @param ws           buffers (one per thread)
     * @param weightsEpoch as {@code Tape.weightsEpoch}: nonzero promises the weights do not change
     *                     while it is used, so their packed copies are checked once
     */
    public void step(float[] obs, float[] mask, int batch, float[] hidden, float[] out, StepWorkspace ws,
                     long weightsEpoch) {
        int h = config.hidden();
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        requireLength("obs", obs, batch * config.inputs());
        requireLength("hidden", hidden, batch * config.hiddenSize());
        requireLength("out", out, batch * config.outputs());
        if (mask != null) {
            requireLength("mask", mask, batch);
        }
        // Every layer of the MLP and of the GRU stack reads the one below from one buffer and
        // writes into the other.
        float[] a = ws.floats(StepWorkspace.LAYER_A, batch * h);
        float[] b = ws.floats(StepWorkspace.LAYER_B, batch * h);
        float[] x = mlp.infer(obs, batch, a, b, weightsEpoch);
        List<GRULayer> layers = gru.layers();
        for (int l = 0; l < layers.size(); l++) {
            float[] y = x == a ? b : a;
            layers.get(l).step(x, mask, hidden, l * batch * h, batch, y, ws, weightsEpoch);
            System.arraycopy(y, 0, hidden, l * batch * h, batch * h);
            x = y;
        }
        head.infer(x, batch, out, weightsEpoch);
    }

    private static void requireLength(String name, float[] a, int length) {
        if (a == null || a.length < length) {
            throw new IllegalArgumentException(name + " must hold at least " + length + " floats, got "
                    + (a == null ? "null" : Integer.toString(a.length)));
        }
    }

    /**
     * Runs the network on time-major observations.
     *
     * @param obsT  observations {@code [T, B, inputs]}
     * @param maskT reset flags {@code [T·B]} (1: an episode starts at that step, the hidden state
     *              entering it is zeroed), or null
     * @param h0    hidden states entering step 0 {@code [L, B, H]}, or null for zeros
     */
    public Output forward(Tape tape, Tensor obsT, float[] maskT, Tensor h0) {
        if (obsT.rank() != 3 || obsT.dim(2) != config.inputs()) {
            throw new IllegalArgumentException("obsT shape " + java.util.Arrays.toString(obsT.shape())
                    + " must be [T, B, " + config.inputs() + "]");
        }
        int rows = obsT.dim(0) * obsT.dim(1);
        Var x = mlp.forward(tape.constant(obsT));
        GRU.Output g = gru.forwardTimeMajor(x, maskT, h0 == null ? null : tape.constant(h0));
        Var out = Ops.reshape(head.forward(g.outputs()), rows, config.outputs());
        return new Output(out, g.lastHidden());
    }
}
