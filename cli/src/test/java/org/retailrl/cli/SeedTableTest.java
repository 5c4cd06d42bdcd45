package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.eval.EvaluationReport;
import org.retailrl.algorithms.eval.PolicyScore;
import org.retailrl.algorithms.eval.Summary;

/** Seeds as replicates: intervals across per-seed means and paired per-seed differences, by hand. */
class SeedTableTest {
    private static PolicyScore score(String name, double... seedMeans) {
        double[] episodes = {1, 2, 3};
        return new PolicyScore(name, episodes, seedMeans, Summary.of(episodes, 0.95), Double.NaN, Double.NaN);
    }

    @Test
    void pairedPerSeedDifferencesByHand() {
        EvaluationReport r = new EvaluationReport("x", 3, 9, Double.NaN, List.of(score("FSDA", 10, 12, 15),
                score("(s,S,p)", 9, 10, 11)), List.of());
        SeedTable t = new SeedTable(r, List.of("FSDA"));
        assertEquals(1, t.pairs().size(), "only the learned policy gets pairs");
        Summary d = t.pairs().get(0).difference();
        // differences 1, 2, 4: mean 7/3, sd sqrt(7/3), t(0.975, 2) = 4.302653
        assertEquals(7.0 / 3, d.mean(), 1e-12);
        assertEquals(4.302653 * Math.sqrt(7.0 / 3) / Math.sqrt(3), d.halfWidth(), 1e-5);
        assertEquals(100 * (7.0 / 3) / 10, t.pairs().get(0).improvementPct(), 1e-9);
        String csv = t.csv();
        assertTrue(csv.contains("policy,\"(s,S,p)\",,3,9.0;10.0;11.0,10.0,"), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("paired,FSDA,\"(s,S,p)\",3,,") && l.endsWith(",3,no")), csv);
        assertTrue(t.text().contains("3/3"), t.text());
    }

    @Test
    void significantOnlyWhenThePairedIntervalExcludesZero() {
        // differences 1.0, 1.1, 0.9: mean 1, half-width 4.302653·0.1/√3 ≈ 0.25, so ahead;
        // -1.0, -1.1, -0.9 behind; 1, 2, 4 (interval ±3.79 around 2.33) not significant.
        EvaluationReport r = new EvaluationReport("x", 3, 9, Double.NaN, List.of(score("A", 11, 12.1, 12.9),
                score("B", 10, 11, 12), score("C", 12, 13.1, 13.9), score("D", 10, 10.1, 8.9)), List.of());
        SeedTable t = new SeedTable(r, List.of("A"));
        List<String> verdicts = t.pairs().stream().map(c -> SeedTable.significance(c.difference())).toList();
        assertEquals(List.of("ahead", "behind", "no"), verdicts);
        assertTrue(t.csv().lines().anyMatch(l -> l.startsWith("paired,A,B,") && l.endsWith(",ahead")), t.csv());
    }

    @Test
    void aSinglePolicyHasNoIntervalAcrossSeedsAndNoPairs() {
        EvaluationReport r = new EvaluationReport("x", 3, 9, Double.NaN, List.of(score("A", 11, 12.1, 12.9),
                score("DP", 15)), List.of());
        SeedTable t = new SeedTable(r, List.of("A"));
        assertTrue(t.pairs().isEmpty(), "no per-seed pairs with a single policy");
        assertTrue(t.text().contains("15.00 (one policy)") && !t.text().contains("Infinity"), t.text());
        assertTrue(t.csv().contains("policy,DP,,1,15.0,15.0,,,,,,"), t.csv());
    }
}
