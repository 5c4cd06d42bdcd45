package org.retailrl.envs.gbdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariances of the tree learner that hold for any data. */
class GbdtPropertiesTest {
    /**
     * Bins depend only on the order of a feature's values, so a strictly increasing transform of a
     * feature changes no split of rows and no prediction on the training rows.
     */
    @Property(tries = 12, seed = "20261201")
    void predictionsInvariantUnderMonotoneTransform(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int feature,
            @ForAll @IntRange(min = 0, max = 2) int kind) {
        Dataset d = Synthetic.mixed(700, seed, false);
        double[][] cols = d.columns().clone();
        double[] t = cols[feature].clone();
        for (int r = 0; r < t.length; r++) {
            double v = t[r];
            t[r] = switch (kind) {
                case 0 -> Math.exp(v);
                case 1 -> 3 * v + 100;
                default -> v * v * v + v;
            };
        }
        cols[feature] = t;
        Dataset moved = new Dataset(d.names(), cols, d.categorical(), d.target());
        // Few bins so that quantile binning (not one bin per value) is exercised too.
        GbdtConfig c = GbdtConfig.defaults().toBuilder().numTrees(10).maxBins(32).rowSubsample(0.8)
                .featureSubsample(0.8).seed(seed).build();
        GbdtModel a = GbdtTrainer.train(d, c);
        GbdtModel b = GbdtTrainer.train(moved, c);
        for (int r = 0; r < d.rows(); r++) {
            assertEquals(a.predictRaw(Synthetic.row(d, r)), b.predictRaw(Synthetic.row(moved, r)), 0.0, "row " + r);
        }
    }

    /** Each L2 leaf moves its rows toward their mean by a fraction ≤ 1, which cannot raise the loss. */
    @Property(tries = 12, seed = "20261202")
    void moreTreesNeverIncreaseL2TrainingLoss(@ForAll long seed,
            @ForAll @DoubleRange(min = 0.05, max = 1.0) double rate, @ForAll @DoubleRange(min = 0, max = 5) double lambda,
            @ForAll @IntRange(min = 2, max = 40) int leaves) {
        Dataset d = Synthetic.mixed(400, seed, false);
        GbdtConfig c = GbdtConfig.defaults().toBuilder().numTrees(25).learningRate(rate).lambda(lambda)
                .numLeaves(leaves).minDataInLeaf(3).featureSubsample(0.5).seed(seed).build();
        List<Double> loss = new ArrayList<>();
        GbdtTrainer.train(d, d, c, (t, l) -> loss.add(l));
        for (int i = 1; i < loss.size(); i++) {
            assertTrue(loss.get(i) <= loss.get(i - 1) * (1 + 1e-12), "round " + i + ": " + loss.get(i - 1) + " -> " + loss.get(i));
        }
    }
}
