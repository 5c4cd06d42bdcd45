package org.retailrl.algorithms.recommendation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.Presets;

/**
 * The pieces of the docs/model.md §3 comparison on a tiny budget — training seeds, per-seed
 * evaluation, heuristics, the combined result — driven by {@link ComparisonDriver} the way the
 * command line's experiment layer drives them: the shape of the result, and that the pieces are
 * self-contained (run concurrently on several threads they give the bit-identical result of one
 * thread).
 */
class RecommendationComparisonTest {
    /** Width 8, one GRU layer, 1 epoch of 2 minibatches. */
    private static final LearnerConfig TINY = Presets.MTMA.withSizes(8, 1, 1, 25).withUpdates(1, 2);
    private static final LearnerConfig TINY_SINGLE = Presets.MTMA_SINGLE.withSizes(8, 1, 1, 25).withUpdates(1, 2);

    private static ComparisonResult run(int threads) throws InterruptedException {
        String name = "recommendation-backlog";
        return ComparisonDriver.run(new ComparisonOptions(name, RecommendationComparison.scenario(name), 2, 4, 3, 1,
                threads, 2, TINY, TINY_SINGLE));
    }

    @Test
    void resultIsBitIdenticalForOneAndThreeThreads() throws InterruptedException {
        ComparisonResult a = run(1);
        ComparisonResult b = run(3);
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
    }

    @Test
    void resultHoldsEveryPolicyDifferenceAndCurve() throws InterruptedException {
        ComparisonResult r = run(2);
        List<String> names = new ArrayList<>();
        r.policies().forEach(p -> names.add(p.name()));
        assertEquals(List.of("MTMA", "Joint IM-RS", "IM-Only", "RS-Only", "RS-Only (base-stock orders)",
                "Naive IM-RS", "Base-stock + uniform",
                "Base-stock + rating-greedy", "Base-stock + stock-aware"), names);
        assertEquals(2, r.policy("MTMA").rewards().length);
        assertEquals(1, r.policy("Base-stock + uniform").rewards().length);
        assertEquals(3, r.policy("MTMA").episodes());
        // 2 coordinated learners × 8 others.
        assertEquals(16, r.differences().size());
        assertEquals(5, r.concentration().size());
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
        // Seeds as replicates: the mean of the per-seed differences, a heuristic repeated for every seed.
        double[] mg = r.policy("MTMA").groupMeans();
        double[] jg = r.policy("Joint IM-RS").groupMeans();
        double h = r.policy("Base-stock + uniform").groupMeans()[0];
        MeanInterval sj = r.seedDifference("MTMA", "Joint IM-RS");
        assertEquals(2, sj.n());
        assertEquals((mg[0] - jg[0] + mg[1] - jg[1]) / 2, sj.mean(), 1e-9 * Math.abs(sj.mean()) + 1e-9);
        assertEquals((mg[0] + mg[1]) / 2 - h, r.seedDifference("MTMA", "Base-stock + uniform").mean(), 1e-6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecommendationComparison.result(r.options(), new double[4][][], List.of(), r.curves()));
        assertTrue(e.getMessage().contains("6 learned policies"), e.getMessage());
    }

    @Test
    void unknownScenarioNamesTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecommendationComparison.scenario("recommendation-huge"));
        assertTrue(e.getMessage().contains("recommendation-lost") && e.getMessage().contains("recommendation-backlog")
                && e.getMessage().contains("recommendation-large-backlog"));
        assertEquals(1000, RecommendationComparison.scenario("recommendation-large-lost").customers());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ComparisonOptions("x",
                RecommendationComparison.scenario("recommendation-lost"), 0, 4, 3, 1, 1, 2, TINY, TINY_SINGLE))
                .getMessage().contains("seeds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ComparisonOptions("x",
                RecommendationComparison.scenario("recommendation-lost"), 1, 4, 3, 1, 1, 0, TINY, TINY_SINGLE))
                .getMessage().contains("copies must be in [1, 4096]"));
    }
}
