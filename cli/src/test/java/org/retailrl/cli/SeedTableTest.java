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
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("paired,FSDA,\"(s,S,p)\",3,,") && l.endsWith(",3")), csv);
        assertTrue(t.text().contains("3/3"), t.text());
    }
}
