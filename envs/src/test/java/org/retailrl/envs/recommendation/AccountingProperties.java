package org.retailrl.envs.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * Invariants of Eqs. 11–14 of docs/model.md §3 over random episodes of the default scenario with random
 * orders and random softmax exposures: stock balance, demand accounting in both modes, arrival
 * of each order exactly {@code L^i} periods later, and the profit formula.
 */
class AccountingProperties {

    @Property(tries = 30, seed = "20261124")
    void accountingHoldsEveryPeriod(@ForAll long seed, @ForAll boolean backlogMode) {
        RecommendationScenario sc = RecommendationScenarios.small()
                .withMode(backlogMode ? ShortageMode.BACKLOG : ShortageMode.LOST_SALES);
        int n = sc.products();
        int m = sc.customers();
        int[] lead = sc.leadTime();
        double[] pOut = sc.priceOut();
        double[] pIn = sc.priceIn();
        double[] h = sc.holdingCost();
        double[] b = sc.shortageCost();
        RecommendationEnv env = new RecommendationEnv(sc);
        env.reset(seed);
        Rng policy = new Rng(~seed);
        int[] prevInv = sc.initialInventory();
        int[] prevBacklog = new int[n];
        List<int[]> orderHistory = new ArrayList<>();
        double[] logits = new double[n * m];
        for (int t = 0; t < sc.horizon(); t++) {
            int[] q = new int[n];
            for (int i = 0; i < n; i++) {
                q[i] = policy.nextInt(sc.maxOrder() + 1) / 2;
            }
            for (int k = 0; k < logits.length; k++) {
                logits[k] = 2 * policy.normal();
            }
            orderHistory.add(q);
            RecommendationInfo info = env.step(q, Exposure.softmax(logits, n, m)).info();
            double reward = 0;
            for (int i = 0; i < n; i++) {
                int expectArrival = t - lead[i] >= 0 ? orderHistory.get(t - lead[i])[i] : 0;
                assertEquals(expectArrival, info.arrived()[i], "arrival = order L periods ago");
                int available = prevInv[i] + info.arrived()[i];
                assertTrue(info.sales()[i] <= available && info.inventory()[i] >= 0);
                assertEquals(available - info.sales()[i], info.inventory()[i], "stock balance (Eq. 13)");
                int toServe = info.demand()[i] + (backlogMode ? prevBacklog[i] : 0);
                assertEquals(Math.min(toServe, available), info.sales()[i], "Eq. 11");
                assertEquals(toServe - info.sales()[i], info.shortage()[i], "Eq. 12 / backlog");
                double f = pOut[i] * info.sales()[i] - pIn[i] * q[i] - h[i] * info.inventory()[i]
                        - b[i] * info.shortage()[i];
                assertEquals(f, info.profit()[i], 1e-9 * (1 + Math.abs(f)), "Eq. 14");
                reward += info.profit()[i];
                prevBacklog[i] = backlogMode ? info.shortage()[i] : 0;
            }
            assertEquals(reward, info.reward(), 0);
            prevInv = info.inventory();
            assertEquals(new RecommendationState(t + 1, prevInv, prevBacklog, env.state().pipeline()),
                    env.state());
        }
    }
}
