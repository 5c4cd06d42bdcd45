package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.retailrl.autodiff.GradientChecker;
import org.retailrl.autodiff.Tape;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * The Gaussian coordinates of {@link FactorLayout} in {@link PolicyLoss}: the fused loss (value and
 * closed-form backward) against a double-precision reference and central finite differences,
 * with and without categorical factors beside them and with log standard deviations inside and
 * beyond the clamp; sampling and the stored log-probability against the normal density.
 */
class GaussianHeadProperties {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double CLIP = 0.2;

    /** The loss of {@link PolicyLoss} recomputed in double from the definitions. */
    private static double[] reference(double[] z, FactorLayout l, int[] act, float[] x, float[] oldLogp, float[] adv,
                                      float[] w, PolicyLoss loss) {
        int n = oldLogp.length;
        int nf = l.factors();
        int nd = l.continuous();
        double mean = 0;
        for (float a : adv) {
            mean += a;
        }
        mean /= n;
        double ss = 0;
        for (float a : adv) {
            ss += (a - mean) * (a - mean);
        }
        double std = Math.sqrt(ss / (n - 1)) + 1e-8;
        double pg = 0;
        double ent = 0;
        for (int i = 0; i < n; i++) {
            int base = i * l.width();
            double lp = 0;
            for (int f = 0; f < nf; f++) {
                int o = base + l.offset(f);
                double lse = 0;
                for (int k = 0; k < l.size(f); k++) {
                    lse += Math.exp(z[o + k]);
                }
                lse = Math.log(lse);
                for (int k = 0; k < l.size(f); k++) {
                    ent -= Math.exp(z[o + k] - lse) * (z[o + k] - lse);
                }
                lp += z[o + act[i * nf + f]] - lse;
            }
            for (int d = 0; d < nd; d++) {
                double mu = z[base + l.meanOffset() + d];
                double s = Math.min(Math.max(z[base + l.logStdOffset() + d], FactorLayout.LOG_STD_MIN),
                        FactorLayout.LOG_STD_MAX);
                double u = (x[i * nd + d] - mu) / Math.exp(s);
                lp += -0.5 * u * u - s - 0.5 * LOG_2PI;
                ent += 0.5 * (LOG_2PI + 1) + s;
            }
            double ratio = Math.exp(lp - oldLogp[i]);
            double ah = (adv[i] - mean) / std;
            double c = Math.min(Math.max(ratio, 1 - loss.clip()), 1 + loss.clip());
            pg -= w[i] * Math.min(ratio * ah, c * ah);
        }
        return new double[] {pg / n - loss.entCoef() * ent / n};
    }

    @Property(tries = 60)
    void lossAndGradientMatchTheReference(@ForAll @IntRange(min = 2, max = 6) int n,
                                          @ForAll @IntRange(max = 2) int categorical,
                                          @ForAll @IntRange(min = 1, max = 4) int dims, @ForAll long seed) {
        Rng rng = new Rng(seed);
        int[] sizes = new int[categorical];
        for (int f = 0; f < categorical; f++) {
            sizes[f] = 2 + rng.nextInt(3);
        }
        FactorLayout l = new FactorLayout(sizes, dims);
        Tensor out = Tensor.zeros(n, l.width());
        float[] z = out.data();
        for (int i = 0; i < n; i++) {
            int base = i * l.width();
            for (int k = 0; k < l.meanOffset() + dims; k++) {
                z[base + k] = (float) rng.normal();
            }
            for (int d = 0; d < dims; d++) {
                // Mostly inside the clamp; now and then well beyond it, where the gradient is 0.
                double r = rng.nextDouble();
                z[base + l.logStdOffset() + d] = (float) (r < 0.1 ? -7 - r : r > 0.9 ? 3 + r : rng.uniform(-1.5, 1));
            }
        }
        int[] act = new int[n * categorical];
        float[] x = new float[n * dims];
        float[] oldLogp = new float[n];
        float[] adv = new float[n];
        float[] w = new float[n];
        FactorLayout.Scratch scratch = new FactorLayout.Scratch(Math.max(1, l.width()));
        for (int i = 0; i < n; i++) {
            l.sample(z, i, rng, act, i * categorical, x, i * dims);
            // Behaviour log-probabilities moved off the current policy so both surrogate branches occur.
            // The clipped surrogate has a kink where the ratio crosses 1 ± clip; a finite difference
            // across it measures neither side's slope (it averages them), so offsets that put the
            // ratio within 1e-3 (in log) of a kink are drawn again: the check is of the derivative
            // where one exists, everywhere else.
            double offset;
            do {
                offset = 0.5 * rng.normal();
            } while (Math.abs(-offset - Math.log(1 - CLIP)) < 1e-3 || Math.abs(-offset - Math.log(1 + CLIP)) < 1e-3);
            oldLogp[i] = (float) (l.logProb(z, i, act, i * categorical, x, i * dims, scratch) + offset);
            adv[i] = (float) rng.normal(0, 2);
            w[i] = (float) (0.5 + rng.nextDouble());
        }
        PolicyLoss loss = new PolicyLoss(CLIP, 0.05, true);
        GradientChecker.check((tape, in) -> loss.compute(in[0], l, act, x, oldLogp, adv, w).loss(),
                in -> reference(in[0], l, act, x, oldLogp, adv, w, loss), new Tensor[] {out}, null, seed)
                .assertPassed();
    }

    @Property(tries = 40)
    void storedLogProbIsTheNormalDensityAndEntropyItsClosedForm(@ForAll @IntRange(min = 1, max = 5) int dims,
                                                               @ForAll long seed) {
        Rng rng = new Rng(seed);
        FactorLayout l = FactorLayout.gaussian(dims);
        float[] z = new float[l.width()];
        for (int k = 0; k < z.length; k++) {
            z[k] = (float) rng.uniform(-2, 2);
        }
        float[] x = new float[dims];
        l.sample(z, 0, rng, new int[0], 0, x, 0);
        double want = 0;
        double wantEnt = 0;
        for (int d = 0; d < dims; d++) {
            double sigma = Math.exp(z[dims + d]);
            double e = (x[d] - (double) z[d]) / sigma;
            want += Math.log(Math.exp(-0.5 * e * e) / (sigma * Math.sqrt(2 * Math.PI)));
            wantEnt += 0.5 * Math.log(2 * Math.PI * Math.E * sigma * sigma);
        }
        assertEquals(want, l.logProb(z, 0, new int[0], 0, x, 0, new FactorLayout.Scratch(1)), 1e-9);
        assertEquals(wantEnt, l.gaussianEntropy(z, 0), 1e-9);
    }

    @Test
    void samplesHaveTheHeadsMeanAndStandardDeviation() {
        FactorLayout l = FactorLayout.gaussian(2);
        float[] z = {1.5f, -0.5f, (float) Math.log(0.3), (float) Math.log(2.0)};
        Rng rng = new Rng(5);
        int n = 40_000;
        double[] sum = new double[2];
        double[] sq = new double[2];
        float[] x = new float[2];
        for (int i = 0; i < n; i++) {
            l.sample(z, 0, rng, new int[0], 0, x, 0);
            for (int d = 0; d < 2; d++) {
                sum[d] += x[d];
                sq[d] += x[d] * (double) x[d];
            }
        }
        double[] mu = {1.5, -0.5};
        double[] sd = {0.3, 2.0};
        for (int d = 0; d < 2; d++) {
            double m = sum[d] / n;
            double v = sq[d] / n - m * m;
            // Five standard errors of the mean and of the standard deviation.
            assertEquals(mu[d], m, 5 * sd[d] / Math.sqrt(n));
            assertEquals(sd[d], Math.sqrt(v), 5 * sd[d] / Math.sqrt(2.0 * n));
        }
    }

    @Test
    void layoutsWithoutAContinuousPartAreUnchangedAndBadShapesAreRefused() {
        FactorLayout plain = new FactorLayout(3, 4);
        assertEquals(7, plain.width());
        assertEquals(0, plain.continuous());
        FactorLayout mixed = FactorLayout.concat(plain, FactorLayout.gaussian(2));
        assertEquals(7 + 4, mixed.width());
        assertEquals(7, mixed.meanOffset());
        assertEquals(9, mixed.logStdOffset());
        assertThrows(IllegalArgumentException.class, () -> new FactorLayout(new int[0], 0));
        assertThrows(IllegalArgumentException.class, () -> FactorLayout.gaussian(0));
        Tape tape = new Tape();
        assertThrows(IllegalArgumentException.class, () -> new PolicyLoss(0.2, 0, false).compute(
                tape.constant(Tensor.zeros(2, mixed.width())), mixed, new int[4], new float[3], new float[2],
                new float[2], null));
        assertEquals(2.0, FactorLayout.bounded(5f, 0, 2), 0);
        assertEquals(0.5, FactorLayout.bounded(0.5f, 0, 2), 0);
    }
}
