package org.retailrl.algorithms.heuristics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.retailrl.envs.pricing.Demand;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.ShortageMode;

class OneStepPriceTest {
    /** Poisson pmf by the product formula, independent of the code under test. */
    private static double pois(int k, double lambda) {
        double p = Math.exp(-lambda);
        for (int i = 1; i <= k; i++) {
            p *= lambda / i;
        }
        return p;
    }

    /** Σ_d P(D = d) × (one period's reward at demand d + carried value of what is left or short). */
    private static double bruteForce(PricingScenario s, double p, int x, double lambda, double v) {
        double h = s.holdingCost(), b = s.shortageCost();
        double sum = 0;
        for (int d = 0; d < 400; d++) {
            double r;
            if (s.mode() == ShortageMode.BACKLOG) {
                int net = x - d;
                r = p * d - h * Math.max(net, 0) - b * Math.max(-net, 0) + v * net;
            } else {
                int sold = Math.min(d, x);
                r = p * sold - h * (x - sold) - b * (d - sold) + v * (x - sold);
            }
            sum += pois(d, lambda) * r;
        }
        return sum;
    }

    @Test
    void oracleOneStepObjectiveEqualsTheBruteForceExpectation() {
        for (String name : new String[] {"b", "a"}) {
            PricingScenario s = PricingScenario.named(name);
            Demand truth = new Demand(s);
            OneStepPrice oracle = new OneStepPrice(s, truth::rate);
            int lo = s.mode() == ShortageMode.BACKLOG ? -4 : 0;
            for (int x = lo; x <= 14; x += 3) {
                for (double[] market : new double[][] {{31, 30}, {25, 33.5}, {50, 28}}) {
                    for (double v : new double[] {10, 4, 0}) {
                        int bestBrute = -1;
                        double bestValue = Double.NEGATIVE_INFINITY;
                        for (int j = 0; j < s.priceCount(); j++) {
                            double lambda = truth.rate(s.price(j), market[0], market[1]);
                            double brute = bruteForce(s, s.price(j), x, lambda, v);
                            assertEquals(brute, oracle.expectedProfit(j, x, market[0], market[1], v), 1e-9,
                                    name + " j=" + j + " x=" + x + " v=" + v);
                            if (brute > bestValue + 1e-12) {
                                bestValue = brute;
                                bestBrute = j;
                            }
                        }
                        assertEquals(bestBrute, oracle.best(x, market[0], market[1], v, 0, s.priceCount() - 1));
                    }
                }
            }
        }
    }

    @Test
    void bestIsTheArgmaxOfExpectedProfitOverAnyRange() {
        // best takes all candidates' expected sales from one batched kernel call; the result must be
        // the index one expectedProfit per price picks, ties to the lowest, for every range and stock.
        org.retailrl.core.random.Rng gen = new org.retailrl.core.random.Rng(3);
        for (String name : new String[] {"b", "c"}) {
            PricingScenario s = PricingScenario.named(name);
            OneStepPrice oracle = new OneStepPrice(s, new Demand(s)::rate);
            for (int trial = 0; trial < 3000; trial++) {
                int x = gen.nextInt(60) - (s.mode() == ShortageMode.BACKLOG ? 10 : 0);
                double o = s.price(gen.nextInt(s.priceCount()));
                double r = gen.uniform(s.price(0), s.price(s.priceCount() - 1));
                double v = gen.uniform(0, 12);
                int lo = gen.nextInt(s.priceCount());
                int hi = lo + gen.nextInt(s.priceCount() - lo);
                int want = lo;
                double bestValue = Double.NEGATIVE_INFINITY;
                for (int j = lo; j <= hi; j++) {
                    double e = oracle.expectedProfit(j, x, o, r, v);
                    if (e > bestValue) {
                        bestValue = e;
                        want = j;
                    }
                }
                assertEquals(want, oracle.best(x, o, r, v, lo, hi), name + " trial " + trial);
            }
        }
    }

    @Test
    void risklessPriceMaximisesTheStockFreeMargin() {
        PricingScenario s = PricingScenario.named("b");
        Demand truth = new Demand(s);
        OneStepPrice oracle = new OneStepPrice(s, truth::rate);
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int j = 3; j <= 15; j++) {
            double v = (s.price(j) - 10) * truth.rate(s.price(j), 35, 30);
            if (v > bestValue) {
                bestValue = v;
                best = j;
            }
        }
        assertEquals(best, oracle.riskless(35, 30, 10, 3, 15));
    }
}
