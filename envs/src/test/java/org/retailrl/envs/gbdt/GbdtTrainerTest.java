package org.retailrl.envs.gbdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact small cases, objectives, early stopping and determinism of {@link GbdtTrainer}. */
class GbdtTrainerTest {
    private static GbdtConfig exact(int leaves, double lr, double lambda) {
        return GbdtConfig.defaults().toBuilder().numTrees(1).numLeaves(leaves).learningRate(lr).lambda(lambda)
                .minDataInLeaf(1).minSumHessian(0).catSmooth(0).catL2(0).build();
    }

    private static Dataset oneFeature(double[] x, double[] y, boolean categorical) {
        return new Dataset(List.of("x"), new double[][] {x}, new boolean[] {categorical}, y);
    }

    @Test
    void stumpFindsTheStepOfAStepFunction() {
        int n = 100;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i < 40 ? 1 : 5;
        }
        GbdtModel m = GbdtTrainer.train(oneFeature(x, y, false), exact(2, 1, 0));
        Tree t = m.tree(0);
        assertEquals(1, t.nodes());
        assertTrue(t.threshold[0] >= 39 && t.threshold[0] < 40, "threshold " + t.threshold[0]);
        assertEquals(1.0, m.predict(new double[] {39}), 1e-12);
        assertEquals(5.0, m.predict(new double[] {40}), 1e-12);
        assertEquals(1.0, m.predict(new double[] {-1e9}), 1e-12);
    }

    @Test
    void leafValuesAndGainAreTheHandComputedNewtonSteps() {
        // init = mean y = 3.2; g = 3.2 - y = {2.2, 0.2 | 1.2, -0.8, -2.8}; lambda 1, rate 0.5:
        // left  G = 2.4,  H = 2 -> -2.4/3 * 0.5 = -0.4;  right G = -2.4, H = 3 -> 2.4/4 * 0.5 = 0.3;
        // gain = 2.4^2/3 + 2.4^2/4 - 0^2/6 = 3.36.
        double[] x = {0, 0, 1, 1, 1};
        double[] y = {1, 3, 2, 4, 6};
        GbdtModel m = GbdtTrainer.train(oneFeature(x, y, false), exact(2, 0.5, 1));
        assertEquals(3.2, m.initScore(), 1e-15);
        assertEquals(3.2 - 0.4, m.predict(new double[] {0}), 1e-12);
        assertEquals(3.2 + 0.3, m.predict(new double[] {1}), 1e-12);
        assertEquals(3.36, m.importanceGain()[0], 1e-12);
        assertEquals(1, m.importanceSplits()[0]);
    }

    @Test
    void categoricalSplitGroupsCategoriesNoThresholdCouldSeparate() {
        // Codes 3 and 9 are high, 5 and 7 low: no single threshold on the code separates them.
        double[] codes = {3, 5, 7, 9};
        double[] level = {10, 0, 0, 10};
        int n = 80;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = codes[i % 4];
            y[i] = level[i % 4] + (i % 8 < 4 ? 1 : -1);
        }
        GbdtModel m = GbdtTrainer.train(oneFeature(x, y, true), exact(2, 1, 0));
        assertEquals(10.0, m.predict(new double[] {3}), 1e-12);
        assertEquals(0.0, m.predict(new double[] {5}), 1e-12);
        assertEquals(0.0, m.predict(new double[] {7}), 1e-12);
        assertEquals(10.0, m.predict(new double[] {9}), 1e-12);
        GbdtModel numeric = GbdtTrainer.train(oneFeature(x, y, false), exact(2, 1, 0));
        double worst = 0;
        for (int c = 0; c < 4; c++) {
            worst = Math.max(worst, Math.abs(numeric.predict(new double[] {codes[c]}) - level[c]));
        }
        assertTrue(worst > 1, "a single threshold cannot separate them: worst error " + worst);
    }

    @Test
    void missingValuesGoToTheSideTheyResemble() {
        int n = 90;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (i % 3 == 0) {
                x[i] = Double.NaN;
                y[i] = 10;
            } else {
                x[i] = i;
                y[i] = i < 45 ? 0 : 10;
            }
        }
        GbdtModel m = GbdtTrainer.train(oneFeature(x, y, false), exact(2, 1, 0));
        assertEquals(10.0, m.predict(new double[] {Double.NaN}), 1e-12);
        assertEquals(0.0, m.predict(new double[] {1}), 1e-12);
        assertEquals(10.0, m.predict(new double[] {80}), 1e-12);
    }

    @Test
    void poissonConvergesToGroupMeansOnTheLogScale() {
        int n = 200;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2;
            y[i] = i % 2 == 0 ? (i % 4 == 0 ? 1 : 3) : (i % 4 == 1 ? 10 : 20);
        }
        GbdtConfig c = exact(2, 0.5, 0).toBuilder().objective(Objective.POISSON).numTrees(200).build();
        GbdtModel m = GbdtTrainer.train(oneFeature(x, y, false), c);
        assertEquals(2.0, m.predict(new double[] {0}), 1e-6);
        assertEquals(15.0, m.predict(new double[] {1}), 1e-6);
        assertEquals(Math.log(2.0), m.predictRaw(new double[] {0}), 1e-6);
    }

    @Test
    void tweedieFitsAPositiveMean() {
        Dataset d = Synthetic.mixed(2000, 5, true);
        GbdtConfig c = GbdtConfig.defaults().toBuilder().objective(Objective.TWEEDIE).tweedieVariancePower(1.3)
                .numTrees(60).build();
        GbdtModel m = GbdtTrainer.train(d, c);
        double sumPred = 0;
        double sumY = 0;
        double[] out = new double[d.rows()];
        m.predict(d.columns(), 0, d.rows(), out);
        for (int r = 0; r < d.rows(); r++) {
            assertTrue(out[r] > 0);
            sumPred += out[r];
            sumY += d.target()[r];
        }
        assertEquals(1.0, sumPred / sumY, 0.05);
    }

    @Test
    void boostingReducesTheLossOfALearnableFunction() {
        Dataset d = Synthetic.mixed(4000, 1, false);
        Dataset train = Synthetic.slice(d, 0, 3000);
        Dataset test = Synthetic.slice(d, 3000, 4000);
        GbdtModel m = GbdtTrainer.train(train, GbdtConfig.defaults());
        double mean = 0;
        for (double v : train.target()) {
            mean += v / train.rows();
        }
        double sse = 0;
        double sst = 0;
        for (int r = 0; r < test.rows(); r++) {
            double e = m.predict(Synthetic.row(test, r)) - test.target()[r];
            sse += e * e;
            sst += (test.target()[r] - mean) * (test.target()[r] - mean);
        }
        assertTrue(1 - sse / sst > 0.8, "holdout R^2 " + (1 - sse / sst));
    }

    @Test
    void earlyStoppingKeepsTheBestRound() {
        Dataset d = Synthetic.mixed(3000, 2, false);
        Dataset train = Synthetic.slice(d, 0, 600);
        Dataset valid = Synthetic.slice(d, 600, 3000);
        GbdtConfig c = GbdtConfig.defaults().toBuilder().numTrees(2000).learningRate(0.5).numLeaves(63)
                .minDataInLeaf(2).earlyStoppingRounds(10).build();
        List<Double> losses = new ArrayList<>();
        GbdtModel m = GbdtTrainer.train(train, valid, c, (t, loss) -> losses.add(loss));
        assertTrue(losses.size() < 2000, "stopped early");
        int best = 0;
        for (int i = 1; i < losses.size(); i++) {
            if (losses.get(i) < losses.get(best)) {
                best = i;
            }
        }
        assertEquals(best + 1, m.numTrees());
        assertEquals(losses.size(), best + 1 + 10);
    }

    @Test
    void bitIdenticalForAnyThreadCountAndRepeatable() {
        Dataset d = Synthetic.mixed(6000, 3, false);
        GbdtConfig c = GbdtConfig.defaults().toBuilder().numTrees(15).rowSubsample(0.7).featureSubsample(0.67)
                .numLeaves(15).seed(42).build();
        byte[] one = GbdtModelFile.encode(GbdtTrainer.train(d, c));
        byte[] four = GbdtModelFile.encode(GbdtTrainer.train(d, c.toBuilder().threads(4).build()));
        byte[] three = GbdtModelFile.encode(GbdtTrainer.train(d, c.toBuilder().threads(3).build()));
        assertArrayEquals(one, four);
        assertArrayEquals(one, three);
        assertArrayEquals(one, GbdtModelFile.encode(GbdtTrainer.train(d, c)));
        byte[] other = GbdtModelFile.encode(GbdtTrainer.train(d, c.toBuilder().seed(43).build()));
        assertFalse(java.util.Arrays.equals(one, other), "the seed drives the row and feature draws");
    }

    @Test
    void batchedAndPerRowPredictionsAgree() {
        Dataset d = Synthetic.mixed(1500, 4, true);
        GbdtModel m = GbdtTrainer.train(d, GbdtConfig.defaults().toBuilder().objective(Objective.POISSON).build());
        double[] out = new double[500];
        m.predict(d.columns(), 1000, 1500, out);
        for (int i = 0; i < 500; i++) {
            assertEquals(m.predict(Synthetic.row(d, 1000 + i)), out[i], 0.0);
        }
    }

    @Test
    void badInputIsRefusedNamingTheProblem() {
        double[] x = {1, 2, 3};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GbdtTrainer.train(oneFeature(x, new double[] {1, -1, 2}, false),
                        GbdtConfig.defaults().toBuilder().objective(Objective.POISSON).build()));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains(">= 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GbdtTrainer.train(oneFeature(x, new double[] {1, Double.NaN, 2}, false), GbdtConfig.defaults()));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GbdtTrainer.train(
                oneFeature(new double[] {1, Double.POSITIVE_INFINITY, 2}, x, false), GbdtConfig.defaults()));
        assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("infinite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GbdtConfig.defaults().toBuilder().numLeaves(1).build());
        assertEquals("numLeaves must be in [2, 65536], got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GbdtConfig.defaults().toBuilder().learningRate(1.5).build());
        assertTrue(e.getMessage().startsWith("learningRate must be in (0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GbdtConfig.defaults().toBuilder()
                .objective(Objective.TWEEDIE).tweedieVariancePower(2).build());
        assertTrue(e.getMessage().startsWith("tweedieVariancePower must be in (1, 2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Dataset(List.of("a", "a"),
                new double[][] {x, x}, new boolean[2], x));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
        Dataset one = oneFeature(x, x, false);
        Dataset renamed = new Dataset(List.of("z"), new double[][] {x}, new boolean[1], x);
        e = assertThrows(IllegalArgumentException.class,
                () -> GbdtTrainer.train(one, renamed, GbdtConfig.defaults(), null));
        assertTrue(e.getMessage().contains("validation"), e.getMessage());
        GbdtModel m = GbdtTrainer.train(one, exact(2, 1, 0));
        e = assertThrows(IllegalArgumentException.class, () -> m.predict(new double[2]));
        assertTrue(e.getMessage().contains("1 feature"), e.getMessage());
    }
}
