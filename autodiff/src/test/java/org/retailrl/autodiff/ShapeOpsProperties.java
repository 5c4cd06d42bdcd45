package org.retailrl.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/** concat and slice on every axis, reshape, gather and index-select (with repeated indices) against the reference. */
class ShapeOpsProperties {
    @Provide
    Arbitrary<int[]> shapes() {
        return Shapes.shapes();
    }

    /** The {@code [outer, len, inner]} view of {@code s} around {@code axis}. */
    private static int[] around(int[] s, int axis) {
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= s[i];
        }
        int inner = 1;
        for (int i = axis + 1; i < s.length; i++) {
            inner *= s[i];
        }
        return new int[] {outer, s[axis], inner};
    }

    @Property(tries = 80)
    void concatOnEachAxis(@ForAll("shapes") int[] s, @ForAll @IntRange(max = 2) int axisPick,
                          @ForAll @IntRange(min = 1, max = 3) int parts, @ForAll long seed) {
        int axis = axisPick % s.length;
        Rng r = new Rng(seed);
        Tensor[] xs = new Tensor[parts];
        int[][] shapes = new int[parts][];
        for (int p = 0; p < parts; p++) {
            shapes[p] = s.clone();
            shapes[p][axis] = 1 + r.nextInt(4);
            xs[p] = Gen.uniform(r, shapes[p], -2, 2);
        }
        GradientChecker.check((t, v) -> Ops.concat(axis, v), in -> {
            int total = 0;
            for (int[] sh : shapes) {
                total += sh[axis];
            }
            int[] o = around(s, axis);
            double[] y = new double[o[0] * total * o[2]];
            int start = 0;
            for (int p = 0; p < parts; p++) {
                int len = shapes[p][axis];
                for (int q = 0; q < o[0]; q++) {
                    for (int j = 0; j < len; j++) {
                        for (int i = 0; i < o[2]; i++) {
                            y[(q * total + start + j) * o[2] + i] = in[p][(q * len + j) * o[2] + i];
                        }
                    }
                }
                start += len;
            }
            return y;
        }, xs, null, seed).assertPassed();
    }

    @Property(tries = 80)
    void sliceOnEachAxis(@ForAll("shapes") int[] s, @ForAll @IntRange(max = 2) int axisPick, @ForAll long seed) {
        int axis = axisPick % s.length;
        Rng r = new Rng(seed);
        int from = r.nextInt(s[axis]);
        int to = from + 1 + r.nextInt(s[axis] - from);
        Tensor x = Gen.uniform(r, s, -2, 2);
        int[] o = around(s, axis);
        GradientChecker.check((t, v) -> Ops.slice(v[0], axis, from, to), in -> {
            int len = to - from;
            double[] y = new double[o[0] * len * o[2]];
            for (int q = 0; q < o[0]; q++) {
                for (int j = 0; j < len; j++) {
                    for (int i = 0; i < o[2]; i++) {
                        y[(q * len + j) * o[2] + i] = in[0][(q * o[1] + from + j) * o[2] + i];
                    }
                }
            }
            return y;
        }, new Tensor[] {x}, null, seed).assertPassed();
    }

    /** A reshape followed by an elementwise op, so the gradient must come back through the view. */
    @Property(tries = 60)
    void reshapeKeepsOrder(@ForAll("shapes") int[] s, @ForAll long seed) {
        Tensor x = Gen.uniform(new Rng(seed), s, -2, 2);
        int n = x.size();
        GradientChecker.check((t, v) -> {
            Var y = Ops.reshape(v[0], -1, 1);
            assertArrayEquals(new int[] {n, 1}, y.shape());
            return Ops.tanh(y);
        }, in -> Ref.map(in[0], Math::tanh), new Tensor[] {x}, null, seed).assertPassed();
    }

    /** Indices are drawn with replacement, so columns repeat across rows. */
    @Property(tries = 60)
    void gather(@ForAll("shapes") int[] s, @ForAll long seed) {
        Rng r = new Rng(seed);
        Tensor x = Gen.uniform(r, s, -2, 2);
        int c = s[s.length - 1];
        int[] idx = new int[x.size() / c];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = r.nextInt(c);
        }
        GradientChecker.check((t, v) -> Ops.gather(v[0], idx), in -> {
            double[] y = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                y[i] = in[0][i * c + idx[i]];
            }
            return y;
        }, new Tensor[] {x}, null, seed).assertPassed();
    }

    /** The first selected row is selected again at the end: its gradient must be the sum of both uses. */
    @Property(tries = 60)
    void indexSelectWithRepeatedRows(@ForAll("shapes") int[] s, @ForAll @IntRange(min = 1, max = 6) int count,
                                     @ForAll long seed) {
        Rng r = new Rng(seed);
        Tensor x = Gen.uniform(r, s, -2, 2);
        int[] rows = new int[count + 1];
        for (int i = 0; i < count; i++) {
            rows[i] = r.nextInt(s[0]);
        }
        rows[count] = rows[0];
        int inner = x.size() / s[0];
        GradientChecker.check((t, v) -> Ops.indexSelect(v[0], rows), in -> {
            double[] y = new double[rows.length * inner];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(in[0], rows[i] * inner, y, i * inner, inner);
            }
            return y;
        }, new Tensor[] {x}, null, seed).assertPassed();
    }
}
