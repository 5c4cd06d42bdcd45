package org.retailrl.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.FloatRange;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * Elementwise ops against the double reference on random shapes. Inputs stay explicitly away from
 * non-differentiable points and singularities: relu/abs at least 0.05 from 0, clamp at least 0.05
 * from either edge, huber at least 0.05 from ±δ, log and sqrt on [0.2, 3).
 */
class UnaryOpsProperties {
    @Provide
    Arbitrary<int[]> shapes() {
        return Shapes.shapes();
    }

    private static void check(Tensor x, UnaryOperator<Var> op, DoubleUnaryOperator ref, long seed) {
        GradientChecker.check((t, v) -> op.apply(v[0]), in -> Ref.map(in[0], ref), new Tensor[] {x}, null, seed)
                .assertPassed();
    }

    @Property(tries = 60)
    void tanh(@ForAll("shapes") int[] s, @ForAll long seed) {
        check(Gen.uniform(new Rng(seed), s, -3, 3), Ops::tanh, Math::tanh, seed);
    }

    @Property(tries = 60)
    void sigmoid(@ForAll("shapes") int[] s, @ForAll long seed) {
        check(Gen.uniform(new Rng(seed), s, -6, 6), Ops::sigmoid, x -> 1 / (1 + Math.exp(-x)), seed);
    }

    @Property(tries = 60)
    void exp(@ForAll("shapes") int[] s, @ForAll long seed) {
        check(Gen.uniform(new Rng(seed), s, -3, 3), Ops::exp, Math::exp, seed);
    }

    @Property(tries = 60)
    void log(@ForAll("shapes") int[] s, @ForAll long seed) {
        check(Gen.uniform(new Rng(seed), s, 0.2, 3), Ops::log, Math::log, seed);
    }

    @Property(tries = 60)
    void sqrt(@ForAll("shapes") int[] s, @ForAll long seed) {
        check(Gen.uniform(new Rng(seed), s, 0.2, 3), Ops::sqrt, Math::sqrt, seed);
    }

    @Property(tries = 60)
    void relu(@ForAll("shapes") int[] s, @ForAll long seed) {
        check(Gen.awayFrom(new Rng(seed), s, -2, 2, 0.05, 0), Ops::relu, x -> Math.max(x, 0), seed);
    }

    @Property(tries = 60)
    void abs(@ForAll("shapes") int[] s, @ForAll long seed) {
        check(Gen.awayFrom(new Rng(seed), s, -2, 2, 0.05, 0), Ops::abs, Math::abs, seed);
    }

    @Property(tries = 60)
    void square(@ForAll("shapes") int[] s, @ForAll long seed) {
        check(Gen.uniform(new Rng(seed), s, -3, 3), Ops::square, x -> x * x, seed);
    }

    @Property(tries = 60)
    void neg(@ForAll("shapes") int[] s, @ForAll long seed) {
        check(Gen.uniform(new Rng(seed), s, -3, 3), Ops::neg, x -> -x, seed);
    }

    @Property(tries = 60)
    void scale(@ForAll("shapes") int[] s, @ForAll @FloatRange(min = -4, max = 4) float k, @ForAll long seed) {
        check(Gen.uniform(new Rng(seed), s, -3, 3), v -> Ops.scale(v, k), x -> k * x, seed);
    }

    @Property(tries = 60)
    void addScalar(@ForAll("shapes") int[] s, @ForAll @FloatRange(min = -4, max = 4) float k, @ForAll long seed) {
        check(Gen.uniform(new Rng(seed), s, -3, 3), v -> Ops.addScalar(v, k), x -> x + k, seed);
    }

    @Property(tries = 60)
    void clamp(@ForAll("shapes") int[] s, @ForAll long seed) {
        float lo = -0.5f;
        float hi = 0.7f;
        check(Gen.awayFrom(new Rng(seed), s, -2, 2, 0.05, lo, hi), v -> Ops.clamp(v, lo, hi),
                x -> Math.min(Math.max(x, lo), hi), seed);
    }

    /** Element 0 is forced inside |x| ≤ δ and element 1 (when present) outside, so both branches run. */
    @Property(tries = 60)
    void huberBothBranches(@ForAll("shapes") int[] s, @ForAll @FloatRange(min = 0.5f, max = 1.5f) float delta,
                           @ForAll long seed) {
        Rng r = new Rng(seed);
        Tensor x = Gen.awayFrom(r, s, -3, 3, 0.05, delta, -delta);
        x.data()[0] = (float) r.uniform(-delta + 0.05, delta - 0.05);
        if (x.size() > 1) {
            x.data()[1] = (float) ((r.nextInt(2) == 0 ? 1 : -1) * r.uniform(delta + 0.05, 3));
        }
        check(x, v -> Ops.huber(v, delta), z -> Math.abs(z) <= delta ? 0.5 * z * z : delta * (Math.abs(z) - 0.5 * delta),
                seed);
        assertTrue(Math.abs(x.data()[0]) < delta);
    }
}
