package org.retailrl.algorithms.lmm;

import org.retailrl.algorithms.deploy.RecurrentInference;
import org.retailrl.core.simd.Kernels;
import org.retailrl.nn.LayerNorm;
import org.retailrl.nn.Linear;
import org.retailrl.nn.Module;

/**
 * Autoregressive decisions of a trained {@link DecisionTransformer} for one episode with a
 * key/value cache (docs/model.md §6.3): each period appends the previous action's token and the
 * new return and state tokens, runs only those through the blocks (each attending to the cached
 * keys and values of every earlier token) and reads the decision from the state token's output.
 * Allocation-free after construction; every product is a chain of {@link Kernels#axpy} calls over
 * transposed weights and feature-major keys (one row at a time, nothing to pack or reduce).
 *
 * <p>It is exact while the episode still fits in the model's context, periods {@code 0..K−1};
 * from period {@code K} on the window slides, which changes every cached entry, so
 * {@link #decide} then refuses and the batched {@link DtPolicy} (which recomputes the window) is
 * the way to act.
 */
public final class DtDecoder {
    /** A linear layer with its weight transposed to {@code [in, out]}, so {@code W·x} is one axpy per input. */
    private record Dense(float[] wt, float[] bias, int in, int out) {
        static Dense of(Linear l) {
            float[] w = l.weight().value().data();
            float[] wt = new float[w.length];
            for (int o = 0; o < l.out(); o++) {
                for (int i = 0; i < l.in(); i++) {
                    wt[i * l.out() + o] = w[o * l.in() + i];
                }
            }
            return new Dense(wt, l.bias().value().data().clone(), l.in(), l.out());
        }
    }

    private final DecisionTransformer model;
    private final int d;
    private final int heads;
    private final int dh;
    private final int maxTokens;
    private final float[][] keys;
    private final float[][] values;
    private final float[] x;
    private final float[] h;
    private final float[] qkv;
    private final float[] att;
    private final float[] tmp;
    private final float[] wide;
    private final float[] scores;
    private final float[] priceLogits;
    private final float[] orderLogits;
    private final float[] methodLogits = new float[TaskFamily.METHODS];
    private final float[] levelLogits = new float[TaskFamily.LEVELS];
    private final int[] chosen = new int[4];
    private final float[] state = new float[TaskFamily.STATE_SIZE];
    private final float[] one = new float[1];
    private final float rtgScale;
    private final float scale;
    /** Per block, the sublayers {@code ln1, qkv, proj, ln2, fc1, fc2}, looked up once. */
    private final Module[][] layers;
    /** Per block, {@code qkv, proj, fc1, fc2} transposed. */
    private final Dense[][] dense;
    private final Dense rtgEmbed;
    private final Dense stateEmbed;
    private final Dense priceHead;
    private final Dense orderHead;
    private final Dense methodHead;
    private final Dense levelHead;
    private int tokens;
    private int period;
    private float rtg;
    private int lastPrice;
    private int lastOrder;
    private int lastMethod;
    private int lastLevel;

    /**
     * A decoder over {@code model}'s weights: linear layers are copied (transposed) now, the
     * embeddings and LayerNorm parameters are read in place.
     */
    public DtDecoder(DecisionTransformer model, float rtgScale) {
        this.model = model;
        this.rtgScale = rtgScale;
        d = model.config().width();
        heads = model.config().heads();
        dh = d / heads;
        scale = (float) (1.0 / Math.sqrt(dh));
        maxTokens = 3 * model.config().context();
        int layers = model.blocks().size();
        keys = new float[layers][maxTokens * d];
        values = new float[layers][maxTokens * d];
        this.layers = new Module[layers][];
        dense = new Dense[layers][];
        for (int l = 0; l < layers; l++) {
            Module[] m = model.blocks().get(l).layers().toArray(new Module[0]);
            this.layers[l] = m;
            dense[l] = new Dense[] {Dense.of((Linear) m[1]), Dense.of((Linear) m[2]), Dense.of((Linear) m[4]),
                    Dense.of((Linear) m[5])};
        }
        rtgEmbed = Dense.of(model.rtgEmbed());
        stateEmbed = Dense.of(model.stateEmbed());
        priceHead = Dense.of(model.priceHead());
        orderHead = Dense.of(model.orderHead());
        methodHead = Dense.of(model.methodHead());
        levelHead = Dense.of(model.levelHead());
        x = new float[d];
        h = new float[d];
        qkv = new float[3 * d];
        att = new float[d];
        tmp = new float[d];
        wide = new float[4 * d];
        scores = new float[maxTokens];
        priceLogits = new float[TaskFamily.PRICES];
        orderLogits = new float[TaskFamily.ORDERS];
    }

    /** Starts an episode conditioned on {@code target} (currency per episode). */
    public void reset(double target) {
        tokens = 0;
        period = 0;
        rtg = (float) (target / rtgScale);
    }

    /**
     * The decision of the coming period of a pricing task given its encoded state
     * ({@link TaskFamily#encode}) and the profit of the previous period (ignored in period 0);
     * writes price index and order size to {@code out[0], out[1]}.
     *
     * @throws IllegalStateException from period {@code K} on (the window would slide)
     */
    public void decide(float[] encodedState, int off, double lastReward, int[] out) {
        decide(encodedState, off, lastReward, 1, 1);
        out[0] = chosen[0];
        out[1] = chosen[1];
    }

    /**
     * As {@link #decide(float[], int, double, int[])} for a task offering {@code methods} methods
     * and {@code levels} recommendation levels (its action mask); writes price index, order size,
     * method and level to {@code out[0..3]}.
     */
    public void decide(float[] encodedState, int off, double lastReward, int methods, int levels, int[] out) {
        decide(encodedState, off, lastReward, methods, levels);
        System.arraycopy(chosen, 0, out, 0, 4);
    }

    private void decide(float[] encodedState, int off, double lastReward, int methods, int levels) {
        if (period >= model.config().context()) {
            throw new IllegalStateException("period " + period + ": the key/value cache covers the first "
                    + model.config().context() + " periods (the model's context)");
        }
        if (methods < 1 || methods > TaskFamily.METHODS || levels < 1 || levels > TaskFamily.LEVELS) {
            throw new IllegalArgumentException("methods and levels must be in [1, " + TaskFamily.METHODS + "] and [1, "
                    + TaskFamily.LEVELS + "], got " + methods + " and " + levels);
        }
        if (period > 0) {
            rtg -= (float) (lastReward / rtgScale);
            // The previous action's token: its component embeddings plus the period's.
            embedRow(model.priceEmbed().table().value().data(), lastPrice, model.orderEmbed().table().value().data(), lastOrder,
                    period - 1);
            addRow(model.methodEmbed().table().value().data(), lastMethod);
            addRow(model.levelEmbed().table().value().data(), lastLevel);
            append();
        }
        one[0] = model.config().returnConditioned() ? rtg : 0f;
        linear(rtgEmbed, one, x);
        addTime(period);
        append();
        System.arraycopy(encodedState, off, state, 0, state.length);
        linear(stateEmbed, state, x);
        addTime(period);
        append();
        layerNorm(model.finalNorm(), x, h);
        linear(priceHead, h, priceLogits);
        int p = RecurrentInference.argmax(priceLogits, priceLogits.length);
        addRow(h, model.chosenPrice().table().value().data(), p);
        linear(orderHead, h, orderLogits);
        int q = RecurrentInference.argmax(orderLogits, orderLogits.length);
        int u = 0;
        int l = 0;
        if (methods > 1 || levels > 1) {
            addRow(h, model.chosenOrder().table().value().data(), q);
            if (methods > 1) {
                linear(methodHead, h, methodLogits);
                u = RecurrentInference.argmax(methodLogits, methods);
            }
            if (levels > 1) {
                addRow(h, model.chosenMethod().table().value().data(), u);
                linear(levelHead, h, levelLogits);
                l = RecurrentInference.argmax(levelLogits, levels);
            }
        }
        chosen[0] = p;
        chosen[1] = q;
        chosen[2] = u;
        chosen[3] = l;
        lastPrice = p;
        lastOrder = q;
        lastMethod = u;
        lastLevel = l;
        period++;
    }

    /** {@code x += table[row]}. */
    private void addRow(float[] table, int row) {
        addRow(x, table, row);
    }

    /** {@code v += table[row]}. */
    private void addRow(float[] v, float[] table, int row) {
        for (int j = 0; j < d; j++) {
            v[j] += table[row * d + j];
        }
    }

    /** The method logits of the last decision that had a choice of method (for tests). */
    float[] methodLogits() {
        return methodLogits;
    }

    /** The level logits of the last decision that had a choice of level (for tests). */
    float[] levelLogits() {
        return levelLogits;
    }

    /** The price logits of the last decision (for tests). */
    float[] priceLogits() {
        return priceLogits;
    }

    private void embedRow(float[] a, int ia, float[] b, int ib, int t) {
        for (int j = 0; j < d; j++) {
            x[j] = a[ia * d + j] + b[ib * d + j];
        }
        addTime(t);
    }

    private void addTime(int t) {
        float[] te = model.timeEmbed().table().value().data();
        for (int j = 0; j < d; j++) {
            x[j] += te[t * d + j];
        }
    }

    /** Runs the embedded token in {@code x} through the stack; leaves the last block's output in {@code x}. */
    private void append() {
        layerNorm(model.embedNorm(), x, x);
        int n = tokens;
        for (int l = 0; l < layers.length; l++) {
            Module[] parts = layers[l];
            layerNorm((LayerNorm) parts[0], x, h);
            linear(dense[l][0], h, qkv);
            // Keys are kept transposed (feature-major), so a head's scores are dh axpys over the tokens.
            for (int c = 0; c < d; c++) {
                keys[l][c * maxTokens + n] = qkv[d + c];
            }
            System.arraycopy(qkv, 2 * d, values[l], n * d, d);
            for (int hd = 0; hd < heads; hd++) {
                int ho = hd * dh;
                java.util.Arrays.fill(scores, 0, n + 1, 0f);
                for (int c = 0; c < dh; c++) {
                    Kernels.axpy(qkv[ho + c], keys[l], (ho + c) * maxTokens, scores, 0, n + 1);
                }
                float m = Float.NEGATIVE_INFINITY;
                for (int j = 0; j <= n; j++) {
                    scores[j] *= scale;
                    m = Math.max(m, scores[j]);
                }
                for (int j = 0; j <= n; j++) {
                    scores[j] -= m;
                }
                Kernels.exp(scores, 0, scores, 0, n + 1);
                double sum = 0;
                for (int j = 0; j <= n; j++) {
                    sum += scores[j];
                }
                float inv = (float) (1.0 / sum);
                java.util.Arrays.fill(att, ho, ho + dh, 0f);
                for (int j = 0; j <= n; j++) {
                    Kernels.axpy(scores[j] * inv, values[l], j * d + ho, att, ho, dh);
                }
            }
            linear(dense[l][1], att, tmp);
            Kernels.add(x, 0, tmp, 0, x, 0, d);
            layerNorm((LayerNorm) parts[3], x, h);
            linear(dense[l][2], h, wide);
            gelu(wide);
            linear(dense[l][3], wide, tmp);
            Kernels.add(x, 0, tmp, 0, x, 0, d);
        }
        tokens++;
    }

    /** {@code out = b + Σ_p in_p·Wᵀ[p, :]}: one axpy per input. */
    private static void linear(Dense l, float[] in, float[] out) {
        System.arraycopy(l.bias(), 0, out, 0, l.out());
        for (int p = 0; p < l.in(); p++) {
            Kernels.axpy(in[p], l.wt(), p * l.out(), out, 0, l.out());
        }
    }

    private void layerNorm(LayerNorm ln, float[] in, float[] out) {
        float[] g = ln.gain().value().data();
        float[] b = ln.bias().value().data();
        double mu = 0;
        for (int j = 0; j < d; j++) {
            mu += in[j];
        }
        mu /= d;
        double var = 0;
        for (int j = 0; j < d; j++) {
            double u = in[j] - mu;
            var += u * u;
        }
        var /= d;
        double rs = 1.0 / Math.sqrt(var + 1e-5);
        for (int j = 0; j < d; j++) {
            out[j] = g[j] * (float) ((in[j] - mu) * rs) + b[j];
        }
    }

    private static void gelu(float[] v) {
        float c = (float) Math.sqrt(2 / Math.PI);
        for (int j = 0; j < v.length; j++) {
            float xj = v[j];
            v[j] = 0.5f * xj * (1f + (float) Math.tanh(c * (xj + 0.044715f * xj * xj * xj)));
        }
    }
}
