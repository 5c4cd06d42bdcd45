package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.eval.PolicyScore;
import org.retailrl.algorithms.eval.Summary;

/** The first checkpoint at which a learner is ahead of a baseline, by mean and by paired test, by hand. */
class EfficiencyTableTest {
    private static PolicyScore score(String name, double... seedMeans) {
        double m = 0;
        for (double x : seedMeans) {
            m += x;
        }
        m /= seedMeans.length;
        double[] episodes = {m - 1, m, m + 1};
        return new PolicyScore(name, episodes, seedMeans, Summary.of(episodes, 0.95), Double.NaN, Double.NaN);
    }

    @Test
    void firstAheadByMeanAndByPairedInterval() {
        // Baseline seed means 100, 101, 102 (mean 101). Checkpoints 50, 100, 200:
        // at 50 below; at 100 ahead by its mean (102 vs 101) but per-seed differences 5, -3, 1 are not
        // significant; at 200 differences 4, 4.2, 3.8 are (half-width ≈ 0.5).
        double[][][] means = {{{90, 90, 90}, {105, 98, 103}, {104, 105.2, 105.8}}};
        PolicyScore base = score("Myopic*", 100, 101, 102);
        EfficiencyTable t = new EfficiencyTable(List.of("FSDA"), new int[] {50, 100, 200}, means, List.of(base));
        assertEquals(100, t.firstAhead(0, base));
        assertEquals(200, t.firstSignificantlyAhead(0, base));
        PolicyScore strong = score("Oracle", 200, 200, 200);
        assertEquals(-1, t.firstAhead(0, strong));
        assertEquals(-1, t.firstSignificantlyAhead(0, strong));
        PolicyScore dp = score("DP", 50);
        assertEquals(50, t.firstAhead(0, dp));
        assertEquals(-1, t.firstSignificantlyAhead(0, dp), "one DP policy: no per-seed pairs");
        EfficiencyTable withAll = new EfficiencyTable(List.of("FSDA"), new int[] {50, 100, 200}, means,
                List.of(base, strong));
        String text = withAll.text();
        assertTrue(text.contains("100 / 200") && text.contains("never / never"), text);
        String csv = withAll.csv();
        assertTrue(csv.contains("ahead,FSDA,,Myopic*,,101.0,,,100,200"), csv);
        assertTrue(csv.contains("ahead,FSDA,,Oracle,,200.0,,,,"), csv);
        assertEquals(1 + 3 + 2, csv.lines().count(), csv);
    }
}
