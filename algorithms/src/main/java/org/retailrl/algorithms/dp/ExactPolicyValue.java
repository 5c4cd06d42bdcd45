package org.retailrl.algorithms.dp;

import org.retailrl.algorithms.pricing.PricingDecision;
import org.retailrl.algorithms.pricing.PricingPolicy;
import org.retailrl.algorithms.pricing.PricingView;

/**
 * Exact expected total profit of any policy whose decisions depend only on the period and the DP
 * state of a small docs/model.md §1 instance (stock available after arrival for {@code L = 1}, stock on
 * hand before ordering for {@code L = 0}), by backward policy evaluation with the same exact sales
 * law as {@link BackwardInduction}: {@code V_t(x) = R(j, A) − c q − K 1{q>0} + E V_{t+1}(x')} with
 * {@code (j, q)} the policy's decision. The policy sees a {@link PricingView} with that state, the
 * period, the fixed competitor and reference prices left at 0 (they are constants of the instance),
 * and no history; a policy that reads more than the state is not evaluated exactly. Policies that
 * read the market prices (the strong heuristics of docs/model.md §8.10) are evaluated by
 * {@link CompetitiveDp#evaluate}, which shows them the instance's prices.
 */
public final class ExactPolicyValue {
    private ExactPolicyValue() {
    }

    /** {@code V_1(startInventory)} of {@code policy} over {@code horizon} periods, currency. */
    public static double of(DpInstance inst, PricingPolicy policy, int horizon) {
        return table(inst, policy, horizon)[inst.startInventory()];
    }

    /** {@code V_1(x)} for every state {@code x ∈ 0..cap}. */
    public static double[] table(DpInstance inst, PricingPolicy policy, int horizon) {
        if (horizon < 1 || horizon > 100_000) {
            throw new IllegalArgumentException("horizon must be in [1, 100000], got " + horizon);
        }
        SalesDistribution sales = new SalesDistribution(inst);
        int cap = inst.cap();
        PricingView view = new PricingView(inst.leadTime());
        PricingDecision d = new PricingDecision();
        double[] next = new double[cap + 1];
        double[] cur = new double[cap + 1];
        policy.reset();
        for (int t = horizon; t >= 1; t--) {
            for (int x = 0; x <= cap; x++) {
                view.setPeriod(t, horizon).setAvailable(x);
                policy.act(view, d);
                int j = d.priceIndex();
                int q = d.order();
                if (j < 0 || j >= inst.priceCount() || q < 0 || q > inst.maxOrder()) {
                    throw new IllegalArgumentException("policy " + policy.name() + " chose (price " + j + ", order "
                            + q + ") outside the instance's ranges");
                }
                double cost = q == 0 ? 0 : inst.unitCost() * q + inst.fixedCost();
                int a = inst.leadTime() == 1 ? x : Math.min(x + q, cap);
                double ev = 0;
                for (int s = 0; s <= a; s++) {
                    int nx = inst.leadTime() == 1 ? Math.min(a - s + q, cap) : a - s;
                    ev += sales.pmf(j, a, s) * next[nx];
                }
                cur[x] = sales.expectedReward(j, a) - cost + ev;
            }
            double[] tmp = next;
            next = cur;
            cur = tmp;
        }
        return next;
    }
}
