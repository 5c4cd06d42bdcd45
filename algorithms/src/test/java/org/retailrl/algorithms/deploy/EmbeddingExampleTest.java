package org.retailrl.algorithms.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.algorithms.pricing.PricingDecision;
import org.retailrl.envs.pricing.PricingEnv;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * The usage of docs/embedding.md end to end, with the single-copy simulator standing in for a
 * store: save, load, one decision per period. Two independent loads of the file must earn the
 * same profit to the bit (same seed, same decisions).
 */
class EmbeddingExampleTest {
    @TempDir
    Path dir;

    @Test
    void theDocumentedLoopRunsAnEpisodeAndTwoLoadsAgreeToTheBit() throws Exception {
        PricingScenario scenario = PolicyTest.scenario();
        Path file = dir.resolve("fsda.rrpf");
        PolicyFile.save(file, scenario, PolicyFile.FSDA, PolicyTest.fsda(31));
        double first = episodeProfit(file, 77);
        double second = episodeProfit(file, 77);
        assertEquals(Double.doubleToRawLongBits(first), Double.doubleToRawLongBits(second), first + " vs " + second);
    }

    private static double episodeProfit(Path file, long seed) throws Exception {
        Policy policy = Policy.load(file);
        Policy.Session store = policy.newSession();
        PricingEnv env = new PricingEnv(policy.scenario());
        float[] obs = env.reset(seed);
        assertEquals(policy.observationSize(), obs.length);
        double profit = 0;
        for (int t = 0; t < policy.scenario().horizon(); t++) {
            PricingDecision d = policy.decide(store, obs, t);
            assertEquals(policy.scenario().price(d.priceIndex()), store.price());
            assertTrue(d.order() >= 0 && d.order() <= policy.scenario().maxOrder());
            var step = env.step(d.priceIndex(), d.order());
            profit += step.reward();
            obs = step.observation();
        }
        return profit;
    }
}
