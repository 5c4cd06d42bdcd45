package org.retailrl.algorithms.heuristics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void theMemoAnswersWhatTheComputationDoesForRepeatedAndNearlyEqualArguments() {
        // A pool of states drawn again and again (as the optimiser's common random numbers make
        // them recur), each next to a neighbour that differs in one argument only, by enough to
        // change the answer often, and more states than the memo has entries, so slots are
        // overwritten and collide.
        org.retailrl.core.random.Rng gen = new org.retailrl.core.random.Rng(5);
        PricingScenario s = PricingScenario.named("b");
        OneStepPrice oracle = new OneStepPrice(s, new Demand(s)::rate);
        int pool = 3 * OneStepPrice.MEMO_SIZE / 2;
        int[] xs = new int[pool];
        double[][] args = new double[pool][];
        int[][] ranges = new int[pool][];
        for (int i = 0; i < pool; i++) {
            if (i % 6 == 0) {
                xs[i] = gen.nextInt(40);
                args[i] = new double[] {s.price(gen.nextInt(s.priceCount())),
                    gen.uniform(s.price(0), s.price(s.priceCount() - 1)), gen.uniform(0, 12)};
                int lo = gen.nextInt(s.priceCount() / 2);
                ranges[i] = new int[] {lo, lo + gen.nextInt(s.priceCount() - lo)};
                continue;
            }
            xs[i] = xs[i - 1];
            args[i] = args[i - 1].clone();
            ranges[i] = ranges[i - 1].clone();
            switch (i % 6) {
                case 1 -> xs[i] = (xs[i] + 3) % 40;
                case 2 -> args[i][0] = s.price((int) ((args[i][0] - s.price(0)) / (s.price(1) - s.price(0)) + 5)
                        % s.priceCount());
                case 3 -> args[i][1] = args[i][1] + 8;
                case 4 -> args[i][2] = 12 - args[i][2];
                default -> ranges[i][1] = ranges[i][0] + (ranges[i][1] - ranges[i][0]) / 2;
            }
        }
        int changed = 0;
        for (int i = 1; i < pool; i++) {
            if (i % 6 != 0 && oracle.bestUncached(xs[i], args[i][0], args[i][1], args[i][2], ranges[i][0], ranges[i][1])
                    != oracle.bestUncached(xs[i - 1], args[i - 1][0], args[i - 1][1], args[i - 1][2], ranges[i - 1][0],
                            ranges[i - 1][1])) {
                changed++;
            }
        }
        // The neighbours must be able to tell a memo that ignores an argument from a correct one.
        assertTrue(changed > pool / 10, changed + " of " + pool + " neighbours have another answer");
        int repeats = 0;
        for (int call = 0; call < 4 * pool; call++) {
            int i = call < pool ? call : gen.nextInt(pool);
            repeats += call < pool ? 0 : 1;
            double[] a = args[i];
            int want = oracle.bestUncached(xs[i], a[0], a[1], a[2], ranges[i][0], ranges[i][1]);
            assertEquals(want, oracle.best(xs[i], a[0], a[1], a[2], ranges[i][0], ranges[i][1]), "call " + call);
        }
        assertEquals(3 * pool, repeats);
    }

    private static int slot(int x, double o, double r, double v, int lo, int hi) {
        return OneStepPrice.memoSlot(x, Double.doubleToRawLongBits(o), Double.doubleToRawLongBits(r),
                Double.doubleToRawLongBits(v), (long) lo << 32 | hi);
    }

    @Test
    void keysThatShareASlotAndDifferInOneArgumentGetTheirOwnAnswers() {
        // For each argument: two calls that differ in it alone, fall in the same memo slot and have
        // different answers; the second must not be answered from the first's entry. (Calls that
        // differ only in their index range never share a slot: ranges differ by a few small
        // integers, which the multiplicative hash spreads over the whole table.)
        org.retailrl.core.random.Rng gen = new org.retailrl.core.random.Rng(9);
        PricingScenario s = PricingScenario.named("b");
        OneStepPrice oracle = new OneStepPrice(s, new Demand(s)::rate);
        int n = s.priceCount();
        for (int field = 0; field < 4; field++) {
            boolean found = false;
            for (int attempt = 0; attempt < 50_000_000 && !found; attempt++) {
                int x = gen.nextInt(40);
                double o = gen.uniform(s.price(0), s.price(n - 1));
                double r = gen.uniform(s.price(0), s.price(n - 1));
                double v = gen.uniform(0, 12);
                int lo = gen.nextInt(n);
                int hi = lo + gen.nextInt(n - lo);
                int x2 = field == 0 ? gen.nextInt(40) : x;
                double o2 = field == 1 ? gen.uniform(s.price(0), s.price(n - 1)) : o;
                double r2 = field == 2 ? gen.uniform(s.price(0), s.price(n - 1)) : r;
                double v2 = field == 3 ? gen.uniform(0, 12) : v;
                int lo2 = field == 4 ? gen.nextInt(n) : lo;
                int hi2 = field == 4 ? lo2 + gen.nextInt(n - lo2) : hi;
                if (slot(x, o, r, v, lo, hi) != slot(x2, o2, r2, v2, lo2, hi2)) {
                    continue;
                }
                int first = oracle.bestUncached(x, o, r, v, lo, hi);
                int second = oracle.bestUncached(x2, o2, r2, v2, lo2, hi2);
                if (first == second) {
                    continue;
                }
                found = true;
                assertEquals(first, oracle.best(x, o, r, v, lo, hi), "field " + field);
                assertEquals(second, oracle.best(x2, o2, r2, v2, lo2, hi2), "field " + field + ": answered from the memo");
                assertEquals(first, oracle.best(x, o, r, v, lo, hi), "field " + field + " again");
            }
            assertTrue(found, "no colliding pair with different answers for field " + field);
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
