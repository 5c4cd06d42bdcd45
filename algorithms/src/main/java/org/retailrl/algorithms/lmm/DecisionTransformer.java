package org.retailrl.algorithms.lmm;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.random.Rng;
import org.retailrl.nn.Embedding;
import org.retailrl.nn.LayerNorm;
import org.retailrl.nn.Linear;
import org.retailrl.nn.Module;
import org.retailrl.nn.Parameter;
import org.retailrl.nn.TransformerBlock;

/**
 * The Decision Transformer of docs/model.md §6.3 (Chen et al. 2021) over the task family's token
 * layout: a window of {@code K} steps is the token sequence
 * {@code (R̂_1, s_1, a_1, …, R̂_K, s_K, a_K)}; each token is a linear embedding of its modality
 * (return-to-go, state) or, for an action, the sum of learned embeddings of its components (price
 * index, order size, production method, recommendation level), plus a learned embedding of the
 * episode's period; a LayerNorm, a stack of pre-LayerNorm causal blocks and a final LayerNorm
 * follow. The action of step {@code t} is read from the output at {@code s_t}, autoregressively:
 * the price logits from that output, the order logits from that output plus an embedding of the
 * chosen price, the method logits adding an embedding of the chosen order, the level logits adding
 * one of the chosen method. Components a task does not have (its action mask: one method, one
 * level) are padding: logged as 0, left out of the loss, and not chosen when acting.
 *
 * <p>With {@code returnConditioned = false} the return token is always 0: the same network then
 * carries no return information and is behaviour cloning (the baseline of docs/model.md §6.4).
 */
public final class DecisionTransformer implements Module {
    /**
     * The network's size.
     *
     * @param width             model width d, 8..1024, divisible by {@code heads}
     * @param layers            transformer blocks, 1..16
     * @param heads             attention heads, 1..64
     * @param context           steps per window K, 1..{@link TaskFamily#HORIZON}
     * @param dropout           dropout probability in [0, 0.5]
     * @param returnConditioned whether the return token carries the return-to-go
     */
    public record Config(int width, int layers, int heads, int context, double dropout, boolean returnConditioned) {
        /** Validates the ranges. */
        public Config {
            if (width < 8 || width > 1024) {
                throw new IllegalArgumentException("width must be in [8, 1024], got " + width);
            }
            if (layers < 1 || layers > 16) {
                throw new IllegalArgumentException("layers must be in [1, 16], got " + layers);
            }
            if (heads < 1 || heads > 64 || width % heads != 0) {
                throw new IllegalArgumentException("heads must be in [1, 64] and divide width " + width + ", got " + heads);
            }
            if (context < 1 || context > TaskFamily.HORIZON) {
                throw new IllegalArgumentException("context must be in [1, " + TaskFamily.HORIZON + "], got " + context);
            }
            if (!(dropout >= 0 && dropout <= 0.5)) {
                throw new IllegalArgumentException("dropout must be in [0, 0.5], got " + dropout);
            }
        }

        /** As JSON. */
        public JsonObject toJson() {
            return JsonObject.builder().put("width", width).put("layers", layers).put("heads", heads).put("context", context)
                    .put("dropout", dropout).put("returnConditioned", returnConditioned).build();
        }

        /** From {@link #toJson()}. */
        public static Config fromJson(JsonObject o) {
            return new Config(o.getInt("width"), o.getInt("layers"), o.getInt("heads"), o.getInt("context"),
                    o.getDouble("dropout"), o.getBoolean("returnConditioned"));
        }
    }

    /** A batch of windows: {@code B} windows of {@code L} steps, step-major within a window. */
    public static final class Batch {
        final int windows;
        final int steps;
        /** Return-to-go (scaled), {@code [B·L]}. */
        public final float[] rtg;
        /** States, {@code [B·L·S]}. */
        public final float[] states;
        /** Price index and order size, {@code [B·L]}. */
        public final int[] price;
        /** Order size, {@code [B·L]}. */
        public final int[] order;
        /** Production method, {@code [B·L]} (0 where the task has one). */
        public final int[] method;
        /** Recommendation level, {@code [B·L]} (0 where the task has one). */
        public final int[] level;
        /** 1 where the step's task offers more than one method, else 0, {@code [B·L]}. */
        public final float[] methodMask;
        /** 1 where the step's task offers more than one level, else 0, {@code [B·L]}. */
        public final float[] levelMask;
        /** Period of the episode, 0-based, {@code [B·L]}. */
        public final int[] period;

        /** Buffers for {@code windows} windows of {@code steps} steps. */
        public Batch(int windows, int steps) {
            this.windows = windows;
            this.steps = steps;
            rtg = new float[windows * steps];
            states = new float[windows * steps * TaskFamily.STATE_SIZE];
            price = new int[windows * steps];
            order = new int[windows * steps];
            method = new int[windows * steps];
            level = new int[windows * steps];
            methodMask = new float[windows * steps];
            levelMask = new float[windows * steps];
            period = new int[windows * steps];
        }
    }

    private final Config config;
    private final Linear rtgEmbed;
    private final Linear stateEmbed;
    private final Embedding priceEmbed;
    private final Embedding orderEmbed;
    private final Embedding methodEmbed;
    private final Embedding levelEmbed;
    private final Embedding timeEmbed;
    private final LayerNorm embedNorm;
    private final List<TransformerBlock> blocks;
    private final LayerNorm finalNorm;
    private final Linear priceHead;
    private final Embedding chosenPrice;
    private final Linear orderHead;
    private final Embedding chosenOrder;
    private final Linear methodHead;
    private final Embedding chosenMethod;
    private final Linear levelHead;
    private final List<Parameter> params;

    /** A freshly initialised network drawing its weights from {@code rng}. */
    public DecisionTransformer(Config config, Rng rng) {
        this.config = config;
        int d = config.width();
        rtgEmbed = new Linear("rtg", 1, d, 1.0, rng);
        stateEmbed = new Linear("state", TaskFamily.STATE_SIZE, d, 1.0, rng);
        priceEmbed = new Embedding("price", TaskFamily.PRICES, d, rng);
        orderEmbed = new Embedding("order", TaskFamily.ORDERS, d, rng);
        methodEmbed = new Embedding("method", TaskFamily.METHODS, d, rng);
        levelEmbed = new Embedding("level", TaskFamily.LEVELS, d, rng);
        timeEmbed = new Embedding("time", TaskFamily.HORIZON, d, rng);
        embedNorm = new LayerNorm("embed_ln", d, 1e-5f);
        List<TransformerBlock> bs = new ArrayList<>();
        for (int i = 0; i < config.layers(); i++) {
            bs.add(new TransformerBlock("block" + i, d, config.heads(), config.layers(), rng));
        }
        blocks = List.copyOf(bs);
        finalNorm = new LayerNorm("final_ln", d, 1e-5f);
        priceHead = new Linear("price_head", d, TaskFamily.PRICES, 0.01, rng);
        chosenPrice = new Embedding("chosen_price", TaskFamily.PRICES, d, rng);
        orderHead = new Linear("order_head", d, TaskFamily.ORDERS, 0.01, rng);
        chosenOrder = new Embedding("chosen_order", TaskFamily.ORDERS, d, rng);
        methodHead = new Linear("method_head", d, TaskFamily.METHODS, 0.01, rng);
        chosenMethod = new Embedding("chosen_method", TaskFamily.METHODS, d, rng);
        levelHead = new Linear("level_head", d, TaskFamily.LEVELS, 0.01, rng);
        List<Module> all = new ArrayList<>(List.of(rtgEmbed, stateEmbed, priceEmbed, orderEmbed, methodEmbed, levelEmbed,
                timeEmbed, embedNorm));
        all.addAll(blocks);
        all.addAll(List.of(finalNorm, priceHead, chosenPrice, orderHead, chosenOrder, methodHead, chosenMethod, levelHead));
        params = Module.concat(all.toArray(new Module[0]));
    }

    /** The configuration. */
    public Config config() {
        return config;
    }

    @Override
    public List<Parameter> parameters() {
        return params;
    }

    Linear rtgEmbed() {
        return rtgEmbed;
    }

    Linear stateEmbed() {
        return stateEmbed;
    }

    Embedding priceEmbed() {
        return priceEmbed;
    }

    Embedding orderEmbed() {
        return orderEmbed;
    }

    Embedding methodEmbed() {
        return methodEmbed;
    }

    Embedding levelEmbed() {
        return levelEmbed;
    }

    Embedding chosenOrder() {
        return chosenOrder;
    }

    Linear methodHead() {
        return methodHead;
    }

    Embedding chosenMethod() {
        return chosenMethod;
    }

    Linear levelHead() {
        return levelHead;
    }

    Embedding timeEmbed() {
        return timeEmbed;
    }

    LayerNorm embedNorm() {
        return embedNorm;
    }

    List<TransformerBlock> blocks() {
        return blocks;
    }

    LayerNorm finalNorm() {
        return finalNorm;
    }

    Linear priceHead() {
        return priceHead;
    }

    Embedding chosenPrice() {
        return chosenPrice;
    }

    Linear orderHead() {
        return orderHead;
    }

    /** Whether a parameter is decayed by AdamW: the matrices of linear layers, not biases, gains or embeddings. */
    public static boolean decays(Parameter p) {
        String n = p.name();
        return p.value().rank() == 2 && n.endsWith(".weight") && !n.startsWith("price.") && !n.startsWith("order.")
                && !n.startsWith("method.") && !n.startsWith("level.") && !n.startsWith("time.") && !n.startsWith("chosen_");
    }

    /**
     * The output at every state token, {@code [B·L, d]}, for a batch of {@code B} windows of
     * {@code L} steps; dropout draws from {@code dropoutRng} (null: none, for evaluation).
     */
    Var stateOutputs(Tape tape, Batch b, Rng dropoutRng) {
        int n = b.windows * b.steps;
        int d = config.width();
        float[] rtg = new float[n];
        if (config.returnConditioned()) {
            System.arraycopy(b.rtg, 0, rtg, 0, n);
        }
        Var time = reshape(timeEmbed.forward(tape, java.util.Arrays.copyOf(b.period, n)), b, d);
        Var r = Ops.add(rtgEmbed.forward(tape.constant(Tensor.wrap(rtg, b.windows, b.steps, 1))), time);
        Var s = Ops.add(stateEmbed.forward(tape.constant(Tensor.wrap(b.states, b.windows, b.steps, TaskFamily.STATE_SIZE))),
                time);
        Var a = Ops.add(Ops.add(reshape(priceEmbed.forward(tape, java.util.Arrays.copyOf(b.price, n)), b, d),
                reshape(orderEmbed.forward(tape, java.util.Arrays.copyOf(b.order, n)), b, d)), time);
        a = Ops.add(a, Ops.add(reshape(methodEmbed.forward(tape, java.util.Arrays.copyOf(b.method, n)), b, d),
                reshape(levelEmbed.forward(tape, java.util.Arrays.copyOf(b.level, n)), b, d)));
        Var x = Ops.concat(2, Ops.reshape(r, b.windows, b.steps, 1, d), Ops.reshape(s, b.windows, b.steps, 1, d),
                Ops.reshape(a, b.windows, b.steps, 1, d));
        x = embedNorm.forward(Ops.reshape(x, b.windows, 3 * b.steps, d));
        float p = (float) config.dropout();
        if (dropoutRng != null && p > 0) {
            x = Ops.dropout(x, p, dropoutRng);
        }
        for (TransformerBlock blk : blocks) {
            x = blk.forward(x, p, dropoutRng);
        }
        x = finalNorm.forward(x);
        Var hs = Ops.slice(Ops.reshape(x, b.windows, b.steps, 3, d), 2, 1, 2);
        return Ops.reshape(hs, n, d);
    }

    private static Var reshape(Var v, Batch b, int d) {
        return Ops.reshape(v, b.windows, b.steps, d);
    }

    /** Price logits {@code [N, P]} from state outputs {@code h [N, d]}. */
    Var priceLogits(Var h) {
        return priceHead.forward(h);
    }

    /** Order logits {@code [N, Q+1]} given the chosen price index of each row. */
    Var orderLogits(Tape tape, Var h, int[] chosen) {
        return orderHead.forward(Ops.add(h, chosenPrice.forward(tape, chosen)));
    }

    /** Method logits {@code [N, METHODS]} given the chosen price and order of each row. */
    Var methodLogits(Tape tape, Var h, int[] price, int[] order) {
        return methodHead.forward(Ops.add(Ops.add(h, chosenPrice.forward(tape, price)), chosenOrder.forward(tape, order)));
    }

    /** Level logits {@code [N, LEVELS]} given the chosen price, order and method of each row. */
    Var levelLogits(Tape tape, Var h, int[] price, int[] order, int[] method) {
        return levelHead.forward(Ops.add(Ops.add(Ops.add(h, chosenPrice.forward(tape, price)), chosenOrder.forward(tape, order)),
                chosenMethod.forward(tape, method)));
    }

    /**
     * The mean over all steps of the batch of {@code −log π(price) − log π(order | price)
     * − m_u log π(method | price, order) − m_k log π(level | price, order, method)}, {@code m} the
     * steps' masks (0 where the task lacks the component): the cross-entropy of the logged actions
     * (the training loss).
     */
    public Var loss(Tape tape, Batch b, Rng dropoutRng) {
        int n = b.windows * b.steps;
        Var h = stateOutputs(tape, b, dropoutRng);
        int[] price = java.util.Arrays.copyOf(b.price, n);
        int[] order = java.util.Arrays.copyOf(b.order, n);
        int[] method = java.util.Arrays.copyOf(b.method, n);
        Var lp = Ops.gather(Ops.logSoftmax(priceLogits(h)), price);
        Var lo = Ops.gather(Ops.logSoftmax(orderLogits(tape, h, price)), order);
        Var lm = Ops.mul(Ops.gather(Ops.logSoftmax(methodLogits(tape, h, price, order)), method),
                tape.constant(Tensor.wrap(java.util.Arrays.copyOf(b.methodMask, n), n)));
        Var ll = Ops.mul(Ops.gather(Ops.logSoftmax(levelLogits(tape, h, price, order, method)),
                java.util.Arrays.copyOf(b.level, n)), tape.constant(Tensor.wrap(java.util.Arrays.copyOf(b.levelMask, n), n)));
        Var sum = Ops.add(Ops.add(Ops.mean(lp), Ops.mean(lo)), Ops.add(Ops.mean(lm), Ops.mean(ll)));
        return Ops.scale(sum, -1f);
    }
}
