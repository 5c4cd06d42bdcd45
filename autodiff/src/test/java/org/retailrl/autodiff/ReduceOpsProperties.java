package org.retailrl.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/** sum/mean (all and per axis), softmax, log-softmax (including large logits) and layer norm against the double reference. */
class ReduceOpsProperties {
    @Provide
    Arbitrary<int[]> shapes() {
        return Shapes.shapes();
    }

    @Property(tries = 60)
    void sumAndMeanOfAll(@ForAll("shapes") int[] s, @ForAll boolean mean, @ForAll long seed) {
        Tensor x = Gen.uniform(new Rng(seed), s, -2, 2);
        GradientChecker.check((t, v) -> mean ? Ops.mean(v[0]) : Ops.sum(v[0]), in -> {
            double acc = 0;
            for (double d : in[0]) {
                acc += d;
            }
            return new double[] {mean ? acc / in[0].length : acc};
        }, new Tensor[] {x}, null, seed).assertPassed();
    }

    @Property(tries = 80)
    void sumAndMeanOverAnAxis(@ForAll("shapes") int[] s, @ForAll @IntRange(max = 2) int axisPick, @ForAll boolean keepDim,
                              @ForAll boolean mean, @ForAll boolean negativeAxis, @ForAll long seed) {
        int axis = axisPick % s.length;
        int given = negativeAxis ? axis - s.length : axis;
        Tensor x = Gen.uniform(new Rng(seed), s, -2, 2);
        GradientChecker.check((t, v) -> {
            Var y = mean ? Ops.mean(v[0], given, keepDim) : Ops.sum(v[0], given, keepDim);
            int[] want = s.clone();
            want[axis] = 1;
            if (!keepDim) {
                want = java.util.stream.IntStream.range(0, s.length).filter(i -> i != axis).map(i -> s[i]).toArray();
            }
            assertArrayEquals(want, y.shape());
            return y;
        }, in -> Ref.sumAxis(in[0], s, axis, mean), new Tensor[] {x}, null, seed).assertPassed();
    }

    @Property(tries = 60)
    void softmax(@ForAll("shapes") int[] s, @ForAll long seed) {
        Tensor x = Gen.uniform(new Rng(seed), s, -4, 4);
        int c = s[s.length - 1];
        GradientChecker.check((t, v) -> Ops.softmax(v[0]), in -> Ref.softmax(in[0], c, false),
                new Tensor[] {x}, null, seed).assertPassed();
    }

    @Property(tries = 60)
    void logSoftmax(@ForAll("shapes") int[] s, @ForAll long seed) {
        Tensor x = Gen.uniform(new Rng(seed), s, -4, 4);
        int c = s[s.length - 1];
        GradientChecker.check((t, v) -> Ops.logSoftmax(v[0]), in -> Ref.softmax(in[0], c, true),
                new Tensor[] {x}, null, seed).assertPassed();
    }

    /**
     * Logits near ±1000 with a spread of up to 30 (e^1000 overflows float and double alike): the
     * max-subtracted forms stay finite and match the reference.
     */
    @Property(tries = 60)
    void softmaxAndLogSoftmaxWithLargeLogits(@ForAll("shapes") int[] s, @ForAll boolean negative, @ForAll boolean log,
                                            @ForAll long seed) {
        Rng r = new Rng(seed);
        double base = negative ? -1000 : 1000;
        Tensor x = Gen.uniform(r, s, base - 15, base + 15);
        int c = s[s.length - 1];
        GradientChecker.check((t, v) -> {
            Var y = log ? Ops.logSoftmax(v[0]) : Ops.softmax(v[0]);
            assertFalse(y.value().hasNonFinite(), "non-finite output for large logits");
            return y;
        }, in -> Ref.softmax(in[0], c, log), new Tensor[] {x}, null, seed).assertPassed();
    }

    @Property(tries = 80)
    void layerNorm(@ForAll("shapes") int[] s, @ForAll boolean affine, @ForAll long seed) {
        Rng r = new Rng(seed);
        int d = s[s.length - 1];
        Tensor x = Gen.uniform(r, s, -2, 2);
        Tensor gamma = Gen.uniform(r, new int[] {d}, 0.5, 1.5);
        Tensor beta = Gen.uniform(r, new int[] {d}, -1, 1);
        float eps = 1e-5f;
        GradientChecker.check((t, v) -> Ops.layerNorm(v[0], affine ? v[1] : null, affine ? v[2] : null, eps), in -> {
            double[] y = new double[in[0].length];
            for (int row = 0; row < y.length / d; row++) {
                double mu = 0;
                for (int j = 0; j < d; j++) {
                    mu += in[0][row * d + j] / d;
                }
                double var = 0;
                for (int j = 0; j < d; j++) {
                    var += Math.pow(in[0][row * d + j] - mu, 2) / d;
                }
                for (int j = 0; j < d; j++) {
                    double h = (in[0][row * d + j] - mu) / Math.sqrt(var + eps);
                    y[row * d + j] = affine ? in[1][j] * h + in[2][j] : h;
                }
            }
            return y;
        }, new Tensor[] {x, gamma, beta}, new boolean[] {true, affine, affine}, seed).assertPassed();
    }

    /** Includes large logits (offset ±1000 when {@code large}). */
    @Property(tries = 60)
    void logSumExpAndEntropy(@ForAll("shapes") int[] s, @ForAll boolean entropy, @ForAll boolean large, @ForAll long seed) {
        Rng r = new Rng(seed);
        double base = large ? (r.nextInt(2) == 0 ? -1000 : 1000) : 0;
        Tensor x = Gen.uniform(r, s, base - 4, base + 4);
        int c = s[s.length - 1];
        GradientChecker.check((t, v) -> entropy ? Ops.entropyFromLogits(v[0]) : Ops.logSumExp(v[0]), in -> {
            double[] logp = Ref.softmax(in[0], c, true);
            double[] y = new double[in[0].length / c];
            for (int row = 0; row < y.length; row++) {
                for (int j = 0; j < c; j++) {
                    int i = row * c + j;
                    // log-sum-exp = x_j − log p_j for any j; entropy = −Σ p log p.
                    y[row] = entropy ? y[row] - Math.exp(logp[i]) * logp[i] : in[0][row * c] - logp[row * c];
                }
            }
            return y;
        }, new Tensor[] {x}, null, seed).assertPassed();
    }
}
