package org.retailrl.nn;

import java.util.List;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * The FSDA recurrent actor-critic of docs/model.md §8 (Zheng, Li, Jiang and Peng §3.5.2, Fig. 3), with separate actor
 * and critic trunks:
 * <pre>
 *   actor  = obs → Linear → tanh → Linear → tanh → GRU → GRU → Linear(actions) → log-softmax
 *   critic = obs → Linear → tanh → Linear → tanh → GRU → GRU → Linear(1)
 * </pre>
 * Orthogonal initialisation with gain √2 for the MLP layers, 0.01 for the policy head and 1 for
 * the value head; GRU weights as PyTorch (uniform ±1/√H). Sequences are processed time-major
 * internally; {@link #ppoLoss} takes the usual batch-major minibatch.
 */
public final class RecurrentActorCritic implements Module {
    /**
     * Network sizes.
     *
     * @param obsDim   observation width (W1: 16)
     * @param hidden   width of the MLP layers and GRUs (W1: 64)
     * @param gruLayers number of stacked GRU layers (W1: 2)
     * @param actions  number of discrete actions (W1: 21)
     */
    public record Config(int obsDim, int hidden, int gruLayers, int actions) {
        /** The W1 sizes of docs/model.md §8.1: 16 → 64 → 64 → GRU 64 × 2 → 21. */
        public static final Config W1 = new Config(16, 64, 2, 21);

        /** Validates the ranges. */
        public Config {
            if (obsDim < 1) {
                throw new IllegalArgumentException("obsDim must be >= 1, got " + obsDim);
            }
            if (hidden < 1) {
                throw new IllegalArgumentException("hidden must be >= 1, got " + hidden);
            }
            if (gruLayers < 1) {
                throw new IllegalArgumentException("gruLayers must be >= 1, got " + gruLayers);
            }
            if (actions < 2) {
                throw new IllegalArgumentException("actions must be >= 2, got " + actions);
            }
        }
    }

    /**
     * One PPO minibatch of {@code B} sequences of {@code T} steps, all arrays batch-major
     * ({@code index = b·T + t}).
     *
     * @param obs        observations {@code [B, T, obsDim]}
     * @param resets     1 where an episode starts at that step, else 0 ({@code [B·T]})
     * @param actions    actions taken
     * @param oldLogp    log-probabilities under the behaviour policy
     * @param advantages advantage estimates
     * @param returns    value targets
     * @param oldValues  values under the behaviour critic (for the clipped value loss)
     */
    public record Batch(Tensor obs, float[] resets, int[] actions, float[] oldLogp, float[] advantages,
                        float[] returns, float[] oldValues) {
        /** Number of sequences. */
        public int batch() {
            return obs.dim(0);
        }

        /** Steps per sequence. */
        public int steps() {
            return obs.dim(1);
        }
    }

    private final Config config;
    private final MLP actorMlp;
    private final GRU actorGru;
    private final Linear actorHead;
    private final MLP criticMlp;
    private final GRU criticGru;
    private final Linear criticHead;
    private final List<Parameter> params;

    /** A freshly initialised network. */
    public RecurrentActorCritic(Config config, Rng rng) {
        this.config = config;
        int[] widths = {config.obsDim(), config.hidden(), config.hidden()};
        actorMlp = new MLP("actor.mlp", widths, Activation.TANH, Activation.TANH, Init.GAIN_HIDDEN, rng);
        actorGru = new GRU("actor.gru", config.hidden(), config.hidden(), config.gruLayers(), rng);
        actorHead = new Linear("actor.head", config.hidden(), config.actions(), Init.GAIN_POLICY, rng);
        criticMlp = new MLP("critic.mlp", widths, Activation.TANH, Activation.TANH, Init.GAIN_HIDDEN, rng);
        criticGru = new GRU("critic.gru", config.hidden(), config.hidden(), config.gruLayers(), rng);
        criticHead = new Linear("critic.head", config.hidden(), 1, Init.GAIN_VALUE, rng);
        params = Module.concat(actorMlp, actorGru, actorHead, criticMlp, criticGru, criticHead);
    }

    /** The sizes. */
    public Config config() {
        return config;
    }

    @Override
    public List<Parameter> parameters() {
        return params;
    }

    /** Logits {@code [T·B, actions]} and values {@code [T·B, 1]}, rows time-major. */
    public record Heads(Var logits, Var values) {
    }

    /**
     * Runs both trunks on time-major observations {@code [T, B, obsDim]} with a time-major reset
     * mask {@code [T·B]} (or null) from zero initial states.
     */
    public Heads forwardTimeMajor(Tape tape, Tensor obsT, float[] maskT) {
        Var x = tape.constant(obsT);
        int rows = obsT.dim(0) * obsT.dim(1);
        Var a = actorGru.forwardTimeMajor(actorMlp.forward(x), maskT, null).outputs();
        Var logits = actorHead.forward(a);
        Var c = criticGru.forwardTimeMajor(criticMlp.forward(x), maskT, null).outputs();
        Var values = criticHead.forward(c);
        return new Heads(reshapeRows(logits, rows, config.actions()), reshapeRows(values, rows, 1));
    }

    private static Var reshapeRows(Var v, int rows, int cols) {
        // A view: same storage and same gradient rows, so no op is needed beyond the reshape.
        Tape tape = v.tape();
        Var out = tape.result(v.value().reshape(rows, cols), v.requiresGrad());
        if (!v.requiresGrad()) {
            return out;
        }
        tape.record(() -> {
            if (out.hasGrad()) {
                float[] g = out.grad().data();
                float[] d = v.grad().data();
                for (int i = 0; i < g.length; i++) {
                    d[i] += g[i];
                }
            }
        });
        return out;
    }

    /**
     * The PPO loss of one minibatch (docs/model.md §8 PPO): converts the batch to time-major order, runs
     * both trunks, and builds {@link PpoLoss#compute}. Call {@code tape.backward(result.loss())}
     * afterwards; gradients accumulate into the parameters.
     */
    public PpoLoss.Result ppoLoss(Tape tape, Batch batch, PpoLoss loss) {
        int b = batch.batch();
        int t = batch.steps();
        if (batch.obs().rank() != 3 || batch.obs().dim(2) != config.obsDim()) {
            throw new IllegalArgumentException("obs shape " + java.util.Arrays.toString(batch.obs().shape())
                    + " must be [B, T, " + config.obsDim() + "]");
        }
        Tensor obsT = tape.empty(t, b, config.obsDim());
        SeqOps.swap(batch.obs().data(), obsT.data(), b, t, config.obsDim(), false);
        float[] maskT = batch.resets() == null ? null : SeqOps.timeMajor(batch.resets(), b, t);
        Heads heads = forwardTimeMajor(tape, obsT, maskT);
        int n = b * t;
        int[] actT = new int[n];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                actT[j * b + i] = batch.actions()[i * t + j];
            }
        }
        return loss.compute(heads.logits(), heads.values(), actT,
                SeqOps.timeMajor(batch.oldLogp(), b, t), SeqOps.timeMajor(batch.advantages(), b, t),
                SeqOps.timeMajor(batch.returns(), b, t), SeqOps.timeMajor(batch.oldValues(), b, t));
    }
}
