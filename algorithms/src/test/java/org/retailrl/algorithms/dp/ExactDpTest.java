package org.retailrl.algorithms.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.eval.Rollout;
import org.retailrl.algorithms.eval.Summary;
import org.retailrl.algorithms.pricing.PerCopyBatchPolicy;
import org.retailrl.envs.pricing.PricingScenario;

class ExactDpTest {
    /** Poisson pmf by the textbook product formula, independent of the solver's log-space code. */
    private static double pois(int k, double lambda) {
        double p = Math.exp(-lambda);
        for (int i = 1; i <= k; i++) {
            p *= lambda / i;
        }
        return p;
    }

    @Test
    void onePeriodNewsvendorMatchesClosedForm() {
        // One price, L = 0, T = 1, K = 0, start empty: the order is the critical-fractile
        // newsvendor quantity A* = min{y : F(y) >= (p + b − c)/(p + b + h)}.
        double p = 30, c = 10, h = 1, b = 5, lambda = 6.5;
        DpInstance inst = new DpInstance(new double[] {p}, new double[] {lambda}, 40, c, h, b, 0, 0, 60, 0);
        DpSolution sol = BackwardInduction.solve(inst, 1);
        double ratio = (p + b - c) / (p + b + h);
        int star = 0;
        double cdf = pois(0, lambda);
        while (cdf < ratio) {
            star++;
            cdf += pois(star, lambda);
        }
        double expected = 0;
        for (int d = 0; d < 200; d++) {
            int sales = Math.min(d, star);
            expected += pois(d, lambda) * (p * sales - h * (star - sales) - b * (d - sales));
        }
        expected -= c * star;
        assertEquals(star, sol.order(1, 0));
        assertEquals(expected, sol.optimum(), 1e-9);
    }

    @Test
    void onePeriodWithLeadTimeNeverOrdersAndPricesMyopically() {
        // L = 1, T = 1: an order cannot arrive before the end, so q = 0 and the price maximises
        // p E[min(D, A)] − h E[(A − D)^+] − b E[(D − A)^+] at A = I_0.
        double[] prices = {10, 20, 40};
        double[] means = {8, 4, 1};
        DpInstance inst = new DpInstance(prices, means, 5, 10, 1, 5, 0, 1, 10, 3);
        DpSolution sol = BackwardInduction.solve(inst, 1);
        double best = Double.NEGATIVE_INFINITY;
        int bestJ = -1;
        for (int j = 0; j < prices.length; j++) {
            double v = 0;
            for (int d = 0; d < 200; d++) {
                int s = Math.min(d, 3);
                v += pois(d, means[j]) * (prices[j] * s - (3 - s) - 5 * (d - s));
            }
            if (v > best) {
                best = v;
                bestJ = j;
            }
        }
        assertEquals(0, sol.order(1, 3));
        assertEquals(bestJ, sol.priceIndex(1, 3));
        assertEquals(best, sol.optimum(), 1e-9);
    }

    /**
     * Brute-force recursion over the raw state (on-hand I, pipeline q) with demand summed to 80,
     * memoised on (t, I, q), sharing no code with the solver.
     */
    private static double brute(DpInstance in, int t, int horizon, int inv, int pipe, java.util.Map<String, Double> memo) {
        if (t > horizon) {
            return 0;
        }
        String key = t + "," + inv + "," + pipe;
        Double known = memo.get(key);
        if (known != null) {
            return known;
        }
        int a = Math.min(inv + pipe, in.cap());
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < in.priceCount(); j++) {
            for (int q = 0; q <= in.maxOrder(); q++) {
                double v = -(q > 0 ? in.unitCost() * q + in.fixedCost() : 0);
                for (int d = 0; d <= 80; d++) {
                    double pr = pois(d, in.demandMean(j));
                    int s = Math.min(d, a);
                    double r = in.price(j) * s - in.holding() * (a - s) - in.penalty() * (d - s);
                    v += pr * (r + brute(in, t + 1, horizon, a - s, q, memo));
                }
                best = Math.max(best, v);
            }
        }
        memo.put(key, best);
        return best;
    }

    @Test
    void leadOneMatchesBruteForceOnTinyInstance() {
        DpInstance inst = new DpInstance(new double[] {12, 20, 30}, new double[] {3, 2, 0.8}, 3, 6, 1, 4, 5, 1, 5, 1);
        DpSolution sol = BackwardInduction.solve(inst, 3);
        for (int start = 0; start <= 5; start++) {
            assertEquals(brute(inst, 1, 3, start, 0, new java.util.HashMap<>()), sol.value(1, start), 1e-9, "start " + start);
        }
    }

    @Test
    void dpValueMatchesMonteCarloOfItsPolicyInTheSimulator() {
        // Small docs/model.md §1 instance: L = 1, K = 20, T = 12, competitor and reference fixed at 30, cap 15.
        PricingScenario sc = DpInstance.smallScenario(1, 12, 20, 15, 4, 30, 30);
        DpSolution sol = BackwardInduction.solve(DpInstance.of(sc), sc.horizon());
        double[] profits = Rollout.profits(sc, new PerCopyBatchPolicy(sol::policy), 20_261_124L, 4000);
        Summary s = Summary.of(profits, 0.99);
        assertTrue(s.covers(sol.optimum()), "DP " + sol.optimum() + " outside 99% CI [" + s.lower() + ", "
                + s.upper() + "]");
        // The check has power: the interval is narrow relative to the value.
        assertTrue(s.halfWidth() < 0.05 * Math.abs(sol.optimum()), "CI too wide: " + s.halfWidth());
    }

    @Test
    void leadZeroDpValueMatchesMonteCarlo() {
        PricingScenario sc = DpInstance.smallScenario(0, 8, 0, 12, 0, 30, 30);
        DpSolution sol = BackwardInduction.solve(DpInstance.of(sc), sc.horizon());
        Summary s = Summary.of(Rollout.profits(sc, new PerCopyBatchPolicy(sol::policy), 77L, 4000), 0.99);
        assertTrue(s.covers(sol.optimum()), "DP " + sol.optimum() + " outside 99% CI [" + s.lower() + ", "
                + s.upper() + "]");
    }

    @Test
    void valueIterationMatchesDiscountedMonteCarlo() {
        double gamma = 0.9;
        // Horizon 200: the discounted tail beyond it is below 0.9^200 · max|r| / (1 − γ) < 1e-6.
        PricingScenario sc = DpInstance.smallScenario(1, 200, 20, 15, 4, 30, 30);
        DpSolution sol = ValueIteration.solve(DpInstance.of(sc), gamma, 1e-6, 10_000);
        assertTrue(sol.stationary());
        Summary s = Summary.of(Rollout.profits(sc, new PerCopyBatchPolicy(sol::policy), 5L, 2000, gamma), 0.99);
        assertTrue(s.covers(sol.optimum()), "VI " + sol.optimum() + " outside 99% CI [" + s.lower() + ", "
                + s.upper() + "]");
    }

    @Test
    void valueIterationApproachesLongHorizonBackwardInductionFixedPoint() {
        // The finite-horizon value grows by the average profit per period; VI values must satisfy
        // the Bellman equation: one more sweep moves them by less than the stopping threshold.
        DpInstance inst = DpInstance.of(DpInstance.smallScenario(1, 10, 0, 15, 4, 30, 30));
        double gamma = 0.95;
        DpSolution a = ValueIteration.solve(inst, gamma, 1e-4, 10_000);
        DpSolution b = ValueIteration.solve(inst, gamma, 1e-8, 10_000);
        for (int x = 0; x <= inst.cap(); x++) {
            assertEquals(b.value(1, x), a.value(1, x), 1e-4 / 2 + 1e-8 / 2);
        }
    }

    @Test
    void badInstancesNameTheField() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new DpInstance(new double[] {10}, new double[] {1}, 5, 1, 1, 1, 0, 2, 10, 0));
        assertTrue(e.getMessage().contains("leadTime"));
        e = assertThrows(IllegalArgumentException.class,
                () -> new DpInstance(new double[] {10}, new double[] {1}, 5, -1, 1, 1, 0, 0, 10, 0));
        assertTrue(e.getMessage().contains("unitCost"));
        e = assertThrows(IllegalArgumentException.class, () -> DpInstance.of(PricingScenario.named("b")));
        assertTrue(e.getMessage().contains("leadTime"));
        e = assertThrows(IllegalArgumentException.class,
                () -> ValueIteration.solve(DpInstance.of(DpInstance.smallScenario(1, 10, 0, 5, 0, 30, 30)), 1.0, 1e-6, 10));
        assertTrue(e.getMessage().contains("discount"));
    }
}
