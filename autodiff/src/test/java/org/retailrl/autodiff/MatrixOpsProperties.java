package org.retailrl.autodiff;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/** matmul (all four transpose combinations, and rank-3 left operands), bmm and linear against the double reference. */
class MatrixOpsProperties {
    /** {@code constant} = 0 or 1 makes that operand a constant (its gradient path must then be skipped), 2 neither. */
    @Property(tries = 100)
    void matmulAllTransposes(@ForAll @IntRange(min = 1, max = 5) int m, @ForAll @IntRange(min = 1, max = 5) int n,
                             @ForAll @IntRange(min = 1, max = 5) int k, @ForAll boolean ta, @ForAll boolean tb,
                             @ForAll @IntRange(max = 2) int constant, @ForAll long seed) {
        Rng r = new Rng(seed);
        int[] as = ta ? new int[] {k, m} : new int[] {m, k};
        int[] bs = tb ? new int[] {n, k} : new int[] {k, n};
        Tensor a = Gen.uniform(r, as, -2, 2);
        Tensor b = Gen.uniform(r, bs, -2, 2);
        GradientChecker.check((t, v) -> Ops.matmul(v[0], v[1], ta, tb),
                in -> Ref.matmul(in[0], as[0], as[1], ta, in[1], bs[0], bs[1], tb),
                new Tensor[] {a, b}, new boolean[] {constant != 0, constant != 1}, seed).assertPassed();
    }

    /** {@code [B,T,k]·[k,n]}: leading dimensions act as rows. */
    @Property(tries = 50)
    void matmulFlattensLeadingDimensions(@ForAll @IntRange(min = 1, max = 4) int b0, @ForAll @IntRange(min = 1, max = 4) int t0,
                                         @ForAll @IntRange(min = 1, max = 5) int k, @ForAll @IntRange(min = 1, max = 5) int n,
                                         @ForAll long seed) {
        Rng r = new Rng(seed);
        Tensor a = Gen.uniform(r, new int[] {b0, t0, k}, -2, 2);
        Tensor w = Gen.uniform(r, new int[] {k, n}, -2, 2);
        GradientChecker.check((t, v) -> Ops.matmul(v[0], v[1]),
                in -> Ref.matmul(in[0], b0 * t0, k, false, in[1], k, n, false),
                new Tensor[] {a, w}, null, seed).assertPassed();
    }

    @Property(tries = 80)
    void bmm(@ForAll @IntRange(min = 1, max = 4) int batch, @ForAll @IntRange(min = 1, max = 5) int m,
             @ForAll @IntRange(min = 1, max = 5) int n, @ForAll @IntRange(min = 1, max = 5) int k,
             @ForAll boolean ta, @ForAll boolean tb, @ForAll long seed) {
        Rng r = new Rng(seed);
        int[] as = ta ? new int[] {batch, k, m} : new int[] {batch, m, k};
        int[] bs = tb ? new int[] {batch, n, k} : new int[] {batch, k, n};
        Tensor a = Gen.uniform(r, as, -2, 2);
        Tensor b = Gen.uniform(r, bs, -2, 2);
        GradientChecker.check((t, v) -> Ops.bmm(v[0], v[1], ta, tb), in -> {
            double[] out = new double[batch * m * n];
            int sa = m * k;
            int sb = k * n;
            for (int i = 0; i < batch; i++) {
                double[] c = Ref.matmul(java.util.Arrays.copyOfRange(in[0], i * sa, (i + 1) * sa), as[1], as[2], ta,
                        java.util.Arrays.copyOfRange(in[1], i * sb, (i + 1) * sb), bs[1], bs[2], tb);
                System.arraycopy(c, 0, out, i * m * n, m * n);
            }
            return out;
        }, new Tensor[] {a, b}, null, seed).assertPassed();
    }

    @Property(tries = 80)
    void linear(@ForAll @IntRange(min = 1, max = 5) int m, @ForAll @IntRange(min = 1, max = 5) int in,
                @ForAll @IntRange(min = 1, max = 5) int out, @ForAll boolean withBias, @ForAll boolean inputIsConstant,
                @ForAll long seed) {
        Rng r = new Rng(seed);
        Tensor x = Gen.uniform(r, new int[] {m, in}, -2, 2);
        Tensor w = Gen.uniform(r, new int[] {in, out}, -2, 2);
        Tensor b = Gen.uniform(r, new int[] {out}, -2, 2);
        GradientChecker.check((t, v) -> Ops.linear(v[0], v[1], withBias ? v[2] : null), z -> {
            double[] y = Ref.matmul(z[0], m, in, false, z[1], in, out, false);
            for (int i = 0; withBias && i < y.length; i++) {
                y[i] += z[2][i % out];
            }
            return y;
        }, new Tensor[] {x, w, b}, new boolean[] {!inputIsConstant, true, withBias}, seed).assertPassed();
    }
}
