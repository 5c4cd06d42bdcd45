package org.retailrl.algorithms.lmm;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.algorithms.heuristics.HeuristicOptimizer;
import org.retailrl.algorithms.heuristics.HeuristicSuite;
import org.retailrl.algorithms.pricing.BatchPricingPolicy;
import org.retailrl.algorithms.pricing.PerCopyBatchPolicy;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * The behaviour policies that fill the large management model's dataset and serve as its
 * specialised yardsticks (docs/model.md §6.4): the heuristics of docs/model.md §8.10 fitted to one
 * task, their ε-noisy variants, and the uniformly random policy.
 */
public final class Behaviour {
    private Behaviour() {
    }

    /** Heuristic-fit settings cheap enough to fit one suite per task of a family. */
    public static HeuristicSuite.Settings fitSettings(long seed) {
        return new HeuristicSuite.Settings(2_000, 40, 2, seed);
    }

    /** The fitted heuristics of {@code suite} (paper-faithful, then strong), as batch policies. */
    public static List<BatchPricingPolicy> heuristics(HeuristicSuite suite) {
        List<BatchPricingPolicy> out = new ArrayList<>();
        for (HeuristicOptimizer.Result r : suite.all()) {
            out.add(new PerCopyBatchPolicy(r::policy));
        }
        return out;
    }

    /**
     * {@code base} with probability {@code eps}, per copy and period, replaced by a uniformly random
     * price index and order size. Copy {@code i} draws from {@code Rng.stream(seed, i)}, reseeded at
     * every reset, so an episode's noise depends only on the seed and the copy.
     */
    public static BatchPricingPolicy noisy(BatchPricingPolicy base, double eps, long seed) {
        NoiseStreams noise = new NoiseStreams(seed, eps);
        String name = NoiseStreams.name(base == null ? null : base.name(), eps);
        return new BatchPricingPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void reset(PricingBatch batch) {
                noise.reset(batch.copies());
                if (base != null) {
                    base.reset(batch);
                }
            }

            @Override
            public void act(PricingBatch batch, int[] priceOut, int[] orderOut) {
                if (base != null) {
                    base.act(batch, priceOut, orderOut);
                }
                PricingScenario s = batch.scenario();
                for (int i = 0; i < noise.copies(); i++) {
                    Rng r = noise.replace(i, base == null);
                    if (r != null) {
                        priceOut[i] = r.nextInt(s.priceCount());
                        orderOut[i] = r.nextInt(s.maxOrder() + 1);
                    }
                }
            }
        };
    }

    /** The uniformly random policy. */
    public static BatchPricingPolicy random(long seed) {
        return noisy(null, 1, seed);
    }
}
