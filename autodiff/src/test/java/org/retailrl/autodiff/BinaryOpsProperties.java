package org.retailrl.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * Broadcasting binary ops against the double reference: value and gradient (central differences,
 * {@link GradientChecker#GRADIENT}) for random broadcast-compatible shape pairs. Either operand may
 * be the smaller one; both take gradients, so the reduction over broadcast dimensions is checked.
 */
class BinaryOpsProperties {
    @Provide
    Arbitrary<int[]> shapes() {
        return Shapes.shapes();
    }

    private static void check(Tensor x, Tensor y,
                              BinaryOperator<Var> op, DoubleBinaryOperator ref, long seed) {
        int[] xs = x.shape();
        int[] ys = y.shape();
        GradientChecker.check((t, v) -> op.apply(v[0], v[1]),
                in -> Ref.broadcast(in[0], xs, in[1], ys, ref),
                new Tensor[] {x, y}, null, seed).assertPassed();
    }

    private static int[][] pair(int[] full, int drop, int ones, boolean swap) {
        int[] p = Gen.partner(full, drop, ones);
        return swap ? new int[][] {p, full} : new int[][] {full, p};
    }

    @Property(tries = 80)
    void add(@ForAll("shapes") int[] full, @ForAll @IntRange(max = 3) int drop, @ForAll @IntRange(max = 7) int ones,
             @ForAll boolean swap, @ForAll long seed) {
        int[][] s = pair(full, drop, ones, swap);
        Rng r = new Rng(seed);
        check(Gen.uniform(r, s[0], -2, 2), Gen.uniform(r, s[1], -2, 2), Ops::add, Double::sum, seed);
    }

    @Property(tries = 80)
    void sub(@ForAll("shapes") int[] full, @ForAll @IntRange(max = 3) int drop, @ForAll @IntRange(max = 7) int ones,
             @ForAll boolean swap, @ForAll long seed) {
        int[][] s = pair(full, drop, ones, swap);
        Rng r = new Rng(seed);
        check(Gen.uniform(r, s[0], -2, 2), Gen.uniform(r, s[1], -2, 2), Ops::sub, (a, b) -> a - b, seed);
    }

    @Property(tries = 80)
    void mul(@ForAll("shapes") int[] full, @ForAll @IntRange(max = 3) int drop, @ForAll @IntRange(max = 7) int ones,
             @ForAll boolean swap, @ForAll long seed) {
        int[][] s = pair(full, drop, ones, swap);
        Rng r = new Rng(seed);
        check(Gen.uniform(r, s[0], -2, 2), Gen.uniform(r, s[1], -2, 2), Ops::mul, (a, b) -> a * b, seed);
    }

    /** Divisors have |b| in [0.5, 2): away from the pole at 0. */
    @Property(tries = 80)
    void div(@ForAll("shapes") int[] full, @ForAll @IntRange(max = 3) int drop, @ForAll @IntRange(max = 7) int ones,
             @ForAll boolean swap, @ForAll long seed) {
        int[][] s = pair(full, drop, ones, swap);
        Rng r = new Rng(seed);
        check(Gen.uniform(r, s[0], -2, 2), Gen.signedMagnitude(r, s[1], 0.5, 2), Ops::div,
                (a, b) -> a / b, seed);
    }

    /** Operands on offset lattices differ by ≥ 0.1 everywhere: no ties, where min is not differentiable. */
    @Property(tries = 80)
    void minimum(@ForAll("shapes") int[] full, @ForAll @IntRange(max = 3) int drop, @ForAll @IntRange(max = 7) int ones,
                 @ForAll boolean swap, @ForAll long seed) {
        int[][] s = pair(full, drop, ones, swap);
        Rng r = new Rng(seed);
        check(Gen.lattice(r, s[0], 0), Gen.lattice(r, s[1], 0.1), Ops::minimum, Math::min, seed);
    }

    /** As {@link #minimum}: no ties. */
    @Property(tries = 80)
    void maximum(@ForAll("shapes") int[] full, @ForAll @IntRange(max = 3) int drop, @ForAll @IntRange(max = 7) int ones,
                 @ForAll boolean swap, @ForAll long seed) {
        int[][] s = pair(full, drop, ones, swap);
        Rng r = new Rng(seed);
        check(Gen.lattice(r, s[0], 0.1), Gen.lattice(r, s[1], 0), Ops::maximum, Math::max, seed);
    }

    /** The same node on both sides: both closures add into one gradient, d(x·x)/dx = 2x. */
    @Property(tries = 40)
    void sameInputTwiceAccumulates(@ForAll("shapes") int[] shape, @ForAll long seed) {
        Tensor x = Gen.uniform(new Rng(seed), shape, -2, 2);
        GradientChecker.check((t, v) -> Ops.mul(v[0], v[0]), in -> Ref.map(in[0], a -> a * a),
                new Tensor[] {x}, null, seed).assertPassed();
    }

    /** A rank-0 operand (e.g. a loss coefficient computed on the tape) broadcasts against any shape. */
    @Property(tries = 40)
    void scalarOperandBroadcasts(@ForAll("shapes") int[] shape, @ForAll boolean swap, @ForAll long seed) {
        Rng r = new Rng(seed);
        Tensor x = Gen.uniform(r, shape, -2, 2);
        Tensor c = Gen.uniform(r, new int[0], -2, 2);
        Tensor[] in = swap ? new Tensor[] {c, x} : new Tensor[] {x, c};
        check(in[0], in[1], Ops::mul, (a, b) -> a * b, seed);
    }

    @Example
    void tiesSendTheGradientToTheFirstOperand() {
        Tape t = new Tape();
        Var a = t.leaf(Tensor.of(new float[] {1, 2, 3}, 3));
        Var b = t.leaf(Tensor.of(new float[] {1, 5, 0}, 3));
        t.backward(Ops.sum(Ops.add(Ops.minimum(a, b), Ops.maximum(a, b))));
        assertArrayEquals(new float[] {2, 1, 1}, a.grad().data());
        assertArrayEquals(new float[] {0, 1, 1}, b.grad().data());
    }
}
