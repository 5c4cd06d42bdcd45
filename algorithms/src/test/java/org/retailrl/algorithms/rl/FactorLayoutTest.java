package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;

/** The factorised categorical: offsets, exact log-probabilities that form a distribution, sampling. */
class FactorLayoutTest {
    @Test
    void offsetsAndWidth() {
        FactorLayout l = FactorLayout.concat(FactorLayout.repeat(2, 3), new FactorLayout(4));
        assertEquals(3, l.factors());
        assertEquals(10, l.width());
        assertEquals(0, l.offset(0));
        assertEquals(3, l.offset(1));
        assertEquals(6, l.offset(2));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FactorLayout(2, 0)).getMessage()
                .contains("sizes[1]"));
    }

    /** Σ over every joint action of exp(log π) is 1: the log-probability is that of a distribution. */
    @Property(tries = 30)
    void jointProbabilitiesSumToOne(@ForAll @IntRange(min = 1, max = 4) int a, @ForAll @IntRange(min = 1, max = 3) int b,
                                    @ForAll @IntRange(min = 1, max = 3) int c, @ForAll long seed) {
        FactorLayout l = new FactorLayout(a, b, c);
        Rng rng = new Rng(seed);
        float[] z = new float[l.width()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (3 * rng.normal());
        }
        double total = 0;
        int[] act = new int[3];
        for (act[0] = 0; act[0] < a; act[0]++) {
            for (act[1] = 0; act[1] < b; act[1]++) {
                for (act[2] = 0; act[2] < c; act[2]++) {
                    total += Math.exp(l.logProb(z, 0, act, 0));
                }
            }
        }
        assertEquals(1.0, total, 1e-5);
    }

    @Test
    void logProbIsTheSumOfPerFactorLogSoftmax() {
        FactorLayout l = new FactorLayout(2, 3);
        float[] z = {0f, (float) Math.log(3), 1f, 1f, 1f};
        // Factor 0: p = (1/4, 3/4); factor 1 uniform over 3.
        assertEquals(Math.log(0.75) + Math.log(1.0 / 3), l.logProb(z, 0, new int[] {1, 2}, 0), 1e-6);
    }

    /**
     * The fused sample-and-log-probability of a rollout step draws the same actions from the same
     * stream and returns the same log-probability, to the bit, as sampling and then
     * {@code logProb}: over wide logit ranges (where the float and double differences from the
     * maximum disagree), −∞ entries, several factors and a continuous part.
     */
    @Property(tries = 60)
    void fusedSampleAndLogProbAreBitIdenticalToTheTwoPasses(@ForAll @IntRange(min = 1, max = 25) int a,
                                                            @ForAll @IntRange(min = 1, max = 9) int b,
                                                            @ForAll @IntRange(min = 0, max = 2) int d,
                                                            @ForAll long seed) {
        FactorLayout l = new FactorLayout(new int[] {a, b}, d);
        Rng gen = new Rng(seed);
        int rows = 4;
        float[] z = new float[rows * l.width()];
        double spread = Math.pow(10, gen.nextInt(5) - 1);
        for (int i = 0; i < z.length; i++) {
            z[i] = gen.nextInt(15) == 0 ? Float.NEGATIVE_INFINITY : (float) (spread * gen.normal() + 37 * gen.nextInt(3));
        }
        for (int r = 0; r < rows; r++) {
            z[r * l.width()] = (float) gen.normal(); // every factor's row keeps a finite logit
            z[r * l.width() + a] = (float) gen.normal();
        }
        FactorLayout.Scratch scratch = new FactorLayout.Scratch(l.width());
        Rng one = Rng.stream(seed, 1);
        Rng two = Rng.stream(seed, 1);
        for (int rep = 0; rep < 5; rep++) {
            for (int r = 0; r < rows; r++) {
                int[] actA = new int[2];
                int[] actB = new int[2];
                float[] xA = new float[Math.max(1, d)];
                float[] xB = new float[Math.max(1, d)];
                l.sample(z, r, one, actA, 0, xA, 0);
                double want = l.logProb(z, r, actA, 0, xA, 0, scratch);
                double got = l.sampleLogProb(z, r, two, actB, 0, xB, 0, scratch);
                assertEquals(actA[0], actB[0]);
                assertEquals(actA[1], actB[1]);
                assertEquals(Float.floatToRawIntBits(xA[0]), Float.floatToRawIntBits(xB[0]));
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got),
                        () -> "log-probability " + want + " vs " + got);
                if (d == 0) {
                    int[] actC = new int[2];
                    Rng three = one.copy();
                    l.sample(z, r, one, actA, 0);
                    double w0 = l.logProb(z, r, actA, 0, scratch);
                    double g0 = l.sampleLogProb(z, r, three, actC, 0, scratch);
                    assertEquals(Double.doubleToRawLongBits(w0), Double.doubleToRawLongBits(g0));
                    assertEquals(actA[0], actC[0]);
                    two = three;
                }
            }
        }
        assertEquals(one.nextLong(), two.nextLong(), "both streams advanced alike");
    }
}
