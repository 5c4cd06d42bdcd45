package org.retailrl.nn.torchref;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;
import org.retailrl.nn.Activation;
import org.retailrl.nn.Adam;
import org.retailrl.nn.AdamConfig;
import org.retailrl.nn.CategoricalRows;
import org.retailrl.nn.GRU;
import org.retailrl.nn.GradClip;
import org.retailrl.nn.LayerNorm;
import org.retailrl.nn.Linear;
import org.retailrl.nn.MLP;
import org.retailrl.nn.Module;
import org.retailrl.nn.Parameter;
import org.retailrl.nn.Sgd;

/**
 * The nn layers, categorical rows, gradient clipping and optimisers of docs/model.md §8 against PyTorch
 * (fixtures beside this class, written by {@code scripts/torch-reference/generate.py}; see
 * docs/torch-reference.md), on every kernel path. Layers, rows and clipping are compared with the
 * normwise relative tolerance {@link #TOL} against references computed in float64; the optimisers
 * with {@link #OPTIMISER_TOL} against {@code torch.optim} run in float32 (Adam elementwise, SGD
 * normwise).
 */
class TorchReferenceTest {
    /** Layers, rows, clipping: normwise relative difference to the float64 reference. */
    static final double TOL = 1e-5;
    /** Adam weights and moments (elementwise) and SGD weights (normwise): relative difference to float32 PyTorch. */
    static final double OPTIMISER_TOL = 3e-7;

    /** Child-JVM entry point: runs every case on this JVM's kernel path. */
    public static void main(String[] args) {
        TorchReference.runCases(cases());
    }

    static Map<String, Consumer<Comparison>> cases() {
        Map<String, Consumer<Comparison>> m = new LinkedHashMap<>();
        m.put("linear", TorchReferenceTest::linear);
        m.put("mlp_tanh", TorchReferenceTest::mlpTanh);
        m.put("gru", c -> gru(c, "gru.rrtf"));
        m.put("gru_blocks", c -> gru(c, "gru_blocks.rrtf"));
        m.put("layernorm", TorchReferenceTest::layerNorm);
        m.put("categorical", TorchReferenceTest::categorical);
        m.put("grad_clip", TorchReferenceTest::gradClip);
        m.put("adam", TorchReferenceTest::adam);
        m.put("sgd", TorchReferenceTest::sgd);
        return m;
    }

    @Test
    void matchesPyTorchOnEveryKernelPath() throws Exception {
        TorchReference.assertEveryPath(TorchReferenceTest.class);
    }

    private static Fixture fixture(String name) {
        return Fixture.load(TorchReferenceTest.class, name);
    }

    /**
     * A one-input layer: parameters from the fixture, {@code y = forward(x)} on a tape, backward
     * from the fixture's {@code dy}; compares y, dx and every parameter gradient.
     */
    private static void layerCase(Comparison c, Fixture f, Module layer, UnaryOperator<Var> forward) {
        f.setParameters(layer.parameters());
        Tape tape = new Tape();
        Var x = tape.leaf(f.tensor("x"));
        Var y = forward.apply(x);
        tape.backward(y, f.tensor("dy"));
        c.array("y", y.value().data(), f.f32("y"), TOL);
        c.array("dx", x.grad().data(), f.f32("dx"), TOL);
        c.gradients(layer.parameters(), f, TOL);
    }

    static void linear(Comparison c) {
        Fixture f = fixture("linear.rrtf");
        int[] ws = f.shape("lin.weight");
        Linear lin = new Linear("lin", ws[1], ws[0], 1.0, new Rng(1));
        layerCase(c, f, lin, lin::forward);
    }

    static void mlpTanh(Comparison c) {
        Fixture f = fixture("mlp_tanh.rrtf");
        List<Integer> widths = new ArrayList<>(List.of(f.shape("mlp.0.weight")[1]));
        for (int i = 0; f.has("mlp." + i + ".weight"); i++) {
            widths.add(f.shape("mlp." + i + ".weight")[0]);
        }
        MLP mlp = new MLP("mlp", widths.stream().mapToInt(Integer::intValue).toArray(), Activation.TANH,
                Activation.IDENTITY, 1.0, new Rng(1));
        layerCase(c, f, mlp, mlp::forward);
    }

    /** Stacked GRU with reset masks (and an initial state when the fixture has one). */
    static void gru(Comparison c, String file) {
        Fixture f = fixture(file);
        int[] s = f.i32("sizes"); // B, T, in, H, L
        GRU gru = new GRU("gru", s[2], s[3], s[4], new Rng(1));
        f.setParameters(gru.parameters());
        Tape tape = new Tape();
        Var x = tape.leaf(f.tensor("x"));
        Var h0 = f.has("h0") ? tape.leaf(f.tensor("h0")) : null;
        GRU.Output out = gru.forward(x, f.f32("reset"), h0);
        // Σ d_outputs ⊙ outputs + Σ d_last ⊙ lastHidden: its gradient seeds both outputs exactly.
        Var loss = Ops.add(Ops.sum(Ops.mul(out.outputs(), tape.constant(f.tensor("d_outputs")))),
                Ops.sum(Ops.mul(out.lastHidden(), tape.constant(f.tensor("d_last")))));
        tape.backward(loss);
        c.array("outputs", out.outputs().value().data(), f.f32("outputs"), TOL);
        c.array("last_hidden", out.lastHidden().value().data(), f.f32("last_hidden"), TOL);
        c.array("dx", x.grad().data(), f.f32("dx"), TOL);
        if (h0 != null) {
            c.array("dh0", h0.grad().data(), f.f32("dh0"), TOL);
        }
        c.gradients(gru.parameters(), f, TOL);
    }

    static void layerNorm(Comparison c) {
        Fixture f = fixture("layernorm.rrtf");
        LayerNorm ln = new LayerNorm("ln", f.shape("ln.weight")[0], (float) f.scalar("eps"));
        layerCase(c, f, ln, ln::forward);
    }

    /** Log-softmax, probabilities and entropy of {@link CategoricalRows}, and the tape's log-softmax and entropy ops. */
    static void categorical(Comparison c) {
        Fixture f = fixture("categorical.rrtf");
        Tensor z = f.tensor("logits");
        int n = z.dim(0);
        int a = z.dim(1);
        float[] logp = new float[n * a];
        float[] probs = new float[n * a];
        float[] ent = new float[n];
        for (int i = 0; i < n; i++) {
            ent[i] = (float) CategoricalRows.logSoftmaxRow(z.data(), i * a, a, logp, probs);
        }
        c.array("rows.logp", logp, f.f32("logp"), TOL);
        c.array("rows.probs", probs, f.f32("probs"), TOL);
        c.array("rows.entropy", ent, f.f32("entropy"), TOL);

        logitOp(c, "op.logSoftmax", Ops::logSoftmax, f, z, "d_logp", "logp", "dlogits_from_logp");
        logitOp(c, "op.entropy", Ops::entropyFromLogits, f, z, "d_entropy", "entropy", "dlogits_from_entropy");
    }

    /** A tape op over the logits: its output against {@code ref}, the logits' gradient from {@code upstream} against {@code dref}. */
    private static void logitOp(Comparison c, String item, UnaryOperator<Var> op, Fixture f, Tensor logits,
                                String upstream, String ref, String dref) {
        Tape tape = new Tape();
        Var z = tape.leaf(logits.copy());
        Var out = op.apply(z);
        tape.backward(out, f.tensor(upstream));
        c.array(item, out.value().data(), f.f32(ref), TOL);
        c.array(item + ".dlogits", z.grad().data(), f.f32(dref), TOL);
    }

    static void gradClip(Comparison c) {
        Fixture f = fixture("grad_clip.rrtf");
        int count = f.i32("count")[0];
        for (String variant : new String[] {"clipped", "unclipped"}) {
            List<Parameter> params = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Parameter p = new Parameter("p" + i, Tensor.zeros(f.shape(variant + ".grad." + i)));
                p.grad().copyFrom(f.tensor(variant + ".grad." + i));
                params.add(p);
            }
            double norm = GradClip.clipGlobalNorm(params, f.scalar(variant + ".max_norm"));
            c.scalar(variant + ".norm", norm, f.scalar(variant + ".norm"), TOL);
            for (int i = 0; i < count; i++) {
                c.array(variant + ".grad." + i, params.get(i).grad().data(), f.f32(variant + ".clipped." + i), TOL);
            }
        }
    }

    /** Parameters of the fixture's shapes for {@code prefix}, zero or from {@code prefix.start.i}. */
    private static List<Parameter> optimiserParams(Fixture f, String prefix) {
        List<Parameter> params = new ArrayList<>();
        for (int i = 0; i < f.i32("count")[0]; i++) {
            String start = prefix + ".start." + i;
            Tensor v = f.has(start) ? f.tensor(start) : Tensor.zeros(f.shape(prefix + ".step1.grad." + i));
            params.add(new Parameter("p" + i, v));
        }
        return params;
    }

    /**
     * Feeds the fixture's gradients for {@code steps} steps, comparing the weights after each,
     * elementwise or (when {@code normwise}) by {@link Comparison#array}.
     */
    private static void runSteps(Comparison c, Fixture f, String prefix, List<Parameter> params, Runnable step,
                                 boolean normwise) {
        int steps = f.i32("steps")[0];
        for (int t = 1; t <= steps; t++) {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).grad().copyFrom(f.tensor(prefix + ".step" + t + ".grad." + i));
            }
            step.run();
            for (int i = 0; i < params.size(); i++) {
                String name = prefix + ".step" + t + ".param." + i;
                if (normwise) {
                    c.array(name, params.get(i).value().data(), f.f32(name), OPTIMISER_TOL);
                } else {
                    c.elementwise(name, params.get(i).value().data(), f.f32(name), OPTIMISER_TOL);
                }
            }
        }
    }

    static void adam(Comparison c) {
        Fixture f = fixture("adam.rrtf");
        for (String prefix : new String[] {"default", "fast"}) {
            double[] cfg = f.f64(prefix + ".config"); // lr, β1, β2, ε
            List<Parameter> params = optimiserParams(f, prefix);
            Adam adam = new Adam(params, new AdamConfig(cfg[0], cfg[1], cfg[2], cfg[3]));
            runSteps(c, f, prefix, params, adam::step, false);
            Adam.State s = adam.state();
            for (int i = 0; i < params.size(); i++) {
                c.elementwise(prefix + ".exp_avg." + i, s.m()[i], f.f32(prefix + ".exp_avg." + i), OPTIMISER_TOL);
                c.elementwise(prefix + ".exp_avg_sq." + i, s.v()[i], f.f32(prefix + ".exp_avg_sq." + i), OPTIMISER_TOL);
            }
        }
    }

    static void sgd(Comparison c) {
        Fixture f = fixture("sgd.rrtf");
        for (String prefix : new String[] {"plain", "momentum"}) {
            double[] cfg = f.f64(prefix + ".config"); // lr, momentum
            List<Parameter> params = optimiserParams(f, prefix);
            Sgd sgd = new Sgd(params, cfg[0], cfg[1]);
            // Normwise: the scalar kernel's axpy rounds θ + (−lr)·b twice where PyTorch (and the
            // vector kernels) fuse it, within the kernels' stated bounds; a weight that nearly
            // cancels then shows a large elementwise relative difference that is only this ulp.
            runSteps(c, f, prefix, params, sgd::step, true);
        }
    }
}
