package org.retailrl.algorithms.heuristics;

import org.retailrl.core.random.Rng;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * The simulated observations the heuristics of docs/model.md §8.10 are fitted to (step 1 of the
 * fitting recipe of Zheng, Li, Jiang and Peng §3.8): each row is one period of the scenario's own
 * simulator played with a grid price drawn uniformly and no order, holding the price, the
 * competitor's price and the reference price the period's demand used, and the demand before stock
 * limits it. The paper's fit reads only the price and demand columns ({@link FittedDemand}); the
 * full-feature fit reads all four ({@link FeatureDemand}).
 *
 * @param prices own price {@code p_t}, currency per unit
 * @param competitor competitor's price {@code o_t}
 * @param reference reference price {@code r_{t−1}}
 * @param demands demand {@code d_t}, units
 */
record DemandSamples(double[] prices, double[] competitor, double[] reference, int[] demands) {

    /**
     * Simulates {@code samples} rows: {@code m = ⌈samples/T⌉} episodes of the scenario's horizon on
     * simulator streams {@code Rng.stream(seed, e)}, {@code e < m}, with random grid prices from
     * {@code Rng.stream(seed, m)}, a stream no episode uses.
     */
    static DemandSamples simulate(PricingScenario scenario, int samples, long seed) {
        if (samples < 2 || samples > 10_000_000) {
            throw new IllegalArgumentException("samples must be in [2, 10000000], got " + samples);
        }
        int horizon = scenario.horizon();
        int copies = (samples + horizon - 1) / horizon;
        PricingBatch batch = new PricingBatch(scenario, copies);
        batch.reset(seed);
        Rng choose = Rng.stream(seed, copies);
        int[] price = new int[copies];
        int[] order = new int[copies];
        double[] reward = new double[copies];
        double[] ps = new double[samples];
        double[] os = new double[samples];
        double[] rs = new double[samples];
        int[] ds = new int[samples];
        int n = 0;
        for (int t = 0; t < horizon && n < samples; t++) {
            for (int i = 0; i < copies; i++) {
                price[i] = choose.nextInt(scenario.priceCount());
            }
            for (int i = 0, k = n; i < copies && k < samples; i++, k++) {
                os[k] = batch.competitorPrice(i);
                rs[k] = batch.referencePrice(i);
            }
            batch.step(price, order, reward);
            for (int i = 0; i < copies && n < samples; i++) {
                ps[n] = scenario.price(price[i]);
                ds[n] = batch.lastDemand(i);
                n++;
            }
        }
        return new DemandSamples(ps, os, rs, ds);
    }
}
