package org.retailrl.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * Causal self-attention, GELU and dropout against independent double-precision references: the
 * forward value and the gradients against central finite differences of the reference
 * ({@link GradientChecker}), on random shapes with sequence lengths from 1.
 */
class TransformerOpsProperties {

    /**
     * The naive definition, written independently of the fused op: for each batch, head and query
     * position, scores over all keys, masked to −∞ above the diagonal, a plain (not max-shifted)
     * softmax, and the weighted sum of values.
     */
    static double[] naiveAttention(double[] qkv, int b, int len, int d, int heads) {
        int dh = d / heads;
        double[] out = new double[b * len * d];
        for (int bi = 0; bi < b; bi++) {
            for (int h = 0; h < heads; h++) {
                for (int i = 0; i < len; i++) {
                    double[] w = new double[len];
                    double z = 0;
                    for (int j = 0; j < len; j++) {
                        double sc = Double.NEGATIVE_INFINITY;
                        if (j <= i) {
                            sc = 0;
                            for (int c = 0; c < dh; c++) {
                                sc += qkv[(bi * len + i) * 3 * d + h * dh + c] * qkv[(bi * len + j) * 3 * d + d + h * dh + c];
                            }
                            sc /= Math.sqrt(dh);
                        }
                        w[j] = Math.exp(sc);
                        z += w[j];
                    }
                    for (int c = 0; c < dh; c++) {
                        double acc = 0;
                        for (int j = 0; j < len; j++) {
                            acc += w[j] / z * qkv[(bi * len + j) * 3 * d + 2 * d + h * dh + c];
                        }
                        out[(bi * len + i) * d + h * dh + c] = acc;
                    }
                }
            }
        }
        return out;
    }

    @Property(tries = 80)
    void attentionMatchesNaiveReference(@ForAll @IntRange(min = 1, max = 3) int b, @ForAll @IntRange(min = 1, max = 6) int len,
                                        @ForAll @IntRange(min = 1, max = 3) int heads, @ForAll @IntRange(min = 1, max = 3) int dh,
                                        @ForAll long seed) {
        int d = heads * dh;
        Tensor qkv = Gen.uniform(new Rng(seed), new int[] {b, len, 3 * d}, -1.5, 1.5);
        GradientChecker.check((t, v) -> Ops.causalSelfAttention(v[0], heads),
                in -> naiveAttention(in[0], b, len, d, heads), new Tensor[] {qkv}, null, seed).assertPassed();
    }

    /** T = 1: the only key is the query's own, so the output is the value, whatever the scores. */
    @Property(tries = 30)
    void singleStepReturnsTheValue(@ForAll @IntRange(min = 1, max = 4) int b, @ForAll @IntRange(min = 1, max = 4) int heads,
                                   @ForAll long seed) {
        int d = 2 * heads;
        Tensor qkv = Gen.uniform(new Rng(seed), new int[] {b, 1, 3 * d}, -50, 50);
        Tape t = new Tape();
        float[] o = Ops.causalSelfAttention(t.constant(qkv), heads).value().data();
        for (int bi = 0; bi < b; bi++) {
            for (int c = 0; c < d; c++) {
                assertEquals(qkv.data()[bi * 3 * d + 2 * d + c], o[bi * d + c]);
            }
        }
    }

    /** Scores of hundreds would overflow a plain softmax; the max-shifted one stays finite and exact. */
    @Test
    void largeScoresStayFinite() {
        int len = 4;
        int d = 2;
        float[] v = new float[len * 3 * d];
        for (int i = 0; i < len; i++) {
            v[i * 3 * d] = 40f;          // query
            v[i * 3 * d + d] = 40f + i;  // key: the score grows by 40/√2 per position
            v[i * 3 * d + 2 * d] = i;    // value
        }
        Tape t = new Tape();
        float[] o = Ops.causalSelfAttention(t.constant(Tensor.wrap(v, 1, len, 3 * d)), 1).value().data();
        for (int i = 0; i < len; i++) {
            assertTrue(Float.isFinite(o[i * d]), "row " + i);
            assertEquals(i, o[i * d], 1e-5, "row " + i + " puts all weight on its last key");
        }
    }

    /** A query never sees later positions: changing the last step leaves every earlier output unchanged. */
    @Property(tries = 30)
    void futureDoesNotLeak(@ForAll @IntRange(min = 2, max = 6) int len, @ForAll long seed) {
        int d = 4;
        Tensor a = Gen.uniform(new Rng(seed), new int[] {1, len, 3 * d}, -2, 2);
        Tensor b = a.copy();
        for (int c = 0; c < 3 * d; c++) {
            b.data()[(len - 1) * 3 * d + c] += 1f;
        }
        Tape t = new Tape();
        float[] oa = Ops.causalSelfAttention(t.constant(a), 2).value().data();
        float[] ob = Ops.causalSelfAttention(t.constant(b), 2).value().data();
        for (int i = 0; i < (len - 1) * d; i++) {
            assertEquals(oa[i], ob[i], "element " + i);
        }
    }

    @Test
    void attentionRefusesBadShapes() {
        Tape t = new Tape();
        var e = assertThrows(IllegalArgumentException.class, () -> Ops.causalSelfAttention(t.constant(Tensor.zeros(1, 2, 7)), 1));
        assertTrue(e.getMessage().contains("3D"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.causalSelfAttention(t.constant(Tensor.zeros(1, 2, 9)), 2));
        assertTrue(e.getMessage().contains("heads"), e.getMessage());
    }

    @Property(tries = 60)
    void gelu(@ForAll("shapes") int[] s, @ForAll long seed) {
        double c = Math.sqrt(2 / Math.PI);
        Tensor x = Gen.uniform(new Rng(seed), s, -4, 4);
        GradientChecker.check((t, v) -> Ops.gelu(v[0]),
                in -> Ref.map(in[0], z -> 0.5 * z * (1 + Math.tanh(c * (z + 0.044715 * z * z * z)))),
                new Tensor[] {x}, null, seed).assertPassed();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<int[]> shapes() {
        return Shapes.shapes();
    }

    /** Dropout's gradient is its own mask: checked against the reference rebuilt from the same stream. */
    @Property(tries = 60)
    void dropout(@ForAll("shapes") int[] s, @ForAll @FloatRange(min = 0.05f, max = 0.9f) float p, @ForAll long seed) {
        Tensor x = Gen.uniform(new Rng(seed), s, -3, 3);
        GradientChecker.check((t, v) -> Ops.dropout(v[0], p, Rng.stream(seed, 7)), in -> {
            Rng r = Rng.stream(seed, 7);
            double[] y = new double[in[0].length];
            for (int i = 0; i < y.length; i++) {
                y[i] = r.nextFloat() < p ? 0 : in[0][i] * (float) (1.0 / (1.0 - p));
            }
            return y;
        }, new Tensor[] {x}, null, seed).assertPassed();
    }

    @Test
    void dropoutKeepsTheMeanAndIsDeterministic() {
        Tensor x = Tensor.zeros(20_000).fill(1f);
        Tape t = new Tape();
        float[] a = Ops.dropout(t.constant(x), 0.3f, new Rng(5)).value().data().clone();
        float[] b = Ops.dropout(t.constant(x), 0.3f, new Rng(5)).value().data();
        assertArrayEquals(a, b);
        double mean = 0;
        int zeros = 0;
        for (float f : a) {
            mean += f;
            zeros += f == 0f ? 1 : 0;
        }
        mean /= a.length;
        assertEquals(1.0, mean, 0.03);
        assertEquals(0.3, zeros / (double) a.length, 0.02);
        Var in = t.constant(x);
        assertSame(in, Ops.dropout(in, 0f, new Rng(1)));
        assertThrows(IllegalArgumentException.class, () -> Ops.dropout(in, 1f, new Rng(1)));
    }
}
