package org.retailrl.algorithms.recommendation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison runner on a tiny budget: shape of the result, and independence of the thread count. */
class RecommendationComparisonTest {
    private static final MtmaConfig TINY = new MtmaConfig(8, 1, 2, 1, 25, 1, 2, 0.99, 0.95, 0.2, 0.01, 0.5, 0.5,
            1e-5, 1e-3, 1e-3, 1, 5e-4, 2, 1e-3);

    private static ComparisonResult run(int threads, List<Double> progress) throws InterruptedException {
        String name = "recommendation-backlog";
        ComparisonOptions o = new ComparisonOptions(name, RecommendationComparison.scenario(name), 2, 4, 3, 1, threads,
                TINY);
        return RecommendationComparison.run(o, (phase, f) -> progress.add(f));
    }

    @Test
    void resultIsBitIdenticalForOneAndThreeThreads() throws InterruptedException {
        List<Double> p1 = new ArrayList<>();
        ComparisonResult a = run(1, p1);
        ComparisonResult b = run(3, new ArrayList<>());
        assertEquals(a.policies().size(), b.policies().size());
        for (int k = 0; k < a.policies().size(); k++) {
            assertEquals(a.policies().get(k).name(), b.policies().get(k).name());
            double[][] x = a.policies().get(k).rewards();
            double[][] y = b.policies().get(k).rewards();
            for (int g = 0; g < x.length; g++) {
                assertArrayEquals(x[g], y[g], "policy " + a.policies().get(k).name() + " seed " + g);
            }
        }
        for (int l = 0; l < a.curves().size(); l++) {
            for (int g = 0; g < a.curves().get(l).length; g++) {
                assertArrayEquals(a.curves().get(l)[g], b.curves().get(l)[g]);
            }
        }
        assertEquals(a.claims(), b.claims());
        assertEquals(1.0, p1.get(p1.size() - 1));
        for (int i = 1; i < p1.size(); i++) {
            assertTrue(p1.get(i) >= p1.get(i - 1), "progress must not go back");
        }
    }

    @Test
    void resultHoldsEveryPolicyDifferenceAndCurve() throws InterruptedException {
        ComparisonResult r = run(2, new ArrayList<>());
        List<String> names = new ArrayList<>();
        r.policies().forEach(p -> names.add(p.name()));
        assertEquals(List.of("MTMA", "Joint IM-RS", "IM-Only", "RS-Only", "Naive IM-RS", "Base-stock + uniform",
                "Base-stock + rating-greedy", "Base-stock + stock-aware"), names);
        assertEquals(2, r.policy("MTMA").rewards().length);
        assertEquals(1, r.policy("Base-stock + uniform").rewards().length);
        assertEquals(3, r.policy("MTMA").episodes());
        // 2 coordinated learners × 7 others.
        assertEquals(14, r.differences().size());
        assertEquals(4, r.concentration().size());
        assertEquals(Learner.values().length, r.curves().size());
        assertEquals(2, r.curves().get(0)[0].length);
        assertEquals(2, r.episodesPerRound());
        // The paired difference is the difference of the episode means.
        double[] m = r.policy("MTMA").episodeMeans();
        double[] j = r.policy("Joint IM-RS").episodeMeans();
        double d = 0;
        for (int e = 0; e < m.length; e++) {
            d += (m[e] - j[e]) / m.length;
        }
        assertEquals(d, r.difference("MTMA", "Joint IM-RS").diff().mean(), 1e-9 * Math.abs(d) + 1e-9);
        assertTrue(RecommendationComparison.table(r).contains("Naive IM-RS"));
    }

    @Test
    void unknownScenarioNamesTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecommendationComparison.scenario("recommendation-large"));
        assertTrue(e.getMessage().contains("recommendation-lost") && e.getMessage().contains("recommendation-backlog"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ComparisonOptions("x",
                RecommendationComparison.scenario("recommendation-lost"), 0, 4, 3, 1, 1, TINY)).getMessage()
                .contains("seeds"));
    }
}
