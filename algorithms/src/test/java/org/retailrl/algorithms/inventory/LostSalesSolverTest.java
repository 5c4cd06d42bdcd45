package org.retailrl.algorithms.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.eval.Summary;
import org.retailrl.envs.inventory.DemandLaw;
import org.retailrl.envs.inventory.LostSalesScenario;

/** The exact lost-sales solver against closed forms, brute force and its own policy evaluation. */
class LostSalesSolverTest {
    private static LostSalesScenario instance(DemandLaw law, int lead, double penalty) {
        // An order cap far above every bound used, so only the state bound limits orders.
        return new LostSalesScenario(law, lead, 1, penalty, 0, law.max() + 20, 100, 0, new int[Math.max(lead - 1, 0)]);
    }

    @Test
    void leadZeroIsTheNewsvendor() {
        for (double p : new double[] {4, 9, 19, 39}) {
            DemandLaw law = DemandLaw.poisson(5);
            // Closed form: y* = smallest y with F(y) >= p/(p+h); cost h E(y*−D)^+ + p E(D−y*)^+.
            double fractile = p / (p + 1);
            int y = 0;
            double cdf = law.pmf(0);
            while (cdf < fractile) {
                y++;
                cdf += law.pmf(y);
            }
            double over = 0;
            double under = 0;
            for (int d = 0; d <= law.max(); d++) {
                over += Math.max(y - d, 0) * law.pmf(d);
                under += Math.max(d - y, 0) * law.pmf(d);
            }
            LostSalesSolution sol = LostSalesSolver.solve(instance(law, 0, p));
            assertEquals(over + p * under, sol.cost(), 1e-7, "p = " + p);
            assertEquals(y, sol.policy().order(new int[] {0}), "order up to the newsvendor quantity from empty");
        }
    }

    /** Stationary law reached from state 0 of a lazy chain ((P + I)/2: same stationary laws, aperiodic). */
    private static double bruteForceGain(double[][] p, double[] c) {
        int n = c.length;
        double[] pi = new double[n];
        pi[0] = 1;
        for (int it = 0; it < 20_000; it++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                next[i] += 0.5 * pi[i];
                for (int j = 0; j < n; j++) {
                    next[j] += 0.5 * pi[i] * p[i][j];
                }
            }
            pi = next;
        }
        double g = 0;
        for (int i = 0; i < n; i++) {
            g += pi[i] * c[i];
        }
        return g;
    }

    /** Cost vector and transition matrix of the L = 1 policy {@code order[y]} on states 0..B. */
    private static double bruteForce(LostSalesScenario s, int[] order) {
        int n = order.length;
        double[][] p = new double[n][n];
        double[] c = new double[n];
        DemandLaw law = s.demand();
        for (int y = 0; y < n; y++) {
            c[y] = s.expectedPeriodCost(y);
            for (int d = 0; d <= law.max(); d++) {
                int next = Math.max(y - d, 0) + order[y];
                p[y][next] += law.pmf(d);
            }
        }
        return bruteForceGain(p, c);
    }

    @Test
    void leadOneMatchesBruteForceOverEveryPolicy() {
        LostSalesScenario s = instance(DemandLaw.empirical(new double[] {0.3, 0.5, 0.2}), 1, 4);
        LostSalesSolution sol = LostSalesSolver.solve(s, -1, 1e-10);
        int b = sol.bound();
        assertTrue(b <= 6, "bound " + b);
        int[] order = new int[b + 1];
        double best = Double.POSITIVE_INFINITY;
        // Every deterministic policy keeping the position within the bound: order[y] in 0..B−y.
        while (true) {
            best = Math.min(best, bruteForce(s, order));
            int k = 0;
            while (k <= b && ++order[k] > b - k) {
                order[k] = 0;
                k++;
            }
            if (k > b) {
                break;
            }
        }
        assertEquals(best, sol.cost(), 1e-8);
        int[] table = new int[b + 1];
        for (int y = 0; y <= b; y++) {
            table[y] = sol.policy().order(new int[] {y});
        }
        assertEquals(best, bruteForce(s, table), 1e-8, "the solver's policy attains the brute-force optimum");
    }

    @Test
    void policyEvaluationAgreesWithBruteForceForABaseStockPolicy() {
        LostSalesScenario s = instance(DemandLaw.empirical(new double[] {0.3, 0.5, 0.2}), 1, 4);
        int level = 3;
        int[] order = new int[level + 1];
        for (int y = 0; y <= level; y++) {
            order[y] = level - y;
        }
        PolicyEvaluation.Result r = PolicyEvaluation.evaluate(s, LostSalesPolicy.baseStock("bs", level), level, 1e-10);
        assertEquals(bruteForce(s, order), r.cost(), 1e-8);
        assertEquals(0, r.clipped());
    }

    @Test
    void fastBellmanAndPerStatePolicyOperatorAgreeAtLeadThree() {
        // Two independent codings of the transition law: the optimum by the grouped Bellman sweep, and the
        // optimal policy's cost by the per-state policy operator.
        LostSalesScenario s = LostSalesScenario.zipkin(DemandLaw.Kind.GEOMETRIC, 9, 3);
        LostSalesSolution sol = LostSalesSolver.solve(s);
        PolicyEvaluation.Result r = PolicyEvaluation.evaluate(s, sol.policy(), sol.bound(), 1e-9);
        assertEquals(sol.cost(), r.cost(), 1e-6);
        assertEquals(0, r.clipped());
        HeuristicResult myopic2 = LostSalesHeuristics.lookahead(s, 2, sol.bound());
        assertTrue(myopic2.cost() >= sol.cost() - 1e-7, "no heuristic beats the optimum");
    }

    @Test
    void simulatedOptimalPolicyCoversTheExactCost() {
        LostSalesScenario s = LostSalesScenario.zipkin(DemandLaw.Kind.POISSON, 9, 2);
        LostSalesSolution sol = LostSalesSolver.solve(s);
        // 95 % interval over 64 i.i.d. copies, fixed seed.
        Summary sim = LostSalesSimulation.simulate(s, sol.policy(), 64, 200, 2000, 3);
        assertTrue(sim.covers(sol.cost()), sim + " vs " + sol.cost());
        assertTrue(sim.halfWidth() < 0.05, "interval too wide to fail: " + sim.halfWidth());
    }
}
