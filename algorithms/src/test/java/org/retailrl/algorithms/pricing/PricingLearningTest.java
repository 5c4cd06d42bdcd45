package org.retailrl.algorithms.pricing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.eval.Rollout;
import org.retailrl.algorithms.heuristics.BaseStockPolicy;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * FSDA and joint-action PPO learn on the pricing problem of docs/model.md §1 (scenario (b)): a
 * short run — 100 rounds of 8 copies with the published presets, 3 training seeds each — must end
 * far above the uniform-random policy it starts from and above the best base-stock policy with a
 * constant price (its order-up-to level and price chosen by exhaustive search on separate
 * episodes), on every seed and by at least 3% on average. Decisions are sampled from the policies
 * (the policy that was trained; greedy arg-max decisions lag early in training). Scored on 200
 * common evaluation episodes. A broken learner (no update, a sign error, a wrong ratio) stays near
 * the random policy and fails.
 */
class PricingLearningTest {
    private static final PricingScenario B = PricingScenario.named("b");
    private static final int ROUNDS = 100;
    private static final int COPIES = 8;
    private static final long EVAL_SEED = 4242;
    private static final int EVAL_EPISODES = 200;
    private static double baseStock;

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double score(BatchPricingPolicy p) {
        return mean(Rollout.profits(B, p, EVAL_SEED, EVAL_EPISODES));
    }

    private static BatchPricingPolicy baseStock(int level, int price) {
        return new PerCopyBatchPolicy(() -> new BaseStockPolicy(level, price, B.maxOrder(), B.priceCount(), 200));
    }

    @BeforeAll
    static void bestBaseStock() {
        double best = Double.NEGATIVE_INFINITY;
        int bs = 0;
        int bp = 0;
        for (int s = 0; s <= 60; s += 2) {
            for (int p = 0; p < B.priceCount(); p++) {
                double m = mean(Rollout.profits(B, baseStock(s, p), 777, 16));
                if (m > best) {
                    best = m;
                    bs = s;
                    bp = p;
                }
            }
        }
        baseStock = score(baseStock(bs, bp));
    }

    /** {untrained, learned} sampled-policy scores of one training seed. */
    private static double[] run(String name, boolean fsda, LearnerConfig config, long seed) {
        try (Trainer t = fsda ? PricingLearners.fsda(B, COPIES, config, seed, ROUNDS)
                : PricingLearners.ppoJoint(B, COPIES, config, seed, ROUNDS)) {
            double random = score(new LearnedPricingPolicy("untrained", t.actors(), false, 5));
            for (int r = 0; r < ROUNDS; r++) {
                t.round();
            }
            return new double[] {random, score(new LearnedPricingPolicy(name, t.actors(), false, 5))};
        }
    }

    private static void learns(String name, boolean fsda, LearnerConfig config) throws Exception {
        // The seeds are independent runs: they train side by side (results do not depend on it).
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(3, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<double[]>> runs = new ArrayList<>();
            for (long seed = 1; seed <= 3; seed++) {
                long s = seed;
                runs.add(pool.submit(() -> run(name, fsda, config, s)));
            }
            double sum = 0;
            StringBuilder seen = new StringBuilder();
            for (int i = 0; i < runs.size(); i++) {
                double[] r = runs.get(i).get();
                seen.append(String.format(java.util.Locale.ROOT, " seed %d: %.1f (untrained %.1f);", i + 1, r[1], r[0]));
                sum += r[1];
            }
            for (Future<double[]> f : runs) {
                double[] r = f.get();
                assertTrue(r[1] > r[0] + 20_000, name + " did not learn to stop piling up stock:" + seen);
                assertTrue(r[1] > baseStock, name + " below best base-stock " + baseStock + ":" + seen);
            }
            double avg = sum / runs.size();
            assertTrue(avg >= 1.03 * baseStock, name + " mean " + avg + " not 3% above best base-stock " + baseStock
                    + ":" + seen);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fsdaBeatsRandomAndBaseStock() throws Exception {
        learns("FSDA", true, Presets.FSDA);
    }

    @Test
    void jointPpoBeatsRandomAndBaseStock() throws Exception {
        learns("PPO-joint", false, Presets.PPO_JOINT);
    }
}
