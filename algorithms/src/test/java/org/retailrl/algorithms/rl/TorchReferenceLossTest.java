package org.retailrl.algorithms.rl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.nn.torchref.Comparison;
import org.retailrl.nn.torchref.Fixture;
import org.retailrl.nn.torchref.TorchReference;

/**
 * The learners' losses of docs/model.md §8 against PyTorch on every kernel path: the clipped surrogate
 * with advantage normalisation and per-sample (HAPPO) weights ({@link PolicyLoss}), the clipped
 * Huber and squared value losses ({@link ValueLoss}), the factorised multi-agent surrogate of
 * the docs/model.md §3 learners (the same {@link PolicyLoss} over several factors) and CleanRL's
 * PPO loss {@code pg − entCoef·H + vfCoef·vLoss} built from the two as the {@code ppo} update of
 * {@link Trainer} builds it (docs/model.md §8.5). The fixtures beside this class are
 * written by {@code scripts/torch-reference/generate.py} (docs/torch-reference.md), references in
 * float64; compared with the relative tolerance {@link #TOL} (normwise for gradient arrays).
 *
 * <p>Only the four {@code run…} adapters name the loss classes: pointing the cases at another
 * loss API means rewriting those, not the fixture reading or the comparisons.
 */
class TorchReferenceLossTest {
    /** Relative tolerance against the float64 reference. */
    static final double TOL = 1e-5;

    /** Child-JVM entry point: runs every case on this JVM's kernel path. */
    public static void main(String[] args) {
        Map<String, Consumer<Comparison>> m = new LinkedHashMap<>();
        m.put("policy_loss", TorchReferenceLossTest::policyLoss);
        m.put("value_loss", TorchReferenceLossTest::valueLoss);
        m.put("factorised_loss", TorchReferenceLossTest::factorisedLoss);
        m.put("ppo_loss", TorchReferenceLossTest::ppoLoss);
        TorchReference.runCases(m);
    }

    @Test
    void matchesPyTorchOnEveryKernelPath() throws Exception {
        TorchReference.assertEveryPath(TorchReferenceLossTest.class);
    }

    /** What a policy loss reports: the loss, its diagnostics and the logits' gradient. */
    record PolicyOutcome(double loss, double pgLoss, double entropy, double approxKl, double clipFraction,
                         float[] dlogits) {
    }

    /** What a value loss reports: the loss and the values' gradient. */
    record ValueOutcome(double loss, float[] dvalues) {
    }

    // ---- adapters to the engine's loss API ----

    static PolicyOutcome runPolicyLoss(double clip, double entCoef, boolean normalise, Tensor logits, int[] actions,
                                       float[] oldLogp, float[] advantages, float[] weights) {
        Tape tape = new Tape();
        Var z = tape.leaf(logits);
        PolicyLoss.Result r = new PolicyLoss(clip, entCoef, normalise).compute(z,
                new FactorLayout(logits.dim(1)), actions, oldLogp, advantages, weights);
        tape.backward(r.loss());
        return new PolicyOutcome(r.loss().value().item(), r.pgLoss(), r.entropy(), r.approxKl(), r.clipFraction(),
                z.grad().data());
    }

    static ValueOutcome runValueLoss(double clip, double huberDelta, Tensor values, float[] returns, float[] oldValues) {
        Tape tape = new Tape();
        Var v = tape.leaf(values);
        Var loss = new ValueLoss(clip, huberDelta).compute(v, returns, oldValues);
        tape.backward(loss);
        return new ValueOutcome(loss.value().item(), v.grad().data());
    }

    static PolicyOutcome runFactorisedLoss(double clip, double entCoef, int[] sizes, Tensor logits, int[] actions,
                                           float[] oldLogp, float[] advantages) {
        Tape tape = new Tape();
        Var z = tape.leaf(logits);
        PolicyLoss.Result r = new PolicyLoss(clip, entCoef, true)
                .compute(z, new FactorLayout(sizes), actions, oldLogp, advantages, null);
        tape.backward(r.loss());
        return new PolicyOutcome(r.loss().value().item(), r.pgLoss(), r.entropy(), r.approxKl(), r.clipFraction(),
                z.grad().data());
    }

    /** What the combined PPO loss reports: its policy part, the value loss and the values' gradient. */
    record PpoOutcome(PolicyOutcome policy, double vLoss, float[] dvalues) {
    }

    static PpoOutcome runPpoLoss(double clip, double entCoef, double vfCoef, Tensor logits, Tensor values,
                                 int[] actions, float[] oldLogp, float[] advantages, float[] returns,
                                 float[] oldValues) {
        Tape tape = new Tape();
        Var z = tape.leaf(logits);
        Var v = tape.leaf(values);
        PolicyLoss.Result p = new PolicyLoss(clip, entCoef, true)
                .compute(z, new FactorLayout(logits.dim(1)), actions, oldLogp, advantages, null);
        Var vLoss = new ValueLoss(clip, Double.POSITIVE_INFINITY).compute(v, returns, oldValues);
        Var loss = Ops.add(p.loss(), Ops.scale(vLoss, (float) vfCoef));
        tape.backward(loss);
        return new PpoOutcome(new PolicyOutcome(loss.value().item(), p.pgLoss(), p.entropy(), p.approxKl(),
                p.clipFraction(), z.grad().data()), vLoss.value().item(), v.grad().data());
    }

    // ---- cases ----

    private static Fixture fixture(String name) {
        return Fixture.load(TorchReferenceLossTest.class, name);
    }

    private static void comparePolicy(Comparison c, String prefix, PolicyOutcome r, Fixture f) {
        c.scalar(prefix + "loss", r.loss(), f.scalar(prefix + "loss"), TOL);
        c.scalar(prefix + "pg_loss", r.pgLoss(), f.scalar(prefix + "pg_loss"), TOL);
        c.scalar(prefix + "entropy", r.entropy(), f.scalar(prefix + "entropy"), TOL);
        c.scalar(prefix + "approx_kl", r.approxKl(), f.scalar(prefix + "approx_kl"), TOL);
        c.scalar(prefix + "clip_fraction", r.clipFraction(), f.scalar(prefix + "clip_fraction"), TOL);
        c.array(prefix + "dlogits", r.dlogits(), f.f32(prefix + "dlogits"), TOL);
    }

    /** Normalised advantages with per-sample weights, and raw advantages without weights. */
    static void policyLoss(Comparison c) {
        Fixture f = fixture("policy_loss.rrtf");
        for (String variant : new String[] {"weighted", "raw"}) {
            String p = variant + ".";
            int[] flags = f.i32(p + "flags"); // normalise, weighted
            float[] weights = flags[1] != 0 ? f.f32(p + "weights") : null;
            PolicyOutcome r = runPolicyLoss(f.scalar("clip"), f.scalar("ent_coef"), flags[0] != 0, f.tensor(p + "logits"),
                    f.i32(p + "actions"), f.f32(p + "old_logp"), f.f32(p + "advantages"), weights);
            comparePolicy(c, p, r, f);
        }
    }

    /** Value clipping with the Huber loss (δ = 1) and with the squared loss (δ = ∞). */
    static void valueLoss(Comparison c) {
        Fixture f = fixture("value_loss.rrtf");
        for (String variant : new String[] {"huber", "squared"}) {
            String p = variant + ".";
            double[] cfg = f.f64(p + "config"); // clip, δ
            ValueOutcome r = runValueLoss(cfg[0], cfg[1], f.tensor(p + "values"), f.f32(p + "returns"),
                    f.f32(p + "old_values"));
            c.scalar(p + "loss", r.loss(), f.scalar(p + "loss"), TOL);
            c.array(p + "dvalues", r.dvalues(), f.f32(p + "dvalues"), TOL);
        }
    }

    static void factorisedLoss(Comparison c) {
        Fixture f = fixture("factorised_loss.rrtf");
        PolicyOutcome r = runFactorisedLoss(f.scalar("clip"), f.scalar("ent_coef"), f.i32("sizes"), f.tensor("logits"),
                f.i32("actions"), f.f32("old_logp"), f.f32("advantages"));
        comparePolicy(c, "", r, f);
    }

    /**
     * CleanRL's PPO loss: clipped surrogate with normalised advantages, entropy bonus and the
     * clipped squared value loss, with both gradients.
     */
    static void ppoLoss(Comparison c) {
        Fixture f = fixture("ppo_loss.rrtf");
        PpoOutcome r = runPpoLoss(f.scalar("clip"), f.scalar("ent_coef"), f.scalar("vf_coef"), f.tensor("logits"),
                f.tensor("values"), f.i32("actions"), f.f32("old_logp"), f.f32("advantages"), f.f32("returns"),
                f.f32("old_values"));
        comparePolicy(c, "", r.policy(), f);
        c.scalar("v_loss", r.vLoss(), f.scalar("v_loss"), TOL);
        c.array("dvalues", r.dvalues(), f.f32("dvalues"), TOL);
    }
}
