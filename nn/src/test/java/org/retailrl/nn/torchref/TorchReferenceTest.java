package org.retailrl.nn.torchref;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
import org.retailrl.nn.Parameter;
import org.retailrl.nn.PpoLoss;
import org.retailrl.nn.Sgd;

/**
 * The nn layers, PPO loss, gradient clipping and optimisers of MODEL.md §8 against PyTorch
 * (fixtures beside this class, written by {@code scripts/torch-reference/generate.py}; see
 * docs/torch-reference.md), on every kernel path. Layers and losses are compared with the
 * normwise relative tolerance {@link #TOL} against references computed in float64; the optimisers
 * with {@link #OPTIMISER_TOL} against {@code torch.optim} run in float32 (Adam elementwise, SGD
 * normwise).
 */
class TorchReferenceTest {
    /** Layers, losses, clipping: normwise relative difference to the float64 reference. */
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
        m.put("ppo_loss", TorchReferenceTest::ppoLoss);
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

    static void linear(Comparison c) {
        Fixture f = fixture("linear.rrtf");
        int[] ws = f.shape("lin.weight");
        Linear lin = new Linear("lin", ws[1], ws[0], 1.0, new Rng(1));
        f.setParameters(lin.parameters());
        Tape tape = new Tape();
        Var x = tape.leaf(f.tensor("x"));
        Var y = lin.forward(x);
        tape.backward(y, f.tensor("dy"));
        c.array("y", y.value().data(), f.f32("y"), TOL);
        c.array("dx", x.grad().data(), f.f32("dx"), TOL);
        c.gradients(lin.parameters(), f, TOL);
    }

    static void mlpTanh(Comparison c) {
        Fixture f = fixture("mlp_tanh.rrtf");
        MLP mlp = new MLP("mlp", f.i32("widths"), Activation.TANH, Activation.IDENTITY, 1.0, new Rng(1));
        f.setParameters(mlp.parameters());
        Tape tape = new Tape();
        Var x = tape.leaf(f.tensor("x"));
        Var y = mlp.forward(x);
        tape.backward(y, f.tensor("dy"));
        c.array("y", y.value().data(), f.f32("y"), TOL);
        c.array("dx", x.grad().data(), f.f32("dx"), TOL);
        c.gradients(mlp.parameters(), f, TOL);
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
        f.setParameters(ln.parameters());
        Tape tape = new Tape();
        Var x = tape.leaf(f.tensor("x"));
        Var y = ln.forward(x);
        tape.backward(y, f.tensor("dy"));
        c.array("y", y.value().data(), f.f32("y"), TOL);
        c.array("dx", x.grad().data(), f.f32("dx"), TOL);
        c.gradients(ln.parameters(), f, TOL);
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

        Tape tape = new Tape();
        Var zl = tape.leaf(z.copy());
        Var lp = Ops.logSoftmax(zl);
        tape.backward(lp, f.tensor("d_logp"));
        c.array("op.logSoftmax", lp.value().data(), f.f32("logp"), TOL);
        c.array("op.logSoftmax.dlogits", zl.grad().data(), f.f32("dlogits_from_logp"), TOL);

        Tape tape2 = new Tape();
        Var z2 = tape2.leaf(z.copy());
        Var h = Ops.entropyFromLogits(z2);
        tape2.backward(h, f.tensor("d_entropy"));
        c.array("op.entropy", h.value().data(), f.f32("entropy"), TOL);
        c.array("op.entropy.dlogits", z2.grad().data(), f.f32("dlogits_from_entropy"), TOL);
    }

    /** CleanRL's PPO loss (clipped surrogate with normalised advantages, clipped value loss, entropy). */
    static void ppoLoss(Comparison c) {
        Fixture f = fixture("ppo_loss.rrtf");
        PpoLoss loss = new PpoLoss(f.scalar("clip"), f.scalar("ent_coef"), f.scalar("vf_coef"), true);
        Tape tape = new Tape();
        Var logits = tape.leaf(f.tensor("logits"));
        Var values = tape.leaf(f.tensor("values"));
        PpoLoss.Result r = loss.compute(logits, values, f.i32("actions"), f.f32("old_logp"), f.f32("advantages"),
                f.f32("returns"), f.f32("old_values"));
        tape.backward(r.loss());
        c.scalar("loss", r.loss().value().item(), f.scalar("loss"), TOL);
        c.scalar("pg_loss", r.pgLoss(), f.scalar("pg_loss"), TOL);
        c.scalar("v_loss", r.vLoss(), f.scalar("v_loss"), TOL);
        c.scalar("entropy", r.entropy(), f.scalar("entropy"), TOL);
        c.scalar("approx_kl", r.approxKl(), f.scalar("approx_kl"), TOL);
        c.scalar("clip_fraction", r.clipFraction(), f.scalar("clip_fraction"), TOL);
        c.array("dlogits", logits.grad().data(), f.f32("dlogits"), TOL);
        c.array("dvalues", values.grad().data(), f.f32("dvalues"), TOL);
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
